import { useState } from "react";
import { Link } from "react-router";

import { Field } from "@/components/ui/form";
import { QueryState } from "@/components/ui/query-state";
import { shortDate } from "@/lib/format";
import { useDebouncedValue } from "@/lib/use-debounced-value";

import { useProspects, type ProspectSort } from "../api/get-prospects";
import { PROSPECT_STATUSES, statusLabel, type ProspectStatus } from "../prospect-statuses";

export const PAGE_SIZE = 25;

const SORTS: { sort: ProspectSort; label: string }[] = [
  { sort: "-lead_score", label: "Lead score, highest first" },
  { sort: "-last_activity_date", label: "Last activity, latest first" },
  { sort: "-created_at", label: "Newest first" },
  { sort: "name", label: "Name, A to Z" },
];

/** The founder's prospects: searched as they type (name, email or company), filtered by
 * status and tag, sorted, a page at a time. */
export function ProspectList() {
  const [search, setSearch] = useState("");
  const [tagInput, setTagInput] = useState("");
  const [statuses, setStatuses] = useState<ProspectStatus[]>([]);
  const [sort, setSort] = useState<ProspectSort>("-lead_score");
  const [page, setPage] = useState(0);
  const q = useDebouncedValue(search.trim());
  const tag = useDebouncedValue(tagInput.trim());
  const prospects = useProspects({ q, status: statuses, tag, sort, limit: PAGE_SIZE, offset: page * PAGE_SIZE });

  function toggle(status: ProspectStatus, on: boolean) {
    setStatuses((current) => (on ? [...current, status] : current.filter((other) => other !== status)));
    setPage(0);
  }

  return (
    <>
      <section className="card filters" aria-label="Search and filters">
        <div className="form-grid">
          <Field label="Search">
            {(id) => (
              <input
                id={id}
                type="search"
                placeholder="Name, email or company"
                value={search}
                onChange={(e) => {
                  setSearch(e.target.value);
                  setPage(0);
                }}
              />
            )}
          </Field>
          <Field label="Tag">
            {(id) => (
              <input
                id={id}
                type="search"
                value={tagInput}
                onChange={(e) => {
                  setTagInput(e.target.value);
                  setPage(0);
                }}
              />
            )}
          </Field>
          <Field label="Sort by">
            {(id) => (
              <select id={id} value={sort} onChange={(e) => setSort(e.target.value as ProspectSort)}>
                {SORTS.map((option) => (
                  <option key={option.sort} value={option.sort}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="status-filter">
          <legend>Status</legend>
          {PROSPECT_STATUSES.map(({ status, label }) => (
            <label key={status} className="checkbox-row">
              <input
                type="checkbox"
                checked={statuses.includes(status)}
                onChange={(e) => toggle(status, e.target.checked)}
              />
              {label}
            </label>
          ))}
        </fieldset>
      </section>
      <QueryState query={prospects} label="prospects">
        {({ items, total }) =>
          items.length === 0 ? (
            <section className="card empty-state">
              <p>No prospects match.</p>
            </section>
          ) : (
            <>
              <ul className="prospect-list" aria-label="Prospects">
                {items.map((prospect) => (
                  <li key={prospect.id} className="card prospect-row">
                    <div className="prospect-main">
                      <Link to={`/prospects/${prospect.id}`} className="prospect-name">
                        {prospect.name}
                      </Link>
                      <span className="muted small">
                        {[prospect.company, prospect.email].filter(Boolean).join(" · ") || "No company or email"}
                      </span>
                      <span className="prospect-meta">
                        <span className="badge">{statusLabel(prospect.status)}</span>
                        {prospect.tags.map((tagName) => (
                          <span key={tagName} className="badge tag">
                            {tagName}
                          </span>
                        ))}
                      </span>
                    </div>
                    <div className="prospect-figures">
                      <span>
                        Lead score <strong>{prospect.lead_score}</strong>
                      </span>
                      <span className="muted small">
                        {prospect.last_activity_date
                          ? `Last activity ${shortDate(prospect.last_activity_date)}`
                          : "No activity yet"}
                      </span>
                    </div>
                  </li>
                ))}
              </ul>
              <nav className="pager" aria-label="Pages">
                <button
                  type="button"
                  className="button secondary"
                  disabled={page === 0}
                  onClick={() => setPage(page - 1)}
                >
                  Previous
                </button>
                <span role="status">
                  {page * PAGE_SIZE + 1}–{page * PAGE_SIZE + items.length} of {total}
                </span>
                <button
                  type="button"
                  className="button secondary"
                  disabled={(page + 1) * PAGE_SIZE >= total}
                  onClick={() => setPage(page + 1)}
                >
                  Next
                </button>
              </nav>
            </>
          )
        }
      </QueryState>
    </>
  );
}
