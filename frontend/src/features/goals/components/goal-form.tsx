import { Field, FormFooter, NumberInput, useServerForm } from "@/components/ui/form";
import { ACTIVITY_TYPES } from "@/features/activities";

import { TARGET_FIELDS, type GoalTargets } from "../targets";

type GoalFormProps = {
  initial: Required<GoalTargets>;
  submitLabel: string;
  onSubmit: (targets: Required<GoalTargets>) => Promise<unknown>;
};

/** A week's four targets; the server checks the bounds (0..100,000) and its refusal shows here. */
export function GoalForm({ initial, submitLabel, onSubmit }: GoalFormProps) {
  const form = useServerForm(initial, onSubmit);

  return (
    <form className="form" onSubmit={form.onSubmit}>
      <div className="form-grid">
        {ACTIVITY_TYPES.map(({ type, plural }) => {
          const field = TARGET_FIELDS[type];
          return (
            <Field key={type} label={plural}>
              {(id) => (
                <NumberInput
                  id={id}
                  min={0}
                  max={100000}
                  required
                  value={form.values[field]}
                  onChange={(target) => form.set(field, target)}
                />
              )}
            </Field>
          );
        })}
      </div>
      <FormFooter error={form.error} saving={form.saving} submitLabel={submitLabel} />
    </form>
  );
}
