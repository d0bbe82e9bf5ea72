"""The caller's own profile."""

from fastapi import APIRouter

from app.api.dependencies import DbSession, MasterAdmin
from app.schemas.user import UserResponse, UserUpdate
from app.services.users import update_profile

router = APIRouter(prefix="/me", tags=["Profile"])


@router.get("")
async def get_me(user: MasterAdmin) -> UserResponse:
    """The caller's profile, including the time zone that defines "today"."""
    return UserResponse.model_validate(user)


@router.patch("", responses={422: {"description": "Unknown time zone"}})
async def patch_me(update: UserUpdate, user: MasterAdmin, session: DbSession) -> UserResponse:
    """Set the caller's IANA time zone."""
    await update_profile(session, user, timezone=update.timezone)
    return UserResponse.model_validate(user)
