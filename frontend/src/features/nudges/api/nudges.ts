import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import { ROOT_KEYS } from "@/lib/query-keys";

export const nudgeKeys = {
  all: [ROOT_KEYS.nudges] as const,
  unread: () => [...nudgeKeys.all, "unread"] as const,
};

export function getUnreadNudges() {
  return unwrap(api.GET("/api/v1/master-admin/nudges"));
}

/** Unread, unexpired nudges, highest priority first (the server's order). */
export const unreadNudgesQuery = queryOptions({ queryKey: nudgeKeys.unread(), queryFn: getUnreadNudges });

export function useUnreadNudges() {
  return useQuery(unreadNudgesQuery);
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
