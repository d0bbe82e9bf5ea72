import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, type Schemas } from "@/lib/api-client";
import { invalidateFigures } from "@/lib/invalidation";

export type ActivityCreate = Schemas["AdminActivityCreate"];
export type ActivityUpdate = Schemas["AdminActivityUpdate"];

export function createActivity(body: ActivityCreate) {
  return unwrap(api.POST("/api/v1/master-admin/activities", { body }));
}

export function updateActivity(id: number, body: ActivityUpdate) {
  return unwrap(
    api.PUT("/api/v1/master-admin/activities/{activity_id}", {
      params: { path: { activity_id: id } },
      body,
    }),
  );
}

export function deleteActivity(id: number) {
  return unwrap(
    api.DELETE("/api/v1/master-admin/activities/{activity_id}", {
      params: { path: { activity_id: id } },
    }),
  );
}

/** Every activity write moves scores, streaks and progress: all of them are refetched. */
export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createActivity,
    onSettled: () => invalidateFigures(queryClient),
  });
}

export function useUpdateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ActivityUpdate }) => updateActivity(id, body),
    onSettled: () => invalidateFigures(queryClient),
  });
}

export function useDeleteActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteActivity,
    onSettled: () => invalidateFigures(queryClient),
  });
}
