import { useId, useState } from "react";
import { toast } from "sonner";

import { Field, FormFooter, useServerForm } from "@/components/ui/form";
import { QueryState } from "@/components/ui/query-state";

import { useMe } from "../api/get-me";
import { useUpdateTimeZone } from "../api/update-time-zone";
import { browserTimeZone, sameTimeZone, timeZoneNames } from "../time-zones";

import { UseBrowserTimeZone } from "./use-browser-time-zone";

/** The profile's time zone: search the IANA names, or take the browser's. */
export function TimeZoneSettings() {
  const me = useMe();
  return (
    <section className="card settings-card" aria-labelledby="time-zone-heading">
      <h2 id="time-zone-heading">Time zone</h2>
      <p className="muted small">
        Your day starts and ends in this zone: today&apos;s score, the streak, this week&apos;s goal and nudges all
        follow it.
      </p>
      <QueryState query={me} label="your profile">
        {(profile) => <TimeZoneForm key={profile.timezone} current={profile.timezone} />}
      </QueryState>
    </section>
  );
}

function TimeZoneForm({ current }: { current: string }) {
  const id = useId();
  const update = useUpdateTimeZone();
  const [names] = useState(timeZoneNames);
  const [browser] = useState(browserTimeZone);
  const form = useServerForm({ timezone: current }, async ({ timezone }) => {
    const profile = await update.mutateAsync(timezone.trim());
    toast.success(`Time zone set to ${profile.timezone}`);
  });

  return (
    <div className="stack">
      <p>
        Now: <strong data-testid="profile-time-zone">{current}</strong>
      </p>
      {!sameTimeZone(current, browser) && (
        <div className="offer">
          <p>
            Your browser is in <strong>{browser}</strong>.
          </p>
          <UseBrowserTimeZone zone={browser} />
        </div>
      )}
      <form className="form" onSubmit={form.onSubmit}>
        <Field label="Time zone" hint="Type to search, e.g. “Paris” or “America/”.">
          {(inputId, hintId) => (
            <>
              <input
                id={inputId}
                list={`${id}-zones`}
                required
                autoComplete="off"
                spellCheck={false}
                aria-describedby={hintId}
                value={form.values.timezone}
                onChange={(e) => form.set("timezone", e.target.value)}
              />
              <datalist id={`${id}-zones`}>
                {names.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <FormFooter
          error={form.error}
          saving={form.saving}
          submitLabel="Save time zone"
          disabled={form.values.timezone.trim() === current}
        />
      </form>
    </div>
  );
}
