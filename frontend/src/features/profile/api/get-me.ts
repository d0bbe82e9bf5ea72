import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import { ROOT_KEYS } from "@/lib/query-keys";

export const profileKeys = {
  me: [ROOT_KEYS.profile, "me"] as const,
};

export function getMe() {
  return unwrap(api.GET("/api/v1/master-admin/me"));
}

export const meQuery = queryOptions({ queryKey: profileKeys.me, queryFn: getMe });

export function useMe() {
  return useQuery(meQuery);
}
