import { lazy, Suspense, type ComponentProps } from "react";

// The chart libraries load with the first page that draws a chart, not with the app.
const LazyWeekScoreChart = lazy(() => import("./week-score-chart").then((m) => ({ default: m.WeekScoreChart })));
const LazyScoreHeatmap = lazy(() => import("./score-heatmap").then((m) => ({ default: m.ScoreHeatmap })));

function Loading() {
  return (
    <p className="muted" role="status">
      Loading the chart…
    </p>
  );
}

export function WeekScoreChart(props: ComponentProps<typeof LazyWeekScoreChart>) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyWeekScoreChart {...props} />
    </Suspense>
  );
}

export function ScoreHeatmap(props: ComponentProps<typeof LazyScoreHeatmap>) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyScoreHeatmap {...props} />
    </Suspense>
  );
}
