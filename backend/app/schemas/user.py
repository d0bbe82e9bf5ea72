from datetime import datetime

from app.schemas.common import InputSchema, ResponseSchema, TimeZoneName


class UserResponse(ResponseSchema):
    id: int
    clerk_user_id: str
    email: str | None
    first_name: str | None
    last_name: str | None
    role: str | None
    timezone: str
    created_at: datetime
    updated_at: datetime


class UserUpdate(InputSchema):
    timezone: TimeZoneName
