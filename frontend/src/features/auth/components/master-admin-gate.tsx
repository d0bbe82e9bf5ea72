import type { ReactNode } from "react";

import { FullPageStatus } from "@/components/ui/full-page-status";
import { useMe } from "@/features/profile";
import { ApiError } from "@/lib/api-client";

/** Lets only a master admin through; anyone else is told so, plainly. */
export function MasterAdminGate({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <FullPageStatus title="Signing you in…" />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 403) {
      return (
        <FullPageStatus
          title="Not a master admin"
          detail="You are signed in, but this cockpit belongs to the master admin. Ask the founder to give your account the master_admin role."
        />
      );
    }
    return (
      <FullPageStatus title="You could not be signed in" detail={me.error.message}>
        <button type="button" className="button" onClick={() => void me.refetch()}>
          Try again
        </button>
      </FullPageStatus>
    );
  }
  return children;
}
