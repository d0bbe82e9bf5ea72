"""Daily scores and the streak, in the caller's time zone."""

from fastapi import APIRouter

from app.api.dependencies import MasterAdmin
from app.api.v1.endpoints.master_admin.tracker_dependencies import (
    WEEK_START_INVALID,
    Activities,
    WeekStart,
)
from app.schemas.master_admin.scores import AdminScoreResponse, StreakResponse

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
