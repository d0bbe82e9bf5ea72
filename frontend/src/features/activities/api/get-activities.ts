import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrapPage } from "@/lib/api-client";

import type { ActivityStatus, ActivityType } from "../activity-types";

import { activityKeys } from "./keys";

/** The list's filters; an unset one filters nothing. Dates are `YYYY-MM-DD`, inclusive. */
export type ActivityFilters = {
  type?: ActivityType;
  status?: ActivityStatus;
  date_from?: string;
  date_to?: string;
};

export type ActivityPage = ActivityFilters & { limit: number; offset: number };

export function getActivities(query: ActivityPage) {
  return unwrapPage(api.GET("/api/v1/master-admin/activities", { params: { query } }));
}

/** A page of activities, newest first, and how many match in all (`X-Total-Count`). */
export function activitiesQuery(query: ActivityPage) {
  return queryOptions({
    queryKey: activityKeys.list(query),
    queryFn: () => getActivities(query),
    // The page on screen stays while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useActivities(query: ActivityPage) {
  return useQuery(activitiesQuery(query));
}
