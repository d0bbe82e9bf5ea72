import { useDraggable } from "@dnd-kit/core";
import { GripVertical, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import { toast } from "sonner";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { money, shortDate } from "@/lib/format";

import { useDeleteDeal, useUpdateDeal, type Deal } from "../api/deal-mutations";

import { dealBody, DealForm, dealValues } from "./deal-form";

/** One deal: its value, probability and close date, a handle to move it (mouse, touch
 * or keyboard), edit and delete. */
export function DealCard({ deal, currency, prospectName }: { deal: Deal; currency: string; prospectName?: string }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: deal.id,
    data: { deal },
  });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;

  return (
    <li ref={setNodeRef} style={style} className={`card deal-card${isDragging ? " dragging" : ""}`}>
      <div className="deal-card-header">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="icon-button drag-handle"
          {...attributes}
          {...listeners}
          aria-label={`Move ${deal.title}`}
        >
          <GripVertical aria-hidden size={18} />
        </button>
        <h3 className="deal-title">{deal.title}</h3>
      </div>
      <Link to={`/prospects/${deal.prospect_id}`} className="small deal-prospect">
        {prospectName ?? `Prospect #${deal.prospect_id}`}
      </Link>
      <p className="deal-figures">
        <strong>{money(deal.value, currency)}</strong> <span className="muted small">· {deal.probability}%</span>
      </p>
      {deal.expected_close_date && (
        <p className="muted small">Expected {shortDate(deal.expected_close_date)}</p>
      )}
      <DealActions deal={deal} />
    </li>
  );
}

/** Edit and delete one deal, wherever it is listed. */
export function DealActions({ deal }: { deal: Deal }) {
  const update = useUpdateDeal();
  const remove = useDeleteDeal();
  const [editing, setEditing] = useState(false);
  return (
    <div className="deal-actions">
      <button type="button" className="icon-button" aria-label={`Edit ${deal.title}`} onClick={() => setEditing(true)}>
        <Pencil aria-hidden size={16} />
      </button>
      <ConfirmDialog
        trigger={
          <button type="button" className="icon-button" aria-label={`Delete ${deal.title}`}>
            <Trash2 aria-hidden size={16} />
          </button>
        }
        title={`Delete “${deal.title}”?`}
        description="Its stage history goes with it. This cannot be undone."
        confirmLabel="Delete"
        onConfirm={() =>
          remove.mutate(deal.id, {
            onSuccess: () => toast.success("Deal deleted"),
            onError: (error) => toast.error(`Not deleted: ${error.message}`),
          })
        }
      />
      <Dialog open={editing} onOpenChange={setEditing} title={`Edit ${deal.title}`}>
        <DealForm
          initial={dealValues(deal)}
          withProspect={false}
          submitLabel="Save"
          onSubmit={async (values) => {
            await update.mutateAsync({ id: deal.id, body: dealBody(values) });
            toast.success("Deal saved");
            setEditing(false);
          }}
        />
      </Dialog>
    </div>
  );
}
