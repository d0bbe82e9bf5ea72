"""Weekly goals: one set of targets per activity type for a Monday-started week."""

from datetime import date, datetime

from pydantic import Field

from app.schemas.common import InputSchema, ResponseSchema
from app.schemas.master_admin.fields import GoalTarget, Monday, NotNull


class AdminGoalCreate(InputSchema):
    """`week_start` defaults to the caller's current week (`null` is refused)."""

    week_start: NotNull[Monday] = None
    target_discoveries: GoalTarget = 0
    target_emails: GoalTarget = 0
    target_videos: GoalTarget = 0
    target_calls: GoalTarget = 0


class AdminGoalUpdate(InputSchema):
    """Targets only: a goal belongs to its week (delete it to set another week's)."""

    target_discoveries: NotNull[GoalTarget] = None
    target_emails: NotNull[GoalTarget] = None
    target_videos: NotNull[GoalTarget] = None
    target_calls: NotNull[GoalTarget] = None


class AdminGoalResponse(ResponseSchema):
    id: int
    user_id: int
    week_start: date
    target_discoveries: int
    target_emails: int
    target_videos: int
    target_calls: int
    created_at: datetime
    updated_at: datetime
    inherited: bool = Field(
        default=False,
        description="True when this goal is an earlier week's that the asked-for week runs "
        "on, having none of its own (`GET /goals/current` only; false everywhere else)",
    )
