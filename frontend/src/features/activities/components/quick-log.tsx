import { Plus } from "lucide-react";
import { useEffect, useEffectEvent, useState } from "react";
import { toast } from "sonner";

import { useCreateActivity } from "../api/activity-mutations";
import { ACTIVITY_TYPES, activityLabel, type ActivityType } from "../activity-types";

import { LogActivityDialog } from "./log-activity-dialog";

/** Keys that type into something: a shortcut must never fire there. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest("input, textarea, select, [role='dialog'], [role='alertdialog']") !== null;
}

/** One key (D, E, V, C) or one click logs one done activity today; the full form logs
 * anything else. `today` is the server's date in the founder's time zone. */
export function QuickLog({ today }: { today: string }) {
  const create = useCreateActivity();
  const [formOpen, setFormOpen] = useState(false);

  function logOne(type: ActivityType) {
    create.mutate(
      { type, status: "done", date: today, amount: 1 },
      {
        onSuccess: () => toast.success(`Logged: ${activityLabel(type)}`),
        onError: (error) => toast.error(`Not logged: ${error.message}`),
      },
    );
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.repeat || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const entry = ACTIVITY_TYPES.find(({ key }) => key === event.key.toLowerCase());
    if (!entry) return;
    event.preventDefault();
    logOne(entry.type);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return (
    <section className="card quick-log" aria-labelledby="quick-log-heading">
      <h2 id="quick-log-heading">Log one, done today</h2>
      <div className="quick-log-buttons">
        {ACTIVITY_TYPES.map(({ type, label, key }) => (
          <button
            key={type}
            type="button"
            className="button quick"
            aria-keyshortcuts={key.toUpperCase()}
            onClick={() => logOne(type)}
          >
            <kbd aria-hidden>{key.toUpperCase()}</kbd> {label}
          </button>
        ))}
      </div>
      <p className="hint">Press D, E, V or C anywhere on this page.</p>
      <button type="button" className="button secondary" onClick={() => setFormOpen(true)}>
        <Plus aria-hidden size={16} /> Log with details
      </button>
      <LogActivityDialog open={formOpen} onOpenChange={setFormOpen} title="Log an activity" today={today} />
    </section>
  );
}
