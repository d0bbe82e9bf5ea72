"""Just-in-time users: the first valid token of a Clerk user creates its row."""

from sqlalchemy import String, bindparam, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.security import Claims, claim_at
from app.core.text import outside_text
from app.models import User
from app.services.changes import save_changes

# Claim -> the length of its column: a longer value (Clerk users edit their own names)
# is treated as absent rather than failing the request.
PROFILE_CLAIMS = {"email": 320, "first_name": 255, "last_name": 255}
ROLE_LENGTH = 100
# Built once: constructing a SQL expression costs more than executing a cached one.
CLERK_USER_ID = bindparam("clerk_user_id", type_=String)
USER_BY_CLERK_ID = select(User).where(User.clerk_user_id == CLERK_USER_ID)


def profile_from_claims(claims: Claims, *, role_claim: str) -> dict[str, str | None]:
    """The profile columns the claims fill; a claim that is not storable text is absent."""
    profile = {
        name: outside_text(claims.get(name), max_length=size)
        for name, size in PROFILE_CLAIMS.items()
    }
    # Only set profile fields the token carries; the role always mirrors the claim.
    fields = {name: value for name, value in profile.items() if value is not None}
    return {**fields, "role": outside_text(claim_at(claims, role_claim), max_length=ROLE_LENGTH)}


async def mirrored_user(
    session: AsyncSession, clerk_user_id: str, profile: dict[str, str | None]
) -> User | None:
    """The caller's row when it already mirrors `profile` (from `profile_from_claims`):
    the common case, one SELECT. None when it is missing or a claim changed."""
    user = await session.scalar(USER_BY_CLERK_ID, {CLERK_USER_ID.key: clerk_user_id})
    if user is not None and all(getattr(user, name) == value for name, value in profile.items()):
        return user
    return None


async def save_user(
    session: AsyncSession, clerk_user_id: str, profile: dict[str, str | None]
) -> User:
    """Create the caller's row, or refresh it to `profile`, and return it as stored.

    An upsert, so two first requests at once still make one row. The caller commits.
    """
    statement = (
        insert(User)
        .values(clerk_user_id=clerk_user_id, **profile)
        .on_conflict_do_update(index_elements=[User.clerk_user_id], set_=profile)
        .returning(User)
    )
    return (await session.scalars(statement, execution_options={"populate_existing": True})).one()


async def update_profile(session: AsyncSession, user: User, changes: dict[str, object]) -> User:
    """Set the profile fields in `changes` (`timezone`, `currency`), already validated."""
    return await save_changes(session, user, changes)
