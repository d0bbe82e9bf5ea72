"""Deals on the pipeline's stages, with their stage history and the pipeline's figures."""

import datetime as dt
from typing import Annotated

from pydantic import Field

from app.models.enums import DealStage
from app.schemas.common import InputSchema, LongText, ResponseSchema, Text
from app.schemas.master_admin.fields import Day, Int32Id, Money, MoneyInput, NotNull

DealTitle = Annotated[str, Field(min_length=1, max_length=255), *Text.__metadata__]
Probability = Annotated[
    int, Field(strict=True, ge=0, le=100, description="Chance of winning, in percent")
]


class AdminDealCreate(InputSchema):
    """`probability` defaults to the stage's (discovery 10, qualification 20, proposal 40,
    negotiation 60, closing 80, won 100, lost 0); `prospect_id` must be the caller's."""

    prospect_id: Int32Id
    title: DealTitle
    stage: DealStage = DealStage.DISCOVERY
    value: MoneyInput
    probability: Probability | None = None
    expected_close_date: Day | None = None
    notes: LongText | None = None


class AdminDealUpdate(InputSchema):
    """Partial. A new `stage` without `probability` takes the stage's probability; `null`
    clears `expected_close_date` and `notes`. The prospect is fixed once created."""

    title: NotNull[DealTitle] = None
    stage: NotNull[DealStage] = None
    value: NotNull[MoneyInput] = None
    probability: NotNull[Probability] = None
    expected_close_date: Day | None = None
    notes: LongText | None = None


class AdminDealResponse(ResponseSchema):
    id: int
    user_id: int
    prospect_id: int
    title: str
    stage: DealStage
    value: Money
    probability: int
    expected_close_date: dt.date | None
    notes: str | None
    closed_on: dt.date | None = Field(description="The caller's day the deal was won or lost")
    stage_changed_at: dt.datetime
    created_at: dt.datetime
    updated_at: dt.datetime


class DealStageChangeResponse(ResponseSchema):
    from_stage: DealStage | None = Field(description="null for the deal's creation")
    to_stage: DealStage
    changed_at: dt.datetime


class AdminDealDetailResponse(AdminDealResponse):
    stage_changes: list[DealStageChangeResponse] = Field(description="Oldest first")


class StageFigures(ResponseSchema):
    stage: DealStage
    count: int
    value: Money
    weighted_value: Money = Field(description="Σ value * probability / 100")


class OpenFigures(ResponseSchema):
    count: int
    value: Money
    weighted_value: Money


class WonFigures(ResponseSchema):
    count: int
    value: Money


class LostFigures(ResponseSchema):
    count: int


class MonthForecast(ResponseSchema):
    month: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}$", description="YYYY-MM")
    weighted_value: Money


class PipelineSummaryResponse(ResponseSchema):
    """Open deals as they stand now; won, lost, win rate and cycle over deals closed in
    the period (`date_from`..`date_to`, inclusive). Money to 2 decimals."""

    stages: list[StageFigures] = Field(description="The five open stages, in order")
    open: OpenFigures
    won: WonFigures
    lost: LostFigures
    win_rate: float | None = Field(description="won / (won + lost), 0..1; null when none")
    average_cycle_days: float | None = Field(
        description="Mean days from creation to closing of the period's won deals"
    )
    forecast: list[MonthForecast] = Field(
        description="Open deals' weighted value by expected close month: this month "
        "(overdue ones too) and the next five"
    )
    unscheduled_weighted_value: Money = Field(description="Open deals with no expected date")


class PipelineSnapshot(ResponseSchema):
    """The dashboard's pipeline block."""

    active_prospects: int = Field(
        description="Prospects qualified, engaged, in proposal or negotiation"
    )
    open_deals: int
    open_value: Money
    weighted_value: Money
