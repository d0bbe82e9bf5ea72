"""The dashboard: everything the cockpit's first screen shows, in one response."""

from pydantic import Field

from app.schemas.common import ResponseSchema
from app.schemas.master_admin.deals import PipelineSnapshot
from app.schemas.master_admin.focus_sessions import AdminActiveFocusSessionResponse
from app.schemas.master_admin.progress import WeeklyProgressResponse
from app.schemas.master_admin.scores import AdminScoreResponse, StreakResponse


class DashboardResponse(ResponseSchema):
    today: AdminScoreResponse = Field(description="Today's score, in the caller's time zone")
    streak: StreakResponse
    week_progress: WeeklyProgressResponse = Field(description="This week against its goal")
    active_focus_session: AdminActiveFocusSessionResponse | None = Field(
        description="The open focus session with its timer, or null"
    )
    unread_nudges: int = Field(ge=0, description="Unread, unexpired nudges")
    pipeline: PipelineSnapshot = Field(description="Active prospects and open deals")
