import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

import { authKeys } from "./get-config";

export async function createDevToken(): Promise<string> {
  const { token } = await unwrap(api.POST("/api/v1/dev/token"));
  return token;
}

/** Development auth's token: asked for once per page load, renewed when refused. */
export const devTokenQuery = queryOptions({
  queryKey: authKeys.devToken,
  queryFn: createDevToken,
  staleTime: Infinity,
});

export function useDevToken() {
  return useQuery(devTokenQuery);
}
