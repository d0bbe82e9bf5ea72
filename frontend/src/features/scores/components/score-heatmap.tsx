import { cloneElement, useEffect, useRef } from "react";
import { ActivityCalendar, type Activity } from "react-activity-calendar";

import type { Schemas } from "@/lib/api-client";
import { fullDate } from "@/lib/format";

type Score = Schemas["AdminScoreResponse"];

/** A score's shade: 0 blank, then a step per quarter of the 100 points. */
function level(score: number): number {
  return score === 0 ? 0 : Math.min(4, Math.floor(score / 25) + 1);
}

function describe(day: { date: string; count: number }): string {
  return `${fullDate(day.date)}: score ${day.count}`;
}

/** A calendar grid of daily scores, a column per week (Monday first), like a
 * contributions graph. Each cell names its date and score; the grid scrolls sideways
 * inside its own frame on a narrow screen, opened at the latest weeks. */
export function ScoreHeatmap({ history }: { history: Score[] }) {
  const data: Activity[] = history.map((day) => ({ date: day.date, count: day.score, level: level(day.score) }));
  const frame = useRef<HTMLDivElement>(null);
  // The latest weeks first in view: on a phone the grid opens scrolled to today.
  useEffect(() => {
    if (frame.current) frame.current.scrollLeft = frame.current.scrollWidth;
  }, []);
  return (
    <div ref={frame} className="heatmap" role="region" aria-label="Daily scores, one cell a day" tabIndex={0}>
      <ActivityCalendar
        data={data}
        weekStart={1}
        colorScheme="light"
        theme={{ light: ["#e5e7eb", "#1d4ed8"] }}
        showTotalCount={false}
        labels={{ legend: { less: "0", more: "100" } }}
        blockSize={11}
        blockMargin={3}
        fontSize={12}
        renderBlock={(block, day) =>
          cloneElement(block, { role: "img", "aria-label": describe(day) }, <title>{describe(day)}</title>)
        }
      />
    </div>
  );
}
