import { Inbox } from "lucide-react";
import { useId, useState } from "react";

import { QueryState } from "@/components/ui/query-state";

import { useNudges } from "../api/nudges";

import { NudgeList } from "./nudge-list";

/** Every unexpired nudge in the server's order (most pressing first); those already read
 * on request. */
export function NudgeInbox() {
  const [includeRead, setIncludeRead] = useState(false);
  const nudges = useNudges(includeRead);
  const toggleId = useId();
  return (
    <section className="card" aria-labelledby="inbox-heading">
      <div className="card-header">
        <h2 id="inbox-heading">Inbox</h2>
        <div className="checkbox-row">
          <input
            id={toggleId}
            type="checkbox"
            checked={includeRead}
            onChange={(event) => setIncludeRead(event.target.checked)}
          />
          <label htmlFor={toggleId}>Show read</label>
        </div>
      </div>
      <QueryState query={nudges} label="nudges">
        {(items) => (
          <NudgeList
            nudges={items}
            empty={
              <div className="empty-state">
                <Inbox aria-hidden size={32} />
                <p>Nothing needs your attention.</p>
                <p className="muted small">
                  The rules run each time the cockpit opens; &ldquo;Check now&rdquo; runs them again. A nudge lasts
                  until the end of your day.
                </p>
              </div>
            }
          />
        )}
      </QueryState>
    </section>
  );
}
