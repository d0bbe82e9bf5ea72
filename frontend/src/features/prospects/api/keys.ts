import { ROOT_KEYS } from "@/lib/query-keys";

export const prospectKeys = {
  all: [ROOT_KEYS.prospects] as const,
  lists: () => [...prospectKeys.all, "list"] as const,
  list: (filters: object) => [...prospectKeys.lists(), filters] as const,
  detail: (id: number) => [...prospectKeys.all, "detail", id] as const,
};
