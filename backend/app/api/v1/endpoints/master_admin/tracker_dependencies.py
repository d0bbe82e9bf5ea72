"""The activity tracker's services and shared parameters, as dependencies of the goal,
activity, score and progress endpoints (and of anything built on them, e.g. a dashboard)."""

from typing import Annotated

from fastapi import Depends, Query, Request

from app.api.dependencies import DbSession, app_clock, app_settings
from app.api.params import Responses
from app.schemas.master_admin.fields import Monday
from app.services.master_admin.activity_service import ActivityService
from app.services.master_admin.goal_service import GoalService


async def get_goal_service(request: Request, session: DbSession) -> GoalService:
    return GoalService(session, app_clock(request))


async def get_activity_service(request: Request, session: DbSession) -> ActivityService:
    return ActivityService(session, app_clock(request), app_settings(request))


Goals = Annotated[GoalService, Depends(get_goal_service)]
Activities = Annotated[ActivityService, Depends(get_activity_service)]
WeekStart = Annotated[
    Monday | None,
    Query(description="The Monday of the week; this week (in the caller's time zone) if unset"),
]
WEEK_START_INVALID: Responses = {422: {"description": "`week_start` is not a date or not a Monday"}}
