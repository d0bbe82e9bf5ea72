import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useState, type ReactNode } from "react";

import { FullPageStatus } from "@/components/ui/full-page-status";
import { setTokenSource } from "@/lib/api-client";

import { devTokenQuery } from "../api/create-dev-token";
import { useConfig } from "../api/get-config";

import { MasterAdminGate } from "./master-admin-gate";

// Clerk's SDK is loaded only where Clerk signs the founder in.
const ClerkAuth = lazy(() => import("./clerk-auth"));

/** Signs the founder in as the server's config says, then checks the master-admin role. */
export function AuthGate({ children }: { children: ReactNode }) {
  const config = useConfig();
  if (config.isPending) return <FullPageStatus title="Loading the cockpit…" />;
  if (config.isError) {
    return (
      <FullPageStatus title="The server cannot be reached" detail={config.error.message}>
        <button type="button" className="button" onClick={() => void config.refetch()}>
          Try again
        </button>
      </FullPageStatus>
    );
  }
  const gated = <MasterAdminGate>{children}</MasterAdminGate>;
  if (config.data.auth === "development") return <DevelopmentAuth>{gated}</DevelopmentAuth>;
  return (
    <Suspense fallback={<FullPageStatus title="Loading sign-in…" />}>
      <ClerkAuth publishableKey={config.data.clerk_publishable_key ?? ""}>{gated}</ClerkAuth>
    </Suspense>
  );
}

/** Development auth: the server hands out a token, renewed whenever one is refused. */
function DevelopmentAuth({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  // Installed during render, before any child query fires.
  useState(() =>
    setTokenSource(
      () => queryClient.query(devTokenQuery),
      () => queryClient.removeQueries({ queryKey: devTokenQuery.queryKey }),
    ),
  );
  return children;
}
