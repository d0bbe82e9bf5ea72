"""Prospects: the founder's CRM, searchable, with lead scores computed when read."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status
from sqlalchemy import Row

from app.api.dependencies import MasterAdmin, Prospects
from app.api.idempotency import IDEMPOTENT
from app.api.params import MAX_ID, PageLimit, PageOffset, Responses, not_found, page_response
from app.models import ProspectStatus
from app.schemas.master_admin.prospects import (
    AdminProspectCreate,
    AdminProspectDetailResponse,
    AdminProspectResponse,
    AdminProspectUpdate,
)
from app.services.master_admin.prospect_service import ProspectSort

router = APIRouter(prefix="/prospects", tags=["Prospects"])

ProspectId = Annotated[int, Path(ge=1, le=MAX_ID, description="A prospect id")]
NOT_FOUND = not_found("prospect")
NO_CONTROL_CHARACTERS = r"^[^\x00-\x1f]*$"
EMAIL_TAKEN: Responses = {409: {"description": "Another of your prospects has this email"}}


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=AdminProspectDetailResponse,
    responses=EMAIL_TAKEN,
    dependencies=IDEMPOTENT,
)
async def create_prospect(
    data: AdminProspectCreate, user: MasterAdmin, service: Prospects
) -> Row[Any]:
    """Add a prospect (status `new` unless sent)."""
    return await service.create_prospect(user, data)


@router.get("", response_model=list[AdminProspectResponse])
async def list_prospects(
    user: MasterAdmin,
    service: Prospects,
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
) -> Response:
    """The caller's prospects matching every filter given; `X-Total-Count` holds how many
    match in all. Ties are broken by id."""
    page = await service.list_prospects(
        user,
        statuses=prospect_status or (),
        tag=tag,
        q=q,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    return page_response(page)


@router.get("/{prospect_id:int}", response_model=AdminProspectDetailResponse, responses=NOT_FOUND)
async def get_prospect(prospect_id: ProspectId, user: MasterAdmin, service: Prospects) -> Row[Any]:
    """One prospect, with how its lead score is made up."""
    return await service.get_prospect(user, prospect_id)


@router.put(
    "/{prospect_id:int}",
    response_model=AdminProspectDetailResponse,
    responses={**NOT_FOUND, **EMAIL_TAKEN},
)
async def update_prospect(
    prospect_id: ProspectId, data: AdminProspectUpdate, user: MasterAdmin, service: Prospects
) -> Row[Any]:
    """Change the fields sent; `null` clears an optional field (`tags` to `[]`), and is
    refused for `name` and `status`."""
    return await service.update_prospect(user, prospect_id, data)


@router.delete("/{prospect_id:int}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_prospect(prospect_id: ProspectId, user: MasterAdmin, service: Prospects) -> None:
    """Delete a prospect and its deals; its activities stay, unlinked, and no score
    changes."""
    await service.delete_prospect(user, prospect_id)
