"""Meeting templates: the caller's reusable agendas, plus starter drafts per type."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Path, status

from app.api.dependencies import MasterAdmin, Meetings
from app.api.idempotency import IDEMPOTENT
from app.api.params import MAX_ID, not_found
from app.models import AdminMeeting
from app.schemas.master_admin.meetings import (
    AdminMeetingCreate,
    AdminMeetingDraft,
    AdminMeetingResponse,
    AdminMeetingUpdate,
)

router = APIRouter(prefix="/meetings", tags=["Meeting templates"])

MeetingId = Annotated[int, Path(ge=1, le=MAX_ID, description="A meeting template id")]
NOT_FOUND = not_found("meeting template")


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=AdminMeetingResponse,
    dependencies=IDEMPOTENT,
)
async def create_meeting(
    data: AdminMeetingCreate, user: MasterAdmin, service: Meetings
) -> AdminMeeting:
    """Save a meeting template (a default from `GET /meetings/defaults` can be posted as is)."""
    return await service.create_meeting(user, data)


@router.get("", response_model=list[AdminMeetingResponse])
async def list_meetings(user: MasterAdmin, service: Meetings) -> Sequence[AdminMeeting]:
    """The caller's meeting templates, newest first."""
    return await service.list_meetings(user)


@router.get("/defaults", response_model=list[AdminMeetingDraft])
async def list_default_meetings(service: Meetings) -> Sequence[AdminMeetingCreate]:
    """Starter templates, one per meeting type (discovery, demo, negotiation, closing).

    Nothing is saved: these are drafts shaped like `POST /meetings` bodies, so a client
    can offer them to a new user and save the ones they keep, edited or not.
    """
    return service.default_templates()


@router.get("/{meeting_id:int}", response_model=AdminMeetingResponse, responses=NOT_FOUND)
async def get_meeting(meeting_id: MeetingId, user: MasterAdmin, service: Meetings) -> AdminMeeting:
    """One of the caller's meeting templates."""
    return await service.get_meeting(user, meeting_id)


@router.put("/{meeting_id:int}", response_model=AdminMeetingResponse, responses=NOT_FOUND)
async def update_meeting(
    meeting_id: MeetingId, update: AdminMeetingUpdate, user: MasterAdmin, service: Meetings
) -> AdminMeeting:
    """Change the fields sent; `null` clears agenda, questions or follow-up tasks (and is
    refused for title, type and duration)."""
    return await service.update_meeting(user, meeting_id, update)


@router.delete("/{meeting_id:int}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_meeting(meeting_id: MeetingId, user: MasterAdmin, service: Meetings) -> None:
    """Delete one of the caller's meeting templates."""
    await service.delete_meeting(user, meeting_id)
