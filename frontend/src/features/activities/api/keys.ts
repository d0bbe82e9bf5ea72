import { ROOT_KEYS } from "@/lib/query-keys";

export const activityKeys = {
  all: [ROOT_KEYS.activities] as const,
  today: () => [...activityKeys.all, "today"] as const,
  list: (filters: object) => [...activityKeys.all, "list", filters] as const,
};
