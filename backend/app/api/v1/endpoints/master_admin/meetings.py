"""Meeting templates: the caller's reusable agendas, plus starter drafts per type."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, status

from app.api.dependencies import DbSession, MasterAdmin
from app.api.params import MAX_ID, not_found
from app.schemas.master_admin.meetings import (
    AdminMeetingCreate,
    AdminMeetingDraft,
    AdminMeetingResponse,
    AdminMeetingUpdate,
)
from app.services.master_admin.meeting_service import MeetingService

router = APIRouter(prefix="/meetings", tags=["Meeting templates"])

MeetingId = Annotated[int, Path(ge=1, le=MAX_ID, description="A meeting template id")]
NOT_FOUND = not_found("meeting template")


async def get_meeting_service(session: DbSession) -> MeetingService:
    return MeetingService(session)


Meetings = Annotated[MeetingService, Depends(get_meeting_service)]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_meeting(
    data: AdminMeetingCreate, user: MasterAdmin, service: Meetings
) -> AdminMeetingResponse:
    """Save a meeting template (a default from `GET /meetings/defaults` can be posted as is)."""
    return AdminMeetingResponse.model_validate(await service.create_meeting(user, data))


@router.get("")
async def list_meetings(user: MasterAdmin, service: Meetings) -> list[AdminMeetingResponse]:
    """The caller's meeting templates, newest first."""
    return [AdminMeetingResponse.model_validate(m) for m in await service.list_meetings(user)]


@router.get("/defaults")
async def list_default_meetings(service: Meetings) -> list[AdminMeetingDraft]:
    """Starter templates, one per meeting type (discovery, demo, negotiation, closing).

    Nothing is saved: these are drafts shaped like `POST /meetings` bodies, so a client
    can offer them to a new user and save the ones they keep, edited or not.
    """
    return [AdminMeetingDraft.model_validate(draft) for draft in service.default_templates()]


@router.get("/{meeting_id:int}", responses=NOT_FOUND)
async def get_meeting(
    meeting_id: MeetingId, user: MasterAdmin, service: Meetings
) -> AdminMeetingResponse:
    """One of the caller's meeting templates."""
    return AdminMeetingResponse.model_validate(await service.get_meeting(user, meeting_id))


@router.put("/{meeting_id:int}", responses=NOT_FOUND)
async def update_meeting(
    meeting_id: MeetingId, update: AdminMeetingUpdate, user: MasterAdmin, service: Meetings
) -> AdminMeetingResponse:
    """Change the fields sent; `null` clears agenda, questions or follow-up tasks (and is
    refused for title, type and duration)."""
    meeting = await service.update_meeting(user, meeting_id, update)
    return AdminMeetingResponse.model_validate(meeting)


@router.delete("/{meeting_id:int}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_meeting(meeting_id: MeetingId, user: MasterAdmin, service: Meetings) -> None:
    """Delete one of the caller's meeting templates."""
    await service.delete_meeting(user, meeting_id)
