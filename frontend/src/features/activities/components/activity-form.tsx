import { Field, FormFooter, LongTextField, NumberInput, useServerForm } from "@/components/ui/form";
import { ProspectPicker } from "@/features/prospects";

import { type ActivityStatus, type ActivityType } from "../activity-types";

import { ActivityStatusOptions, ActivityTypeOptions } from "./activity-options";

export type ActivityFormValues = {
  type: ActivityType;
  status: ActivityStatus;
  date: string;
  amount: number;
  notes: string | null;
  prospect_id: number | null;
};

type ActivityFormProps = {
  initial: ActivityFormValues;
  submitLabel: string;
  onSubmit: (values: ActivityFormValues) => Promise<unknown>;
};

/** Type, status, date, amount, notes and prospect of one activity. The server checks
 * every rule (a done activity cannot be dated after today); its refusal is shown here. */
export function ActivityForm({ initial, submitLabel, onSubmit }: ActivityFormProps) {
  const form = useServerForm(initial, onSubmit);
  const { values, set } = form;

  return (
    <form className="form" onSubmit={form.onSubmit}>
      <Field label="Type">
        {(id) => (
          <select id={id} value={values.type} onChange={(e) => set("type", e.target.value as ActivityType)}>
            <ActivityTypeOptions />
          </select>
        )}
      </Field>
      <Field label="Status">
        {(id) => (
          <select id={id} value={values.status} onChange={(e) => set("status", e.target.value as ActivityStatus)}>
            <ActivityStatusOptions />
          </select>
        )}
      </Field>
      <div className="form-grid">
        <Field label="Date">
          {(id) => <input id={id} type="date" required value={values.date} onChange={(e) => set("date", e.target.value)} />}
        </Field>
        <Field label="Amount">
          {(id) => (
            <NumberInput
              id={id}
              min={1}
              max={10000}
              required
              value={values.amount}
              onChange={(amount) => set("amount", amount)}
            />
          )}
        </Field>
      </div>
      <ProspectPicker value={values.prospect_id} onChange={(prospectId) => set("prospect_id", prospectId)} />
      <LongTextField
        label="Notes"
        value={values.notes ?? ""}
        onChange={(notes) => set("notes", notes === "" ? null : notes)}
      />
      <FormFooter error={form.error} saving={form.saving} submitLabel={submitLabel} />
    </form>
  );
}
