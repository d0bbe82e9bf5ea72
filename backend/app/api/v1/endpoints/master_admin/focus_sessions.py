"""Focus sessions: start one, end it once (complete or interrupt), see the timer."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status

from app.api.dependencies import DbSession, MasterAdmin, app_clock
from app.api.params import MAX_ID, PageLimit, PageOffset, Responses, not_found
from app.api.v1.endpoints.master_admin.tracker_dependencies import WEEK_START_INVALID, WeekStart
from app.schemas.master_admin.focus_sessions import (
    AdminActiveFocusSessionResponse,
    AdminFocusSessionCreate,
    AdminFocusSessionEnd,
    AdminFocusSessionResponse,
    FocusStatsResponse,
)
from app.services.master_admin.focus_session_service import FocusSessionService

router = APIRouter(prefix="/focus-sessions", tags=["Focus sessions"])

FocusSessionId = Annotated[int, Path(ge=1, le=MAX_ID, description="A focus session id")]
NOT_FOUND = not_found("focus session")


async def get_focus_session_service(request: Request, session: DbSession) -> FocusSessionService:
    return FocusSessionService(session, app_clock(request))


FocusSessions = Annotated[FocusSessionService, Depends(get_focus_session_service)]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses={409: {"description": "Another focus session is still open (its id is named)"}},
)
async def start_focus_session(
    user: MasterAdmin, service: FocusSessions, start: AdminFocusSessionCreate | None = None
) -> AdminFocusSessionResponse:
    """Start a focus session now (the server's clock), 50 minutes unless told otherwise.

    Only one session may be open at a time, even one past its end: complete or
    interrupt it first.
    """
    start = start or AdminFocusSessionCreate()
    focus = await service.start_session(
        user, duration_minutes=start.duration_minutes, notes=start.notes
    )
    return AdminFocusSessionResponse.model_validate(focus)


@router.get("")
async def list_focus_sessions(
    user: MasterAdmin,
    service: FocusSessions,
    response: Response,
    limit: PageLimit = 100,
    offset: PageOffset = 0,
) -> list[AdminFocusSessionResponse]:
    """The caller's focus sessions, newest first; the total is in `X-Total-Count`."""
    sessions, total = await service.list_sessions(user, limit=limit, offset=offset)
    response.headers["X-Total-Count"] = str(total)
    return [AdminFocusSessionResponse.model_validate(focus) for focus in sessions]


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


@router.get("/{session_id:int}", responses=NOT_FOUND)
async def get_focus_session(
    session_id: FocusSessionId, user: MasterAdmin, service: FocusSessions
) -> AdminFocusSessionResponse:
    """One of the caller's focus sessions."""
    return AdminFocusSessionResponse.model_validate(await service.get_session(user, session_id))


ENDING_ERRORS: Responses = {
    **NOT_FOUND,
    409: {"description": "The session already ended"},
}


@router.put("/{session_id:int}/complete", responses=ENDING_ERRORS)
async def complete_focus_session(
    session_id: FocusSessionId,
    user: MasterAdmin,
    service: FocusSessions,
    end: AdminFocusSessionEnd | None = None,
) -> AdminFocusSessionResponse:
    """End the session as completed, now. `notes`, when sent, replaces its notes."""
    focus = await service.complete_session(user, session_id, end or AdminFocusSessionEnd())
    return AdminFocusSessionResponse.model_validate(focus)


@router.put("/{session_id:int}/interrupt", responses=ENDING_ERRORS)
async def interrupt_focus_session(
    session_id: FocusSessionId,
    user: MasterAdmin,
    service: FocusSessions,
    end: AdminFocusSessionEnd | None = None,
) -> AdminFocusSessionResponse:
    """End the session as interrupted, now. `notes`, when sent, replaces its notes."""
    focus = await service.interrupt_session(user, session_id, end or AdminFocusSessionEnd())
    return AdminFocusSessionResponse.model_validate(focus)
