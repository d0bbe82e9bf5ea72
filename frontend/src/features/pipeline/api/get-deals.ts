import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap, unwrapPage } from "@/lib/api-client";

import { dealKeys, pipelineKeys } from "./keys";

/** The most the API returns at once; the board shows up to this many deals. */
export const BOARD_LIMIT = 500;

/** `GET /deals`: every stage, most recently updated first. */
export function getBoardDeals() {
  return unwrapPage(api.GET("/api/v1/master-admin/deals", { params: { query: { limit: BOARD_LIMIT } } }));
}

export const boardDealsQuery = queryOptions({ queryKey: dealKeys.list({ board: true }), queryFn: getBoardDeals });

export function useBoardDeals() {
  return useQuery(boardDealsQuery);
}

/** `GET /deals?prospect_id=`: one prospect's deals. */
export function getProspectDeals(prospectId: number) {
  return unwrapPage(
    api.GET("/api/v1/master-admin/deals", { params: { query: { prospect_id: prospectId, limit: BOARD_LIMIT } } }),
  );
}

export function useProspectDeals(prospectId: number) {
  return useQuery({ queryKey: dealKeys.list({ prospect_id: prospectId }), queryFn: () => getProspectDeals(prospectId) });
}

/** `GET /pipeline/summary` with the server's default period (the 90 days ending today). */
export function getPipelineSummary() {
  return unwrap(api.GET("/api/v1/master-admin/pipeline/summary"));
}

export const pipelineSummaryQuery = queryOptions({ queryKey: pipelineKeys.summary(), queryFn: getPipelineSummary });

export function usePipelineSummary() {
  return useQuery(pipelineSummaryQuery);
}
