import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import { ROOT_KEYS } from "@/lib/query-keys";

export const nudgeKeys = {
  all: [ROOT_KEYS.nudges] as const,
  list: (includeRead: boolean) => [...nudgeKeys.all, "list", { includeRead }] as const,
};

export function getNudges(includeRead: boolean) {
  return unwrap(api.GET("/api/v1/master-admin/nudges", { params: { query: { include_read: includeRead } } }));
}

/** Unexpired nudges, highest priority first, then newest (the server's order); the
 * ones already read only when `includeRead`. */
export function nudgesQuery(includeRead: boolean) {
  return queryOptions({ queryKey: nudgeKeys.list(includeRead), queryFn: () => getNudges(includeRead) });
}

export const unreadNudgesQuery = nudgesQuery(false);

export function useNudges(includeRead: boolean) {
  return useQuery(nudgesQuery(includeRead));
}

export function useUnreadNudges() {
  return useNudges(false);
}

export function generateNudges() {
  return unwrap(api.POST("/api/v1/master-admin/nudges/generate"));
}

export function markNudgeRead(id: number) {
  return unwrap(api.PUT("/api/v1/master-admin/nudges/{nudge_id}/read", { params: { path: { nudge_id: id } } }));
}

export function deleteNudge(id: number) {
  return unwrap(api.DELETE("/api/v1/master-admin/nudges/{nudge_id}", { params: { path: { nudge_id: id } } }));
}

function useNudgeMutation<TArg, TResult>(mutationFn: (arg: TArg) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: nudgeKeys.all }),
        queryClient.invalidateQueries({ queryKey: [ROOT_KEYS.dashboard] }),
      ]),
  });
}

/** Runs the nudge rules now; the server never creates the same nudge twice. */
export function useGenerateNudges() {
  return useNudgeMutation(generateNudges);
}

export function useMarkNudgeRead() {
  return useNudgeMutation(markNudgeRead);
}

export function useDeleteNudge() {
  return useNudgeMutation(deleteNudge);
}
