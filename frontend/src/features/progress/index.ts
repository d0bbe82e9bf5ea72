export { ProgressBars } from "./components/progress-bars";
