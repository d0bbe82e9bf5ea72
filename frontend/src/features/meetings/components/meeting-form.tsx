import { useId } from "react";

import { FormFooter, useServerForm } from "@/components/ui/form";

import type { MeetingCreate } from "../api/meeting-mutations";
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from "../meeting-types";

export type MeetingFormValues = Required<MeetingCreate>;

export const BLANK_MEETING: MeetingFormValues = {
  title: "",
  type: "discovery",
  duration_minutes: 60,
  agenda: null,
  questions: null,
  follow_up_tasks: null,
};

type MeetingFormProps = {
  initial: MeetingFormValues;
  submitLabel: string;
  onSubmit: (values: MeetingFormValues) => Promise<unknown>;
};

const TEXTS = [
  { key: "agenda", label: "Agenda", rows: 5 },
  { key: "questions", label: "Questions", rows: 5 },
  { key: "follow_up_tasks", label: "Follow-up tasks", rows: 4 },
] as const;

/** A template's title, type, length and texts; an emptied text is sent as `null` (cleared).
 * The server checks every rule; its refusal is shown here. */
export function MeetingForm({ initial, submitLabel, onSubmit }: MeetingFormProps) {
  const id = useId();
  const form = useServerForm(initial, onSubmit);
  const { values, set } = form;

  return (
    <form className="form" onSubmit={form.onSubmit}>
      <div className="form-row">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          required
          maxLength={255}
          value={values.title}
          onChange={(e) => set("title", e.target.value)}
        />
      </div>
      <div className="form-grid">
        <div className="form-row">
          <label htmlFor={`${id}-type`}>Type</label>
          <select id={`${id}-type`} value={values.type} onChange={(e) => set("type", e.target.value as MeetingType)}>
            {MEETING_TYPES.map((type) => (
              <option key={type} value={type}>
                {MEETING_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-duration`}>Minutes</label>
          <input
            id={`${id}-duration`}
            type="number"
            min={5}
            max={480}
            required
            value={Number.isNaN(values.duration_minutes) ? "" : values.duration_minutes}
            onChange={(e) => set("duration_minutes", e.target.valueAsNumber)}
          />
        </div>
      </div>
      {TEXTS.map(({ key, label, rows }) => (
        <div className="form-row" key={key}>
          <label htmlFor={`${id}-${key}`}>{label}</label>
          <textarea
            id={`${id}-${key}`}
            rows={rows}
            maxLength={10000}
            value={values[key] ?? ""}
            onChange={(e) => set(key, e.target.value === "" ? null : e.target.value)}
          />
        </div>
      ))}
      <FormFooter error={form.error} saving={form.saving} submitLabel={submitLabel} />
    </form>
  );
}
