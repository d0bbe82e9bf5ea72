import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, type Schemas } from "@/lib/api-client";

import { meetingKeys } from "./keys";

export type MeetingCreate = Schemas["AdminMeetingCreate"];
export type MeetingUpdate = Schemas["AdminMeetingUpdate"];

export function createMeeting(body: MeetingCreate) {
  return unwrap(api.POST("/api/v1/master-admin/meetings", { body }));
}

export function updateMeeting(id: number, body: MeetingUpdate) {
  return unwrap(
    api.PUT("/api/v1/master-admin/meetings/{meeting_id}", { params: { path: { meeting_id: id } }, body }),
  );
}

export function deleteMeeting(id: number) {
  return unwrap(api.DELETE("/api/v1/master-admin/meetings/{meeting_id}", { params: { path: { meeting_id: id } } }));
}

/** Templates move no figure: a write refetches the template list only. */
function useMeetingMutation<TArg, TResult>(mutationFn: (arg: TArg) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.list() }),
  });
}

export function useCreateMeeting() {
  return useMeetingMutation(createMeeting);
}

export function useUpdateMeeting() {
  return useMeetingMutation(({ id, body }: { id: number; body: MeetingUpdate }) => updateMeeting(id, body));
}

export function useDeleteMeeting() {
  return useMeetingMutation(deleteMeeting);
}
