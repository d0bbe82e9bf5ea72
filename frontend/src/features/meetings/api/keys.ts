import { ROOT_KEYS } from "@/lib/query-keys";

export const meetingKeys = {
  all: [ROOT_KEYS.meetings] as const,
  list: () => [...meetingKeys.all, "list"] as const,
  defaults: () => [...meetingKeys.all, "defaults"] as const,
};
