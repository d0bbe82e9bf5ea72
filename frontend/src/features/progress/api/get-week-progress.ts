import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import { ROOT_KEYS } from "@/lib/query-keys";

export const progressKeys = {
  all: [ROOT_KEYS.progress] as const,
  /** `null`: this week, as the server's clock and the founder's time zone make it. */
  week: (weekStart: string | null) => [...progressKeys.all, "week", weekStart] as const,
};

export function getWeekProgress(weekStart: string | null) {
  const query = weekStart === null ? {} : { week_start: weekStart };
  return unwrap(api.GET("/api/v1/master-admin/progress/week", { params: { query } }));
}

/** Done amounts per type against the week's goal; the answer names its `week_start`. */
export function weekProgressQuery(weekStart: string | null) {
  return queryOptions({
    queryKey: progressKeys.week(weekStart),
    queryFn: () => getWeekProgress(weekStart),
    // The previous week stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useWeekProgress(weekStart: string | null) {
  return useQuery(weekProgressQuery(weekStart));
}
