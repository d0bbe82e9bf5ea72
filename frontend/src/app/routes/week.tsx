import { ChevronLeft, ChevronRight } from "lucide-react";
import { Link, useSearchParams } from "react-router";

import { PageHeader } from "@/components/ui/page-header";
import { QueryState } from "@/components/ui/query-state";
import { WeekGoal } from "@/features/goals";
import { ProgressBars, useWeekProgress } from "@/features/progress";
import { WeekScoreChart } from "@/features/scores";
import { addDays } from "@/lib/dates";
import { longDate } from "@/lib/format";

/** A week's goal, progress and scores: this week (the server's) unless `?week_start=`
 * names another Monday; the neighbours are a week either side of the server's answer. */
export function WeekRoute() {
  const [params] = useSearchParams();
  const progress = useWeekProgress(params.get("week_start"));

  return (
    <QueryState query={progress} label="the week">
      {(week) => (
        <>
          <PageHeader
            title="Week"
            subtitle={`${longDate(week.week_start)} to ${longDate(addDays(week.week_start, 6))}`}
            actions={
              <nav aria-label="Weeks" className="page-actions">
                <Link className="button secondary" to={`?week_start=${addDays(week.week_start, -7)}`}>
                  <ChevronLeft aria-hidden size={16} /> Previous week
                </Link>
                <Link className="button secondary" to="/week">
                  This week
                </Link>
                <Link className="button secondary" to={`?week_start=${addDays(week.week_start, 7)}`}>
                  Next week <ChevronRight aria-hidden size={16} />
                </Link>
              </nav>
            }
          />
          <div className="week-grid">
            <section className="card" aria-labelledby="goal-heading">
              <h2 id="goal-heading">Goal</h2>
              <WeekGoal progress={week} />
            </section>
            <section className="card" aria-labelledby="progress-heading">
              <h2 id="progress-heading">Progress</h2>
              <ProgressBars progress={week} noGoal="Set the week's targets to follow its progress." />
            </section>
            <section className="card week-chart-card" aria-labelledby="scores-heading">
              <h2 id="scores-heading">Daily scores</h2>
              <WeekScoreChart weekStart={week.week_start} />
            </section>
          </div>
        </>
      )}
    </QueryState>
  );
}
