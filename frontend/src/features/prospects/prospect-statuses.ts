import type { Schemas } from "@/lib/api-client";

export type ProspectStatus = Schemas["ProspectStatus"];

/** The statuses in the order a prospect moves through them. */
export const PROSPECT_STATUSES: { status: ProspectStatus; label: string }[] = [
  { status: "new", label: "New" },
  { status: "qualified", label: "Qualified" },
  { status: "engaged", label: "Engaged" },
  { status: "proposal", label: "Proposal" },
  { status: "negotiation", label: "Negotiation" },
  { status: "closed_won", label: "Closed won" },
  { status: "closed_lost", label: "Closed lost" },
];

export function statusLabel(status: ProspectStatus): string {
  return PROSPECT_STATUSES.find((entry) => entry.status === status)?.label ?? status;
}
