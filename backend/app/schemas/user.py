from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, Field

from app.schemas.common import CurrencyCode, InputSchema, ResponseSchema, TimeZoneName
from app.schemas.master_admin.fields import NotNull

DAYS_PER_WEEK = 7


class UserResponse(ResponseSchema):
    id: int
    clerk_user_id: str
    email: str | None
    first_name: str | None
    last_name: str | None
    role: str | None
    timezone: str
    currency: str
    rest_days: list[int] = Field(
        description="ISO weekday numbers (1 Monday .. 7 Sunday), ascending: days that "
        "neither break nor extend a streak unless scored, and that pace does not count"
    )
    created_at: datetime
    updated_at: datetime


def _distinct_and_not_every_day(days: list[int]) -> list[int]:
    if len(set(days)) != len(days):
        raise ValueError("each weekday at most once")
    if len(days) == DAYS_PER_WEEK:
        raise ValueError("at least one day of the week must be a working day")
    return sorted(days)


IsoWeekday = Annotated[int, Field(strict=True, ge=1, le=DAYS_PER_WEEK)]
RestDays = Annotated[
    list[IsoWeekday], Field(max_length=DAYS_PER_WEEK), AfterValidator(_distinct_and_not_every_day)
]


class UserUpdate(InputSchema):
    """Partial: the fields sent are set; `null` is refused."""

    timezone: NotNull[TimeZoneName] = None
    currency: NotNull[CurrencyCode] = None
    rest_days: NotNull[RestDays] = None
