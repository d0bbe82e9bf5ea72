import {
  BellOff,
  BellRing,
  CheckCheck,
  Lightbulb,
  PartyPopper,
  Trash2,
  TriangleAlert,
  type LucideIcon,
} from "lucide-react";
import type { ReactNode } from "react";
import { toast } from "sonner";

import type { Schemas } from "@/lib/api-client";

import { useDeleteNudge, useMarkNudgeRead } from "../api/nudges";

type Nudge = Schemas["AdminNudgeResponse"];

const TYPES: Record<Schemas["NudgeType"], { label: string; icon: LucideIcon }> = {
  reminder: { label: "Reminder", icon: BellRing },
  suggestion: { label: "Suggestion", icon: Lightbulb },
  alert: { label: "Alert", icon: TriangleAlert },
  celebration: { label: "Celebration", icon: PartyPopper },
};

const PRIORITIES: Record<Schemas["NudgePriority"], string> = {
  urgent: "Urgent",
  high: "High priority",
  normal: "Normal priority",
  low: "Low priority",
};

type NudgeListProps = {
  nudges: Nudge[];
  limit?: number;
  empty?: ReactNode;
};

/** Nudges as the server orders them (highest priority first), each to mark read or delete. */
export function NudgeList({ nudges, limit, empty }: NudgeListProps) {
  const markRead = useMarkNudgeRead();
  const remove = useDeleteNudge();
  if (nudges.length === 0) {
    return (
      empty ?? (
        <p className="muted">
          <BellOff aria-hidden size={16} /> Nothing needs your attention.
        </p>
      )
    );
  }
  const shown = limit === undefined ? nudges : nudges.slice(0, limit);
  return (
    <ul className="nudge-list">
      {shown.map((nudge) => {
        const { label, icon: Icon } = TYPES[nudge.type];
        return (
          <li key={nudge.id} className={`nudge priority-${nudge.priority}${nudge.read ? " read" : ""}`}>
            <Icon aria-hidden size={18} className={`nudge-icon type-${nudge.type}`} />
            <div className="nudge-body">
              <p className="nudge-meta">
                <span className={`badge priority-${nudge.priority}`}>{PRIORITIES[nudge.priority]}</span>
                <span className="small">{label}</span>
                {nudge.read && <span className="badge">read</span>}
              </p>
              <p className="nudge-message">{nudge.message}</p>
            </div>
            <div className="nudge-actions">
              {!nudge.read && (
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
              )}
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
        );
      })}
    </ul>
  );
}
