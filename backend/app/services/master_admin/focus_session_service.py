"""Focus sessions: timed blocks of work, at most one open per user.

"Open" means `end_time IS NULL`; the database enforces one open session per user with a
partial unique index, so the rule holds across processes and racing requests.
"""

import math
from datetime import date, datetime, time, timedelta

from pydantic import TypeAdapter
from sqlalchemy import DateTime, Select, bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.core.clock import Clock, elapsed, not_before, time_zone
from app.core.errors import Conflict, NotFound
from app.models import AdminFocusSession, User
from app.schemas.master_admin.focus_sessions import (
    AdminActiveFocusSessionResponse,
    AdminFocusSessionEnd,
    AdminFocusSessionResponse,
    FocusDay,
    FocusStatsResponse,
)
from app.services.paging import counted, page_and_total, paged
from app.services.parameters import OWNER, owner_params

# Instants in messages read as in the JSON bodies: 2026-11-25T15:00:00Z.
INSTANT = TypeAdapter(datetime)

# The count of the list, a subquery of its page (aliased: no correlation).
COUNTED = aliased(AdminFocusSession)

ONE_OPEN_PER_USER_INDEX = "uq_admin_focus_sessions_one_open_per_user"


# The history's count and page (the JSON of `AdminFocusSessionResponse`s, newest first),
# built once: bound, `OWNER`, `paging.LIMIT` and `paging.OFFSET`.
HISTORY_COUNT = select(func.count()).where(COUNTED.user_id == OWNER)
HISTORY_PAGE = paged(
    select(*AdminFocusSession.__table__.c).where(AdminFocusSession.user_id == OWNER),
    counted(HISTORY_COUNT),
    (AdminFocusSession.start_time.desc(), AdminFocusSession.id.desc()),
    AdminFocusSessionResponse,
)
# Built once: the dashboard asks on every load.
OPEN_SESSION = select(AdminFocusSession).where(
    AdminFocusSession.user_id == OWNER, AdminFocusSession.end_time.is_(None)
)

# The instants a week's sessions start from (included) and until (excluded).
SINCE = bindparam("since", type_=DateTime(timezone=True))
UNTIL = bindparam("until", type_=DateTime(timezone=True))


WEEK_SESSIONS = select(
    AdminFocusSession.start_time,
    AdminFocusSession.end_time,
    AdminFocusSession.duration_minutes,
    AdminFocusSession.completed,
    AdminFocusSession.interrupted,
).where(
    AdminFocusSession.user_id == OWNER,
    AdminFocusSession.start_time >= SINCE,
    AdminFocusSession.start_time < UNTIL,
)


