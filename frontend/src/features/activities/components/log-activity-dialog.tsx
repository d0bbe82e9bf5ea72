import { toast } from "sonner";

import { Dialog } from "@/components/ui/dialog";

import { useCreateActivity } from "../api/activity-mutations";
import { activityLabel } from "../activity-types";

import { ActivityForm } from "./activity-form";

/** The full log form in a dialog: a done call today (the server's `today`), linked to
 * `prospectId` when given; it closes once the server has saved the activity. */
export function LogActivityDialog({
  open,
  onOpenChange,
  title,
  today,
  prospectId = null,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  today: string;
  prospectId?: number | null;
}) {
  const create = useCreateActivity();
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title}>
      <ActivityForm
        initial={{ type: "call", status: "done", date: today, amount: 1, notes: null, prospect_id: prospectId }}
        submitLabel="Log activity"
        onSubmit={async (values) => {
          await create.mutateAsync(values);
          toast.success(`Logged: ${activityLabel(values.type)}`);
          onOpenChange(false);
        }}
      />
    </Dialog>
  );
}
