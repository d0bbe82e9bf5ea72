import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";
import { invalidateFigures } from "@/lib/invalidation";

import { profileKeys } from "./get-me";

/** `PATCH /me` with ISO weekdays (1 Monday .. 7 Sunday); all seven is a 422. */
export function updateRestDays(restDays: number[]) {
  return unwrap(api.PATCH("/api/v1/master-admin/me", { body: { rest_days: restDays } }));
}

/** Rest days renumber the streaks and move the pace: every figure is refetched, and the profile. */
export function useUpdateRestDays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRestDays,
    onSettled: () =>
      Promise.all([invalidateFigures(queryClient), queryClient.invalidateQueries({ queryKey: profileKeys.me })]),
  });
}
