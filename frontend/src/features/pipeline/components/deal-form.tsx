import { useId } from "react";

import { FormFooter, useServerForm } from "@/components/ui/form";
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

/** The fields every deal write sends; a blank probability is left out, so the server
 * takes the stage's. */
/** What a create and an edit both send. */
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
      {withProspect && (
        <ProspectPicker value={values.prospect_id} onChange={(prospectId) => set("prospect_id", prospectId)} />
      )}
      <div className="form-grid">
        <div className="form-row">
          <label htmlFor={`${id}-stage`}>Stage</label>
          <select
            id={`${id}-stage`}
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
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-value`}>Value</label>
          <input
            id={`${id}-value`}
            type="number"
            min={0}
            step={0.01}
            required
            value={values.value}
            onChange={(e) => set("value", e.target.value)}
          />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-probability`}>Probability (%)</label>
          <input
            id={`${id}-probability`}
            type="number"
            min={0}
            max={100}
            placeholder="Stage default"
            aria-describedby={`${id}-probability-hint`}
            value={values.probability}
            onChange={(e) => set("probability", e.target.value)}
          />
          <p id={`${id}-probability-hint`} className="hint">
            Blank: the stage&apos;s default.
          </p>
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-close`}>Expected close</label>
          <input
            id={`${id}-close`}
            type="date"
            value={values.expected_close_date}
            onChange={(e) => set("expected_close_date", e.target.value)}
          />
        </div>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={10000}
          value={values.notes}
          onChange={(e) => set("notes", e.target.value)}
        />
      </div>
      <FormFooter error={form.error} saving={form.saving} submitLabel={submitLabel} />
    </form>
  );
}
