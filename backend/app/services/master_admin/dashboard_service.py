"""The dashboard: everything the cockpit's first screen shows, read in one statement.

The statement joins the very statements the score, streak, progress, focus and nudge
reads run on their own (each as a subquery), so the dashboard cannot disagree with
them, and it reads one snapshot of the data rather than six.

`DashboardService(session, clock).get_dashboard(user) -> Dashboard`
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Select, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.core.clock import Clock
from app.models import AdminFocusSession, User
from app.schemas.master_admin.progress import WeeklyProgressResponse
from app.schemas.master_admin.scores import AdminScoreResponse, StreakResponse
from app.services.master_admin.activity_queries import SCORE_OF_DAY, STREAK, progress_parts
from app.services.master_admin.activity_service import (
    DAYS_PER_WEEK,
    weekly_progress,
    zero_score,
)
from app.services.master_admin.focus_session_service import (
    OPEN_SESSION,
    ActiveFocusSession,
    FocusTimer,
)
from app.services.master_admin.nudge_service import COUNT_UNREAD


@dataclass(frozen=True)
class Dashboard:
    today: AdminScoreResponse
    streak: StreakResponse
    week_progress: WeeklyProgressResponse
    active_focus_session: ActiveFocusSession | None
    unread_nudges: int


def _dashboard() -> Select[tuple[object, ...]]:
    today = SCORE_OF_DAY.subquery("today")
    streak = STREAK.subquery("streak")
    done, goal = progress_parts()
    focus = aliased(AdminFocusSession, OPEN_SESSION.subquery("focus"), name="focus")
    return (
        select(
            today.c.score,
            today.c.streak_days,
            today.c.activities_count,
            *streak.c,
            *done.c,
            goal,
            focus,
            COUNT_UNREAD.scalar_subquery().label("unread_nudges"),
        )
        # The streak and the done amounts are aggregates: always exactly one row each.
        .select_from(streak)
        .join(done, true())
        .outerjoin(today, true())
        .outerjoin(goal, true())
        .outerjoin(focus, true())
    )


DASHBOARD = _dashboard()


class DashboardService:
    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock

    async def get_dashboard(self, user: User) -> Dashboard:
        """Today's score, the streak, this week's progress against its goal, the open
        focus session and the unread nudges; "today" and "this week" in the caller's
        time zone."""
        now = self.clock.now()
        today = self.clock.today(user.timezone)
        week_start = self.clock.week_start(user.timezone)
        row = (
            await self.session.execute(
                DASHBOARD,
                {
                    "owner_id": user.id,
                    "now": now,
                    "day": today,
                    "today": today,
                    "yesterday": today - timedelta(days=1),
                    "week_start": week_start,
                    "start": week_start,
                    "end": week_start + timedelta(days=DAYS_PER_WEEK - 1),
                },
            )
        ).one()
        return Dashboard(
            today=zero_score(today)
            if row.score is None
            else AdminScoreResponse(
                date=today,
                score=row.score,
                streak_days=row.streak_days,
                activities_count=row.activities_count,
            ),
            streak=StreakResponse(
                current_streak=row.current_streak,
                longest_streak=row.longest_streak,
                last_active_date=row.last_active_date,
            ),
            week_progress=weekly_progress(week_start, today, row),
            active_focus_session=None
            if row.focus is None
            else ActiveFocusSession(row.focus, FocusTimer.of(row.focus, now)),
            unread_nudges=row.unread_nudges,
        )
