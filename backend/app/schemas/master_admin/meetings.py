"""Meeting templates: a reusable agenda, question list and follow-ups for a meeting type."""

from datetime import datetime
from typing import Annotated

from pydantic import Field

from app.models.enums import MeetingType
from app.schemas.common import InputSchema, LongText, ResponseSchema, Text
from app.schemas.master_admin.fields import NotNull

# The bounds sit on the string itself, before Text's NUL check: nested under that
# validator, `NotNull` would leave maxLength out of the OpenAPI schema.
MeetingTitle = Annotated[str, Field(min_length=1, max_length=255), *Text.__metadata__]
# Strict: a JSON number, not "60" or 60.0, which lax validation would turn into an int.
MeetingMinutes = Annotated[int, Field(strict=True, ge=5, le=480)]


class AdminMeetingCreate(InputSchema):
    title: MeetingTitle
    type: MeetingType
    duration_minutes: MeetingMinutes = 60
    agenda: LongText | None = None
    questions: LongText | None = None
    follow_up_tasks: LongText | None = None


class AdminMeetingUpdate(InputSchema):
    """Partial: omitted fields are kept; `null` clears a text field and is refused elsewhere."""

    title: NotNull[MeetingTitle] = None
    type: NotNull[MeetingType] = None
    duration_minutes: NotNull[MeetingMinutes] = None
    agenda: LongText | None = None
    questions: LongText | None = None
    follow_up_tasks: LongText | None = None


class AdminMeetingDraft(ResponseSchema):
    """An unsaved template, shaped like a create request so it can be posted back as is."""

    title: str
    type: MeetingType
    duration_minutes: int
    agenda: str | None
    questions: str | None
    follow_up_tasks: str | None


class AdminMeetingResponse(AdminMeetingDraft):
    id: int
    user_id: int
    created_at: datetime
    updated_at: datetime
