import type { Schemas } from "@/lib/api-client";

export type DealStage = Schemas["DealStage"];

/** The board's columns: the five open stages in order, then won and lost. */
export const DEAL_STAGES: { stage: DealStage; label: string }[] = [
  { stage: "discovery", label: "Discovery" },
  { stage: "qualification", label: "Qualification" },
  { stage: "proposal", label: "Proposal" },
  { stage: "negotiation", label: "Negotiation" },
  { stage: "closing", label: "Closing" },
  { stage: "won", label: "Won" },
  { stage: "lost", label: "Lost" },
];

export function stageLabel(stage: DealStage): string {
  return DEAL_STAGES.find((entry) => entry.stage === stage)?.label ?? stage;
}
