import { RefreshCw } from "lucide-react";
import { toast } from "sonner";

import { useGenerateNudges } from "../api/nudges";

function newNudgesMessage(count: number): string {
  if (count === 0) return "No new nudges";
  return count === 1 ? "1 new nudge" : `${count} new nudges`;
}

/** Runs the nudge rules now and says how many new nudges they raised. */
export function CheckNudgesButton() {
  const generate = useGenerateNudges();
  return (
    <button
      type="button"
      className="button"
      disabled={generate.isPending}
      onClick={() =>
        generate.mutate(undefined, {
          onSuccess: (created) => toast.success(newNudgesMessage(created.length)),
          onError: (error) => toast.error(`Not checked: ${error.message}`),
        })
      }
    >
      <RefreshCw aria-hidden size={16} /> Check now
    </button>
  );
}
