import { toast } from "sonner";

import { useUpdateTimeZone } from "../api/update-time-zone";

/** One click sets the profile's zone to the browser's. */
export function UseBrowserTimeZone({ zone }: { zone: string }) {
  const update = useUpdateTimeZone();
  return (
    <button
      type="button"
      className="button"
      disabled={update.isPending}
      onClick={() =>
        update.mutate(zone, {
          onSuccess: (profile) => toast.success(`Time zone set to ${profile.timezone}`),
          onError: (error) => toast.error(`Time zone not changed: ${error.message}`),
        })
      }
    >
      Use {zone}
    </button>
  );
}
