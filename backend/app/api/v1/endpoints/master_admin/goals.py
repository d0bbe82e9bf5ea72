"""Weekly goals: targets per activity type for a Monday-started week."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Path, status

from app.api.dependencies import Goals, MasterAdmin
from app.api.idempotency import IDEMPOTENT
from app.api.params import MAX_ID, not_found
from app.models import AdminGoal
from app.schemas.master_admin.goals import AdminGoalCreate, AdminGoalResponse, AdminGoalUpdate

router = APIRouter(prefix="/goals", tags=["Goals"])

GoalId = Annotated[int, Path(ge=1, le=MAX_ID, description="A goal id")]
NOT_FOUND = not_found("goal")


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=AdminGoalResponse,
    responses={
        409: {"description": "The caller already has a goal for that week"},
        422: {"description": "Invalid body: `week_start` not a Monday, a target out of 0..100,000"},
    },
    dependencies=IDEMPOTENT,
)
async def create_goal(data: AdminGoalCreate, user: MasterAdmin, goals: Goals) -> AdminGoal:
    """Set the targets of one week (this week when `week_start` is not sent); unset targets
    are 0. Later weeks without their own goal run on it."""
    return await goals.create_goal(user, data)


@router.get("", response_model=list[AdminGoalResponse])
async def list_goals(user: MasterAdmin, goals: Goals) -> Sequence[AdminGoal]:
    """The caller's goals, newest week first."""
    return await goals.list_goals(user)


@router.get(
    "/current", responses={404: {"description": "No goal is set for this week or any before"}}
)
async def get_current_goal(user: MasterAdmin, goals: Goals) -> AdminGoalResponse:
    """The goal the current week (in the caller's time zone) runs on: its own, else the most
    recent earlier week's, with `inherited` true."""
    return await goals.get_current_goal(user)


@router.get("/{goal_id:int}", response_model=AdminGoalResponse, responses=NOT_FOUND)
async def get_goal(goal_id: GoalId, user: MasterAdmin, goals: Goals) -> AdminGoal:
    return await goals.get_goal(user, goal_id)


@router.put("/{goal_id:int}", response_model=AdminGoalResponse, responses=NOT_FOUND)
async def update_goal(
    goal_id: GoalId, data: AdminGoalUpdate, user: MasterAdmin, goals: Goals
) -> AdminGoal:
    """Change the targets sent; the others keep their values."""
    return await goals.update_goal(user, goal_id, data)


@router.delete("/{goal_id:int}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_goal(goal_id: GoalId, user: MasterAdmin, goals: Goals) -> None:
    await goals.delete_goal(user, goal_id)
