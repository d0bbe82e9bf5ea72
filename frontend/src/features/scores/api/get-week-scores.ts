import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

import { scoreKeys } from "./keys";

export function getWeekScores(weekStart: string) {
  return unwrap(api.GET("/api/v1/master-admin/scores/week", { params: { query: { week_start: weekStart } } }));
}

/** The seven days (Monday..Sunday) of the week starting `weekStart`, zeros included. */
export function weekScoresQuery(weekStart: string) {
  return queryOptions({ queryKey: scoreKeys.week(weekStart), queryFn: () => getWeekScores(weekStart) });
}

export function useWeekScores(weekStart: string) {
  return useQuery(weekScoresQuery(weekStart));
}
