"""The activity tracker's services, as dependencies of the goal, activity, score and
progress endpoints (and of anything else built on them, such as the dashboard)."""

from typing import Annotated

from fastapi import Depends

from app.api.dependencies import CurrentClock, DbSession
from app.services.master_admin.goal_service import GoalService


def get_goal_service(session: DbSession, clock: CurrentClock) -> GoalService:
    return GoalService(session, clock)


Goals = Annotated[GoalService, Depends(get_goal_service)]
