export { ScoreGauge } from "./components/score-gauge";
export { StreakSummary } from "./components/streak-summary";
