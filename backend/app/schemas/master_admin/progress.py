"""A week's progress against its goal, per activity type."""

from datetime import date

from pydantic import Field

from app.models.enums import ActivityType
from app.schemas.common import ResponseSchema


class ActivityTypeProgress(ResponseSchema):
    type: ActivityType
    target: int = Field(ge=0, description="The week's goal for this type; 0 without a goal")
    done: int = Field(ge=0, description="Sum of the amounts of this week's done activities")
    remaining: int = Field(ge=0, description="max(0, target - done)")
    percent: int = Field(
        ge=0,
        le=100,
        description="done / target as a whole percent, rounded down (so 100 means the target "
        "is reached) and capped at 100; with target 0: 100 if anything is done, else 0",
    )
    expected_by_today: float = Field(
        ge=0,
        description="target x working days of the week elapsed (today included) / working "
        "days in the week (those not in the profile's `rest_days`), to 2 decimals: where "
        "steady progress would be by the end of today",
    )


class WeeklyProgressResponse(ResponseSchema):
    week_start: date
    goal_id: int | None = Field(
        description="The goal the week runs on: its own, else the most recent earlier "
        "week's; null when none is set on or before it"
    )
    inherited: bool = Field(description="True when `goal_id` is an earlier week's goal")
    types: list[ActivityTypeProgress] = Field(description="One entry per activity type")
