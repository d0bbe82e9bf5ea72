import { QueryState } from "@/components/ui/query-state";

import { useFocusStats } from "../api/focus-sessions";

/** This week's focused minutes and sessions, the server's figures. */
export function FocusWeek() {
  const stats = useFocusStats();
  return (
    <section className="card" aria-labelledby="focus-week-heading">
      <h2 id="focus-week-heading">This week</h2>
      <QueryState query={stats} label="this week's focus">
        {(week) => (
          <p>
            <strong>{week.focused_minutes}</strong> focused minutes in {week.sessions}{" "}
            {week.sessions === 1 ? "session" : "sessions"} ({week.completed} completed, {week.interrupted} interrupted)
          </p>
        )}
      </QueryState>
    </section>
  );
}
