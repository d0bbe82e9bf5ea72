import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

/** A query's loading and error states, so each panel shows one or its data. */
export function QueryState<T>({
  query,
  label,
  children,
}: {
  query: UseQueryResult<T>;
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <p className="muted" role="status">
        Loading {label}…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="error-box">
        <p>
          Could not load {label}: {query.error.message}
        </p>
        <button type="button" className="button secondary" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  return children(query.data);
}
