/**
 * The root of every feature's query keys. Each feature builds its keys under its root,
 * so an invalidation by root reaches every query of that kind.
 */
export const ROOT_KEYS = {
  dashboard: "dashboard",
  scores: "scores",
  progress: "progress",
  activities: "activities",
  focus: "focus",
  nudges: "nudges",
  goals: "goals",
  meetings: "meetings",
  profile: "profile",
  prospects: "prospects",
  deals: "deals",
  pipeline: "pipeline",
} as const;
