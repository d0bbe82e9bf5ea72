"""Weekly progress against the week's goal."""

from fastapi import APIRouter

from app.api.dependencies import Activities, MasterAdmin
from app.api.params import WEEK_START_INVALID, WeekStart
from app.schemas.master_admin.progress import WeeklyProgressResponse

router = APIRouter(prefix="/progress", tags=["Progress"])


@router.get("/week", responses=WEEK_START_INVALID)
async def get_week_progress(
    user: MasterAdmin, activities: Activities, week_start: WeekStart = None
) -> WeeklyProgressResponse:
    """Per activity type: the target, the amount done, what remains, the percent reached
    and where steady progress would be by the end of today."""
    return await activities.get_weekly_progress(user, week_start)
