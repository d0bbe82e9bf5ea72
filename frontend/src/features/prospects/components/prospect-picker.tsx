import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { Field } from "@/components/ui/form";
import { useDebouncedValue } from "@/lib/use-debounced-value";

import { prospectQuery, prospectsQuery } from "../api/get-prospects";

const MATCHES = 20;

/** Chooses one of the founder's prospects, or none: a search (name, email or company,
 * sent as `q`) narrows the choices of a select. The chosen one stays a choice whatever
 * the search. */
export function ProspectPicker({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (prospectId: number | null) => void;
}) {
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim());
  const matches = useQuery(prospectsQuery({ q, sort: "name", limit: MATCHES }));
  const items = matches.data?.items ?? [];
  const chosenListed = value === null || items.some((prospect) => prospect.id === value);
  const chosen = useQuery({ ...prospectQuery(value ?? 0), enabled: !chosenListed });

  return (
    <fieldset className="prospect-picker">
      <legend>Prospect (optional)</legend>
      <Field label="Find a prospect">
        {(id) => (
          <input
            id={id}
            type="search"
            autoComplete="off"
            placeholder="Name, email or company"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        )}
      </Field>
      <Field label="Prospect">
        {(id) => (
          <>
            <select
              id={id}
              value={value ?? ""}
              onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
            >
              <option value="">None</option>
              {!chosenListed && <option value={value}>{chosen.data?.name ?? `Prospect #${value}`}</option>}
              {items.map((prospect) => (
                <option key={prospect.id} value={prospect.id}>
                  {prospect.company ? `${prospect.name} (${prospect.company})` : prospect.name}
                </option>
              ))}
            </select>
            {matches.isError && (
              <p role="alert" className="form-error">
                Could not load prospects: {matches.error.message}
              </p>
            )}
          </>
        )}
      </Field>
    </fieldset>
  );
}
