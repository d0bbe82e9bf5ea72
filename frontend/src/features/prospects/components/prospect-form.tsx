import { Field, FormFooter, LongTextField, useServerForm } from "@/components/ui/form";
import type { Schemas } from "@/lib/api-client";

import type { ProspectCreate } from "../api/prospect-mutations";
import { PROSPECT_STATUSES, type ProspectStatus } from "../prospect-statuses";

type Prospect = Schemas["AdminProspectResponse"];

type Values = {
  name: string;
  email: string;
  phone: string;
  company: string;
  title: string;
  status: ProspectStatus;
  source: string;
  tags: string;
  notes: string;
};

export const BLANK_PROSPECT: Values = {
  name: "",
  email: "",
  phone: "",
  company: "",
  title: "",
  status: "new",
  source: "",
  tags: "",
  notes: "",
};

/** A prospect as the form edits it: every text as typed, tags comma-separated. */
export function prospectValues(prospect: Prospect): Values {
  return {
    name: prospect.name,
    email: prospect.email ?? "",
    phone: prospect.phone ?? "",
    company: prospect.company ?? "",
    title: prospect.title ?? "",
    status: prospect.status,
    source: prospect.source ?? "",
    tags: prospect.tags.join(", "),
    notes: prospect.notes ?? "",
  };
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

/** The body the API takes: an empty field is `null` (which clears it on an edit). */
function toBody(values: Values): ProspectCreate {
  return {
    name: values.name.trim(),
    email: orNull(values.email),
    phone: orNull(values.phone),
    company: orNull(values.company),
    title: orNull(values.title),
    status: values.status,
    source: orNull(values.source),
    tags: values.tags
      .split(",")
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ""),
    notes: orNull(values.notes),
  };
}

type TextField = Exclude<keyof Values, "status" | "notes">;
const TEXT_FIELDS: { key: TextField; label: string; type?: string; hint?: string }[] = [
  { key: "name", label: "Name" },
  { key: "email", label: "Email", type: "email" },
  { key: "phone", label: "Phone", type: "tel" },
  { key: "company", label: "Company" },
  { key: "title", label: "Job title" },
  { key: "source", label: "Source", hint: "e.g. referral, inbound, networking" },
  { key: "tags", label: "Tags", hint: "Comma-separated, e.g. fintech, warm" },
];

/** A prospect's fields; the server checks every rule (a second prospect with an email is 409). */
export function ProspectForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: Values;
  submitLabel: string;
  onSubmit: (body: ProspectCreate) => Promise<unknown>;
}) {
  const form = useServerForm(initial, (values) => onSubmit(toBody(values)));
  const { values, set } = form;

  return (
    <form className="form" onSubmit={form.onSubmit}>
      {TEXT_FIELDS.map(({ key, label, type, hint }) => (
        <Field key={key} label={label} hint={hint}>
          {(id, hintId) => (
            <input
              id={id}
              type={type ?? "text"}
              required={key === "name"}
              maxLength={key === "name" ? 255 : undefined}
              aria-describedby={hintId}
              value={values[key]}
              onChange={(e) => set(key, e.target.value)}
            />
          )}
        </Field>
      ))}
      <Field label="Status">
        {(id) => (
          <select id={id} value={values.status} onChange={(e) => set("status", e.target.value as ProspectStatus)}>
            {PROSPECT_STATUSES.map(({ status, label }) => (
              <option key={status} value={status}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LongTextField label="Notes" value={values.notes} onChange={(notes) => set("notes", notes)} />
      <FormFooter error={form.error} saving={form.saving} submitLabel={submitLabel} />
    </form>
  );
}
