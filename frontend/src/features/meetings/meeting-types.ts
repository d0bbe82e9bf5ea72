import type { Schemas } from "@/lib/api-client";

export type MeetingType = Schemas["MeetingType"];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  discovery: "Discovery",
  demo: "Demo",
  negotiation: "Negotiation",
  closing: "Closing",
};

/** In the order of a deal: discovery, demo, negotiation, closing. */
export const MEETING_TYPES = Object.keys(MEETING_TYPE_LABELS) as MeetingType[];
