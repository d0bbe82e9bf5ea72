import { useId } from "react";

import { FormFooter, useServerForm } from "@/components/ui/form";
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
  const id = useId();
  const form = useServerForm(initial, onSubmit);
  const { values, set } = form;

  return (
    <form className="form" onSubmit={form.onSubmit}>
      <div className="form-row">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={values.type} onChange={(e) => set("type", e.target.value as ActivityType)}>
          <ActivityTypeOptions />
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={values.status}
          onChange={(e) => set("status", e.target.value as ActivityStatus)}
        >
          <ActivityStatusOptions />
        </select>
      </div>
      <div className="form-grid">
        <div className="form-row">
          <label htmlFor={`${id}-date`}>Date</label>
          <input id={`${id}-date`} type="date" required value={values.date} onChange={(e) => set("date", e.target.value)} />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-amount`}>Amount</label>
          <input
            id={`${id}-amount`}
            type="number"
            min={1}
            max={10000}
            required
            value={Number.isNaN(values.amount) ? "" : values.amount}
            onChange={(e) => set("amount", e.target.valueAsNumber)}
          />
        </div>
      </div>
      <ProspectPicker value={values.prospect_id} onChange={(prospectId) => set("prospect_id", prospectId)} />
      <div className="form-row">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={10000}
          value={values.notes ?? ""}
          onChange={(e) => set("notes", e.target.value === "" ? null : e.target.value)}
        />
      </div>
      <FormFooter error={form.error} saving={form.saving} submitLabel={submitLabel} />
    </form>
  );
}
