import { ROOT_KEYS } from "@/lib/query-keys";

export const dealKeys = {
  all: [ROOT_KEYS.deals] as const,
  list: (filters: object) => [...dealKeys.all, "list", filters] as const,
};

export const pipelineKeys = {
  all: [ROOT_KEYS.pipeline] as const,
  summary: () => [...pipelineKeys.all, "summary"] as const,
};
