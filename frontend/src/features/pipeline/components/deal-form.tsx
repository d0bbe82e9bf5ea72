import { Field, FormFooter, LongTextField, useServerForm } from "@/components/ui/form";
import { ProspectPicker } from "@/features/prospects";

import type { Deal } from "../api/deal-mutations";
import { DEAL_STAGES, type DealStage } from "../deal-stages";

export type DealFormValues = {
  prospect_id: number | null;
  title: string;
  stage: DealStage;
  value: string;
  /** "" leaves the probability to the stage's default. */
  probability: string;
  expected_close_date: string;
  notes: string;
};

export const blankDeal = (prospectId: number | null = null): DealFormValues => ({
  prospect_id: prospectId,
  title: "",
  stage: "discovery",
  value: "",
  probability: "",
  expected_close_date: "",
  notes: "",
});

export function dealValues(deal: Deal): DealFormValues {
  return {
    prospect_id: deal.prospect_id,
    title: deal.title,
    stage: deal.stage,
    value: String(deal.value),
    probability: String(deal.probability),
    expected_close_date: deal.expected_close_date ?? "",
    notes: deal.notes ?? "",
  };
}

/** What a create and an edit both send; a blank probability is left out, so the server
 * takes the stage's. */
type DealFields = {
  title: string;
  stage: DealStage;
  value: number;
  probability?: number;
  expected_close_date: string | null;
  notes: string | null;
};

export function dealBody(values: DealFormValues): DealFields {
  return {
    title: values.title.trim(),
    stage: values.stage,
    value: Number(values.value),
    ...(values.probability === "" ? {} : { probability: Number(values.probability) }),
    expected_close_date: values.expected_close_date || null,
    notes: values.notes.trim() || null,
  };
}

/** A deal's fields; the prospect is chosen only when the deal is created (`withProspect`).
 * Changing the stage clears the probability back to that stage's default. */
export function DealForm({
  initial,
  withProspect,
  submitLabel,
  onSubmit,
}: {
  initial: DealFormValues;
  withProspect: boolean;
  submitLabel: string;
  onSubmit: (values: DealFormValues) => Promise<unknown>;
}) {
  const form = useServerForm(initial, onSubmit);
  const { values, set } = form;

  return (
    <form className="form" onSubmit={form.onSubmit}>
      <Field label="Title">
        {(id) => (
          <input id={id} required maxLength={255} value={values.title} onChange={(e) => set("title", e.target.value)} />
        )}
      </Field>
      {withProspect && (
        <ProspectPicker value={values.prospect_id} onChange={(prospectId) => set("prospect_id", prospectId)} />
      )}
      <div className="form-grid">
        <Field label="Stage">
          {(id) => (
            <select
              id={id}
              value={values.stage}
              onChange={(e) => {
                set("stage", e.target.value as DealStage);
                set("probability", "");
              }}
            >
              {DEAL_STAGES.map(({ stage, label }) => (
                <option key={stage} value={stage}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Value">
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              step={0.01}
              required
              value={values.value}
              onChange={(e) => set("value", e.target.value)}
            />
          )}
        </Field>
        <Field label="Probability (%)" hint="Blank: the stage's default.">
          {(id, hintId) => (
            <input
              id={id}
              type="number"
              min={0}
              max={100}
              placeholder="Stage default"
              aria-describedby={hintId}
              value={values.probability}
              onChange={(e) => set("probability", e.target.value)}
            />
          )}
        </Field>
        <Field label="Expected close">
          {(id) => (
            <input
              id={id}
              type="date"
              value={values.expected_close_date}
              onChange={(e) => set("expected_close_date", e.target.value)}
            />
          )}
        </Field>
      </div>
      <LongTextField label="Notes" value={values.notes} onChange={(notes) => set("notes", notes)} />
      <FormFooter error={form.error} saving={form.saving} submitLabel={submitLabel} />
    </form>
  );
}
