import type { Schemas } from "@/lib/api-client";

export type ActivityType = Schemas["ActivityType"];
export type ActivityStatus = Schemas["ActivityStatus"];

/** The four kinds of sales activity, in the order the founder works them, with the key
 * that logs one from anywhere on Today. */
export const ACTIVITY_TYPES: { type: ActivityType; label: string; plural: string; key: string }[] = [
  { type: "discovery", label: "Discovery meeting", plural: "Discovery meetings", key: "d" },
  { type: "email", label: "Email", plural: "Emails", key: "e" },
  { type: "video", label: "Video", plural: "Videos", key: "v" },
  { type: "call", label: "Call", plural: "Calls", key: "c" },
];

export const ACTIVITY_STATUSES: { status: ActivityStatus; label: string }[] = [
  { status: "done", label: "Done" },
  { status: "pending", label: "Pending" },
  { status: "cancelled", label: "Cancelled" },
];

export function activityLabel(type: ActivityType): string {
  return ACTIVITY_TYPES.find((entry) => entry.type === type)?.label ?? type;
}

export function activityPlural(type: ActivityType): string {
  return ACTIVITY_TYPES.find((entry) => entry.type === type)?.plural ?? type;
}
