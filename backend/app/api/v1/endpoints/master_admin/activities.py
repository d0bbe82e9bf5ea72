"""Activities: log what was done (or planned), list, edit and delete it. Every write
rescores the days it touches in the same transaction."""

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status
from fastapi.responses import StreamingResponse

from app.api.csv_export import csv_response
from app.api.dependencies import Activities, MasterAdmin, StreamingSession
from app.api.idempotency import IDEMPOTENT
from app.api.params import MAX_ID, PageLimit, PageOffset, Responses, not_found, page_response
from app.models import ActivityStatus, ActivityType, AdminActivity
from app.schemas.master_admin.activities import (
    AdminActivityCreate,
    AdminActivityResponse,
    AdminActivityUpdate,
)
from app.schemas.master_admin.fields import Day
from app.services.master_admin.activity_service import (
    ACTIVITY_EXPORT_HEADER,
    activity_export_rows,
    activity_filters,
)

router = APIRouter(prefix="/activities", tags=["Activities"])

ActivityId = Annotated[int, Path(ge=1, le=MAX_ID, description="An activity id")]
NOT_FOUND = not_found("activity")
INVALID_BODY: Responses = {
    422: {
        "description": "Invalid body: a field out of bounds or unknown, a done activity "
        "dated after today, or a prospect that is not the caller's"
    }
}


@dataclass(frozen=True)
class ActivityFilters:
    """The filters of the activity list and its export."""

    date_from: Annotated[Day | None, Query(description="On or after this day")] = None
    date_to: Annotated[Day | None, Query(description="On or before this day")] = None
    activity_type: Annotated[ActivityType | None, Query(alias="type")] = None
    status: Annotated[ActivityStatus | None, Query(alias="status")] = None
    prospect_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Linked to this prospect")
    ] = None


Filters = Annotated[ActivityFilters, Depends()]


@router.post(
    "", status_code=status.HTTP_201_CREATED, responses=INVALID_BODY, dependencies=IDEMPOTENT
)
async def create_activity(
    data: AdminActivityCreate, user: MasterAdmin, activities: Activities
) -> AdminActivityResponse:
    """Log an activity; a done one adds to its day's score at once."""
    return await activities.create_activity(user, data)


@router.get(
    "",
    response_model=list[AdminActivityResponse],
    responses={422: {"description": "Invalid filter or page, or `date_to` before `date_from`"}},
)
async def list_activities(
    user: MasterAdmin,
    activities: Activities,
    filters: Filters,
    limit: PageLimit = 100,
    offset: PageOffset = 0,
) -> Response:
    """The caller's activities, newest first (date, then id); the `X-Total-Count` header
    holds how many match the filters in all."""
    return page_response(
        await activities.list_activities(user, **asdict(filters), limit=limit, offset=offset)
    )


@router.get(
    "/export.csv",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {}}, "description": "Header row, then one row per activity"},
        422: {"description": "Invalid filter, or `date_to` before `date_from`"},
    },
)
async def export_activities(
    user: MasterAdmin,
    session: StreamingSession,
    filters: Filters,
) -> StreamingResponse:
    """The caller's activities matching the list's filters, newest first, up to 100,000,
    as a streamed CSV (RFC 4180; a text cell starting with `=`, `+`, `-`, `@`, tab or
    carriage return gets a leading `'`): `id,date,type,status,amount,prospect_id,notes,
    created_at`."""
    params = activity_filters(user, **asdict(filters))
    return csv_response(
        ACTIVITY_EXPORT_HEADER, activity_export_rows(session, params), "activities.csv"
    )


# Before the id routes: in the story's order, /{id} claimed "today" (with `:int` ids it
# no longer could, and PUT or DELETE on /today now get a 405).
@router.get("/today", response_model=list[AdminActivityResponse])
async def list_today_activities(
    user: MasterAdmin, activities: Activities
) -> Sequence[AdminActivity]:
    """Every activity dated today in the caller's time zone, whatever its status."""
    return await activities.list_today_activities(user)


@router.get("/{activity_id:int}", response_model=AdminActivityResponse, responses=NOT_FOUND)
async def get_activity(
    activity_id: ActivityId, user: MasterAdmin, activities: Activities
) -> AdminActivity:
    return await activities.get_activity(user, activity_id)


@router.put(
    "/{activity_id:int}",
    response_model=AdminActivityResponse,
    responses={**NOT_FOUND, **INVALID_BODY},
)
async def update_activity(
    activity_id: ActivityId, data: AdminActivityUpdate, user: MasterAdmin, activities: Activities
) -> AdminActivity:
    """Change the fields sent; `null` clears `notes` or `prospect_id`. The day the activity
    leaves and the day it lands on are both rescored."""
    return await activities.update_activity(user, activity_id, data)


@router.delete("/{activity_id:int}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_activity(
    activity_id: ActivityId, user: MasterAdmin, activities: Activities
) -> None:
    """Delete an activity and take its points off its day."""
    await activities.delete_activity(user, activity_id)
