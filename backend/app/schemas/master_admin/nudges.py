"""Nudges: short messages the rules raise when the founder falls behind (or wins)."""

from datetime import datetime

from pydantic import Field

from app.models.enums import NudgePriority, NudgeType
from app.schemas.common import ResponseSchema


class AdminNudgeResponse(ResponseSchema):
    id: int
    user_id: int
    type: NudgeType
    message: str
    priority: NudgePriority
    read: bool
    action_url: str | None
    rule_key: str = Field(
        description="The rule and period that raised it, e.g. `no_goal:2026-11-25` or "
        "`celebration:call:2026-11-23`: each fires at most once per period"
    )
    created_at: datetime
    expires_at: datetime | None = Field(description="The end of the user's local day")
