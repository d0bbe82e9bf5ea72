export { scoreKeys } from "./api/keys";
export { scoreHistoryQuery, useScoreHistory } from "./api/get-score-history";
export { streakQuery, useStreak } from "./api/get-streak";
export { useWeekScores, weekScoresQuery } from "./api/get-week-scores";
export { ScoreGauge } from "./components/score-gauge";
export { ScoreHeatmap, WeekScoreChart } from "./components/charts";
export { StreakSummary } from "./components/streak-summary";
