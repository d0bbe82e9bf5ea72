import { useEffect, useState } from "react";

import { clock } from "@/lib/format";

type FocusCountdownProps = {
  /** The server's `remaining_seconds` when the session was read. */
  remainingSeconds: number;
  /** When that reading arrived (ms since the epoch, this browser's clock). */
  receivedAt: number;
  overdue: boolean;
  onElapsed?: () => void;
};

/**
 * Counts down from the server's reading of the session, not from the browser's idea of
 * the start: it is right after a reload, in a second tab and after the laptop slept
 * (the elapsed wall time since the reading is what is subtracted).
 */
export function FocusCountdown({ remainingSeconds, receivedAt, overdue, onElapsed }: FocusCountdownProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil(remainingSeconds - (now - receivedAt) / 1000));
  const done = overdue || left === 0;
  useEffect(() => {
    if (done && !overdue) onElapsed?.();
  }, [done, overdue, onElapsed]);
  return (
    <p className={done ? "countdown overdue" : "countdown"} role="timer" aria-label={done ? "Focus time is up" : "Focus time left"}>
      {done ? "Time's up" : clock(left)}
    </p>
  );
}
