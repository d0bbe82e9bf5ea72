import { Link } from "react-router";

import type { Schemas } from "@/lib/api-client";

import { FocusCountdown } from "./focus-countdown";

type FocusSummaryProps = {
  session: Schemas["AdminActiveFocusSessionResponse"] | null;
  receivedAt: number;
};

/** Today's glance at focus: the open session's countdown, or the way to start one. */
export function FocusSummary({ session, receivedAt }: FocusSummaryProps) {
  return (
    <section className="card" aria-labelledby="focus-summary-heading">
      <h2 id="focus-summary-heading">Focus</h2>
      {session ? (
        <>
          <FocusCountdown remainingSeconds={session.remaining_seconds} receivedAt={receivedAt} overdue={session.overdue} />
          <Link to="/focus">Open the session</Link>
        </>
      ) : (
        <>
          <p className="muted">No session running.</p>
          <Link className="button" to="/focus">
            Start a focus session
          </Link>
        </>
      )}
    </section>
  );
}
