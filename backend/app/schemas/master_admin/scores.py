"""Daily scores and streaks, derived from done activities."""

from datetime import date

from pydantic import Field

from app.schemas.common import ResponseSchema


class AdminScoreResponse(ResponseSchema):
    """One day; a day with nothing done is all zeros."""

    date: date
    score: int = Field(ge=0, le=100, description="Weighted sum of the day's done activities")
    streak_days: int = Field(
        ge=0, description="Consecutive scoring days ending this day (0 if it did not score)"
    )
    activities_count: int = Field(ge=0, description="Done activities that day")


class StreakResponse(ResponseSchema):
    current_streak: int = Field(
        ge=0,
        description="Consecutive scoring days up to today, or up to yesterday while today "
        "has no score yet",
    )
    longest_streak: int = Field(ge=0, description="Longest run of scoring days in the history")
    last_active_date: date | None = Field(description="Latest day with a score above 0")
