export { activityKeys } from "./api/keys";
export { todayActivitiesQuery, useTodayActivities } from "./api/get-today-activities";
export { createActivity, useCreateActivity, useDeleteActivity, useUpdateActivity } from "./api/activity-mutations";
export { ACTIVITY_STATUSES, ACTIVITY_TYPES, activityLabel, activityPlural } from "./activity-types";
export type { ActivityStatus, ActivityType } from "./activity-types";
export { ActivityForm } from "./components/activity-form";
export { ActivityLog } from "./components/activity-log";
export { ActivityTimeline } from "./components/activity-timeline";
export { QuickLog } from "./components/quick-log";
