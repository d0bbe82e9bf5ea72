"""Deals: the pipeline of each user's prospects, stage by stage.

`DealService(session, clock)`: `session` is the request's session (the service only
flushes), `clock` gives the caller's today, the day a deal is won or lost.

Rules: a deal's probability is its stage's unless one is sent, and follows a new stage
when none is sent with it; entering `won` or `lost` sets `closed_on` to the caller's
today and an open stage clears it; every stage change (and the creation, from no stage)
is recorded, in a transaction that holds the deal's row lock, so racing moves each record
the stage they really left. Every write first takes the user's pipeline lock (see
`pipeline_queries.LOCK_PIPELINE`): triggers update the user's pipeline totals and buckets.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, Row, Select, bindparam, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, selectinload

from app.core.clock import Clock
from app.core.errors import InvalidInput, NotFound
from app.models import (
    AdminDeal,
    AdminDealStageChange,
    AdminPipelineBucket,
    AdminProspect,
    DealStage,
    User,
)
from app.models.enums import CLOSED_STAGES, OPEN_STAGES
from app.schemas.master_admin.deals import (
    AdminDealCreate,
    AdminDealResponse,
    AdminDealUpdate,
    LostFigures,
    MonthForecast,
    OpenFigures,
    PipelineSummaryResponse,
    StageFigures,
    WonFigures,
)
from app.services.changes import save_changes
from app.services.master_admin.pipeline_queries import (
    FORECAST_MONTHS,
    PIPELINE_SUMMARY,
    lock_pipeline,
    month_starts,
    summary_params,
)
from app.services.paging import counted, page_and_total, paged
from app.services.parameters import OWNER, owner_params

DEFAULT_PERIOD_DAYS = 90
CENT = Decimal("0.01")
# The list's filters.
STAGES = bindparam("stages", type_=AdminDeal.stage.type, expanding=True)
PROSPECT = bindparam("prospect_id", type_=Integer)
# The count of a prospect's deals, a subquery of its page (aliased: no correlation).
COUNTED = aliased(AdminDeal)


# Cached on first use, before mutmut can switch a mutant on (README, "Mutation testing").
@cache
def deal_list(
    stages: bool, prospect: bool, is_open: bool | None
) -> tuple[Select[Any], Select[Any]]:  # pragma: no mutate block
    """The page (`paging.paged`: the JSON of deals, most recently updated first) and
    the count of `GET /deals` for one combination of filters: `STAGES` when `stages`,
    `PROSPECT` when `prospect`, open or closed deals unless `is_open` is None. Bound
    besides those: `OWNER`."""

    def matching(deal: Any) -> list[ColumnElement[bool]]:
        criteria = [deal.user_id == OWNER]
        if stages:
            criteria.append(deal.stage.in_(STAGES))
        if prospect:
            criteria.append(deal.prospect_id == PROSPECT)
        if is_open is not None:
            # The open-deals index's predicate, so the planner can use that index.
            open_stage = deal.stage.not_in(CLOSED_STAGES)
            criteria.append(open_stage if is_open else ~open_stage)
        return criteria

    if prospect:
        # A prospect's few deals, counted.
        count = select(func.count()).select_from(COUNTED).where(*matching(COUNTED))
    else:
        # Every deal is in one of the buckets the triggers keep (by stage and day): a
        # few hundred rows added up rather than tens of thousands of deals counted.
        count = select(func.coalesce(func.sum(AdminPipelineBucket.deals), 0)).where(
            *matching(AdminPipelineBucket)
        )
    page = select(*AdminDeal.__table__.c).where(*matching(AdminDeal))
    order = (AdminDeal.updated_at.desc(), AdminDeal.id.desc())
    return paged(page, counted(count), order, AdminDealResponse), count


class DealService:
    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock

    async def create_deal(self, user: User, data: AdminDealCreate) -> AdminDeal:
        """Open a deal with one of the caller's prospects (else 422)."""
        await lock_pipeline(self.session, user.id)
        # FOR KEY SHARE keeps the prospect from being deleted before the deal commits.
        owned = await self.session.scalar(
            select(AdminProspect.id)
            .where(AdminProspect.id == data.prospect_id, AdminProspect.user_id == user.id)
            .with_for_update(key_share=True)
        )
        if owned is None:
            raise InvalidInput(("body", "prospect_id"), f"no prospect {data.prospect_id} of yours")
        fields = data.model_dump()
        if data.probability is None:
            fields["probability"] = data.stage.default_probability
        deal = AdminDeal(
            user_id=user.id,
            created_on=self.clock.today(user.timezone),
            closed_on=self._closed_on(user, data.stage),
            **fields,
        )
        self.session.add(deal)
        await self.session.flush()
        self.session.add(AdminDealStageChange(deal_id=deal.id, to_stage=deal.stage))
        await self.session.flush()
        return deal

    async def get_deal(self, user: User, deal_id: int) -> AdminDeal:
        """The deal with its stage changes (`stage_changes`, oldest first)."""
        deal = await self.session.scalar(
            select(AdminDeal)
            .where(AdminDeal.id == deal_id, AdminDeal.user_id == user.id)
            .options(selectinload(AdminDeal.stage_changes))
        )
        if deal is None:
            raise NotFound(f"deal {deal_id} not found")
        return deal

    async def list_deals(
        self,
        user: User,
        *,
        stages: Sequence[DealStage] = (),
        prospect_id: int | None = None,
        is_open: bool | None = None,
        limit: int,
        offset: int,
    ) -> tuple[str, int]:
        """A page of the user's deals as the JSON of `AdminDealResponse`s, most recently
        updated first, and how many match."""
        page, count = deal_list(bool(stages), prospect_id is not None, is_open)
        params = {**owner_params(user.id), STAGES.key: stages, PROSPECT.key: prospect_id}
        return await page_and_total(self.session, page, count, params, limit=limit, offset=offset)

    async def update_deal(self, user: User, deal_id: int, data: AdminDealUpdate) -> AdminDeal:
        """Apply the fields sent; a stage change moves the probability (unless sent),
        sets or clears `closed_on` and is recorded."""
        changes: dict[str, Any] = data.model_dump(exclude_unset=True)
        await lock_pipeline(self.session, user.id)
        deal = await self.session.scalar(
            select(AdminDeal)
            .where(AdminDeal.id == deal_id, AdminDeal.user_id == user.id)
            .with_for_update()
            # Read afresh under the lock, whatever this session loaded before.
            .execution_options(populate_existing=True)
        )
        if deal is None:
            raise NotFound(f"deal {deal_id} not found")
        moved_from = deal.stage
        new_stage: DealStage = changes.get("stage", moved_from)
        if new_stage != moved_from:
            changes.setdefault("probability", new_stage.default_probability)
            changes["closed_on"] = self._closed_on(user, new_stage)
            # The clock when the row lock is held, not the transaction's start: racing
            # moves then record their times in the order they really happened.
            changes["stage_changed_at"] = func.clock_timestamp()
        deal = await save_changes(self.session, deal, changes)
        if new_stage != moved_from:
            self.session.add(
                AdminDealStageChange(
                    deal_id=deal.id,
                    from_stage=moved_from,
                    to_stage=new_stage,
                    changed_at=deal.stage_changed_at,
                )
            )
            await self.session.flush()
        return deal

    async def delete_deal(self, user: User, deal_id: int) -> None:
        await lock_pipeline(self.session, user.id)
        deleted = await self.session.scalar(
            delete(AdminDeal)
            .where(AdminDeal.id == deal_id, AdminDeal.user_id == user.id)
            .returning(AdminDeal.id)
        )
        if deleted is None:
            raise NotFound(f"deal {deal_id} not found")

    async def get_summary(
        self, user: User, *, date_from: date | None = None, date_to: date | None = None
    ) -> PipelineSummaryResponse:
        """The pipeline now (open deals by stage and by expected close month) and the
        period's closings (default: the 90 days ending today), from one statement."""
        today = self.clock.today(user.timezone)
        date_to = date_to or today
        date_from = date_from or date_to - timedelta(days=DEFAULT_PERIOD_DAYS - 1)
        if date_from > date_to:
            raise InvalidInput(("query", "date_from"), "must be on or before date_to")
        months = month_starts(today, FORECAST_MONTHS + 1)
        groups = await self.session.execute(
            PIPELINE_SUMMARY,
            summary_params(user.id, date_from, date_to, months[1:]),
        )
        return summarize(groups.all(), months[:FORECAST_MONTHS])

    def _closed_on(self, user: User, stage: DealStage) -> date | None:
        return self.clock.today(user.timezone) if stage.is_closed else None


