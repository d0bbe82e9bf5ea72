"""The activity tracker: logged activities, the daily scores and streaks derived from
them, and weekly progress against goals. The service keeps the activities (create,
update, delete, list, export) and the request-level rules (dates, ranges, ownership);
scores, streaks and progress are read and written through `scoring`, which owns their
statements and parameters.

`ActivityService(session, clock, settings=None)`: `session` is the request's
`AsyncSession` (the service only flushes; the caller commits), `clock` supplies "today"
in each user's time zone, and `settings` supplies `activity_weights` (the defaults of
`app.core.config` when omitted).

How scores stay right: `admin_scores` holds one row per user and day, derived from that
day's done activities. Every write that can change a score first takes a
transaction-scoped advisory lock on the user, so one user's writes are serialised across
connections and processes (other users proceed in parallel) and each one recomputes from
the committed state of the one before it. It then recomputes, in one statement, every
day it touched (the old and the new date of a moved activity) and the `streak_days` of
every day those change: a backfilled or emptied past day fixes every later day. Reads
are a fixed number of set-based statements, whatever the length of the history.
"""

from collections.abc import AsyncIterator, Callable, Container, Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, Select, bindparam, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.core.clock import Clock
from app.core.config import DEFAULT_ACTIVITY_WEIGHTS, Settings
from app.core.errors import InvalidInput, NotFound
from app.models import ActivityStatus, ActivityType, AdminActivity, AdminProspect, User
from app.schemas.master_admin.activities import (
    AdminActivityCreate,
    AdminActivityResponse,
    AdminActivityUpdate,
)
from app.schemas.master_admin.progress import WeeklyProgressResponse
from app.schemas.master_admin.scores import AdminScoreResponse, StreakResponse
from app.services.changes import save_changes
from app.services.master_admin import scoring
from app.services.master_admin.scoring import DAYS_PER_WEEK, NEWEST_FIRST
from app.services.paging import counted, page_and_total, paged
from app.services.parameters import OWNER, owner_params

MAX_EXPORT_DAYS = 3_660
SCORED_FIELDS = frozenset({"type", "status", "date", "amount"})
HISTORY_DAYS = 365
MAX_HISTORY_DAYS = 366
# date.min is not a storable day (see `app.schemas.master_admin.fields.Day`).
FIRST_DAY = date.min + timedelta(days=1)
# The count of a list's matches, a subquery of its page (aliased: no correlation).
COUNTED = aliased(AdminActivity)


