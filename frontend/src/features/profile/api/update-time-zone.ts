import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import { invalidateFigures } from "@/lib/invalidation";

import { profileKeys } from "./get-me";

/** `PATCH /me`; the server accepts only the IANA names it ships (else 422). */
export function updateTimeZone(timezone: string) {
  return unwrap(api.PATCH("/api/v1/master-admin/me", { body: { timezone } }));
}

/** Another zone moves "today" and "this week": every figure is refetched, and the profile. */
export function useUpdateTimeZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTimeZone,
    onSettled: () =>
      Promise.all([invalidateFigures(queryClient), queryClient.invalidateQueries({ queryKey: profileKeys.me })]),
  });
}
