import type { ReactNode } from "react";

import { activityPlural } from "@/features/activities";
import type { Schemas } from "@/lib/api-client";

type ProgressBarsProps = {
  progress: Schemas["WeeklyProgressResponse"];
  /** What a week without a goal says instead. */
  noGoal?: ReactNode;
};

/** Each type's done amount against its weekly target, with a marker where steady
 * progress would be by the end of today (`expected_by_today`). */
export function ProgressBars({
  progress,
  noGoal = "No goal for this week yet: set one on the Week page.",
}: ProgressBarsProps) {
  if (progress.goal_id === null) {
    return <p className="muted">{noGoal}</p>;
  }
  return (
    <ul className="progress-list">
      {progress.types.map((entry) => {
        const behind = entry.done < entry.expected_by_today;
        const pacePosition = entry.target > 0 ? Math.min(100, (entry.expected_by_today / entry.target) * 100) : 0;
        const name = activityPlural(entry.type);
        return (
          <li key={entry.type} className="progress-item">
            <div className="progress-label">
              <span>{name}</span>
              <span>
                <strong data-testid={`done-${entry.type}`}>{entry.done}</strong> of{" "}
                <span data-testid={`target-${entry.type}`}>{entry.target}</span>
              </span>
            </div>
            <div
              className="progress-track"
              role="progressbar"
              aria-label={`${name}: ${entry.done} of ${entry.target}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={entry.percent}
              aria-valuetext={`${entry.percent}%, ${entry.expected_by_today} expected by today`}
            >
              <div className={behind ? "progress-fill behind" : "progress-fill"} style={{ width: `${entry.percent}%` }} />
              {entry.target > 0 && (
                <div className="pace-marker" style={{ left: `${pacePosition}%` }} title={`Pace: ${entry.expected_by_today} by today`} />
              )}
            </div>
            <p className="progress-note">
              {entry.percent}% · {entry.expected_by_today} expected by today
              {behind ? <span className="badge warn">behind pace</span> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
