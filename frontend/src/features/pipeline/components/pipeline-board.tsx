import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";

import { QueryState } from "@/components/ui/query-state";
import { useProspects } from "@/features/prospects";
import type { Schemas } from "@/lib/api-client";
import { money } from "@/lib/format";

import { useMoveDeal, type Deal } from "../api/deal-mutations";
import { BOARD_LIMIT, useBoardDeals, usePipelineSummary } from "../api/get-deals";
import { DEAL_STAGES, stageLabel, type DealStage } from "../deal-stages";

import { DealCard } from "./deal-card";

type Summary = Schemas["PipelineSummaryResponse"];

const STAGE_IDS = DEAL_STAGES.map(({ stage }) => stage);

function dealOf(data: { current?: Record<string, unknown> } | undefined): Deal | undefined {
  return data?.current?.deal as Deal | undefined;
}

/** Left and right arrows jump a lifted deal to the previous or next column. */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const step = event.code === "ArrowRight" ? 1 : event.code === "ArrowLeft" ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const { over, droppableRects } = context;
  const from = (over?.id ?? dealOf(context.active?.data)?.stage) as DealStage | undefined;
  const target = from && droppableRects.get(STAGE_IDS[STAGE_IDS.indexOf(from) + step] as UniqueIdentifier);
  return target ? { x: target.left + 8, y: target.top + 8 } : undefined;
};

/** The pointer's column when there is a pointer; the card's overlap under the keyboard. */
const columnUnder: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within : rectIntersection(args);
};

const name = (id: UniqueIdentifier) => stageLabel(id as DealStage);
const title = (active: { data: { current?: Record<string, unknown> } }) => dealOf(active.data)?.title ?? "The deal";

/** What a screen reader says at each step of a move, by stage name. */
const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${title(active)}. Left and right arrows choose a stage.`,
  onDragOver: ({ active, over }) =>
    over ? `${title(active)} is over ${name(over.id)}.` : `${title(active)} is over no stage.`,
  onDragEnd: ({ active, over }) =>
    over ? `${title(active)} dropped in ${name(over.id)}.` : `${title(active)} dropped outside the stages; it stays.`,
  onDragCancel: ({ active }) => `Move cancelled: ${title(active)} stays where it was.`,
};

const screenReaderInstructions = {
  draggable:
    "To move a deal to another stage, press space or enter on its move button, " +
    "choose the stage with the left and right arrow keys, then press space or enter to drop it, or escape to cancel.",
};

/** The deals as a Kanban board: a column per open stage, then won and lost, each with the
 * server's count and value. A deal moves by drag and drop or by keyboard. */
export function PipelineBoard({ currency }: { currency: string }) {
  const deals = useBoardDeals();
  const summary = usePipelineSummary();
  const prospects = useProspects({ sort: "name", limit: BOARD_LIMIT });
  const prospectNames = new Map(prospects.data?.items.map((prospect) => [prospect.id, prospect.name]));
  const move = useMoveDeal();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );

  function onDragEnd({ active, over }: DragEndEvent) {
    const deal = dealOf(active.data);
    const stage = over?.id as DealStage | undefined;
    if (!deal || !stage || stage === deal.stage) return;
    move.mutate({ deal, stage });
  }

  return (
    <QueryState query={deals} label="deals">
      {({ items }) => (
        <DndContext
          sensors={sensors}
          collisionDetection={columnUnder}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions }}
        >
          <div className="board" role="region" aria-label="Deals by stage" tabIndex={0}>
            {DEAL_STAGES.map(({ stage, label }) => (
              <StageColumn
                key={stage}
                stage={stage}
                label={label}
                deals={items.filter((deal) => deal.stage === stage)}
                figures={summary.data && columnFigures(summary.data, stage, currency)}
                currency={currency}
                prospectNames={prospectNames}
              />
            ))}
          </div>
        </DndContext>
      )}
    </QueryState>
  );
}

const deals = (count: number) => `${count} ${count === 1 ? "deal" : "deals"}`;

/** A column's figures as the summary gives them: open stages as they stand; won and
 * lost over the summary's period. */
function columnFigures(summary: Summary, stage: DealStage, currency: string): string {
  if (stage === "won") return `${deals(summary.won.count)} · ${money(summary.won.value, currency)} in 90 days`;
  if (stage === "lost") return `${deals(summary.lost.count)} in 90 days`;
  const figures = summary.stages.find((entry) => entry.stage === stage);
  return figures ? `${deals(figures.count)} · ${money(figures.value, currency)}` : "";
}

function StageColumn({
  stage,
  label,
  deals,
  figures,
  currency,
  prospectNames,
}: {
  stage: DealStage;
  label: string;
  deals: Deal[];
  figures: string | undefined;
  currency: string;
  prospectNames: Map<number, string>;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const headingId = `stage-${stage}-heading`;
  return (
    <section
      ref={setNodeRef}
      className={`board-column${isOver ? " over" : ""}`}
      aria-labelledby={headingId}
      data-testid={`column-${stage}`}
    >
      <h2 id={headingId} className="board-column-heading">
        {label}
      </h2>
      <p className="muted small" data-testid={`column-${stage}-figures`}>
        {figures ?? "…"}
      </p>
      <ul className="board-deals" aria-label={`${label} deals`}>
        {deals.map((deal) => (
          <DealCard key={deal.id} deal={deal} currency={currency} prospectName={prospectNames.get(deal.prospect_id)} />
        ))}
      </ul>
    </section>
  );
}
