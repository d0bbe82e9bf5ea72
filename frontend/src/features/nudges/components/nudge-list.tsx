import { BellOff, CheckCheck, Trash2 } from "lucide-react";
import { toast } from "sonner";

import type { Schemas } from "@/lib/api-client";

import { useDeleteNudge, useMarkNudgeRead } from "../api/nudges";

type Nudge = Schemas["AdminNudgeResponse"];

/** Nudges as the server orders them (highest priority first), each to mark read or delete. */
export function NudgeList({ nudges, limit }: { nudges: Nudge[]; limit?: number }) {
  const markRead = useMarkNudgeRead();
  const remove = useDeleteNudge();
  if (nudges.length === 0) {
    return (
      <p className="muted">
        <BellOff aria-hidden size={16} /> Nothing needs your attention.
      </p>
    );
  }
  const shown = limit === undefined ? nudges : nudges.slice(0, limit);
  return (
    <ul className="nudge-list">
      {shown.map((nudge) => (
        <li key={nudge.id} className={`nudge priority-${nudge.priority}`}>
          <div>
            <p className="nudge-meta">
              <span className={`badge priority-${nudge.priority}`}>{nudge.priority}</span>
              <span className="muted small">{nudge.type}</span>
            </p>
            <p className="nudge-message">{nudge.message}</p>
          </div>
          <div className="nudge-actions">
            <button
              type="button"
              className="icon-button"
              aria-label={`Mark read: ${nudge.message}`}
              onClick={() =>
                markRead.mutate(nudge.id, { onError: (error) => toast.error(`Not marked read: ${error.message}`) })
              }
            >
              <CheckCheck aria-hidden size={18} />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete: ${nudge.message}`}
              onClick={() =>
                remove.mutate(nudge.id, { onError: (error) => toast.error(`Not deleted: ${error.message}`) })
              }
            >
              <Trash2 aria-hidden size={18} />
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
