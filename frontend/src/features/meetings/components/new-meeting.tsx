import { Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";

import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/form";

import { useMeetingDefaults } from "../api/get-meetings";
import { useCreateMeeting } from "../api/meeting-mutations";

import { BLANK_MEETING, MeetingForm } from "./meeting-form";

/** "New template": a blank form, or one filled from the server's default for a type. */
export function NewMeeting() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        <Plus aria-hidden size={16} /> New template
      </button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="New meeting template"
        description="Start blank or from a default, then make it yours."
      >
        {open && <NewMeetingForm onSaved={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

const BLANK = "blank";

function NewMeetingForm({ onSaved }: { onSaved: () => void }) {
  const defaults = useMeetingDefaults();
  const create = useCreateMeeting();
  const [start, setStart] = useState(BLANK);
  const drafts = defaults.data ?? [];
  const draft = drafts.find((candidate) => candidate.type === start);

  return (
    <>
      <Field label="Start from">
        {(id) => (
          <>
            <select id={id} value={start} onChange={(e) => setStart(e.target.value)}>
              <option value={BLANK}>A blank template</option>
              {drafts.map((candidate) => (
                <option key={candidate.type} value={candidate.type}>
                  Default: {candidate.title}
                </option>
              ))}
            </select>
            {defaults.isError && (
              <p role="alert" className="form-error">
                Could not load the defaults: {defaults.error.message}
              </p>
            )}
          </>
        )}
      </Field>
      <MeetingForm
        key={start}
        initial={draft ?? BLANK_MEETING}
        submitLabel="Create template"
        onSubmit={async (values) => {
          const saved = await create.mutateAsync(values);
          toast.success(`Created: ${saved.title}`);
          onSaved();
        }}
      />
    </>
  );
}
