"""Request-scoped dependencies, as `Annotated` aliases the endpoints declare.

Kept few and flat: FastAPI's dependency resolution is a measurable share of a request,
so settings and the clock are read from the app's state, not resolved as dependencies.
"""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security.utils import get_authorization_scheme_param
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import Clock
from app.core.config import Settings
from app.core.errors import Forbidden, Unauthenticated
from app.core.security import TokenVerifier
from app.core.text import outside_text
from app.models import User
from app.services.users import sync_user_from_claims

SESSION_COOKIE = "__session"
# Clerk's session tokens travel in a cookie (at most 4 KiB); four times that is no session
# but a flood, refused before it is parsed or kept in the cache of verified tokens.
MAX_TOKEN_LENGTH = 16_384


async def get_db_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One transaction per request, committed before the response is sent."""
    async with request.app.state.sessionmaker() as session:
        yield session
        await session.commit()


DbSession = Annotated[AsyncSession, Depends(get_db_session, scope="function")]
# For a streamed response: the transaction stays open until the body is sent.
StreamingSession = Annotated[AsyncSession, Depends(get_db_session, scope="request")]


def app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def app_clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


def session_token(request: Request) -> str | None:
    """Clerk's session token: the bearer credentials, else the `__session` cookie."""
    scheme, credentials = get_authorization_scheme_param(request.headers.get("Authorization"))
    if scheme.lower() == "bearer" and credentials:
        return credentials
    return request.cookies.get(SESSION_COOKIE) or None


async def get_current_user(request: Request, session: DbSession) -> User:
    """The verified caller's `users` row, created on their first request."""
    token = session_token(request)
    if token is None:
        raise Unauthenticated("a Clerk session token is required")
    if outside_text(token, max_length=MAX_TOKEN_LENGTH) is None:
        raise Unauthenticated("the token is malformed")
    verifier: TokenVerifier = request.app.state.token_verifier
    claims = await verifier.verify(token)
    role_claim = app_settings(request).clerk_role_claim
    return await sync_user_from_claims(session, claims, role_claim=role_claim)


CurrentUser = Annotated[User, Depends(get_current_user)]


async def require_master_admin(request: Request, user: CurrentUser) -> User:
    """The role of the token (which `users.role` mirrors), or a bootstrap user id."""
    settings = app_settings(request)
    if user.role != settings.master_admin_role and user.clerk_user_id not in (
        settings.master_admin_user_ids
    ):
        raise Forbidden("master admin access is required")
    return user


MasterAdmin = Annotated[User, Depends(require_master_admin)]
