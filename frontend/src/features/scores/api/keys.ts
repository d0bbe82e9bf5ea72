import { ROOT_KEYS } from "@/lib/query-keys";

export const scoreKeys = {
  all: [ROOT_KEYS.scores] as const,
  week: (weekStart: string) => [...scoreKeys.all, "week", weekStart] as const,
  history: () => [...scoreKeys.all, "history"] as const,
  streak: () => [...scoreKeys.all, "streak"] as const,
};
