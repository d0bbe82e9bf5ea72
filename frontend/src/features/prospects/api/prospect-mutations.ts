import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, type Schemas } from "@/lib/api-client";
import { ROOT_KEYS } from "@/lib/query-keys";

import { prospectKeys } from "./keys";

export type ProspectCreate = Schemas["AdminProspectCreate"];
export type ProspectUpdate = Schemas["AdminProspectUpdate"];

export function createProspect(body: ProspectCreate) {
  return unwrap(api.POST("/api/v1/master-admin/prospects", { body }));
}

export function updateProspect(id: number, body: ProspectUpdate) {
  return unwrap(
    api.PUT("/api/v1/master-admin/prospects/{prospect_id}", { params: { path: { prospect_id: id } }, body }),
  );
}

export function deleteProspect(id: number) {
  return unwrap(
    api.DELETE("/api/v1/master-admin/prospects/{prospect_id}", { params: { path: { prospect_id: id } } }),
  );
}

/** A prospect's status moves its lead score and the dashboard's active prospects; deleting
 * one deletes its deals and unlinks its activities: those lists are refetched too. */
function useProspectMutation<TArg, TResult>(
  mutationFn: (arg: TArg) => Promise<TResult>,
  prospects: readonly unknown[] = prospectKeys.all,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all(
        [prospects, [ROOT_KEYS.dashboard], [ROOT_KEYS.deals], [ROOT_KEYS.pipeline], [ROOT_KEYS.activities]].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export function useCreateProspect() {
  return useProspectMutation(createProspect);
}

export function useUpdateProspect() {
  return useProspectMutation(({ id, body }: { id: number; body: ProspectUpdate }) => updateProspect(id, body));
}

/** A deleted prospect's own page is never refetched (it would be a 404): only the lists are. */
export function useDeleteProspect() {
  return useProspectMutation(deleteProspect, prospectKeys.lists());
}
