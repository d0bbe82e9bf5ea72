import { useId, useState, type SyntheticEvent } from "react";

import { ACTIVITY_TYPES } from "@/features/activities";

import { TARGET_FIELDS, type GoalTargets } from "../targets";

type GoalFormProps = {
  initial: Required<GoalTargets>;
  submitLabel: string;
  onSubmit: (targets: Required<GoalTargets>) => Promise<unknown>;
};

/** A week's four targets; the server checks the bounds (0..100,000) and its refusal shows here. */
export function GoalForm({ initial, submitLabel, onSubmit }: GoalFormProps) {
  const id = useId();
  const [targets, setTargets] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSubmit(targets);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <div className="form-grid">
        {ACTIVITY_TYPES.map(({ type, plural }) => {
          const field = TARGET_FIELDS[type];
          return (
            <div className="form-row" key={type}>
              <label htmlFor={`${id}-${type}`}>{plural}</label>
              <input
                id={`${id}-${type}`}
                type="number"
                min={0}
                max={100000}
                required
                value={Number.isNaN(targets[field]) ? "" : targets[field]}
                onChange={(e) => setTargets((current) => ({ ...current, [field]: e.target.valueAsNumber }))}
              />
            </div>
          );
        })}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
