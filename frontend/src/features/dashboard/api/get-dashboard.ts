import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import { ROOT_KEYS } from "@/lib/query-keys";

export const dashboardKeys = {
  all: [ROOT_KEYS.dashboard] as const,
};

export function getDashboard() {
  return unwrap(api.GET("/api/v1/master-admin/dashboard"));
}

/** Today's score, the streak, this week's progress, the open focus session and the
 * unread nudge count: one snapshot of the server's figures. */
export const dashboardQuery = queryOptions({ queryKey: dashboardKeys.all, queryFn: getDashboard });

export function useDashboard() {
  return useQuery(dashboardQuery);
}
