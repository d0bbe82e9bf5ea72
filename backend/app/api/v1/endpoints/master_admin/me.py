"""The caller's own profile."""

from fastapi import APIRouter

from app.api.dependencies import Activities, DbSession, MasterAdmin
from app.models import User
from app.schemas.user import UserResponse, UserUpdate
from app.services.users import update_profile

router = APIRouter(prefix="/me", tags=["Profile"])


@router.get("", response_model=UserResponse)
async def get_me(user: MasterAdmin) -> User:
    """The caller's profile: the time zone that defines "today" and the currency amounts
    are shown in."""
    return user


@router.patch(
    "",
    response_model=UserResponse,
    responses={
        422: {
            "description": "Unknown time zone or currency, or `rest_days` not distinct ISO "
            "weekdays (1..7) or all seven"
        }
    },
)
async def patch_me(
    update: UserUpdate, user: MasterAdmin, session: DbSession, activities: Activities
) -> User:
    """Set the caller's IANA time zone, ISO 4217 currency (display only: amounts are never
    converted) and/or rest days (stored ascending; the stored streaks are renumbered with
    them in the same request); fields not sent are kept."""
    changes = update.model_dump(exclude_unset=True)
    if "rest_days" in changes:
        await activities.set_rest_days(user, changes.pop("rest_days"))
    return await update_profile(session, user, changes)
