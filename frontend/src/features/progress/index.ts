export { progressKeys, useWeekProgress, weekProgressQuery } from "./api/get-week-progress";
export { ProgressBars } from "./components/progress-bars";
