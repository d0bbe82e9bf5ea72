"""The dashboard: the day's score, the streak, the week, the timer and the inbox count."""

from fastapi import APIRouter, Request

from app.api.dependencies import DbSession, MasterAdmin, app_clock
from app.schemas.master_admin.dashboard import DashboardResponse
from app.services.master_admin.dashboard_service import DashboardService

router = APIRouter(prefix="/dashboard", tags=["Dashboard"])


@router.get("")
async def get_dashboard(
    request: Request, user: MasterAdmin, session: DbSession
) -> DashboardResponse:
    """Everything the first screen shows, in one call and one read after the caller's
    profile: today's score, the streak, this week's progress against its goal, the open
    focus session (or null), how many nudges are unread, and the pipeline (active
    prospects, open deals and their value, plain and weighted). "Today" and "this week" are
    the caller's, in their time zone."""
    return await DashboardService(session, app_clock(request)).get_dashboard(user)
