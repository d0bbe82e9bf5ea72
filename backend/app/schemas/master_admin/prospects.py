"""Prospects: the people the founder sells to, with a lead score computed when read."""

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, Field, model_validator

from app.models.enums import ProspectStatus
from app.schemas.common import EmailAddress, InputSchema, LongText, ResponseSchema, Text
from app.schemas.master_admin.fields import NotNull

# The bounds sit on the string itself, before Text's NUL check (see meetings.py).
ProspectName = Annotated[str, Field(min_length=1, max_length=255), *Text.__metadata__]
Phone = Annotated[str, Field(max_length=50), *Text.__metadata__]
Label = Annotated[str, Field(max_length=255), *Text.__metadata__]
Source = Annotated[
    str,
    Field(max_length=100, description="Where the prospect came from, e.g. referral"),
    *Text.__metadata__,
]
Tag = Annotated[str, Field(min_length=1, max_length=50), *Text.__metadata__]


def _distinct(tags: list[str]) -> list[str]:
    if len(set(tags)) != len(tags):
        raise ValueError("tags must be distinct")
    return tags


Tags = Annotated[
    list[Tag],
    Field(max_length=20, json_schema_extra={"uniqueItems": True}),
    AfterValidator(_distinct),
]


class AdminProspectCreate(InputSchema):
    """`email` is unique per user, ignoring case (a second prospect with it is 409)."""

    name: ProspectName
    email: EmailAddress | None = None
    phone: Phone | None = None
    company: Label | None = None
    title: Label | None = None
    status: ProspectStatus = ProspectStatus.NEW
    source: Source | None = None
    tags: Tags = Field(default_factory=list)
    notes: LongText | None = None


class AdminProspectUpdate(InputSchema):
    """Partial: omitted fields are kept; `null` clears an optional field (`tags` to `[]`)
    and is refused for `name` and `status`."""

    name: NotNull[ProspectName] = None
    email: EmailAddress | None = None
    phone: Phone | None = None
    company: Label | None = None
    title: Label | None = None
    status: NotNull[ProspectStatus] = None
    source: Source | None = None
    tags: Tags | None = None
    notes: LongText | None = None


class AdminProspectResponse(ResponseSchema):
    id: int
    user_id: int
    name: str
    email: str | None
    phone: str | None
    company: str | None
    title: str | None
    status: ProspectStatus
    source: str | None
    tags: list[str]
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    last_activity_date: dt.date | None = Field(
        description="The latest date of a done activity linked to the prospect, or null"
    )
    lead_score: int = Field(ge=0, le=100, description="0..100, computed when read")


class LeadScoreBreakdown(ResponseSchema):
    stage: int = Field(ge=0, le=40, description="Points for the status: new 0 .. negotiation 40")
    engagement: float = Field(
        ge=0, le=60, description="Decayed activity points (half-life 14 days), at most 60"
    )


class AdminProspectDetailResponse(AdminProspectResponse):
    lead_score_breakdown: LeadScoreBreakdown

    @model_validator(mode="before")
    @classmethod
    def _breakdown_from_parts(cls, row: Any) -> Any:
        """Read from a row of the prospect service's scored prospects, whose score parts
        are the columns `stage_points` and `engagement`."""
        return {
            **row._mapping,
            "lead_score_breakdown": {"stage": row.stage_points, "engagement": row.engagement},
        }
