"""The two public routes the web app calls before it has a token."""

from fastapi import APIRouter, Request

from app.core.dev_auth import mint_dev_token, uses_dev_auth
from app.core.errors import NotFound
from app.schemas.web import AuthMode, DevToken, WebConfig

router = APIRouter(prefix="/api/v1", tags=["Web app"])


@router.get("/config")
async def get_config(request: Request) -> WebConfig:
    """How the web app signs in; read at run time, so one build serves every deployment."""
    settings = request.app.state.settings
    if uses_dev_auth(settings):
        return WebConfig(auth=AuthMode.DEVELOPMENT, clerk_publishable_key=None)
    return WebConfig(auth=AuthMode.CLERK, clerk_publishable_key=settings.clerk_publishable_key)


@router.post(
    "/dev/token",
    responses={404: {"description": "Not development auth (production, or Clerk configured)"}},
)
def create_dev_token(request: Request) -> DevToken:
    """A master-admin token, only under development auth: the founder is in at once.
    Synchronous (run in the thread pool): minting reads the key pair from disk."""
    settings = request.app.state.settings
    if not uses_dev_auth(settings):
        raise NotFound("Not Found")
    return DevToken(token=mint_dev_token(settings))