def to_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def summarize(groups: Sequence[Row[Any]], months: Sequence[date]) -> PipelineSummaryResponse:
    """The summary from the rows of `PIPELINE_SUMMARY`; `months` are the first days of
    the forecast's months. Sums stay exact until each figure is rounded, once."""
    stages = {stage: StageTotals() for stage in OPEN_STAGES}
    open_totals = StageTotals()
    in_period = {stage: StageTotals() for stage in CLOSED_STAGES}
    forecast = [Decimal(0)] * len(months)
    unscheduled = Decimal(0)
    for group in groups:
        if group.stage in CLOSED_STAGES:
            if group.in_period:
                in_period[group.stage].add(group)
            continue
        stages[group.stage].add(group)
        open_totals.add(group)
        if group.month is None:
            unscheduled += group.weighted_x100
        elif group.month < len(months):
            forecast[group.month] += group.weighted_x100
    won, lost = in_period[DealStage.WON], in_period[DealStage.LOST]
    # Only won deals have a cycle (null in the other rows).
    won_cycle_days = sum(
        group.cycle_days for group in groups if group.stage is DealStage.WON and group.in_period
    )
    closed = won.count + lost.count
    return PipelineSummaryResponse(
        stages=[StageFigures(stage=stage, **stages[stage].figures()) for stage in OPEN_STAGES],
        open=OpenFigures(**open_totals.figures()),
        won=WonFigures(count=won.count, value=to_cents(won.value)),
        lost=LostFigures(count=lost.count),
        win_rate=None if closed == 0 else round(won.count / closed, 4),
        average_cycle_days=(
            None
            if won.count == 0
            else float(
                (Decimal(won_cycle_days) / won.count).quantize(Decimal("0.1"), ROUND_HALF_UP)
            )
        ),
        forecast=[
            MonthForecast(month=f"{month:%Y-%m}", weighted_value=to_cents(forecast[index] / 100))
            for index, month in enumerate(months)
        ],
        unscheduled_weighted_value=to_cents(unscheduled / 100),
    )


@dataclass
class StageTotals:
    """Deals counted and summed exactly, from rows of `PIPELINE_SUMMARY`."""

    count: int = 0
    value: Decimal = Decimal(0)
    weighted_x100: Decimal = Decimal(0)

    def add(self, group: Row[Any]) -> None:
        self.count += group.deals
        self.value += group.value
        self.weighted_x100 += group.weighted_x100

    def figures(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "value": to_cents(self.value),
            "weighted_value": to_cents(self.weighted_x100 / 100),
        }
