import { Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { QueryState } from "@/components/ui/query-state";
import type { Schemas } from "@/lib/api-client";
import { shortDate } from "@/lib/format";

import { useProspect } from "../api/get-prospects";
import { useDeleteProspect, useUpdateProspect } from "../api/prospect-mutations";
import { statusLabel } from "../prospect-statuses";

import { ProspectForm, prospectValues } from "./prospect-form";

type Prospect = Schemas["AdminProspectDetailResponse"];

/** One prospect's page header, details and lead score (stage + engagement, from the server). */
export function ProspectDetails({ prospectId }: { prospectId: number }) {
  const prospect = useProspect(prospectId);
  return (
    <QueryState query={prospect} label="the prospect">
      {(data) => <Details prospect={data} />}
    </QueryState>
  );
}

function Details({ prospect }: { prospect: Prospect }) {
  const update = useUpdateProspect();
  const remove = useDeleteProspect();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const rows: [string, string | null][] = [
    ["Company", prospect.company],
    ["Job title", prospect.title],
    ["Email", prospect.email],
    ["Phone", prospect.phone],
    ["Source", prospect.source],
    ["Tags", prospect.tags.join(", ") || null],
    ["Last activity", prospect.last_activity_date && shortDate(prospect.last_activity_date)],
  ];

  return (
    <>
      <PageHeader
        title={prospect.name}
        subtitle={<span className="badge">{statusLabel(prospect.status)}</span>}
        actions={
          <>
            <button type="button" className="button secondary" onClick={() => setEditing(true)}>
              <Pencil aria-hidden size={16} /> Edit
            </button>
            <ConfirmDialog
              trigger={
                <button type="button" className="button secondary">
                  <Trash2 aria-hidden size={16} /> Delete
                </button>
              }
              title={`Delete ${prospect.name}?`}
              description="Their deals are deleted too; their activities stay, unlinked. This cannot be undone."
              confirmLabel="Delete"
              onConfirm={() =>
                remove.mutate(prospect.id, {
                  onSuccess: () => {
                    toast.success(`Deleted: ${prospect.name}`);
                    void navigate("/prospects");
                  },
                  onError: (error) => toast.error(`Not deleted: ${error.message}`),
                })
              }
            />
          </>
        }
      />
      <div className="prospect-grid">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl className="details">
            {rows.map(([term, detail]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{detail ?? "—"}</dd>
              </div>
            ))}
          </dl>
          {prospect.notes && <p className="pre-wrap">{prospect.notes}</p>}
        </section>
        <section className="card" aria-labelledby="lead-score-heading">
          <h2 id="lead-score-heading">Lead score</h2>
          <p className="lead-score" data-testid="lead-score">
            {prospect.lead_score}
            <span className="muted small"> / 100</span>
          </p>
          <dl className="details">
            <div>
              <dt>Stage</dt>
              <dd>{prospect.lead_score_breakdown.stage} of 40</dd>
            </div>
            <div>
              <dt>Engagement</dt>
              <dd>{prospect.lead_score_breakdown.engagement} of 60</dd>
            </div>
          </dl>
          <p className="hint">Engagement counts done activities linked to this prospect; it halves every 14 days.</p>
        </section>
      </div>
      <Dialog open={editing} onOpenChange={setEditing} title={`Edit ${prospect.name}`}>
        <ProspectForm
          initial={prospectValues(prospect)}
          submitLabel="Save"
          onSubmit={async (body) => {
            await update.mutateAsync({ id: prospect.id, body });
            toast.success("Prospect saved");
            setEditing(false);
          }}
        />
      </Dialog>
    </>
  );
}
