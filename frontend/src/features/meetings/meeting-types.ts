import type { Schemas } from "@/lib/api-client";

export type MeetingType = Schemas["MeetingType"];

export const MEETING_TYPES: { type: MeetingType; label: string }[] = [
  { type: "discovery", label: "Discovery" },
  { type: "demo", label: "Demo" },
  { type: "negotiation", label: "Negotiation" },
  { type: "closing", label: "Closing" },
];

export function meetingTypeLabel(type: MeetingType): string {
  return MEETING_TYPES.find((entry) => entry.type === type)?.label ?? type;
}
