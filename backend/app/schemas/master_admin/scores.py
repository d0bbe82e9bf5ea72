"""Daily scores and streaks, derived from done activities."""

from datetime import date

from pydantic import Field

from app.schemas.common import ResponseSchema


class AdminScoreResponse(ResponseSchema):
    """One day; a day with nothing done is all zeros."""

    date: date
    score: int = Field(ge=0, le=100, description="Weighted sum of the day's done activities")
    streak_days: int = Field(
        ge=0,
        description="Scoring days of the run ending this day, unscored rest days skipped "
        "(0 if it did not score)",
    )
    activities_count: int = Field(ge=0, description="Done activities that day")


class StreakResponse(ResponseSchema):
    current_streak: int = Field(
        ge=0,
        description="Scoring days of the run that reaches today, or the last working day "
        "before it while today and the rest days since have no score yet (unscored rest "
        "days neither break nor extend a run)",
    )
    longest_streak: int = Field(ge=0, description="Longest run of scoring days in the history")
    last_active_date: date | None = Field(description="Latest day with a score above 0")
