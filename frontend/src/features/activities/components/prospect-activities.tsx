import { Plus } from "lucide-react";
import { useState } from "react";

import { QueryState } from "@/components/ui/query-state";
import { shortDate } from "@/lib/format";

import { useProspectActivities } from "../api/get-prospect-activities";
import { activityLabel } from "../activity-types";

import { LogActivityDialog } from "./log-activity-dialog";

/** A prospect's activities, newest first, and the log form preset to that prospect.
 * `today` is the server's date in the founder's time zone. */
export function ProspectActivities({ prospectId, today }: { prospectId: number; today: string }) {
  const activities = useProspectActivities(prospectId);
  const [formOpen, setFormOpen] = useState(false);

  return (
    <section className="card" aria-labelledby="prospect-activities-heading">
      <div className="card-header">
        <h2 id="prospect-activities-heading">Activities</h2>
        <button type="button" className="button secondary" onClick={() => setFormOpen(true)}>
          <Plus aria-hidden size={16} /> Log activity
        </button>
      </div>
      <QueryState query={activities} label="the prospect's activities">
        {({ items, total }) =>
          items.length === 0 ? (
            <p className="muted">No activity with this prospect yet.</p>
          ) : (
            <>
              <ol className="timeline" aria-label="The prospect's activities">
                {items.map((activity) => (
                  <li key={activity.id} className={`timeline-item status-${activity.status}`}>
                    <div className="timeline-main">
                      <span className={`type-dot type-${activity.type}`} aria-hidden />
                      <div>
                        <p className="timeline-title">
                          {activityLabel(activity.type)}
                          {activity.amount > 1 && ` ×${activity.amount}`}{" "}
                          <span className={`badge status-${activity.status}`}>{activity.status}</span>
                        </p>
                        <p className="muted small">
                          <time dateTime={activity.date}>{shortDate(activity.date)}</time>
                          {activity.notes && ` · ${activity.notes}`}
                        </p>
                      </div>
                    </div>
                  </li>
                ))}
              </ol>
              {total > items.length && (
                <p className="muted small">
                  The latest {items.length} of {total}.
                </p>
              )}
            </>
          )
        }
      </QueryState>
      <LogActivityDialog
        open={formOpen}
        onOpenChange={setFormOpen}
        title="Log an activity with this prospect"
        today={today}
        prospectId={prospectId}
      />
    </section>
  );
}
