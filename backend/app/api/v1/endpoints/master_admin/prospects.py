"""Prospects: the founder's CRM, searchable, with lead scores computed when read."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from sqlalchemy import Row

from app.api.dependencies import DbSession, MasterAdmin, app_clock, app_settings
from app.api.params import MAX_ID, PageLimit, PageOffset, Responses, not_found
from app.models import ProspectStatus
from app.schemas.master_admin.prospects import (
    AdminProspectCreate,
    AdminProspectDetailResponse,
    AdminProspectResponse,
    AdminProspectUpdate,
)
from app.services.master_admin.prospect_service import ProspectService, ProspectSort

router = APIRouter(prefix="/prospects", tags=["Prospects"])

ProspectId = Annotated[int, Path(ge=1, le=MAX_ID, description="A prospect id")]
NOT_FOUND = not_found("prospect")
NO_CONTROL_CHARACTERS = r"^[^\x00-\x1f]*$"
EMAIL_TAKEN: Responses = {409: {"description": "Another of your prospects has this email"}}


async def get_prospect_service(request: Request, session: DbSession) -> ProspectService:
    return ProspectService(session, app_clock(request), app_settings(request))


Prospects = Annotated[ProspectService, Depends(get_prospect_service)]


@router.post("", status_code=status.HTTP_201_CREATED, responses=EMAIL_TAKEN)
async def create_prospect(
    data: AdminProspectCreate, user: MasterAdmin, service: Prospects
) -> AdminProspectDetailResponse:
    """Add a prospect (status `new` unless sent)."""
    return detail(await service.create_prospect(user, data))


@router.get("")
async def list_prospects(
    user: MasterAdmin,
    service: Prospects,
    response: Response,
    prospect_status: Annotated[
        list[ProspectStatus] | None,
        Query(alias="status", description="Any of these statuses (repeat the parameter)"),
    ] = None,
    tag: Annotated[
        str | None,
        Query(
            min_length=1, max_length=50, pattern=NO_CONTROL_CHARACTERS, description="Has this tag"
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=255,
            pattern=NO_CONTROL_CHARACTERS,
            description="Case-insensitive part of the name, email or company",
        ),
    ] = None,
    sort: Annotated[ProspectSort, Query(description="Order; `-` is descending")] = "-created_at",
    limit: PageLimit = 100,
    offset: PageOffset = 0,
) -> list[AdminProspectResponse]:
    """The caller's prospects matching every filter given; `X-Total-Count` holds how many
    match in all. Ties are broken by id."""
    page, total = await service.list_prospects(
        user,
        statuses=prospect_status or (),
        tag=tag,
        q=q,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    response.headers["X-Total-Count"] = str(total)
    return [AdminProspectResponse.model_validate(row) for row in page]


@router.get("/{prospect_id:int}", responses=NOT_FOUND)
async def get_prospect(
    prospect_id: ProspectId, user: MasterAdmin, service: Prospects
) -> AdminProspectDetailResponse:
    """One prospect, with how its lead score is made up."""
    return detail(await service.get_prospect(user, prospect_id))


@router.put("/{prospect_id:int}", responses={**NOT_FOUND, **EMAIL_TAKEN})
async def update_prospect(
    prospect_id: ProspectId, data: AdminProspectUpdate, user: MasterAdmin, service: Prospects
) -> AdminProspectDetailResponse:
    """Change the fields sent; `null` clears an optional field (`tags` to `[]`), and is
    refused for `name` and `status`."""
    return detail(await service.update_prospect(user, prospect_id, data))


@router.delete("/{prospect_id:int}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_prospect(prospect_id: ProspectId, user: MasterAdmin, service: Prospects) -> None:
    """Delete a prospect and its deals; its activities stay, unlinked, and no score
    changes."""
    await service.delete_prospect(user, prospect_id)


def detail(row: Row[Any]) -> AdminProspectDetailResponse:
    """The response of a row of `scored_prospects`, its score parts as the breakdown."""
    return AdminProspectDetailResponse.model_validate(
        {
            **AdminProspectResponse.model_validate(row).model_dump(),
            "lead_score_breakdown": {
                "stage": row.stage_points,
                "engagement": row.engagement,
            },
        }
    )
