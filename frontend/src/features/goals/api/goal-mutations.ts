import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, type Schemas } from "@/lib/api-client";
import { invalidateFigures } from "@/lib/invalidation";

export type GoalCreate = Schemas["AdminGoalCreate"];
export type GoalUpdate = Schemas["AdminGoalUpdate"];

export function createGoal(body: GoalCreate) {
  return unwrap(api.POST("/api/v1/master-admin/goals", { body }));
}

export function updateGoal(id: number, body: GoalUpdate) {
  return unwrap(api.PUT("/api/v1/master-admin/goals/{goal_id}", { params: { path: { goal_id: id } }, body }));
}

/** A goal moves progress, pace and the nudges: every figure is refetched. */
export function useCreateGoal() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createGoal, onSettled: () => invalidateFigures(queryClient) });
}

export function useUpdateGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: GoalUpdate }) => updateGoal(id, body),
    onSettled: () => invalidateFigures(queryClient),
  });
}
