"""Focus sessions: start one, end it once (complete or interrupt), see the timer."""

from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from app.api.dependencies import FocusSessions, MasterAdmin
from app.api.idempotency import IDEMPOTENT
from app.api.params import (
    MAX_ID,
    WEEK_START_INVALID,
    PageLimit,
    PageOffset,
    Responses,
    WeekStart,
    not_found,
    page_response,
)
from app.models import AdminFocusSession
from app.schemas.master_admin.focus_sessions import (
    AdminActiveFocusSessionResponse,
    AdminFocusSessionCreate,
    AdminFocusSessionEnd,
    AdminFocusSessionResponse,
    FocusStatsResponse,
)

router = APIRouter(prefix="/focus-sessions", tags=["Focus sessions"])

FocusSessionId = Annotated[int, Path(ge=1, le=MAX_ID, description="A focus session id")]
NOT_FOUND = not_found("focus session")


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=AdminFocusSessionResponse,
    responses={409: {"description": "Another focus session is still open (its id is named)"}},
    dependencies=IDEMPOTENT,
)
async def start_focus_session(
    user: MasterAdmin, service: FocusSessions, start: AdminFocusSessionCreate | None = None
) -> AdminFocusSession:
    """Start a focus session now (the server's clock), 50 minutes unless told otherwise.

    Only one session may be open at a time, even one past its end: complete or
    interrupt it first.
    """
    start = start or AdminFocusSessionCreate()
    return await service.start_session(
        user, duration_minutes=start.duration_minutes, notes=start.notes
    )


@router.get("", response_model=list[AdminFocusSessionResponse])
async def list_focus_sessions(
    user: MasterAdmin,
    service: FocusSessions,
    limit: PageLimit = 100,
    offset: PageOffset = 0,
) -> Response:
    """The caller's focus sessions, newest first; the total is in `X-Total-Count`."""
    return page_response(await service.list_sessions(user, limit=limit, offset=offset))


@router.get("/stats", responses=WEEK_START_INVALID)
async def get_focus_stats(
    user: MasterAdmin, service: FocusSessions, week_start: WeekStart = None
) -> FocusStatsResponse:
    """The week's sessions (started, completed, interrupted) and focused minutes, in
    total and per local day, Monday to Sunday."""
    return await service.week_stats(user, week_start)


@router.get("/active")
async def get_active_focus_session(
    user: MasterAdmin, service: FocusSessions
) -> AdminActiveFocusSessionResponse | None:
    """The open session with its timer, or `null` when none is open.

    A session past its planned end stays open (`remaining_seconds` 0, `overdue` true)
    until it is completed or interrupted.
    """
    return await service.active_session(user)


@router.get("/{session_id:int}", response_model=AdminFocusSessionResponse, responses=NOT_FOUND)
async def get_focus_session(
    session_id: FocusSessionId, user: MasterAdmin, service: FocusSessions
) -> AdminFocusSession:
    """One of the caller's focus sessions."""
    return await service.get_session(user, session_id)


ENDING_ERRORS: Responses = {
    **NOT_FOUND,
    409: {"description": "The session already ended"},
}


@router.put(
    "/{session_id:int}/complete", response_model=AdminFocusSessionResponse, responses=ENDING_ERRORS
)
async def complete_focus_session(
    session_id: FocusSessionId,
    user: MasterAdmin,
    service: FocusSessions,
    end: AdminFocusSessionEnd | None = None,
) -> AdminFocusSession:
    """End the session as completed, now. `notes`, when sent, replaces its notes."""
    return await service.complete_session(user, session_id, end or AdminFocusSessionEnd())


@router.put(
    "/{session_id:int}/interrupt", response_model=AdminFocusSessionResponse, responses=ENDING_ERRORS
)
async def interrupt_focus_session(
    session_id: FocusSessionId,
    user: MasterAdmin,
    service: FocusSessions,
    end: AdminFocusSessionEnd | None = None,
) -> AdminFocusSession:
    """End the session as interrupted, now. `notes`, when sent, replaces its notes."""
    return await service.interrupt_session(user, session_id, end or AdminFocusSessionEnd())
