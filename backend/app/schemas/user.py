from datetime import datetime

from app.schemas.common import CurrencyCode, InputSchema, ResponseSchema, TimeZoneName
from app.schemas.master_admin.fields import NotNull


class UserResponse(ResponseSchema):
    id: int
    clerk_user_id: str
    email: str | None
    first_name: str | None
    last_name: str | None
    role: str | None
    timezone: str
    currency: str
    created_at: datetime
    updated_at: datetime


class UserUpdate(InputSchema):
    """Partial: the fields sent are set; `null` is refused."""

    timezone: NotNull[TimeZoneName] = None
    currency: NotNull[CurrencyCode] = None
