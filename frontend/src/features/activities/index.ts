export { useTodayActivities } from "./api/get-today-activities";
export { ACTIVITY_TYPES, activityPlural } from "./activity-types";
export type { ActivityStatus, ActivityType } from "./activity-types";
export { ActivityLog } from "./components/activity-log";
export { ActivityTimeline } from "./components/activity-timeline";
export { QuickLog } from "./components/quick-log";
export { ProspectActivities } from "./components/prospect-activities";
