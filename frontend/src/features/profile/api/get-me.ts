import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

export const profileKeys = {
  me: ["profile", "me"] as const,
};

export function getMe() {
  return unwrap(api.GET("/api/v1/master-admin/me"));
}

export const meQuery = queryOptions({ queryKey: profileKeys.me, queryFn: getMe });

export function useMe() {
  return useQuery(meQuery);
}
