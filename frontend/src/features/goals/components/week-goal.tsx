import { Pencil } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";

import { Dialog } from "@/components/ui/dialog";
import { ACTIVITY_TYPES } from "@/features/activities";
import type { Schemas } from "@/lib/api-client";
import { longDate } from "@/lib/format";

import { useCreateGoal, useUpdateGoal } from "../api/goal-mutations";
import { TARGET_FIELDS, targetsOf } from "../targets";

import { GoalForm } from "./goal-form";

type WeekGoalProps = { progress: Schemas["WeeklyProgressResponse"] };

/** The targets of the week `progress` is about: a form to set them when the week has
 * no goal, else the targets and a dialog to edit them. A goal carried over from an
 * earlier week (`inherited`) is never edited in place: saving sets this week's own. */
export function WeekGoal({ progress }: WeekGoalProps) {
  const create = useCreateGoal();
  const update = useUpdateGoal();
  const [editing, setEditing] = useState(false);
  const targets = targetsOf(progress);
  const goalId = progress.goal_id;

  if (goalId === null) {
    return (
      <>
        <p className="muted">No goal for the week of {longDate(progress.week_start)} yet: set its targets.</p>
        <GoalForm
          key={progress.week_start}
          initial={targets}
          submitLabel="Set goal"
          onSubmit={async (values) => {
            await create.mutateAsync({ week_start: progress.week_start, ...values });
            toast.success("Goal set");
          }}
        />
      </>
    );
  }
  return (
    <>
      {progress.inherited && (
        <p className="hint" data-testid="goal-inherited">
          Carried over from an earlier week: editing sets this week&apos;s own targets.
        </p>
      )}
      <dl className="targets">
        {ACTIVITY_TYPES.map(({ type, plural }) => (
          <div key={type}>
            <dt>{plural}</dt>
            <dd data-testid={`goal-${type}`}>{targets[TARGET_FIELDS[type]]}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button secondary" onClick={() => setEditing(true)}>
        <Pencil aria-hidden size={16} /> Edit targets
      </button>
      <Dialog open={editing} onOpenChange={setEditing} title="Edit the week's targets">
        <GoalForm
          initial={targets}
          submitLabel="Save targets"
          onSubmit={async (values) => {
            if (progress.inherited) await create.mutateAsync({ week_start: progress.week_start, ...values });
            else await update.mutateAsync({ id: goalId, body: values });
            toast.success("Targets saved");
            setEditing(false);
          }}
        />
      </Dialog>
    </>
  );
}
