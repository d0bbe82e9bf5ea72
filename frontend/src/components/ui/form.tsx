import { useState, type SyntheticEvent } from "react";

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
