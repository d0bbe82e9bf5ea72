import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

import { meetingKeys } from "./keys";

export function getMeetings() {
  return unwrap(api.GET("/api/v1/master-admin/meetings"));
}

/** The founder's meeting templates, newest first. */
export const meetingsQuery = queryOptions({ queryKey: meetingKeys.list(), queryFn: getMeetings });

export function useMeetings() {
  return useQuery(meetingsQuery);
}

export function getMeetingDefaults() {
  return unwrap(api.GET("/api/v1/master-admin/meetings/defaults"));
}

/** The server's starter drafts, one per meeting type; they never change while it runs. */
export const meetingDefaultsQuery = queryOptions({
  queryKey: meetingKeys.defaults(),
  queryFn: getMeetingDefaults,
  staleTime: Infinity,
});

export function useMeetingDefaults() {
  return useQuery(meetingDefaultsQuery);
}
