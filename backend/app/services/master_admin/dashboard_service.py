"""The dashboard: everything the cockpit's first screen shows, read in one statement.

The statement joins the very statements the score, streak, progress, focus, nudge and
pipeline reads run on their own (each as a subquery), so the dashboard cannot disagree with
them, and it reads one snapshot of the data rather than six.

`DashboardService(session, clock).get_dashboard(user) -> DashboardResponse`, as of now;
`dashboard_at(session, user, now)` as of a given local time (the nudge rules' situation).
"""

from datetime import datetime

from sqlalchemy import Select, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.core.clock import Clock, monday_of
from app.models import AdminFocusSession, User
from app.schemas.master_admin.dashboard import DashboardResponse
from app.schemas.master_admin.deals import PipelineSnapshot
from app.schemas.master_admin.scores import AdminScoreResponse, StreakResponse
from app.services.master_admin.focus_session_service import (
    OPEN_SESSION,
    active_session_response,
)
from app.services.master_admin.nudge_queries import COUNT_UNREAD, inbox_params
from app.services.master_admin.pipeline_queries import OPEN_PIPELINE
from app.services.master_admin.scoring import (
    SCORE_OF_DAY,
    STREAK,
    dashboard_params,
    progress_parts,
    weekly_progress,
    zero_score,
)


# Built at import, before mutmut can switch a mutant on (README, "Mutation testing").
def _dashboard() -> Select[tuple[object, ...]]:  # pragma: no mutate block
    today = SCORE_OF_DAY.subquery("today")
    streak = STREAK.subquery("streak")
    done, goal = progress_parts()
    focus = aliased(AdminFocusSession, OPEN_SESSION.subquery("focus"), name="focus")
    pipeline = OPEN_PIPELINE.subquery("pipeline")
    return (
        select(
            today.c.date,
            today.c.score,
            today.c.streak_days,
            today.c.activities_count,
            *streak.c,
            *done.c,
            goal,
            focus,
            COUNT_UNREAD.scalar_subquery().label("unread_nudges"),
            *pipeline.c,
        )
        # The streak, the done amounts and the pipeline are aggregates: always exactly
        # one row each.
        .select_from(streak)
        .join(done, true())
        .join(pipeline, true())
        .outerjoin(today, true())
        .outerjoin(goal, true())
        .outerjoin(focus, true())
    )


DASHBOARD = _dashboard()


class DashboardService:
    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock

    async def get_dashboard(self, user: User) -> DashboardResponse:
        """The dashboard (`dashboard_at`) as of now, the clock read once."""
        return await dashboard_at(self.session, user, self.clock.local_now(user.timezone))


async def dashboard_at(session: AsyncSession, user: User, now: datetime) -> DashboardResponse:
    """Today's score, the streak, this week's progress against its goal, the open focus
    session, the unread nudges and the open pipeline, as of `now` (the user's local
    time): "today" and "this week" are its. One statement."""
    today = now.date()
    week_start = monday_of(today)
    # Each part binds the owner (`app.services.parameters.OWNER`): one value for all.
    parameters = {
        **dashboard_params(user.id, today, user.rest_days),
        **inbox_params(user.id, now),
    }
    row = (await session.execute(DASHBOARD, parameters)).one()
    return DashboardResponse(
        today=zero_score(today) if row.date is None else AdminScoreResponse.model_validate(row),
        streak=StreakResponse.model_validate(row),
        week_progress=weekly_progress(week_start, today, user.rest_days, row),
        active_focus_session=active_session_response(row.focus, now),
        unread_nudges=row.unread_nudges,
        pipeline=PipelineSnapshot.model_validate(row),
    )
