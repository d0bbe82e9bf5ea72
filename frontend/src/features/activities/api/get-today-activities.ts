import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

import { activityKeys } from "./keys";

export function getTodayActivities() {
  return unwrap(api.GET("/api/v1/master-admin/activities/today"));
}

/** Today's activities in the founder's time zone, newest first. */
export const todayActivitiesQuery = queryOptions({
  queryKey: activityKeys.today(),
  queryFn: getTodayActivities,
});

export function useTodayActivities() {
  return useQuery(todayActivitiesQuery);
}
