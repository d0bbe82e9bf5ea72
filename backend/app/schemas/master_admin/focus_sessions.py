"""Focus sessions: a timed block of work, started now and ended once."""

from datetime import date, datetime

from pydantic import Field

from app.schemas.common import InputSchema, LongText, ResponseSchema


class AdminFocusSessionCreate(InputSchema):
    """The start time is always the server's: a client cannot backdate a session."""

    # Strict: a JSON number, not "50" or 50.0, which lax validation would turn into an int.
    duration_minutes: int = Field(default=50, strict=True, ge=5, le=180)
    notes: LongText | None = None


class AdminFocusSessionEnd(InputSchema):
    """Completing or interrupting: `notes` replaces the session's notes, `null` clears them."""

    notes: LongText | None = None


class AdminFocusSessionResponse(ResponseSchema):
    id: int
    user_id: int
    start_time: datetime
    end_time: datetime | None
    duration_minutes: int
    completed: bool
    interrupted: bool
    notes: str | None
    created_at: datetime


class AdminActiveFocusSessionResponse(AdminFocusSessionResponse):
    """The open session with its timer: past its end it is `overdue` until ended."""

    ends_at: datetime
    remaining_seconds: int = Field(ge=0)
    overdue: bool


class FocusDay(ResponseSchema):
    date: date
    focused_minutes: int = Field(ge=0)


class FocusStatsResponse(ResponseSchema):
    """A week's focus sessions, by the local day they started. A session's focused
    minutes: the whole minutes from its start to its end (or to now while open), capped
    at its planned duration."""

    week_start: date
    sessions: int = Field(ge=0, description="Sessions started this week, open ones included")
    completed: int = Field(ge=0)
    interrupted: int = Field(ge=0)
    focused_minutes: int = Field(ge=0)
    by_day: list[FocusDay] = Field(description="Monday to Sunday")
