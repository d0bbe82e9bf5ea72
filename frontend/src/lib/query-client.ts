import { QueryClient } from "@tanstack/react-query";

import { ApiError } from "./api-client";

/** Server state: refetched when the window regains focus, never retried on a 4xx. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // A 401 is retried once: the token source renews the token in between.
        retry: (failures, error) => {
          if (error instanceof ApiError && error.status === 401) return failures < 1;
          return !(error instanceof ApiError && error.status < 500) && failures < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
