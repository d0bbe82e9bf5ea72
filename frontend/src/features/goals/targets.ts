import type { ActivityType } from "@/features/activities";
import type { Schemas } from "@/lib/api-client";

export type GoalTargets = Pick<
  Schemas["AdminGoalCreate"],
  "target_discoveries" | "target_emails" | "target_videos" | "target_calls"
>;

/** The goal's target field of each activity type. */
export const TARGET_FIELDS: Record<ActivityType, keyof GoalTargets> = {
  discovery: "target_discoveries",
  email: "target_emails",
  video: "target_videos",
  call: "target_calls",
};

/** The targets as a week's progress states them (one entry per type). */
export function targetsOf(progress: Schemas["WeeklyProgressResponse"]): Required<GoalTargets> {
  const targets = { target_discoveries: 0, target_emails: 0, target_videos: 0, target_calls: 0 };
  for (const entry of progress.types) targets[TARGET_FIELDS[entry.type]] = entry.target;
  return targets;
}
