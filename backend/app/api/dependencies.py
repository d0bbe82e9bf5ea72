"""Request-scoped dependencies, as `Annotated` aliases the endpoints declare: the
session, the caller, and one alias per service (`Activities`, `Goals`, ...), so every
endpoint reaches a service the same way.

Kept few and flat: FastAPI's dependency resolution is a measurable share of a request,
so settings and the clock are read from the app's state, not resolved as dependencies.
"""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import Clock
from app.core.config import Settings
from app.core.errors import Forbidden, Unauthenticated
from app.core.security import TokenVerifier
from app.core.text import outside_text
from app.models import User
from app.services.master_admin.activity_service import ActivityService
from app.services.master_admin.dashboard_service import DashboardService
from app.services.master_admin.deal_service import DealService
from app.services.master_admin.focus_session_service import FocusSessionService
from app.services.master_admin.goal_service import GoalService
from app.services.master_admin.meeting_service import MeetingService
from app.services.master_admin.nudge_service import NudgeService
from app.services.master_admin.prospect_service import ProspectService
from app.services.users import mirrored_user, profile_from_claims, save_user

SESSION_COOKIE = "__session"
# Clerk's session tokens travel in a cookie (at most 4 KiB); four times that is no session
# but a flood, refused before it is parsed or kept in the cache of verified tokens.
MAX_TOKEN_LENGTH = 16_384


# Methods that change nothing (RFC 9110, 9.2.1). HEAD arrives here as GET (`head.py`).
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def get_db_session(request: Request) -> AsyncIterator[AsyncSession]:
    """A write's work is one transaction, committed before the response is sent. A read
    (a safe method) runs each statement on its own, with no BEGIN or COMMIT to wait for
    (`create_read_sessionmaker`); the only row it may write, the caller's own, is one
    statement."""
    state = request.app.state
    sessionmaker = state.read_sessionmaker if request.method in SAFE_METHODS else state.sessionmaker
    async with sessionmaker() as session:
        yield session
        await session.commit()


async def get_streaming_session(request: Request) -> AsyncIterator[AsyncSession]:
    """For a streamed response: one transaction (a server-side cursor needs one), open
    until the body is sent."""
    async with request.app.state.sessionmaker() as session:
        yield session
        await session.commit()


DbSession = Annotated[AsyncSession, Depends(get_db_session, scope="function")]
StreamingSession = Annotated[AsyncSession, Depends(get_streaming_session, scope="request")]


def app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def app_clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


# Clerk's session token, as the bearer credentials or the `__session` cookie. FastAPI's
# security classes read them and declare both schemes in the OpenAPI schema; a missing
# token is our own 401 (below), with the API's error body.
BEARER = HTTPBearer(scheme_name="ClerkBearer", bearerFormat="JWT", auto_error=False)
SESSION_COOKIE_KEY = APIKeyCookie(
    name=SESSION_COOKIE, scheme_name="ClerkSessionCookie", auto_error=False
)
BearerToken = Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]
CookieToken = Annotated[str | None, Depends(SESSION_COOKIE_KEY)]


async def require_master_admin(
    request: Request, session: DbSession, bearer: BearerToken, cookie: CookieToken
) -> User:
    """The verified caller's `users` row, created on their first request, when they are a
    master admin: by the token's role (which `users.role` mirrors) or a bootstrap user id.
    The token is the bearer credentials, else the `__session` cookie's. 401 without a
    valid token; 403 for anyone else, whose row is kept all the same. One dependency, not
    a chain of them: FastAPI's resolution of each is a measurable share of a request."""
    token = bearer.credentials if bearer is not None else cookie
    if token is None:
        raise Unauthenticated("a Clerk session token is required")
    if outside_text(token, max_length=MAX_TOKEN_LENGTH) is None:
        raise Unauthenticated("the token is malformed")
    verifier: TokenVerifier = request.app.state.token_verifier
    claims = await verifier.verify(token)
    clerk_user_id: str = claims["sub"]
    settings = app_settings(request)
    profile = profile_from_claims(claims, role_claim=settings.clerk_role_claim)
    user = await mirrored_user(session, clerk_user_id, profile)
    if user is None:
        user = await save_user(session, clerk_user_id, profile)
        # The user's own transaction, the request's first: committed before the request's
        # work begins, so the 403 that may follow (or any failure) cannot roll it back.
        await session.commit()
    if user.role != settings.master_admin_role and clerk_user_id not in (
        settings.master_admin_user_ids
    ):
        raise Forbidden("master admin access is required")
    return user


MasterAdmin = Annotated[User, Depends(require_master_admin)]


async def get_activity_service(request: Request, session: DbSession) -> ActivityService:
    return ActivityService(session, app_clock(request), app_settings(request))


async def get_goal_service(request: Request, session: DbSession) -> GoalService:
    return GoalService(session, app_clock(request))


async def get_dashboard_service(request: Request, session: DbSession) -> DashboardService:
    return DashboardService(session, app_clock(request))


async def get_prospect_service(request: Request, session: DbSession) -> ProspectService:
    return ProspectService(session, app_clock(request), app_settings(request))


async def get_deal_service(request: Request, session: DbSession) -> DealService:
    return DealService(session, app_clock(request))


async def get_focus_session_service(request: Request, session: DbSession) -> FocusSessionService:
    return FocusSessionService(session, app_clock(request))


async def get_meeting_service(session: DbSession) -> MeetingService:
    return MeetingService(session)


async def get_nudge_service(request: Request, session: DbSession) -> NudgeService:
    return NudgeService(session, app_clock(request), request.app.state.nudge_phraser)


Activities = Annotated[ActivityService, Depends(get_activity_service)]
Goals = Annotated[GoalService, Depends(get_goal_service)]
Dashboards = Annotated[DashboardService, Depends(get_dashboard_service)]
Prospects = Annotated[ProspectService, Depends(get_prospect_service)]
Deals = Annotated[DealService, Depends(get_deal_service)]
FocusSessions = Annotated[FocusSessionService, Depends(get_focus_session_service)]
Meetings = Annotated[MeetingService, Depends(get_meeting_service)]
Nudges = Annotated[NudgeService, Depends(get_nudge_service)]
