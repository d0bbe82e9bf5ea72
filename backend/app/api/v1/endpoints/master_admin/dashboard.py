"""The dashboard: the day's score, the streak, the week, the timer and the inbox count."""

from fastapi import APIRouter

from app.api.dependencies import Dashboards, MasterAdmin
from app.schemas.master_admin.dashboard import DashboardResponse

router = APIRouter(prefix="/dashboard", tags=["Dashboard"])


@router.get("")
async def get_dashboard(user: MasterAdmin, dashboards: Dashboards) -> DashboardResponse:
    """Everything the first screen shows, in one call and one read after the caller's
    profile: today's score, the streak, this week's progress against its goal, the open
    focus session (or null), how many nudges are unread, and the pipeline (active
    prospects, open deals and their value, plain and weighted). "Today" and "this week" are
    the caller's, in their time zone."""
    return await dashboards.get_dashboard(user)
