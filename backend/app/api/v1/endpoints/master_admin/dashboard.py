"""The dashboard: the day's score, the streak, the week, the timer and the inbox count."""

from fastapi import APIRouter, Request

from app.api.dependencies import DbSession, MasterAdmin, app_clock, app_settings
from app.api.v1.endpoints.master_admin.focus_sessions import active_session_response
from app.schemas.master_admin.dashboard import DashboardResponse
from app.services.master_admin.activity_service import ActivityService
from app.services.master_admin.focus_session_service import FocusSessionService
from app.services.master_admin.nudge_service import NudgeService

router = APIRouter(prefix="/dashboard", tags=["Dashboard"])


@router.get("")
async def get_dashboard(
    request: Request, user: MasterAdmin, session: DbSession
) -> DashboardResponse:
    """Everything the first screen shows, in one call and a fixed number of queries:
    today's score, the streak, this week's progress against its goal, the open focus
    session (or null) and how many nudges are unread. "Today" and "this week" are the
    caller's, in their time zone."""
    clock = app_clock(request)
    activities = ActivityService(session, clock, app_settings(request))
    focus_sessions = FocusSessionService(session, clock)
    nudges = NudgeService(session, clock, activities)
    return DashboardResponse(
        today=await activities.get_daily_score(user, clock.today(user.timezone)),
        streak=await activities.get_streak(user),
        week_progress=await activities.get_weekly_progress(user),
        active_focus_session=active_session_response(await focus_sessions.active_session(user)),
        unread_nudges=await nudges.count_unread(user),
    )
