"""The pipeline's figures, each one statement (bound: the shared `OWNER`), built once at
import: the dashboard reads `OPEN_PIPELINE` on every load."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Date, Select, bindparam, case, func, literal_column, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.models import AdminPipelineBucket, AdminPipelineTotals
from app.models.enums import CLOSED_STAGES
from app.services.parameters import OWNER, owner_params

FORECAST_MONTHS = 6
# The bucket day of open deals without an expected close date.
UNSCHEDULED = literal_column("'infinity'::date", Date)
MONTH_STARTS = bindparam("month_starts", type_=ARRAY(Date))
DATE_FROM = bindparam("date_from", type_=Date)
DATE_TO = bindparam("date_to", type_=Date)

# First key of the two-key advisory lock serialising one user's pipeline writes (deals,
# prospects). Their triggers update the user's totals row after the rows they change:
# without one order of locks, a prospect's deletion cascading to a deal that another
# request is moving could deadlock with it.
PIPELINE_LOCK_CLASS = 0x919E
LOCK_PIPELINE = select(func.pg_advisory_xact_lock(PIPELINE_LOCK_CLASS, OWNER))


async def lock_pipeline(executor: AsyncSession | AsyncConnection, user_id: int) -> None:
    """Serialise the user's prospect and deal writes until the transaction ends (a
    transaction-scoped advisory lock: `PIPELINE_LOCK_CLASS`, the user id)."""
    await executor.execute(LOCK_PIPELINE, owner_params(user_id))


# The dashboard's pipeline block: the running totals (one row, or none: zeros).
OPEN_PIPELINE = select(
    func.coalesce(func.sum(AdminPipelineTotals.active_prospects), 0).label("active_prospects"),
    func.coalesce(func.sum(AdminPipelineTotals.open_deals), 0).label("open_deals"),
    func.coalesce(func.sum(AdminPipelineTotals.open_value), 0).label("open_value"),
    func.round(func.coalesce(func.sum(AdminPipelineTotals.open_weighted_x100), 0) / 100, 2).label(
        "weighted_value"
    ),
).where(AdminPipelineTotals.user_id == OWNER)


# Built at import, before mutmut can switch a mutant on (README, "Mutation testing").
def _summary() -> Select[Any]:  # pragma: no mutate block
    """The owner's deal buckets in groups, for `summarize` to add up: one row per `stage`,
    `month` and `in_period` with `deals` (how many), `value`, `weighted_x100` (Σ value *
    probability) and `cycle_days` (won deals: Σ days from opening to closing).

    `month` (open deals only, else null): 0 for this month or earlier (overdue), 1..5 for
    the next five, 6 for later, null without an expected date. `in_period` (closed deals
    only, else null): closed between `date_from` and `date_to`. Bound besides the owner:
    those two and `month_starts` (the first days of the next six months).
    """
    bucket = AdminPipelineBucket
    is_open = bucket.stage.not_in(CLOSED_STAGES)
    month = case(
        (
            is_open & (bucket.day != UNSCHEDULED),
            func.width_bucket(bucket.day, MONTH_STARTS),
        )
    )
    in_period = case(
        (
            ~is_open,
            bucket.day.between(DATE_FROM, DATE_TO),
        )
    )
    return (
        select(
            bucket.stage,
            month.label("month"),
            in_period.label("in_period"),
            func.sum(bucket.deals).label("deals"),
            func.sum(bucket.value).label("value"),
            func.sum(bucket.weighted_x100).label("weighted_x100"),
            func.sum(bucket.cycle_days).label("cycle_days"),
        )
        .where(bucket.user_id == OWNER, bucket.deals > 0)
        .group_by(bucket.stage, month, in_period)
    )


PIPELINE_SUMMARY = _summary()


def summary_params(
    user_id: int, date_from: date, date_to: date, month_starts: Sequence[date]
) -> dict[str, Any]:
    """`PIPELINE_SUMMARY`'s parameters: the user's closings between `date_from` and
    `date_to` (both included), open deals bucketed by `month_starts` (the first days of
    the next six months)."""
    return {
        **owner_params(user_id),
        DATE_FROM.key: date_from,
        DATE_TO.key: date_to,
        MONTH_STARTS.key: month_starts,
    }


def month_starts(today: date, count: int) -> list[date]:
    """The first days of `count` months, from the month of `today` on."""
    starts = [today.replace(day=1)]
    while len(starts) < count:
        last = starts[-1]
        starts.append(
            last.replace(year=last.year + 1, month=1)
            if last.month == 12
            else last.replace(month=last.month + 1)
        )
    return starts
