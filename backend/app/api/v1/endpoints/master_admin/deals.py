"""Deals on the pipeline's stages, and the pipeline's figures."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from app.api.dependencies import Deals, MasterAdmin
from app.api.idempotency import IDEMPOTENT
from app.api.lossless_json import LosslessJsonRoute
from app.api.params import MAX_ID, PageLimit, PageOffset, Responses, not_found, page_response
from app.models import AdminDeal, DealStage
from app.schemas.master_admin.deals import (
    AdminDealCreate,
    AdminDealDetailResponse,
    AdminDealResponse,
    AdminDealUpdate,
    PipelineSummaryResponse,
)
from app.schemas.master_admin.fields import Day

# Money comes in as JSON numbers read exactly (see LosslessJsonRoute).
router = APIRouter(tags=["Deals"], route_class=LosslessJsonRoute)

DealId = Annotated[int, Path(ge=1, le=MAX_ID, description="A deal id")]
NOT_FOUND = not_found("deal")
INVALID_BODY: Responses = {
    422: {
        "description": "Invalid body: a field out of bounds or unknown, money with more than "
        "2 decimals, or a prospect that is not the caller's"
    }
}


@router.post(
    "/deals",
    status_code=status.HTTP_201_CREATED,
    response_model=AdminDealResponse,
    responses=INVALID_BODY,
    dependencies=IDEMPOTENT,
)
async def create_deal(data: AdminDealCreate, user: MasterAdmin, service: Deals) -> AdminDeal:
    """Open a deal with one of the caller's prospects (stage `discovery` unless sent)."""
    return await service.create_deal(user, data)


@router.get("/deals", response_model=list[AdminDealResponse])
async def list_deals(
    user: MasterAdmin,
    service: Deals,
    stage: Annotated[
        list[DealStage] | None, Query(description="Any of these stages (repeat the parameter)")
    ] = None,
    prospect_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Deals with this prospect")
    ] = None,
    is_open: Annotated[
        bool | None, Query(alias="open", description="true: not won or lost; false: won or lost")
    ] = None,
    limit: PageLimit = 100,
    offset: PageOffset = 0,
) -> Response:
    """The caller's deals matching every filter given, most recently updated first;
    `X-Total-Count` holds how many match in all."""
    page = await service.list_deals(
        user,
        stages=stage or (),
        prospect_id=prospect_id,
        is_open=is_open,
        limit=limit,
        offset=offset,
    )
    return page_response(page)


@router.get("/deals/{deal_id:int}", response_model=AdminDealDetailResponse, responses=NOT_FOUND)
async def get_deal(deal_id: DealId, user: MasterAdmin, service: Deals) -> AdminDeal:
    """One deal with its stage changes, oldest first (the first is its creation)."""
    return await service.get_deal(user, deal_id)


@router.put(
    "/deals/{deal_id:int}",
    response_model=AdminDealResponse,
    responses={**NOT_FOUND, **INVALID_BODY},
)
async def update_deal(
    deal_id: DealId, data: AdminDealUpdate, user: MasterAdmin, service: Deals
) -> AdminDeal:
    """Change the fields sent. A new stage without a probability takes the stage's;
    entering won or lost sets `closed_on` to today, an open stage clears it."""
    return await service.update_deal(user, deal_id, data)


@router.delete("/deals/{deal_id:int}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_deal(deal_id: DealId, user: MasterAdmin, service: Deals) -> None:
    """Delete a deal and its stage history."""
    await service.delete_deal(user, deal_id)


@router.get("/pipeline/summary", responses={422: {"description": "`date_from` after `date_to`"}})
async def get_pipeline_summary(
    user: MasterAdmin,
    service: Deals,
    date_from: Annotated[Day | None, Query(description="Closings on or after this day")] = None,
    date_to: Annotated[
        Day | None, Query(description="Closings on or before this day (default today)")
    ] = None,
) -> PipelineSummaryResponse:
    """Open deals by stage and by expected close month, with their weighted value, and the
    period's wins, losses, win rate and average cycle (default: the 90 days ending today,
    in the caller's time zone)."""
    return await service.get_summary(user, date_from=date_from, date_to=date_to)
