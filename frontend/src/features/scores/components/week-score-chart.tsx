import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";

import { QueryState } from "@/components/ui/query-state";
import type { Schemas } from "@/lib/api-client";
import { longDate, shortDate } from "@/lib/format";

import { useWeekScores } from "../api/get-week-scores";

type Score = Schemas["AdminScoreResponse"];

const WEEKDAY = new Intl.DateTimeFormat(undefined, { weekday: "short", timeZone: "UTC" });

/** The daily scores of the week starting `weekStart` (a Monday from the server). */
export function WeekScoreChart({ weekStart }: { weekStart: string }) {
  const scores = useWeekScores(weekStart);
  return (
    <QueryState query={scores} label="the week's scores">
      {(days) => <ScoreBars scores={days} name={`Daily scores, week of ${longDate(weekStart)}`} />}
    </QueryState>
  );
}

/** Daily scores as bars (0..100), and the same figures as a table for a screen reader
 * and for anyone who wants the numbers. */
function ScoreBars({ scores, name }: { scores: Score[]; name: string }) {
  const bars = scores.map((day) => ({ ...day, day: WEEKDAY.format(new Date(`${day.date}T00:00:00Z`)) }));
  return (
    <>
      <div className="week-chart" role="img" aria-label={name}>
        <BarChart responsive data={bars} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="day" tickLine={false} interval={0} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickLine={false} />
          <Bar dataKey="score" fill="var(--primary)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </div>
      <table className="data-table">
        <caption className="visually-hidden">{name}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Score</th>
            <th scope="col">Done</th>
            <th scope="col">Streak</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((day) => (
            <tr key={day.date}>
              <th scope="row">{shortDate(day.date)}</th>
              <td data-testid={`score-${day.date}`}>{day.score}</td>
              <td>{day.activities_count}</td>
              <td>{day.streak_days}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
