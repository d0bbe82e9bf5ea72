"""The pipeline's figures, each one statement over the owner's deals (bound: owner_id),
built once at import: the dashboard reads `OPEN_PIPELINE` on every load."""

from datetime import date
from typing import Any

from sqlalchemy import Date, Integer, Numeric, Select, String, bindparam, cast, func, select

from app.models import AdminDeal, AdminProspect, DealStage, ProspectStatus
from app.models.enums import CLOSED_STAGES, OPEN_STAGES

FORECAST_MONTHS = 6
OWNER = bindparam("owner_id", type_=Integer)
ACTIVE_STATUSES = (
    ProspectStatus.QUALIFIED,
    ProspectStatus.ENGAGED,
    ProspectStatus.PROPOSAL,
    ProspectStatus.NEGOTIATION,
)

IS_OPEN = AdminDeal.stage.not_in(CLOSED_STAGES)
WEIGHTED = AdminDeal.value * AdminDeal.probability / 100


def money_sum(amount: Any, *where: Any) -> Any:
    """Σ amount over the rows matching `where`, to the cent (0 when none)."""
    return func.round(func.coalesce(func.sum(amount).filter(*where), 0), 2)


OPEN_PIPELINE = select(
    select(func.count())
    .where(AdminProspect.user_id == OWNER, AdminProspect.status.in_(ACTIVE_STATUSES))
    .scalar_subquery()
    .label("active_prospects"),
    func.count().filter(IS_OPEN).label("open_deals"),
    money_sum(AdminDeal.value, IS_OPEN).label("open_value"),
    money_sum(WEIGHTED, IS_OPEN).label("weighted_value"),
).where(AdminDeal.user_id == OWNER)


def _summary() -> Select[Any]:
    """One row: per open stage `<stage>_count`, `<stage>_value`, `<stage>_weighted`; the
    open totals; the period's won, lost and cycle; `forecast_<n>` for the n-th month from
    this one (overdue dates count in this one) and `unscheduled`. Bound besides the owner:
    date_from, date_to, month_start (the 1st of this month), timezone (for the local day a
    deal was created)."""
    date_from = bindparam("date_from", type_=Date)
    date_to = bindparam("date_to", type_=Date)
    month_start = bindparam("month_start", type_=Date)
    closed_in_period = AdminDeal.closed_on.between(date_from, date_to)
    won = (AdminDeal.stage == DealStage.WON, closed_in_period)
    created_on = cast(
        func.timezone(bindparam("timezone", type_=String), AdminDeal.created_at), Date
    )
    # GREATEST skips NULLs: without the date, `months_ahead` would be 0, not unknown.
    scheduled = AdminDeal.expected_close_date.is_not(None)
    months_ahead = func.greatest(
        0,
        (func.extract("year", AdminDeal.expected_close_date) - func.extract("year", month_start))
        * 12
        + func.extract("month", AdminDeal.expected_close_date)
        - func.extract("month", month_start),
    )
    per_stage = [
        column
        for stage in OPEN_STAGES
        for column in (
            func.count().filter(AdminDeal.stage == stage).label(f"{stage}_count"),
            money_sum(AdminDeal.value, AdminDeal.stage == stage).label(f"{stage}_value"),
            money_sum(WEIGHTED, AdminDeal.stage == stage).label(f"{stage}_weighted"),
        )
    ]
    forecast = [
        money_sum(WEIGHTED, IS_OPEN, scheduled, months_ahead == month).label(f"forecast_{month}")
        for month in range(FORECAST_MONTHS)
    ]
    return select(
        *per_stage,
        func.count().filter(IS_OPEN).label("open_count"),
        money_sum(AdminDeal.value, IS_OPEN).label("open_value"),
        money_sum(WEIGHTED, IS_OPEN).label("open_weighted"),
        func.count().filter(*won).label("won_count"),
        money_sum(AdminDeal.value, *won).label("won_value"),
        func.count()
        .filter(AdminDeal.stage == DealStage.LOST, closed_in_period)
        .label("lost_count"),
        func.round(cast(func.avg(AdminDeal.closed_on - created_on).filter(*won), Numeric), 1).label(
            "average_cycle_days"
        ),
        *forecast,
        money_sum(WEIGHTED, IS_OPEN, AdminDeal.expected_close_date.is_(None)).label("unscheduled"),
    ).where(AdminDeal.user_id == OWNER)


PIPELINE_SUMMARY = _summary()


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def months_from(start: date, count: int) -> list[str]:
    """`count` months as YYYY-MM, from the month of `start`."""
    months = []
    year, month = start.year, start.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
