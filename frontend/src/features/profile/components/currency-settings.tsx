import { useId, useState } from "react";
import { toast } from "sonner";

import { Field, FormFooter, useServerForm } from "@/components/ui/form";
import { QueryState } from "@/components/ui/query-state";

import { useMe } from "../api/get-me";
import { useUpdateCurrency } from "../api/update-currency";

/** The codes this browser can format, to search while typing (the server has the last word). */
function currencyCodes(): string[] {
  return Intl.supportedValuesOf("currency");
}

/** The profile's currency (ISO 4217), in which the pipeline's money is shown. */
export function CurrencySettings() {
  const me = useMe();
  return (
    <section className="card settings-card" aria-labelledby="currency-heading">
      <h2 id="currency-heading">Currency</h2>
      <p className="muted small">Deal values and the pipeline&apos;s totals are shown in this currency.</p>
      <QueryState query={me} label="your profile">
        {(profile) => <CurrencyForm key={profile.currency} current={profile.currency} />}
      </QueryState>
    </section>
  );
}

function CurrencyForm({ current }: { current: string }) {
  const id = useId();
  const update = useUpdateCurrency();
  const [codes] = useState(currencyCodes);
  const form = useServerForm({ currency: current }, async ({ currency }) => {
    const profile = await update.mutateAsync(currency.trim().toUpperCase());
    toast.success(`Currency set to ${profile.currency}`);
  });

  return (
    <div className="stack">
      <p>
        Now: <strong data-testid="profile-currency">{current}</strong>
      </p>
      <form className="form" onSubmit={form.onSubmit}>
        <Field label="Currency" hint="An ISO 4217 code, e.g. USD, EUR or GBP.">
          {(inputId, hintId) => (
            <>
              <input
                id={inputId}
                list={`${id}-codes`}
                required
                autoComplete="off"
                spellCheck={false}
                maxLength={3}
                aria-describedby={hintId}
                value={form.values.currency}
                onChange={(e) => form.set("currency", e.target.value)}
              />
              <datalist id={`${id}-codes`}>
                {codes.map((code) => (
                  <option key={code} value={code} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <FormFooter
          error={form.error}
          saving={form.saving}
          submitLabel="Save currency"
          disabled={form.values.currency.trim().toUpperCase() === current}
        />
      </form>
    </div>
  );
}
