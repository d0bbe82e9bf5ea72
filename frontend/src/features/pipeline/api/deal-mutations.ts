import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { toast } from "sonner";

import { api, unwrap, type Page, type Schemas } from "@/lib/api-client";
import { ROOT_KEYS } from "@/lib/query-keys";

import type { DealStage } from "../deal-stages";

import { boardDealsQuery } from "./get-deals";
import { dealKeys, pipelineKeys } from "./keys";

export type Deal = Schemas["AdminDealResponse"];
export type DealCreate = Schemas["AdminDealCreate"];
export type DealUpdate = Schemas["AdminDealUpdate"];

export function createDeal(body: DealCreate) {
  return unwrap(api.POST("/api/v1/master-admin/deals", { body }));
}

export function updateDeal(id: number, body: DealUpdate) {
  return unwrap(api.PUT("/api/v1/master-admin/deals/{deal_id}", { params: { path: { deal_id: id } }, body }));
}

export function deleteDeal(id: number) {
  return unwrap(api.DELETE("/api/v1/master-admin/deals/{deal_id}", { params: { path: { deal_id: id } } }));
}

/** A deal write moves the pipeline's figures (the summary, the dashboard's pipeline): they
 * and the deal lists are refetched. */
function refetchPipeline(queryClient: QueryClient) {
  return Promise.all(
    [dealKeys.all, pipelineKeys.all, [ROOT_KEYS.dashboard]].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

function useDealMutation<TArg, TResult>(mutationFn: (arg: TArg) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => refetchPipeline(queryClient) });
}

export function useCreateDeal() {
  return useDealMutation(createDeal);
}

export function useUpdateDeal() {
  return useDealMutation(({ id, body }: { id: number; body: DealUpdate }) => updateDeal(id, body));
}

export function useDeleteDeal() {
  return useDealMutation(deleteDeal);
}

type Move = { deal: Deal; stage: DealStage };

/** Moves a deal to another stage (`PUT {"stage"}`; the server sets the stage's probability).
 * The card changes column at once; a refusal puts it back and says why. Only the deal's
 * stage is guessed: every figure waits for the server. */
export function useMoveDeal() {
  const queryClient = useQueryClient();
  const key = boardDealsQuery.queryKey;
  return useMutation({
    mutationFn: ({ deal, stage }: Move) => updateDeal(deal.id, { stage }),
    onMutate: async ({ deal, stage }: Move) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Page<Deal>>(key);
      if (before) {
        queryClient.setQueryData<Page<Deal>>(key, {
          ...before,
          items: before.items.map((item) => (item.id === deal.id ? { ...item, stage } : item)),
        });
      }
      return { before };
    },
    onError: (error, { deal }, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      toast.error(`${deal.title} was not moved: ${error.message}`);
    },
    onSettled: () => refetchPipeline(queryClient),
  });
}
