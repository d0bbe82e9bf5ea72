export { exportScores } from "./api/export-scores";
export { useScoreHistory } from "./api/get-score-history";
export { useStreak } from "./api/get-streak";
export { ScoreHeatmap, WeekScoreChart } from "./components/charts";
export { ScoreGauge } from "./components/score-gauge";
export { StreakSummary } from "./components/streak-summary";
