"""Daily scores and the streak, in the caller's time zone."""

from collections.abc import AsyncIterator, Sequence
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from app.api.csv_export import csv_response
from app.api.dependencies import Activities, MasterAdmin
from app.api.params import WEEK_START_INVALID, WeekStart
from app.schemas.master_admin.fields import Day
from app.schemas.master_admin.scores import AdminScoreResponse, StreakResponse
from app.services.master_admin.activity_service import MAX_EXPORT_DAYS

router = APIRouter(prefix="/scores", tags=["Scores"])


@router.get("/today")
async def get_today_score(user: MasterAdmin, activities: Activities) -> AdminScoreResponse:
    """Today's score, streak and done-activity count; zeros when nothing is logged."""
    return await activities.get_daily_score(user, activities.today(user))


@router.get("/week", responses=WEEK_START_INVALID)
async def get_week_scores(
    user: MasterAdmin, activities: Activities, week_start: WeekStart = None
) -> list[AdminScoreResponse]:
    """Exactly seven entries, Monday to Sunday; days without a score are zeros."""
    return await activities.get_week_scores(user, week_start)


@router.get("/streak")
async def get_streak(user: MasterAdmin, activities: Activities) -> StreakResponse:
    """The current streak (alive until today ends), the longest, and the last active day."""
    return await activities.get_streak(user)


@router.get(
    "/history",
    responses={
        422: {
            "description": "A date is invalid, `date_from` is after `date_to` (or after today "
            "when `date_to` is unset), or the range spans more than 366 days"
        }
    },
)
async def get_score_history(
    user: MasterAdmin,
    activities: Activities,
    date_from: Annotated[
        Day | None, Query(description="First day; the 365 days ending `date_to` if unset")
    ] = None,
    date_to: Annotated[Day | None, Query(description="Last day; today if unset")] = None,
) -> list[AdminScoreResponse]:
    """One entry per day of the range (both ends included, at most 366 days), oldest
    first; days without a score are zeros. One statement, whatever the range."""
    return await activities.get_score_history(user, date_from, date_to)


SCORE_EXPORT_HEADER = ("date", "score", "streak_days", "activities_count")


async def _one_chunk(rows: Sequence[AdminScoreResponse]) -> AsyncIterator[list[tuple[object, ...]]]:
    yield [(row.date.isoformat(), row.score, row.streak_days, row.activities_count) for row in rows]


@router.get(
    "/export.csv",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {}}, "description": "Header row, then one row per day"},
        422: {"description": "Not dates, `date_to` before `date_from`, or over 3,660 days"},
    },
)
async def export_scores(
    user: MasterAdmin,
    activities: Activities,
    date_from: Annotated[
        Day | None, Query(description="First day; 364 days before `date_to`")
    ] = None,
    date_to: Annotated[Day | None, Query(description="Last day; today by default")] = None,
) -> StreamingResponse:
    """One row per day from `date_from` to `date_to`, oldest first, days without a score
    zeros, as CSV: `date,score,streak_days,activities_count`."""
    rows = await activities.get_score_history(user, date_from, date_to, MAX_EXPORT_DAYS)
    return csv_response(SCORE_EXPORT_HEADER, _one_chunk(rows), "scores.csv")
