"""Request-scoped dependencies, as `Annotated` aliases the endpoints declare."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import Clock
from app.core.config import Settings
from app.core.errors import Forbidden, Unauthenticated
from app.core.security import Claims, TokenVerifier, claim_at
from app.models import User
from app.services.users import sync_user_from_claims


async def get_db_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One transaction per request, committed before the response is sent."""
    async with request.app.state.sessionmaker() as session:
        yield session
        await session.commit()


DbSession = Annotated[AsyncSession, Depends(get_db_session, scope="function")]


async def get_settings_dependency(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


AppSettings = Annotated[Settings, Depends(get_settings_dependency)]
CurrentClock = Annotated[Clock, Depends(get_clock)]

bearer_scheme = HTTPBearer(auto_error=False, description="Clerk session token")
session_cookie_scheme = APIKeyCookie(
    name="__session", auto_error=False, description="Clerk session cookie"
)


async def get_claims(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
    cookie: Annotated[str | None, Depends(session_cookie_scheme)],
) -> Claims:
    token = bearer.credentials if bearer is not None else cookie
    if not token:
        raise Unauthenticated("a Clerk session token is required")
    verifier: TokenVerifier = request.app.state.token_verifier
    return await verifier.verify(token)


async def get_current_user(
    claims: Annotated[Claims, Depends(get_claims)],
    session: DbSession,
    settings: AppSettings,
) -> User:
    return await sync_user_from_claims(session, claims, role_claim=settings.clerk_role_claim)


CurrentUser = Annotated[User, Depends(get_current_user)]


async def require_master_admin(
    user: CurrentUser,
    claims: Annotated[Claims, Depends(get_claims)],
    settings: AppSettings,
) -> User:
    role = claim_at(claims, settings.clerk_role_claim)
    if role != settings.master_admin_role and user.clerk_user_id not in (
        settings.master_admin_user_ids
    ):
        raise Forbidden("master admin access is required")
    return user


MasterAdmin = Annotated[User, Depends(require_master_admin)]
