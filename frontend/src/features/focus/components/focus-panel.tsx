import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";

import { LongTextField } from "@/components/ui/form";
import { QueryState } from "@/components/ui/query-state";
import type { Schemas } from "@/lib/api-client";

import { focusKeys, useActiveFocusSession, useEndFocusSession, useStartFocusSession } from "../api/focus-sessions";

import { FocusCountdown } from "./focus-countdown";

export const FOCUS_LENGTHS = [15, 25, 50, 90] as const;
export const DEFAULT_FOCUS_MINUTES = 50;

/** Start a session, or run the open one: its countdown, then complete or interrupt. */
export function FocusPanel() {
  const active = useActiveFocusSession();
  return (
    <section className="card focus-panel" aria-labelledby="focus-heading">
      <h2 id="focus-heading">Focus session</h2>
      <QueryState query={active} label="the focus session">
        {(session) =>
          session ? <RunningSession session={session} receivedAt={active.dataUpdatedAt} /> : <StartSession />
        }
      </QueryState>
    </section>
  );
}

function StartSession() {
  const start = useStartFocusSession();
  return (
    <div>
      <p className="muted">Pick a length; 50 minutes is the default.</p>
      <div className="focus-lengths">
        {FOCUS_LENGTHS.map((minutes) => (
          <button
            key={minutes}
            type="button"
            className={minutes === DEFAULT_FOCUS_MINUTES ? "button" : "button secondary"}
            disabled={start.isPending}
            onClick={() =>
              start.mutate(minutes, {
                onSuccess: () => toast.success(`${minutes}-minute focus started`),
                onError: (error) => toast.error(`Not started: ${error.message}`),
              })
            }
          >
            Start {minutes} min
          </button>
        ))}
      </div>
    </div>
  );
}

type RunningSessionProps = {
  session: Schemas["AdminActiveFocusSessionResponse"];
  receivedAt: number;
};

function RunningSession({ session, receivedAt }: RunningSessionProps) {
  const queryClient = useQueryClient();
  const end = useEndFocusSession();
  const [notes, setNotes] = useState("");

  function finish(ending: "complete" | "interrupt") {
    end.mutate(
      { id: session.id, ending, notes: notes.trim() === "" ? null : notes },
      {
        onSuccess: () => toast.success(ending === "complete" ? "Session completed" : "Session interrupted"),
        onError: (error) => toast.error(`Not saved: ${error.message}`),
      },
    );
  }

  return (
    <div className="running-session">
      <p className="muted">A {session.duration_minutes}-minute session is running.</p>
      <FocusCountdown
        remainingSeconds={session.remaining_seconds}
        receivedAt={receivedAt}
        overdue={session.overdue}
        onElapsed={() => void queryClient.invalidateQueries({ queryKey: focusKeys.all })}
      />
      {session.overdue && <p className="hint warn">Overdue: complete it, or interrupt it if you stopped early.</p>}
      <LongTextField label="Notes (optional)" rows={2} value={notes} onChange={setNotes} />
      <div className="form-actions">
        <button type="button" className="button" disabled={end.isPending} onClick={() => finish("complete")}>
          Complete
        </button>
        <button type="button" className="button secondary" disabled={end.isPending} onClick={() => finish("interrupt")}>
          Interrupt
        </button>
      </div>
    </div>
  );
}
