"""Every `/api/v1/master-admin` route; the master-admin check is applied here, once."""

from fastapi import APIRouter, Depends

from app.api.dependencies import require_master_admin
from app.api.v1.endpoints.master_admin import (
    activities,
    dashboard,
    deals,
    focus_sessions,
    goals,
    me,
    meetings,
    nudges,
    progress,
    prospects,
    scores,
)

api_router = APIRouter(
    prefix="/api/v1/master-admin",
    dependencies=[Depends(require_master_admin)],
    responses={
        401: {"description": "Missing or invalid Clerk session token"},
        403: {"description": "Not a master admin"},
    },
)
for module in (
    me,
    goals,
    activities,
    scores,
    progress,
    focus_sessions,
    nudges,
    meetings,
    prospects,
    deals,
    dashboard,
):
    api_router.include_router(module.router)
