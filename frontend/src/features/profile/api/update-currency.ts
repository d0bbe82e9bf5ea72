import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api-client";

import { profileKeys } from "./get-me";

/** `PATCH /me {"currency"}`; the server accepts ISO 4217 codes only (else 422). */
export function updateCurrency(currency: string) {
  return unwrap(api.PATCH("/api/v1/master-admin/me", { body: { currency } }));
}

/** The currency is only for display: the profile is refetched, no figure moves. */
export function useUpdateCurrency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCurrency,
    onSettled: () => queryClient.invalidateQueries({ queryKey: profileKeys.me }),
  });
}