class FocusSessionService:
    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock

    async def start_session(
        self, user: User, *, duration_minutes: int = 50, notes: str | None = None
    ) -> AdminFocusSession:
        focus = AdminFocusSession(
            user_id=user.id,
            start_time=self.clock.now(),
            duration_minutes=duration_minutes,
            notes=notes,
        )
        try:
            # A savepoint, so a refused insert leaves the request's transaction usable.
            async with self.session.begin_nested():
                self.session.add(focus)
        except IntegrityError as error:
            if ONE_OPEN_PER_USER_INDEX not in str(error.orig):
                raise
            raise Conflict(await self._still_open_detail(user)) from None
        return focus

    async def complete_session(
        self, user: User, session_id: int, end: AdminFocusSessionEnd
    ) -> AdminFocusSession:
        return await self._end(user, session_id, end, completed=True)

    async def interrupt_session(
        self, user: User, session_id: int, end: AdminFocusSessionEnd
    ) -> AdminFocusSession:
        return await self._end(user, session_id, end, completed=False)

    async def week_stats(self, user: User, week_start: date | None = None) -> FocusStatsResponse:
        """The sessions started in the week (this week by default) on the user's local
        days, and their focused minutes per day: one statement."""
        start = week_start or self.clock.week_start(user.timezone)
        zone = time_zone(user.timezone)
        days = [start + timedelta(days=offset) for offset in range(7)]
        midnight = [datetime.combine(day, time(), tzinfo=zone) for day in days]
        end = datetime.combine(start + timedelta(days=7), time(), tzinfo=zone)
        rows = (
            await self.session.execute(
                WEEK_SESSIONS, {**owner_params(user.id), SINCE.key: midnight[0], UNTIL.key: end}
            )
        ).all()
        now = self.clock.now()
        minutes = dict.fromkeys(days, 0)
        for row in rows:
            until = min(
                row.end_time or now, row.start_time + timedelta(minutes=row.duration_minutes)
            )
            focused = max(0, int((until - row.start_time).total_seconds() // 60))
            minutes[row.start_time.astimezone(zone).date()] += focused
        return FocusStatsResponse(
            week_start=start,
            sessions=len(rows),
            completed=sum(1 for row in rows if row.completed),
            interrupted=sum(1 for row in rows if row.interrupted),
            focused_minutes=sum(minutes.values()),
            by_day=[FocusDay(date=day, focused_minutes=minutes[day]) for day in days],
        )

    async def get_session(self, user: User, session_id: int) -> AdminFocusSession:
        focus = await self.session.scalar(self._select_own(user, session_id))
        if focus is None:
            raise NotFound(f"focus session {session_id} not found")
        return focus

    async def active_session(self, user: User) -> AdminActiveFocusSessionResponse | None:
        focus = await self.session.scalar(OPEN_SESSION, owner_params(user.id))
        return active_session_response(focus, self.clock.now())

    async def list_sessions(self, user: User, *, limit: int, offset: int) -> tuple[str, int]:
        """A page of the user's sessions as the JSON of `AdminFocusSessionResponse`s,
        newest first, and how many there are in all."""
        return await page_and_total(
            self.session,
            HISTORY_PAGE,
            HISTORY_COUNT,
            owner_params(user.id),
            limit=limit,
            offset=offset,
        )

    async def _end(
        self, user: User, session_id: int, end: AdminFocusSessionEnd, *, completed: bool
    ) -> AdminFocusSession:
        # Locked, so of two racing ends the second sees the first's end_time: 409, not both.
        focus = await self.session.scalar(
            self._select_own(user, session_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        if focus is None:
            raise NotFound(f"focus session {session_id} not found")
        if focus.end_time is not None:
            ended_at = INSTANT.dump_python(focus.end_time, mode="json")
            raise Conflict(f"focus session {session_id} already ended at {ended_at}")
        focus.end_time = not_before(self.clock.now(), focus.start_time)
        focus.completed = completed
        focus.interrupted = not completed
        for name, value in end.model_dump(exclude_unset=True).items():
            setattr(focus, name, value)
        await self.session.flush()
        return focus

    async def _still_open_detail(self, user: User) -> str:
        blocker = await self.session.scalar(OPEN_SESSION, owner_params(user.id))
        # The blocker may have ended between our insert and this read; it is still a 409.
        which = "another focus session" if blocker is None else f"focus session {blocker.id}"
        return f"{which} is still open: complete or interrupt it first"

    @staticmethod
    def _select_own(user: User, session_id: int) -> Select[AdminFocusSession]:
        return select(AdminFocusSession).where(
            AdminFocusSession.id == session_id, AdminFocusSession.user_id == user.id
        )


def active_session_response(
    focus: AdminFocusSession | None, now: datetime
) -> AdminActiveFocusSessionResponse | None:
    """The open session `focus` with its timer as of `now` (None when none is open)."""
    if focus is None:
        return None
    planned = timedelta(minutes=focus.duration_minutes)
    ends_at = focus.start_time + planned
    # Rounded up, so 0 appears exactly when the time is up, never a second early; never
    # more than planned, whatever the clock read when it started.
    seconds_left = math.ceil((planned - elapsed(focus.start_time, now)).total_seconds())
    return AdminActiveFocusSessionResponse(
        **AdminFocusSessionResponse.model_validate(focus).model_dump(),
        ends_at=ends_at,
        remaining_seconds=max(0, seconds_left),
        overdue=seconds_left <= 0,
    )
