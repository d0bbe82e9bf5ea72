import { ChevronLeft, ChevronRight } from "lucide-react";
import { useState } from "react";

import { ExportButton } from "@/components/ui/export-button";
import { Field } from "@/components/ui/form";
import { QueryState } from "@/components/ui/query-state";
import { fullDate } from "@/lib/format";

import { exportActivities } from "../api/export-activities";
import { useActivities, type ActivityFilters } from "../api/get-activities";
import { activityLabel, type ActivityStatus, type ActivityType } from "../activity-types";

import { ActivityStatusOptions, ActivityTypeOptions } from "./activity-options";

const LOG_PAGE_SIZE = 25;

/** Every activity ever logged, newest first, filtered by type, status and date range,
 * a page of 25 at a time; the total is the server's count. */
export function ActivityLog() {
  const [filters, setFilters] = useState<ActivityFilters>({});
  const [offset, setOffset] = useState(0);
  const log = useActivities({ ...filters, limit: LOG_PAGE_SIZE, offset });

  /** An emptied field filters nothing (an undefined parameter is not sent); a new filter
   * starts from the first page. */
  function filter<K extends keyof ActivityFilters>(key: K, value: ActivityFilters[K] | "") {
    setFilters((current) => ({ ...current, [key]: value === "" ? undefined : value }));
    setOffset(0);
  }

  return (
    <>
      <form className="log-filters" role="search" aria-label="Filter the log" onSubmit={(e) => e.preventDefault()}>
        <Field label="Type">
          {(id) => (
            <select
              id={id}
              value={filters.type ?? ""}
              onChange={(e) => filter("type", e.target.value as ActivityType | "")}
            >
              <option value="">All types</option>
              <ActivityTypeOptions />
            </select>
          )}
        </Field>
        <Field label="Status">
          {(id) => (
            <select
              id={id}
              value={filters.status ?? ""}
              onChange={(e) => filter("status", e.target.value as ActivityStatus | "")}
            >
              <option value="">All statuses</option>
              <ActivityStatusOptions />
            </select>
          )}
        </Field>
        <Field label="From">
          {(id) => (
            <input
              id={id}
              type="date"
              value={filters.date_from ?? ""}
              onChange={(e) => filter("date_from", e.target.value)}
            />
          )}
        </Field>
        <Field label="To">
          {(id) => (
            <input
              id={id}
              type="date"
              value={filters.date_to ?? ""}
              onChange={(e) => filter("date_to", e.target.value)}
            />
          )}
        </Field>
      </form>
      <ExportButton label="Export these activities (CSV)" onExport={() => exportActivities(filters)} />
      <QueryState query={log} label="the activity log">
        {({ items, total }) => (
          <>
            {items.length === 0 ? (
              <p className="muted">No activities match.</p>
            ) : (
              <ol className="log" aria-label="Activities, newest first">
                {items.map((activity) => (
                  <li key={activity.id} className="log-item">
                    <time dateTime={activity.date}>{fullDate(activity.date)}</time>
                    <span className="log-what">
                      <span className={`type-dot type-${activity.type}`} aria-hidden />
                      {activityLabel(activity.type)}
                      {activity.amount > 1 && ` ×${activity.amount}`}{" "}
                      <span className={`badge status-${activity.status}`}>{activity.status}</span>
                    </span>
                    {activity.notes && <span className="muted small log-notes">{activity.notes}</span>}
                  </li>
                ))}
              </ol>
            )}
            <div className="pager">
              <button
                type="button"
                className="button secondary"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - LOG_PAGE_SIZE))}
              >
                <ChevronLeft aria-hidden size={16} /> Previous page
              </button>
              <p aria-live="polite" data-testid="log-range">
                {items.length === 0 ? `0 of ${total}` : `${offset + 1}–${offset + items.length} of ${total}`}
              </p>
              <button
                type="button"
                className="button secondary"
                disabled={offset + items.length >= total}
                onClick={() => setOffset(offset + LOG_PAGE_SIZE)}
              >
                Next page <ChevronRight aria-hidden size={16} />
              </button>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
