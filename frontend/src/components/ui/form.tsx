import { useId, useState, type ComponentProps, type ReactNode, type SyntheticEvent } from "react";

/**
 * A form's values and its submission. The server checks every rule: when `onSubmit`
 * throws (an `ApiError` with the server's detail), the form stays as typed and `error`
 * says why, for `FormFooter` to show.
 */
export function useServerForm<T extends object>(initial: T, onSubmit: (values: T) => Promise<unknown>) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  function set<K extends keyof T>(key: K, value: T[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  return { values, set, error, saving, onSubmit: (event: SyntheticEvent<HTMLFormElement>) => void submit(event) };
}

type FormFooterProps = { error: string | null; saving: boolean; submitLabel: string; disabled?: boolean };

/** The server's refusal, if any, and the submit button. */
export function FormFooter({ error, saving, submitLabel, disabled = false }: FormFooterProps) {
  return (
    <>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving || disabled}>
          {saving ? "Saving…" : submitLabel}
        </button>
      </div>
    </>
  );
}

type FieldProps = {
  label: string;
  /** A line under the control, which the control names as its description. */
  hint?: string;
  /** The control, given the id the label points at (and the hint's id, when there is one). */
  children: (id: string, hintId: string | undefined) => ReactNode;
};

/** One labelled control of a form. */
export function Field({ label, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

type LongTextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
};

/** Notes and other long texts: at most 10,000 characters, the API's limit for each. */
export function LongTextField({ label, value, onChange, rows = 3 }: LongTextFieldProps) {
  return (
    <Field label={label}>
      {(id) => (
        <textarea id={id} rows={rows} maxLength={10000} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

type NumberInputProps = Omit<ComponentProps<"input">, "type" | "value" | "onChange"> & {
  value: number;
  /** The typed number: NaN while the field is empty or holds no number yet. */
  onChange: (value: number) => void;
};

/** A number field bound to a number, shown empty while the number is NaN. */
export function NumberInput({ value, onChange, ...props }: NumberInputProps) {
  return (
    <input
      {...props}
      type="number"
      value={Number.isNaN(value) ? "" : value}
      onChange={(e) => onChange(e.target.valueAsNumber)}
    />
  );
}
