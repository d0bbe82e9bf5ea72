import { Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";

import { Dialog } from "@/components/ui/dialog";

import { useCreateProspect } from "../api/prospect-mutations";

import { BLANK_PROSPECT, ProspectForm } from "./prospect-form";

/** "New prospect": the form in a dialog; the list refetches once it is saved. */
export function NewProspect() {
  const [open, setOpen] = useState(false);
  const create = useCreateProspect();
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        <Plus aria-hidden size={16} /> New prospect
      </button>
      <Dialog open={open} onOpenChange={setOpen} title="New prospect">
        <ProspectForm
          initial={BLANK_PROSPECT}
          submitLabel="Create prospect"
          onSubmit={async (body) => {
            const saved = await create.mutateAsync(body);
            toast.success(`Created: ${saved.name}`);
            setOpen(false);
          }}
        />
      </Dialog>
    </>
  );
}
