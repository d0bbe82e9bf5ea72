import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

import { scoreKeys } from "./keys";

export function getScoreHistory() {
  return unwrap(api.GET("/api/v1/master-admin/scores/history"));
}

/** The server's default range: the 365 days ending the founder's today, oldest first. */
export const scoreHistoryQuery = queryOptions({ queryKey: scoreKeys.history(), queryFn: getScoreHistory });

export function useScoreHistory() {
  return useQuery(scoreHistoryQuery);
}
