"""Deals: the pipeline of each user's prospects, stage by stage.

`DealService(session, clock)`: `session` is the request's session (the service only
flushes), `clock` gives the caller's today, the day a deal is won or lost.

Rules: a deal's probability is its stage's unless one is sent, and follows a new stage
when none is sent with it; entering `won` or `lost` sets `closed_on` to the caller's
today and an open stage clears it; every stage change (and the creation, from no stage)
is recorded, in a transaction that holds the deal's row lock, so racing moves each record
the stage they really left.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.core.clock import Clock
from app.core.errors import InvalidInput, NotFound
from app.models import AdminDeal, AdminDealStageChange, AdminProspect, DealStage, User
from app.models.enums import CLOSED_STAGES, OPEN_STAGES
from app.schemas.master_admin.deals import (
    AdminDealCreate,
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
    first_of_month,
    months_from,
)

DEFAULT_PERIOD_DAYS = 90


class DealService:
    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock

    async def create_deal(self, user: User, data: AdminDealCreate) -> AdminDeal:
        """Open a deal with one of the caller's prospects (else 422)."""
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
        deal = AdminDeal(user_id=user.id, closed_on=self._closed_on(user, data.stage), **fields)
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
            .execution_options(populate_existing=True)
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
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[Sequence[AdminDeal], int]:
        """A page of the user's deals, most recently updated first, and how many match."""
        criteria = [AdminDeal.user_id == user.id]
        if stages:
            criteria.append(AdminDeal.stage.in_(stages))
        if prospect_id is not None:
            criteria.append(AdminDeal.prospect_id == prospect_id)
        if is_open is not None:
            criteria.append(AdminDeal.stage.in_(OPEN_STAGES if is_open else CLOSED_STAGES))
        total = await self.session.scalar(select(func.count()).where(*criteria))
        page = await self.session.scalars(
            select(AdminDeal)
            .where(*criteria)
            .order_by(AdminDeal.updated_at.desc(), AdminDeal.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return page.all(), total or 0

    async def update_deal(self, user: User, deal_id: int, data: AdminDealUpdate) -> AdminDeal:
        """Apply the fields sent; a stage change moves the probability (unless sent),
        sets or clears `closed_on` and is recorded."""
        changes: dict[str, Any] = data.model_dump(exclude_unset=True)
        deal = await self.session.scalar(
            select(AdminDeal)
            .where(AdminDeal.id == deal_id, AdminDeal.user_id == user.id)
            .with_for_update()
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
        period's closings (default: the 90 days ending today), in one statement."""
        today = self.clock.today(user.timezone)
        date_to = date_to or today
        date_from = date_from or date_to - timedelta(days=DEFAULT_PERIOD_DAYS - 1)
        if date_from > date_to:
            raise InvalidInput(("query", "date_from"), "must be on or before date_to")
        month_start = first_of_month(today)
        row = (
            await self.session.execute(
                PIPELINE_SUMMARY,
                {
                    "owner_id": user.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    "month_start": month_start,
                    "timezone": user.timezone,
                },
            )
        ).one()
        figures = row._mapping
        closed = row.won_count + row.lost_count
        return PipelineSummaryResponse(
            stages=[
                StageFigures(
                    stage=stage,
                    count=figures[f"{stage}_count"],
                    value=figures[f"{stage}_value"],
                    weighted_value=figures[f"{stage}_weighted"],
                )
                for stage in OPEN_STAGES
            ],
            open=OpenFigures(
                count=row.open_count, value=row.open_value, weighted_value=row.open_weighted
            ),
            won=WonFigures(count=row.won_count, value=row.won_value),
            lost=LostFigures(count=row.lost_count),
            win_rate=None if closed == 0 else round(row.won_count / closed, 4),
            average_cycle_days=row.average_cycle_days,
            forecast=[
                MonthForecast(month=month, weighted_value=figures[f"forecast_{n}"])
                for n, month in enumerate(months_from(month_start, FORECAST_MONTHS))
            ],
            unscheduled_weighted_value=row.unscheduled,
        )

    def _closed_on(self, user: User, stage: DealStage) -> date | None:
        return self.clock.today(user.timezone) if stage.is_closed else None
