export { useWeekProgress } from "./api/get-week-progress";
export { ProgressBars } from "./components/progress-bars";
