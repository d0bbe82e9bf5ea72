import { useState } from "react";
import { toast } from "sonner";

import { QueryState } from "@/components/ui/query-state";
import { ApiError } from "@/lib/api-client";

import { useMe } from "../api/get-me";
import { useUpdateRestDays } from "../api/update-rest-days";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The profile's rest days: an unscored rest day keeps the streak, and pace skips it. */
export function RestDaysSettings() {
  const me = useMe();
  return (
    <section className="card settings-card" aria-labelledby="rest-days-heading">
      <h2 id="rest-days-heading">Rest days</h2>
      <p className="muted small">
        A rest day without a score neither breaks nor extends your streak, and this week&apos;s pace counts only the
        other days.
      </p>
      <QueryState query={me} label="your profile">
        {(profile) => <RestDaysForm key={profile.rest_days.join(",")} current={profile.rest_days} />}
      </QueryState>
    </section>
  );
}

function RestDaysForm({ current }: { current: number[] }) {
  const update = useUpdateRestDays();
  const [chosen, setChosen] = useState(() => new Set(current));
  const [error, setError] = useState<string | null>(null);
  const selected = [...chosen].sort((a, b) => a - b);
  const unchanged = selected.join(",") === current.join(",");

  async function save(event: React.SyntheticEvent) {
    event.preventDefault();
    setError(null);
    try {
      await update.mutateAsync(selected);
      toast.success("Rest days saved");
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  }

  return (
    <form className="form" onSubmit={(event) => void save(event)}>
      <fieldset className="rest-days">
        <legend>Rest days</legend>
        {WEEKDAYS.map((name, index) => (
          <label key={name} className="checkbox-row">
            <input
              type="checkbox"
              checked={chosen.has(index + 1)}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) next.add(index + 1);
                else next.delete(index + 1);
                setChosen(next);
              }}
            />
            {name}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="error-box">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={unchanged || update.isPending}>
        Save rest days
      </button>
    </form>
  );
}
