import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

import { scoreKeys } from "./keys";

export function getStreak() {
  return unwrap(api.GET("/api/v1/master-admin/scores/streak"));
}

/** The current streak (alive until today ends), the longest, and the last active day. */
export const streakQuery = queryOptions({ queryKey: scoreKeys.streak(), queryFn: getStreak });

export function useStreak() {
  return useQuery(streakQuery);
}
