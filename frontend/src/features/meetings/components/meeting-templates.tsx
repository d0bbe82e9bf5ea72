import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { QueryState } from "@/components/ui/query-state";
import type { Schemas } from "@/lib/api-client";

import { useMeetings } from "../api/get-meetings";
import { useDeleteMeeting, useUpdateMeeting } from "../api/meeting-mutations";
import { MEETING_TYPE_LABELS } from "../meeting-types";

import { MeetingForm } from "./meeting-form";

type Meeting = Schemas["AdminMeetingResponse"];

/** The founder's templates, newest first, each to read, edit or delete. */
export function MeetingTemplates() {
  const meetings = useMeetings();
  return (
    <QueryState query={meetings} label="meeting templates">
      {(items) =>
        items.length === 0 ? (
          <section className="card empty-state">
            <p>No meeting templates yet.</p>
            <p className="muted small">
              &ldquo;New template&rdquo; starts one blank or from a default for discovery, demo, negotiation or
              closing meetings.
            </p>
          </section>
        ) : (
          <ul className="meeting-list" aria-label="Meeting templates">
            {items.map((meeting) => (
              <MeetingTemplate key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}

const SECTIONS = [
  { key: "agenda", label: "Agenda" },
  { key: "questions", label: "Questions" },
  { key: "follow_up_tasks", label: "Follow-up tasks" },
] as const;

function MeetingTemplate({ meeting }: { meeting: Meeting }) {
  const update = useUpdateMeeting();
  const remove = useDeleteMeeting();
  const [editing, setEditing] = useState(false);
  const sections = SECTIONS.filter(({ key }) => meeting[key]);

  return (
    <li className="card meeting">
      <div className="meeting-header">
        <div>
          <h2>{meeting.title}</h2>
          <p className="meeting-meta">
            <span className="badge">{MEETING_TYPE_LABELS[meeting.type]}</span>
            <span className="muted small">{meeting.duration_minutes} min</span>
          </p>
        </div>
        <div className="meeting-actions">
          <button
            type="button"
            className="icon-button"
            aria-label={`Edit ${meeting.title}`}
            onClick={() => setEditing(true)}
          >
            <Pencil aria-hidden size={18} />
          </button>
          <ConfirmDialog
            trigger={
              <button type="button" className="icon-button" aria-label={`Delete ${meeting.title}`}>
                <Trash2 aria-hidden size={18} />
              </button>
            }
            title={`Delete “${meeting.title}”?`}
            description="This cannot be undone."
            confirmLabel="Delete"
            onConfirm={() =>
              remove.mutate(meeting.id, {
                onSuccess: () => toast.success("Template deleted"),
                onError: (error) => toast.error(`Not deleted: ${error.message}`),
              })
            }
          />
        </div>
      </div>
      {sections.length > 0 && (
        <details>
          <summary>Show {sections.map(({ label }) => label.toLowerCase()).join(", ")}</summary>
          {sections.map(({ key, label }) => (
            <div key={key} className="meeting-section">
              <h3>{label}</h3>
              <p className="pre-wrap">{meeting[key]}</p>
            </div>
          ))}
        </details>
      )}
      <Dialog open={editing} onOpenChange={setEditing} title={`Edit ${meeting.title}`}>
        <MeetingForm
          initial={{
            title: meeting.title,
            type: meeting.type,
            duration_minutes: meeting.duration_minutes,
            agenda: meeting.agenda,
            questions: meeting.questions,
            follow_up_tasks: meeting.follow_up_tasks,
          }}
          submitLabel="Save"
          onSubmit={async (values) => {
            await update.mutateAsync({ id: meeting.id, body: values });
            toast.success("Saved");
            setEditing(false);
          }}
        />
      </Dialog>
    </li>
  );
}
