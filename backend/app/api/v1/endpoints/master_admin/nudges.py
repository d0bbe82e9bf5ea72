"""Nudges: run the rules, read the inbox, mark read, dismiss."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, status

from app.api.dependencies import DbSession, MasterAdmin, app_clock
from app.api.params import MAX_ID, Responses
from app.schemas.master_admin.nudges import AdminNudgeResponse
from app.services.master_admin.nudge_service import NudgeService

router = APIRouter(prefix="/nudges", tags=["Nudges"])

NudgeId = Annotated[int, Path(ge=1, le=MAX_ID, description="A nudge id")]
NOT_FOUND: Responses = {404: {"description": "No such nudge of the caller's (or it was deleted)"}}


async def get_nudge_service(request: Request, session: DbSession) -> NudgeService:
    return NudgeService(session, app_clock(request), request.app.state.nudge_phraser)


Nudges = Annotated[NudgeService, Depends(get_nudge_service)]


def responses(nudges: Any) -> list[AdminNudgeResponse]:
    return [AdminNudgeResponse.model_validate(nudge) for nudge in nudges]


@router.post("/generate", status_code=status.HTTP_201_CREATED)
async def generate_nudges(user: MasterAdmin, service: Nudges) -> list[AdminNudgeResponse]:
    """Run the nudge rules now, at the caller's local time, and return the nudges created.

    Each rule fires at most once per local day (a celebration once per activity type
    per week), whatever was read or deleted since: calling again the same day returns
    `[]` for rules that already fired. With an AI endpoint configured, new nudges are
    reworded from the same facts; if it fails or takes over 5 s, the rule's text is used.
    """
    return responses(await service.generate_nudges(user))


@router.get("")
async def list_nudges(
    user: MasterAdmin,
    service: Nudges,
    include_read: Annotated[
        bool, Query(description="Also list nudges already read (still unexpired)")
    ] = False,
) -> list[AdminNudgeResponse]:
    """Unread, unexpired nudges, most pressing first (urgent, high, normal, low), then
    newest. A nudge expires at the end of the caller's local day."""
    return responses(await service.list_nudges(user, include_read=include_read))


@router.put("/{nudge_id:int}/read", responses=NOT_FOUND)
async def mark_nudge_read(
    nudge_id: NudgeId, user: MasterAdmin, service: Nudges
) -> AdminNudgeResponse:
    """Mark a nudge read (again is harmless)."""
    return AdminNudgeResponse.model_validate(await service.mark_read(user, nudge_id))


@router.delete("/{nudge_id:int}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_nudge(nudge_id: NudgeId, user: MasterAdmin, service: Nudges) -> None:
    """Delete a nudge: it is gone from every list, and its rule does not fire again for
    the same day (or week, for a celebration)."""
    await service.delete_nudge(user, nudge_id)
