import { Check, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import type { Schemas } from "@/lib/api-client";
import { timeOfDay } from "@/lib/format";

import { useDeleteActivity, useUpdateActivity } from "../api/activity-mutations";
import { activityLabel } from "../activity-types";

import { ActivityForm } from "./activity-form";

type Activity = Schemas["AdminActivityResponse"];

/** Activities, newest first, each with mark-done, edit and delete. */
export function ActivityTimeline({ activities, timeZone }: { activities: Activity[]; timeZone: string }) {
  if (activities.length === 0) {
    return <p className="muted">Nothing logged yet today. Press D, E, V or C to log one.</p>;
  }
  return (
    <ol className="timeline">
      {activities.map((activity) => (
        <TimelineItem key={activity.id} activity={activity} timeZone={timeZone} />
      ))}
    </ol>
  );
}

function TimelineItem({ activity, timeZone }: { activity: Activity; timeZone: string }) {
  const update = useUpdateActivity();
  const remove = useDeleteActivity();
  const [editing, setEditing] = useState(false);
  const label = activityLabel(activity.type);
  const name = `${label}${activity.amount > 1 ? ` ×${activity.amount}` : ""}`;

  return (
    <li className={`timeline-item status-${activity.status}`}>
      <div className="timeline-main">
        <span className={`type-dot type-${activity.type}`} aria-hidden />
        <div>
          <p className="timeline-title">
            {name} <span className={`badge status-${activity.status}`}>{activity.status}</span>
          </p>
          <p className="muted small">
            <time dateTime={activity.created_at}>{timeOfDay(activity.created_at, timeZone)}</time>
            {activity.prospect_id !== null && ` · prospect #${activity.prospect_id}`}
            {activity.notes && ` · ${activity.notes}`}
          </p>
        </div>
      </div>
      <div className="timeline-actions">
        {activity.status === "pending" && (
          <button
            type="button"
            className="icon-button"
            aria-label={`Mark ${name} done`}
            onClick={() =>
              update.mutate(
                { id: activity.id, body: { status: "done" } },
                { onError: (error) => toast.error(`Not marked done: ${error.message}`) },
              )
            }
          >
            <Check aria-hidden size={18} />
          </button>
        )}
        <button type="button" className="icon-button" aria-label={`Edit ${name}`} onClick={() => setEditing(true)}>
          <Pencil aria-hidden size={18} />
        </button>
        <ConfirmDialog
          trigger={
            <button type="button" className="icon-button" aria-label={`Delete ${name}`}>
              <Trash2 aria-hidden size={18} />
            </button>
          }
          title={`Delete this ${label.toLowerCase()}?`}
          description="Its points leave the day's score and the streak is recomputed."
          confirmLabel="Delete"
          onConfirm={() =>
            remove.mutate(activity.id, {
              onSuccess: () => toast.success("Deleted"),
              onError: (error) => toast.error(`Not deleted: ${error.message}`),
            })
          }
        />
      </div>
      <Dialog open={editing} onOpenChange={setEditing} title={`Edit ${label.toLowerCase()}`}>
        <ActivityForm
          initial={{
            type: activity.type,
            status: activity.status,
            date: activity.date,
            amount: activity.amount,
            notes: activity.notes ?? null,
            prospect_id: activity.prospect_id ?? null,
          }}
          submitLabel="Save"
          onSubmit={async (values) => {
            await update.mutateAsync({ id: activity.id, body: values });
            toast.success("Saved");
            setEditing(false);
          }}
        />
      </Dialog>
    </li>
  );
}