class ActivityService:
    def __init__(
        self, session: AsyncSession, clock: Clock, settings: Settings | None = None
    ) -> None:
        self.session = session
        self.clock = clock
        self.weights = DEFAULT_ACTIVITY_WEIGHTS if settings is None else settings.activity_weights

    def today(self, user: User) -> date:
        return self.clock.today(user.timezone)

    def week_start(self, user: User) -> date:
        return self.clock.week_start(user.timezone)

    # Activities

    async def create_activity(self, user: User, data: AdminActivityCreate) -> AdminActivityResponse:
        """Log an activity (dated the caller's today when `date` is not sent) and rescore
        its day, in the caller's transaction."""
        values = data.model_dump()
        if values["date"] is None:
            values["date"] = self.today(user)
        self._check_done_not_in_future(user, values["status"], values["date"])
        await self._check_prospect(user, data.prospect_id)
        # Core execution: the ORM's unit of work costs more than the statement itself.
        connection = await self.session.connection()
        activity = await scoring.log_activity(connection, user.id, values)
        if activity.status is ActivityStatus.DONE:
            await self.calculate_daily_score(user, activity.date)
        return AdminActivityResponse.model_validate(activity)

    async def update_activity(
        self, user: User, activity_id: int, data: AdminActivityUpdate
    ) -> AdminActivity:
        """Apply the fields sent and rescore the day it left and the day it is on now."""
        changes = data.model_dump(exclude_unset=True)
        await self._lock_scores(user)
        activity = await self.get_activity(user, activity_id)
        if not changes:
            return activity
        before = (activity.status, activity.date)
        if "status" in changes or "date" in changes:
            self._check_done_not_in_future(
                user, changes.get("status", activity.status), changes.get("date", activity.date)
            )
        if "prospect_id" in changes:
            await self._check_prospect(user, changes["prospect_id"])
        activity = await save_changes(self.session, activity, changes)
        if SCORED_FIELDS & changes.keys():
            after = (activity.status, activity.date)
            await self.calculate_daily_score(
                user, *(day for status, day in (before, after) if status is ActivityStatus.DONE)
            )
        return activity

    async def delete_activity(self, user: User, activity_id: int) -> None:
        await self._lock_scores(user)
        deleted = (
            await self.session.execute(
                delete(AdminActivity)
                .where(AdminActivity.id == activity_id, AdminActivity.user_id == user.id)
                .returning(AdminActivity.status, AdminActivity.date)
            )
        ).one_or_none()
        if deleted is None:
            raise NotFound(f"activity {activity_id} not found")
        if deleted.status is ActivityStatus.DONE:
            await self.calculate_daily_score(user, deleted.date)

    async def get_activity(self, user: User, activity_id: int) -> AdminActivity:
        activity = await self.session.scalar(
            select(AdminActivity).where(
                AdminActivity.id == activity_id, AdminActivity.user_id == user.id
            )
        )
        if activity is None:
            raise NotFound(f"activity {activity_id} not found")
        return activity

    async def list_activities(
        self,
        user: User,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        activity_type: ActivityType | None = None,
        status: ActivityStatus | None = None,
        prospect_id: int | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[str, int]:
        """A page of the user's activities as the JSON of `AdminActivityResponse`s,
        newest first, and how many match in all."""
        params = activity_filters(
            user,
            date_from=date_from,
            date_to=date_to,
            activity_type=activity_type,
            status=status,
            prospect_id=prospect_id,
        )
        page, count = activity_list(frozenset(params).intersection(FILTER_CRITERIA))
        return await page_and_total(self.session, page, count, params, limit=limit, offset=offset)

    async def list_today_activities(self, user: User) -> Sequence[AdminActivity]:
        """Every activity dated the user's today, whatever its status, newest first."""
        return await scoring.activities_of_day(self.session, user.id, self.today(user))

    # Scores and streaks

    async def calculate_daily_score(self, user: User, *days: date) -> None:
        """Store the score of each of `days` as its done activities make it now, and the
        streaks that changes: theirs and every later day's.

        One statement for any number of days; a day without done activities stores 0.
        Callers that may race hold the user's score lock (every write here takes it).
        """
        if days:
            await self._rescore(user, sorted(set(days)))

    async def update_streak(self, user: User) -> None:
        """Renumber every stored day's `streak_days` from the stored scores (the writes
        need not: `calculate_daily_score` renumbers what it changes)."""
        await self._rescore(user, [])

    async def set_rest_days(self, user: User, rest_days: list[int]) -> None:
        """Store the user's rest days and renumber their stored streaks with them, under
        their score lock, in the caller's transaction (bounded: two statements)."""
        await self._lock_scores(user)
        await save_changes(self.session, user, {"rest_days": rest_days})
        await self.update_streak(user)

    async def get_daily_score(self, user: User, day: date) -> AdminScoreResponse:
        """The stored score of `day`, or zeros when nothing was done that day."""
        return await scoring.score_of_day(self.session, user.id, day)

    async def get_week_scores(
        self, user: User, week_start: date | None = None
    ) -> list[AdminScoreResponse]:
        """Monday to Sunday of the week (this week by default), days without a score zeroed."""
        start = week_start or self.week_start(user)
        end = start + timedelta(days=DAYS_PER_WEEK - 1)
        return await scoring.scores_between(self.session, user.id, start, end)

    async def get_score_history(
        self,
        user: User,
        date_from: date | None = None,
        date_to: date | None = None,
        max_days: int = MAX_HISTORY_DAYS,
    ) -> list[AdminScoreResponse]:
        """Every day from `date_from` to `date_to` (both included), oldest first, days
        without a score zeroed: one statement.

        `date_to` defaults to today, `date_from` to the 365 days ending `date_to` (no
        earlier than the first storable day). InvalidInput when `date_from` is after
        `date_to` or the range spans more than `max_days` (366 for the history page,
        `MAX_EXPORT_DAYS` for the export); `loc` names `date_to` when it was sent, else
        `date_from`.
        """
        end = date_to or self.today(user)
        start = date_from or end - timedelta(days=min(HISTORY_DAYS - 1, (end - FIRST_DAY).days))
        if date_to is None:
            blamed, out_of_order = ("query", "date_from"), f"must be on or before today ({end})"
        else:
            blamed, out_of_order = ("query", "date_to"), "must be on or after date_from"
        if start > end:
            raise InvalidInput(blamed, out_of_order)
        if (end - start).days + 1 > max_days:
            raise InvalidInput(blamed, f"the range may span at most {max_days} days")
        return await scoring.scores_between(self.session, user.id, start, end)

    async def get_streak(self, user: User) -> StreakResponse:
        """Current and longest runs of scoring days, and the latest scoring day.

        The current run counts back from today, or from the last working day before
        it while today and the rest days since have no score yet: a streak is alive
        until a working day ends without a score. Unscored rest days neither break nor
        extend a run. One statement (gaps and islands over the stored scores).
        """
        return await scoring.streak(self.session, user.id, self.today(user), user.rest_days)

    # Weekly progress

    async def get_weekly_progress(
        self, user: User, week_start: date | None = None
    ) -> WeeklyProgressResponse:
        """Done amounts per type against the week's goal (this week by default)."""
        start = week_start or self.week_start(user)
        return await scoring.week_progress(
            self.session, user.id, start, today=self.today(user), rest_days=user.rest_days
        )

    # Internals

    async def _rescore(self, user: User, days: list[date]) -> None:
        # Core execution: the ORM's handling of an UPDATE (session synchronisation) is
        # not needed; nothing stored in the session is a score.
        connection = await self.session.connection()
        await scoring.rescore(
            connection, user.id, days, rest_days=user.rest_days, weights=self.weights
        )

    async def _lock_scores(self, user: User) -> None:
        """Serialise the user's score writes until the transaction ends."""
        await scoring.lock_scores(self.session, user.id)

    def _check_done_not_in_future(self, user: User, status: ActivityStatus, day: date) -> None:
        if status is ActivityStatus.DONE and day > self.today(user):
            raise InvalidInput(
                ("body", "date"),
                f"a done activity cannot be dated after today ({self.today(user)} in "
                f"{user.timezone})",
            )

    async def _check_prospect(self, user: User, prospect_id: int | None) -> None:
        if prospect_id is None:
            return
        # FOR KEY SHARE keeps the prospect from being deleted before the activity commits.
        owned = await self.session.scalar(
            select(AdminProspect.id)
            .where(AdminProspect.id == prospect_id, AdminProspect.user_id == user.id)
            .with_for_update(key_share=True)
        )
        if owned is None:
            raise InvalidInput(("body", "prospect_id"), f"no prospect {prospect_id} of yours")


# The list's and the export's filters, each a bound parameter named as its query parameter.
DATE_FROM = bindparam("date_from", type_=Date)
DATE_TO = bindparam("date_to", type_=Date)
TYPE = bindparam("activity_type", type_=AdminActivity.type.type)
STATUS = bindparam("status", type_=AdminActivity.status.type)
PROSPECT = bindparam("prospect_id", type_=Integer)
FILTER_CRITERIA: dict[str, Callable[[Any], ColumnElement[bool]]] = {
    DATE_FROM.key: lambda activity: activity.date >= DATE_FROM,
    DATE_TO.key: lambda activity: activity.date <= DATE_TO,
    TYPE.key: lambda activity: activity.type == TYPE,
    STATUS.key: lambda activity: activity.status == STATUS,
    PROSPECT.key: lambda activity: activity.prospect_id == PROSPECT,
}


def activity_filters(
    user: User,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    activity_type: ActivityType | None = None,
    status: ActivityStatus | None = None,
    prospect_id: int | None = None,
) -> dict[str, Any]:
    """The parameters binding `OWNER` and each filter given (`activity_criteria` reads
    which were); InvalidInput when `date_to` is before `date_from`."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InvalidInput(("query", "date_to"), "must be on or after date_from")
    given = {
        DATE_FROM.key: date_from,
        DATE_TO.key: date_to,
        TYPE.key: activity_type,
        STATUS.key: status,
        PROSPECT.key: prospect_id,
    }
    return {**owner_params(user.id), **{k: v for k, v in given.items() if v is not None}}


def activity_criteria(activity: Any, given: Container[str]) -> list[ColumnElement[bool]]:
    """The WHERE criteria on `activity` (the table or an alias of it) of the owner and
    of the filters named in `given` (the keys of `activity_filters`' parameters)."""
    filters = [criterion(activity) for key, criterion in FILTER_CRITERIA.items() if key in given]
    return [activity.user_id == OWNER, *filters]


# Cached on first use, before mutmut can switch a mutant on (README, "Mutation testing").
@cache
def activity_list(
    filters: frozenset[str],
) -> tuple[Select[Any], Select[Any]]:  # pragma: no mutate block
    """The page (`paging.paged`: the JSON of `AdminActivityResponse`s, newest first) and
    the count of `GET /activities` for one combination of `FILTER_CRITERIA`' keys."""
    count = select(func.count()).select_from(COUNTED).where(*activity_criteria(COUNTED, filters))
    page = select(*AdminActivity.__table__.c).where(*activity_criteria(AdminActivity, filters))
    return paged(page, counted(count), NEWEST_FIRST, AdminActivityResponse), count


ACTIVITY_EXPORT_LIMIT = 100_000
ACTIVITY_EXPORT_CHUNK = 1_000
ACTIVITY_EXPORT_HEADER = (
    "id",
    "date",
    "type",
    "status",
    "amount",
    "prospect_id",
    "notes",
    "created_at",
)


async def activity_export_rows(
    session: AsyncSession, params: dict[str, Any]
) -> AsyncIterator[list[tuple[object, ...]]]:
    """The activities matching the filters `params` binds (from `activity_filters`),
    newest first, at most `ACTIVITY_EXPORT_LIMIT`, in chunks of `ACTIVITY_EXPORT_CHUNK`
    rows (a server-side cursor: memory stays bounded), each row in
    `ACTIVITY_EXPORT_HEADER`'s order as CSV cells."""
    columns = [AdminActivity.__table__.c[name] for name in ACTIVITY_EXPORT_HEADER]
    result = await session.stream(
        select(*columns)
        .where(*activity_criteria(AdminActivity, params))
        .order_by(*NEWEST_FIRST)
        .limit(ACTIVITY_EXPORT_LIMIT)
        .execution_options(yield_per=ACTIVITY_EXPORT_CHUNK),
        params,
    )
    async for chunk in result.partitions():
        yield [
            (
                row.id,
                row.date.isoformat(),
                row.type.value,
                row.status.value,
                row.amount,
                row.prospect_id,
                row.notes,
                row.created_at.isoformat(),
            )
            for row in chunk
        ]
