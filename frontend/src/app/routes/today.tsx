import { Link } from "react-router";

import { PageHeader } from "@/components/ui/page-header";
import { QueryState } from "@/components/ui/query-state";
import { ActivityTimeline, QuickLog, useTodayActivities } from "@/features/activities";
import { useDashboard } from "@/features/dashboard";
import { FocusSummary } from "@/features/focus";
import { NudgeList, useUnreadNudges } from "@/features/nudges";
import { useMe } from "@/features/profile";
import { ProgressBars } from "@/features/progress";
import { ScoreGauge, StreakSummary } from "@/features/scores";
import { longDate } from "@/lib/format";

export function TodayRoute() {
  const dashboard = useDashboard();
  const activities = useTodayActivities();
  const nudges = useUnreadNudges();
  const me = useMe();
  const timeZone = me.data?.timezone ?? "UTC";

  return (
    <QueryState query={dashboard} label="today's figures">
      {(data) => (
        <>
          <PageHeader title="Today" subtitle={`${longDate(data.today.date)} · ${timeZone}`} />
          <div className="today-grid">
            <section className="card score-card" aria-labelledby="score-heading">
              <h2 id="score-heading">Score</h2>
              <ScoreGauge score={data.today.score} />
              <StreakSummary streak={data.streak} todayScore={data.today.score} />
            </section>
            <QuickLog today={data.today.date} />
            <section className="card timeline-card" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">Today&apos;s timeline</h2>
              <QueryState query={activities} label="today's activities">
                {(items) => <ActivityTimeline activities={items} timeZone={timeZone} />}
              </QueryState>
            </section>
            <section className="card" aria-labelledby="progress-heading">
              <h2 id="progress-heading">This week</h2>
              <ProgressBars progress={data.week_progress} />
            </section>
            <FocusSummary session={data.active_focus_session} receivedAt={dashboard.dataUpdatedAt} />
            <section className="card" aria-labelledby="nudges-heading">
              <h2 id="nudges-heading">
                Nudges <span className="badge">{data.unread_nudges} unread</span>
              </h2>
              <QueryState query={nudges} label="nudges">
                {(items) => <NudgeList nudges={items} limit={3} />}
              </QueryState>
              <Link to="/nudges">All nudges</Link>
            </section>
          </div>
        </>
      )}
    </QueryState>
  );
}
