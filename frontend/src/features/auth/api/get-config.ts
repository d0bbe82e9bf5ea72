import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

export const authKeys = {
  config: ["auth", "config"] as const,
  devToken: ["auth", "dev-token"] as const,
};

export function getConfig() {
  return unwrap(api.GET("/api/v1/config"));
}

export const configQuery = queryOptions({
  queryKey: authKeys.config,
  queryFn: getConfig,
  staleTime: Infinity,
});

export function useConfig() {
  return useQuery(configQuery);
}
