import { QueryState } from "@/components/ui/query-state";
import { timeOfDay } from "@/lib/format";

import { useFocusHistory } from "../api/focus-sessions";

function outcome(session: { completed: boolean; interrupted: boolean }): string {
  if (session.completed) return "completed";
  if (session.interrupted) return "interrupted";
  return "open";
}

/** The latest sessions, newest first. */
export function FocusHistory({ timeZone }: { timeZone: string }) {
  const history = useFocusHistory();
  return (
    <section className="card" aria-labelledby="focus-history-heading">
      <h2 id="focus-history-heading">Past sessions</h2>
      <QueryState query={history} label="past sessions">
        {({ items, total }) =>
          items.length === 0 ? (
            <p className="muted">No focus sessions yet.</p>
          ) : (
            <>
              <p className="muted small">{total} in all</p>
              <ul className="session-list">
                {items.map((session) => (
                  <li key={session.id}>
                    <span>
                      {new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone }).format(
                        new Date(session.start_time),
                      )}{" "}
                      {timeOfDay(session.start_time, timeZone)}
                    </span>
                    <span>{session.duration_minutes} min</span>
                    <span className={`badge outcome-${outcome(session)}`}>{outcome(session)}</span>
                    {session.notes && <span className="muted small session-notes">{session.notes}</span>}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
