"""The activity tracker's services and shared parameters, as dependencies of the goal,
activity, score and progress endpoints (and of anything built on them, e.g. a dashboard)."""

from typing import Annotated, Any

from fastapi import Depends, Query

from app.api.dependencies import AppSettings, CurrentClock, DbSession
from app.schemas.master_admin.fields import Monday
from app.services.master_admin.activity_service import ActivityService
from app.services.master_admin.goal_service import GoalService


async def get_goal_service(session: DbSession, clock: CurrentClock) -> GoalService:
    return GoalService(session, clock)


async def get_activity_service(
    session: DbSession, clock: CurrentClock, settings: AppSettings
) -> ActivityService:
    return ActivityService(session, clock, settings)


Goals = Annotated[GoalService, Depends(get_goal_service)]
Activities = Annotated[ActivityService, Depends(get_activity_service)]
WeekStart = Annotated[
    Monday | None,
    Query(description="The Monday of the week; this week (in the caller's time zone) if unset"),
]
WEEK_START_INVALID: dict[int | str, dict[str, Any]] = {
    422: {"description": "`week_start` is not a date or not a Monday"}
}
