import { Field, FormFooter, LongTextField, NumberInput, useServerForm } from "@/components/ui/form";

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
  const form = useServerForm(initial, onSubmit);
  const { values, set } = form;

  return (
    <form className="form" onSubmit={form.onSubmit}>
      <Field label="Title">
        {(id) => (
          <input id={id} required maxLength={255} value={values.title} onChange={(e) => set("title", e.target.value)} />
        )}
      </Field>
      <div className="form-grid">
        <Field label="Type">
          {(id) => (
            <select id={id} value={values.type} onChange={(e) => set("type", e.target.value as MeetingType)}>
              {MEETING_TYPES.map((type) => (
                <option key={type} value={type}>
                  {MEETING_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Minutes">
          {(id) => (
            <NumberInput
              id={id}
              min={5}
              max={480}
              required
              value={values.duration_minutes}
              onChange={(minutes) => set("duration_minutes", minutes)}
            />
          )}
        </Field>
      </div>
      {TEXTS.map(({ key, label, rows }) => (
        <LongTextField
          key={key}
          label={label}
          rows={rows}
          value={values[key] ?? ""}
          onChange={(text) => set(key, text === "" ? null : text)}
        />
      ))}
      <FormFooter error={form.error} saving={form.saving} submitLabel={submitLabel} />
    </form>
  );
}
