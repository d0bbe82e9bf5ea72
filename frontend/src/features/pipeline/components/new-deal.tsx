import { Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";

import { Dialog } from "@/components/ui/dialog";

import { useCreateDeal } from "../api/deal-mutations";

import { blankDeal, dealBody, DealForm } from "./deal-form";

/** "New deal": the form in a dialog, for one of the founder's prospects (`prospectId`
 * presets it, as on a prospect's page). */
export function NewDeal({ prospectId = null }: { prospectId?: number | null }) {
  const [open, setOpen] = useState(false);
  const create = useCreateDeal();
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        <Plus aria-hidden size={16} /> New deal
      </button>
      <Dialog open={open} onOpenChange={setOpen} title="New deal">
        <DealForm
          initial={blankDeal(prospectId)}
          withProspect={prospectId === null}
          submitLabel="Create deal"
          onSubmit={async (values) => {
            if (values.prospect_id === null) throw new Error("Choose the deal's prospect.");
            const saved = await create.mutateAsync({ ...dealBody(values), prospect_id: values.prospect_id });
            toast.success(`Created: ${saved.title}`);
            setOpen(false);
          }}
        />
      </Dialog>
    </>
  );
}
