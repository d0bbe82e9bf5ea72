import { Flame, Trophy } from "lucide-react";

import type { Schemas } from "@/lib/api-client";

type StreakSummaryProps = { streak: Schemas["StreakResponse"]; todayScore: number };

/** The current and longest streak; while today has no score yet, the streak is still
 * alive until midnight (the server counts it from yesterday). */
export function StreakSummary({ streak, todayScore }: StreakSummaryProps) {
  const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
  return (
    <div className="streak">
      <p className="streak-current">
        <Flame aria-hidden className="icon-flame" size={22} />
        <span>
          Streak <strong data-testid="current-streak">{days(streak.current_streak)}</strong>
        </span>
      </p>
      <p className="streak-longest">
        <Trophy aria-hidden size={18} />
        <span>
          Longest <strong data-testid="longest-streak">{days(streak.longest_streak)}</strong>
        </span>
      </p>
      {todayScore === 0 && streak.current_streak > 0 && (
        <p className="hint warn">Alive until midnight: log anything today to keep it.</p>
      )}
    </div>
  );
}
