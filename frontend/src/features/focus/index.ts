export { FocusHistory } from "./components/focus-history";
export { FocusPanel } from "./components/focus-panel";
export { FocusSummary } from "./components/focus-summary";
export { FocusWeek } from "./components/focus-week";
