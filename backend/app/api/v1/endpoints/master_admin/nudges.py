"""Nudges: run the rules, read the inbox, mark read, dismiss."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from app.api.dependencies import MasterAdmin, Nudges
from app.api.idempotency import IDEMPOTENT
from app.api.params import MAX_ID, Responses
from app.models import AdminNudge
from app.schemas.master_admin.nudges import AdminNudgeResponse

router = APIRouter(prefix="/nudges", tags=["Nudges"])

NudgeId = Annotated[int, Path(ge=1, le=MAX_ID, description="A nudge id")]
NOT_FOUND: Responses = {404: {"description": "No such nudge of the caller's (or it was deleted)"}}


@router.post(
    "/generate",
    status_code=status.HTTP_201_CREATED,
    response_model=list[AdminNudgeResponse],
    dependencies=IDEMPOTENT,
)
async def generate_nudges(user: MasterAdmin, service: Nudges) -> Sequence[AdminNudge]:
    """Run the nudge rules now, at the caller's local time, and return the nudges created.

    Each rule fires at most once per local day (a celebration once per activity type
    per week), whatever was read or deleted since: calling again the same day returns
    `[]` for rules that already fired. With an AI endpoint configured, new nudges are
    reworded from the same facts; if it fails or takes over 5 s, the rule's text is used.
    """
    return await service.generate_nudges(user)


@router.get("", response_model=list[AdminNudgeResponse])
async def list_nudges(
    user: MasterAdmin,
    service: Nudges,
    include_read: Annotated[
        bool, Query(description="Also list nudges already read (still unexpired)")
    ] = False,
) -> Sequence[AdminNudge]:
    """Unread, unexpired nudges, most pressing first (urgent, high, normal, low), then
    newest. A nudge expires at the end of the caller's local day."""
    return await service.list_nudges(user, include_read=include_read)


@router.put("/{nudge_id:int}/read", response_model=AdminNudgeResponse, responses=NOT_FOUND)
async def mark_nudge_read(nudge_id: NudgeId, user: MasterAdmin, service: Nudges) -> AdminNudge:
    """Mark a nudge read (again is harmless)."""
    return await service.mark_read(user, nudge_id)


@router.delete("/{nudge_id:int}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_nudge(nudge_id: NudgeId, user: MasterAdmin, service: Nudges) -> None:
    """Delete a nudge: it is gone from every list, and its rule does not fire again for
    the same day (or week, for a celebration)."""
    await service.delete_nudge(user, nudge_id)
