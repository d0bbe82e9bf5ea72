import { ExportButton } from "@/components/ui/export-button";
import { PageHeader } from "@/components/ui/page-header";
import { QueryState } from "@/components/ui/query-state";
import { ActivityLog } from "@/features/activities";
import { exportScores, ScoreHeatmap, StreakSummary, useScoreHistory, useStreak } from "@/features/scores";

export function HistoryRoute() {
  const history = useScoreHistory();
  const streak = useStreak();

  return (
    <>
      <PageHeader title="History" subtitle="A year of scores and everything logged." />
      <div className="stack">
        <section className="card" aria-labelledby="year-heading">
          <h2 id="year-heading">The last 365 days</h2>
          <QueryState query={history} label="the year's scores">
            {(days) => (
              <>
                <QueryState query={streak} label="the streak">
                  {(current) => <StreakSummary streak={current} todayScore={days.at(-1)?.score ?? 0} />}
                </QueryState>
                <ScoreHeatmap history={days} />
                <ExportButton label="Export daily scores (CSV)" onExport={exportScores} />
              </>
            )}
          </QueryState>
        </section>
        <section className="card" aria-labelledby="log-heading">
          <h2 id="log-heading">Activity log</h2>
          <ActivityLog />
        </section>
      </div>
    </>
  );
}
