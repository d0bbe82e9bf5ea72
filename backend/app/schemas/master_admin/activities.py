"""Logged activities: what was done (or planned), when, and how many."""

import datetime as dt

from app.models.enums import ActivityStatus, ActivityType
from app.schemas.common import InputSchema, LongText, ResponseSchema
from app.schemas.master_admin.fields import Amount, Day, Int32Id, NotNull


class AdminActivityCreate(InputSchema):
    """A `done` activity may not be dated after the caller's local today. `status`
    defaults to `done` and `date` to the caller's local today (`null` is refused)."""

    type: ActivityType
    status: NotNull[ActivityStatus] = ActivityStatus.DONE
    date: NotNull[Day] = None
    amount: Amount = 1
    notes: LongText | None = None
    prospect_id: Int32Id | None = None


class AdminActivityUpdate(InputSchema):
    """Fields sent replace the stored ones; `null` clears `notes` and `prospect_id`."""

    type: NotNull[ActivityType] = None
    status: NotNull[ActivityStatus] = None
    date: NotNull[Day] = None
    amount: NotNull[Amount] = None
    notes: LongText | None = None
    prospect_id: Int32Id | None = None


class AdminActivityResponse(ResponseSchema):
    id: int
    user_id: int
    type: ActivityType
    status: ActivityStatus
    date: dt.date
    amount: int
    notes: str | None
    prospect_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime
