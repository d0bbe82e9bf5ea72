import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrapPage } from "@/lib/api-client";

import { activityKeys } from "./keys";

const LIMIT = 100;

/** `GET /activities?prospect_id=`: the latest 100 activities linked to one prospect, newest first. */
export function getProspectActivities(prospectId: number) {
  return unwrapPage(
    api.GET("/api/v1/master-admin/activities", { params: { query: { prospect_id: prospectId, limit: LIMIT } } }),
  );
}

export const prospectActivitiesQuery = (prospectId: number) =>
  queryOptions({
    queryKey: activityKeys.list({ prospect_id: prospectId }),
    queryFn: () => getProspectActivities(prospectId),
  });

export function useProspectActivities(prospectId: number) {
  return useQuery(prospectActivitiesQuery(prospectId));
}
