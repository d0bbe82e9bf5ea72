"""The caller's own profile."""

from fastapi import APIRouter

from app.api.dependencies import DbSession, MasterAdmin
from app.schemas.user import UserResponse, UserUpdate
from app.services.users import update_profile

router = APIRouter(prefix="/me", tags=["Profile"])


@router.get("")
async def get_me(user: MasterAdmin) -> UserResponse:
    """The caller's profile: the time zone that defines "today" and the currency amounts
    are shown in."""
    return UserResponse.model_validate(user)


@router.patch("", responses={422: {"description": "Unknown time zone or currency"}})
async def patch_me(update: UserUpdate, user: MasterAdmin, session: DbSession) -> UserResponse:
    """Set the caller's IANA time zone and/or ISO 4217 currency (display only: amounts
    are never converted); fields not sent are kept."""
    user = await update_profile(session, user, update.model_dump(exclude_unset=True))
    return UserResponse.model_validate(user)
