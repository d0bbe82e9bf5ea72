import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap, unwrapPage } from "@/lib/api-client";

import type { ProspectStatus } from "../prospect-statuses";

import { prospectKeys } from "./keys";

export type ProspectSort = "-created_at" | "name" | "-lead_score" | "-last_activity_date";

export type ProspectFilters = {
  q?: string;
  status?: ProspectStatus[];
  tag?: string;
  sort?: ProspectSort;
  limit?: number;
  offset?: number;
};

/** `GET /prospects`: a page of the founder's prospects and their total (`X-Total-Count`).
 * Empty filters are left out of the query string. */
export function getProspects({ q, status, tag, sort, limit, offset }: ProspectFilters) {
  return unwrapPage(
    api.GET("/api/v1/master-admin/prospects", {
      params: {
        query: {
          ...(q ? { q } : {}),
          ...(status?.length ? { status } : {}),
          ...(tag ? { tag } : {}),
          ...(sort ? { sort } : {}),
          ...(limit ? { limit } : {}),
          ...(offset ? { offset } : {}),
        },
      },
    }),
  );
}

export const prospectsQuery = (filters: ProspectFilters) =>
  queryOptions({
    queryKey: prospectKeys.list(filters),
    queryFn: () => getProspects(filters),
    placeholderData: keepPreviousData,
  });

export function useProspects(filters: ProspectFilters) {
  return useQuery(prospectsQuery(filters));
}

export function getProspect(id: number) {
  return unwrap(api.GET("/api/v1/master-admin/prospects/{prospect_id}", { params: { path: { prospect_id: id } } }));
}

/** One prospect with its lead-score breakdown (stage + engagement), computed when read. */
export const prospectQuery = (id: number) =>
  queryOptions({ queryKey: prospectKeys.detail(id), queryFn: () => getProspect(id) });

export function useProspect(id: number) {
  return useQuery(prospectQuery(id));
}
