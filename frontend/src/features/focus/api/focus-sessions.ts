import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, unwrapPage } from "@/lib/api-client";
import { invalidateFigures } from "@/lib/invalidation";
import { ROOT_KEYS } from "@/lib/query-keys";

export const focusKeys = {
  all: [ROOT_KEYS.focus] as const,
  active: () => [...focusKeys.all, "active"] as const,
  history: (limit: number) => [...focusKeys.all, "history", limit] as const,
  stats: () => [...focusKeys.all, "stats"] as const,
};

export function getActiveFocusSession() {
  return unwrap(api.GET("/api/v1/master-admin/focus-sessions/active"));
}

/** The open session with the server's `ends_at` and `remaining_seconds`, or null. */
export const activeFocusQuery = queryOptions({
  queryKey: focusKeys.active(),
  queryFn: getActiveFocusSession,
});

export function useActiveFocusSession() {
  return useQuery(activeFocusQuery);
}

export function getFocusHistory(limit: number) {
  return unwrapPage(api.GET("/api/v1/master-admin/focus-sessions", { params: { query: { limit } } }));
}

export function useFocusHistory(limit = 20) {
  return useQuery({ queryKey: focusKeys.history(limit), queryFn: () => getFocusHistory(limit) });
}

export function getFocusStats() {
  return unwrap(api.GET("/api/v1/master-admin/focus-sessions/stats"));
}

/** This week's sessions and focused minutes, as the server counts them. */
export function useFocusStats() {
  return useQuery({ queryKey: focusKeys.stats(), queryFn: getFocusStats });
}

export function startFocusSession(durationMinutes: number) {
  return unwrap(
    api.POST("/api/v1/master-admin/focus-sessions", { body: { duration_minutes: durationMinutes } }),
  );
}

export type FocusEnding = "complete" | "interrupt";

export function endFocusSession(id: number, ending: FocusEnding, notes: string | null) {
  const params = { path: { session_id: id } };
  const body = { notes };
  return unwrap(
    ending === "complete"
      ? api.PUT("/api/v1/master-admin/focus-sessions/{session_id}/complete", { params, body })
      : api.PUT("/api/v1/master-admin/focus-sessions/{session_id}/interrupt", { params, body }),
  );
}

/** Starting or ending a session changes the dashboard and the nudges too. */
export function useStartFocusSession() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: startFocusSession, onSettled: () => invalidateFigures(queryClient) });
}

export function useEndFocusSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ending, notes }: { id: number; ending: FocusEnding; notes: string | null }) =>
      endFocusSession(id, ending, notes),
    onSettled: () => invalidateFigures(queryClient),
  });
}
