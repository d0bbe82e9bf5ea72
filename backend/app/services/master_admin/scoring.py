"""The scoring module: daily scores, streaks and weekly progress, and the activity
tracker's hot statements, built once at import.

Building a SQLAlchemy expression costs more than running a cached one, and these run
on every request of the dashboard's hot paths; values are passed as bound parameters.
Only this module names its parameters: callers pass a session (or connection), a user
id and typed values to its functions, which build the parameter dicts; the owner and
today are `app.services.parameters`' shared `OWNER` and `TODAY`.

Reads: `score_of_day`, `scores_between`, `streak`, `week_progress`, `goal_of_week`,
`activities_of_day`. Writes: `lock_scores`, `log_activity`, `rescore`. The dashboard
composes `SCORE_OF_DAY`, `STREAK` and `progress_parts` into its statement and binds
them with `dashboard_params`; the bench compiles `SCORE_OF_DAY`, `LOG_ACTIVITY` and
`rescore_days` and binds them with `day_params` and `rescore_params`.

The statement builders carry `# pragma: no mutate block`: they run at import (or once
per set of weights, cached), before mutmut can switch a mutant on (README, "Mutation
testing").
"""

from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Row,
    Select,
    Subquery,
    Update,
    all_,
    and_,
    bindparam,
    case,
    column,
    func,
    literal_column,
    select,
    true,
    type_coerce,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.sql.dml import ReturningInsert
from sqlalchemy.sql.elements import Grouping

from app.core.clock import monday_of
from app.models import ActivityStatus, ActivityType, AdminActivity, AdminGoal, AdminScore
from app.schemas.master_admin.activities import AdminActivityCreate
from app.schemas.master_admin.progress import ActivityTypeProgress, WeeklyProgressResponse
from app.schemas.master_admin.scores import AdminScoreResponse, StreakResponse
from app.services.parameters import OWNER, TODAY, owner_params

# First key of the two-key advisory lock serialising one user's score writes; the
# two-key space is apart from the one-key space, and this key from other features' locks.
SCORES_LOCK_CLASS = 0x5C0E
SCORE_CAP = 100
DAYS_PER_WEEK = 7

GOAL_TARGETS = {
    ActivityType.DISCOVERY: "target_discoveries",
    ActivityType.EMAIL: "target_emails",
    ActivityType.VIDEO: "target_videos",
    ActivityType.CALL: "target_calls",
}

# This module's own parameters (the owner and today are shared: `OWNER`, `TODAY`).
DAY = bindparam("day", type_=Date)
START = bindparam("start", type_=Date)
END = bindparam("end", type_=Date)
WEEK_START = bindparam("week_start", type_=Date)
DAYS = bindparam("days", type_=ARRAY(Date))
WORKING_PER_WEEK = bindparam("working_per_week", type_=Integer)
WORKING_BEFORE = bindparam("working_before", type_=ARRAY(Integer, zero_indexes=True))

LOCK_SCORES = select(func.pg_advisory_xact_lock(SCORES_LOCK_CLASS, OWNER))

# A day's score as the API shows it; one user's days, between `start` and `end`.
STORED_SCORES = select(
    AdminScore.date, AdminScore.score, AdminScore.streak_days, AdminScore.activities_count
).where(AdminScore.user_id == OWNER)
SCORE_OF_DAY = STORED_SCORES.where(AdminScore.date == DAY)
SCORES_BETWEEN = STORED_SCORES.where(AdminScore.date.between(START, END))

NEWEST_FIRST = (AdminActivity.date.desc(), AdminActivity.id.desc())
ACTIVITIES_OF_DAY = (
    select(AdminActivity)
    .where(AdminActivity.user_id == OWNER, AdminActivity.date == DAY)
    .order_by(*NEWEST_FIRST)
)

# The goal a week runs on: its own, else the most recent earlier week's (goals recur).
GOAL_OF_WEEK = (
    select(AdminGoal)
    .where(AdminGoal.user_id == OWNER, AdminGoal.week_start <= WEEK_START)
    .order_by(AdminGoal.week_start.desc())
    .limit(1)
)

# One row: each type's done amount between `start` and `end` (0 for a type not done).
DONE_BY_TYPE = select(
    *(
        func.coalesce(func.sum(AdminActivity.amount).filter(AdminActivity.type == kind), 0).label(
            kind
        )
        for kind in ActivityType
    )
).where(
    AdminActivity.user_id == OWNER,
    AdminActivity.status == ActivityStatus.DONE,
    AdminActivity.date.between(START, END),
)


def progress_parts() -> tuple[Subquery, type[AdminGoal]]:  # pragma: no mutate block
    """The week's done amounts (one row) and the goal it runs on (the entity `goal`: its
    own or an inherited one, None when no goal is set on or before it), for a statement to join (`WEEK_PROGRESS`, the dashboard's)."""
    goal = aliased(AdminGoal, GOAL_OF_WEEK.subquery("goal"), name="goal")
    return DONE_BY_TYPE.subquery("done"), goal


def _week_progress() -> Select[tuple[object, ...]]:  # pragma: no mutate block
    done, goal = progress_parts()
    return select(*done.c, goal).select_from(done).outerjoin(goal, true())


# A Monday before every storable day: day numbers counted from it are never negative.
EPOCH = literal_column("DATE '0001-01-01'", Date)


def _working_days_before(day: ColumnElement[date]) -> ColumnElement[int]:  # pragma: no mutate block
    """How many working (non-rest) days lie between `EPOCH` and `day` (exclusive), from
    the `working_per_week` and `working_before` parameters (`rest_params`)."""
    elapsed = type_coerce(day - EPOCH, Integer)
    # Parenthesised: PostgreSQL reads `$1::INTEGER[][i]` as a type, not a subscript.
    working_before = Grouping(WORKING_BEFORE)
    return (elapsed // DAYS_PER_WEEK) * WORKING_PER_WEEK + working_before[elapsed % DAYS_PER_WEEK]


def _starts_a_run(
    day: ColumnElement[date], previous: ColumnElement[date]
) -> ColumnElement[int]:  # pragma: no mutate block
    """1 when scoring `day` starts a new streak after the `previous` scoring day (null for
    none): a working day without a score lies between them. Rest days do not count."""
    broken = _working_days_before(day) > _working_days_before(previous + 1)
    return case((previous.is_(None), 1), (broken, 1), else_=0)


def _streak_numbers(scores: Subquery) -> Select[date, int]:  # pragma: no mutate block
    """Each day's `streak_days` among `scores` (one user's `date`, `score` rows).

    Gaps and islands: among scoring days, a running count of the days that start a run
    (`_starts_a_run`) numbers the runs; a day's streak is its rank among its run's
    scoring days. Days scoring 0 get 0.
    """
    scoring = scores.c.score > 0
    ranked = select(
        scores.c.date,
        scoring.label("scoring"),
        func.lag(scores.c.date)
        .over(partition_by=scoring, order_by=scores.c.date)
        .label("previous"),
    ).subquery("ranked")
    runs = select(
        ranked.c.date,
        ranked.c.scoring,
        func.sum(_starts_a_run(ranked.c.date, ranked.c.previous))
        .over(partition_by=ranked.c.scoring, order_by=ranked.c.date)
        .label("run"),
    ).subquery("runs")
    rank = func.row_number().over(partition_by=[runs.c.scoring, runs.c.run], order_by=runs.c.date)
    return select(runs.c.date, case((runs.c.scoring, rank), else_=0).label("streak_days"))


def _streak() -> Select[int, int, date]:  # pragma: no mutate block
    """Current and longest runs of scoring days, and the latest scoring day, in one
    statement: the current run is the one whose last day is today, or is followed by
    rest days only up to today."""
    today = TODAY
    scoring_days = (
        select(
            AdminScore.date.label("day"),
            func.lag(AdminScore.date).over(order_by=AdminScore.date).label("previous"),
        )
        .where(AdminScore.user_id == OWNER, AdminScore.score > 0)
        .subquery("scoring_days")
    )
    numbered = select(
        scoring_days.c.day,
        func.sum(_starts_a_run(scoring_days.c.day, scoring_days.c.previous))
        .over(order_by=scoring_days.c.day)
        .label("run"),
    ).subquery("numbered")
    runs = (
        select(
            func.min(numbered.c.day).label("first_day"),
            func.max(numbered.c.day).label("last_day"),
            func.count().label("length"),
            func.count().filter(numbered.c.day <= today).label("length_up_to_today"),
        )
        .group_by(numbered.c.run)
        .subquery("runs")
    )
    alive = and_(
        runs.c.first_day <= today,
        _working_days_before(today) <= _working_days_before(runs.c.last_day + 1),
    )
    return select(
        func.coalesce(func.max(runs.c.length_up_to_today).filter(alive), 0).label("current_streak"),
        func.coalesce(func.max(runs.c.length), 0).label("longest_streak"),
        func.max(runs.c.last_day).label("last_active_date"),
    )


@cache
def rescore_days(
    weights: tuple[tuple[ActivityType, int], ...],
) -> Update:  # pragma: no mutate block
    """Store the score of each of the `days` (a bound DATE[], possibly empty) from its
    done activities, for one set of weights, and every stored day's streak (with the
    user's rest days, `rest_params`): one statement.

    A day without done activities stores 0. The streaks are numbered over the scores as
    they will be: the stored ones of the other days and the fresh ones of `days` (one
    statement cannot see its own upsert, hence the union). The touched days are upserted
    with theirs; of the other days only those whose streak changes are written, which
    are never before the earliest touched day.
    """
    days = DAYS
    day = func.unnest(days).table_valued(column("day", Date)).render_derived(name="days")
    points = case(dict(weights), value=AdminActivity.type, else_=0) * AdminActivity.amount
    done_that_day = and_(
        AdminActivity.user_id == OWNER,
        AdminActivity.date == day.c.day,
        AdminActivity.status == ActivityStatus.DONE,
    )
    fresh = (
        select(
            day.c.day.label("date"),
            func.least(SCORE_CAP, func.coalesce(func.sum(points), 0)).label("score"),
            func.count(AdminActivity.id).label("activities_count"),
        )
        .select_from(day.outerjoin(AdminActivity, done_that_day))
        .group_by(day.c.day)
        .cte("fresh")
    )
    scores = union_all(
        select(AdminScore.date, AdminScore.score).where(
            AdminScore.user_id == OWNER, AdminScore.date != all_(days)
        ),
        select(fresh.c.date, fresh.c.score),
    ).subquery("scores")
    streaks = _streak_numbers(scores).cte("streaks")
    rescored = insert(AdminScore).from_select(
        ["user_id", "date", "score", "activities_count", "streak_days"],
        select(
            OWNER, fresh.c.date, fresh.c.score, fresh.c.activities_count, streaks.c.streak_days
        ).join_from(fresh, streaks, fresh.c.date == streaks.c.date),
    )
    rescored = rescored.on_conflict_do_update(
        index_elements=[AdminScore.user_id, AdminScore.date],
        set_={
            "score": rescored.excluded.score,
            "activities_count": rescored.excluded.activities_count,
            "streak_days": rescored.excluded.streak_days,
            "updated_at": func.now(),
        },
    )
    return (
        update(AdminScore)
        .add_cte(rescored.cte("rescored"))
        .where(
            AdminScore.user_id == OWNER,
            AdminScore.date == streaks.c.date,
            AdminScore.date != all_(days),
            AdminScore.streak_days != streaks.c.streak_days,
        )
        .values(streak_days=streaks.c.streak_days, updated_at=func.now())
    )


def _log_activity() -> ReturningInsert[*tuple[Any, ...]]:  # pragma: no mutate block
    """Take the user's score lock and insert the activity, in one statement: the lock
    is held before the rescore that follows, whose snapshot then sees every write that
    held it before."""
    lock = LOCK_SCORES.cte("score_lock")
    fields = list(AdminActivityCreate.model_fields)
    values = select(
        OWNER, *(bindparam(name, type_=AdminActivity.__table__.c[name].type) for name in fields)
    ).select_from(lock)
    return (
        insert(AdminActivity)
        .from_select(["user_id", *fields], values)
        .returning(*AdminActivity.__table__.c)
    )


LOG_ACTIVITY = _log_activity()
STREAK = _streak()
WEEK_PROGRESS = _week_progress()

# A session runs the reads; the writes that skip the ORM run on its connection (a
# startup rescore has a connection only).
Executor = AsyncSession | AsyncConnection
Weights = Mapping[ActivityType, int]


# Parameters


def rest_params(rest_days: Collection[int]) -> dict[str, Any]:
    """The parameters of a statement numbering streaks (`rescore_days`, `STREAK`) for
    `rest_days` (ISO weekday numbers): the working days of a week, and those among the
    first 0..6 days of a Monday-started week."""
    return {
        WORKING_PER_WEEK.key: DAYS_PER_WEEK - len(rest_days),
        WORKING_BEFORE.key: [
            sum(1 for weekday in range(1, elapsed + 1) if weekday not in rest_days)
            for elapsed in range(DAYS_PER_WEEK)
        ],
    }


def day_params(user_id: int, day: date) -> dict[str, Any]:
    """`SCORE_OF_DAY`'s (and `ACTIVITIES_OF_DAY`'s) parameters: the user's `day`."""
    return {**owner_params(user_id), DAY.key: day}


def rescore_params(
    user_id: int, days: Sequence[date], rest_days: Collection[int]
) -> dict[str, Any]:
    """`rescore_days`' parameters: the user's `days` to rescore (possibly none: the
    streaks only), numbering streaks with their `rest_days` (ISO weekday numbers)."""
    return {**owner_params(user_id), DAYS.key: days, **rest_params(rest_days)}


def streak_params(user_id: int, today: date, rest_days: Collection[int]) -> dict[str, Any]:
    """`STREAK`'s parameters: the user, their `today` and `rest_days`."""
    return {**owner_params(user_id, today=today), **rest_params(rest_days)}


def week_params(user_id: int, week_start: date) -> dict[str, Any]:
    """`WEEK_PROGRESS`'s (and `progress_parts`') parameters: the user's week starting
    `week_start` (a Monday), through its Sunday."""
    return {
        **owner_params(user_id),
        WEEK_START.key: week_start,
        START.key: week_start,
        END.key: week_start + timedelta(days=DAYS_PER_WEEK - 1),
    }


def dashboard_params(user_id: int, today: date, rest_days: Collection[int]) -> dict[str, Any]:
    """The parameters of a statement joining `SCORE_OF_DAY`, `STREAK` and
    `progress_parts` (the dashboard's) as of the user's `today`: today's score, the
    streak with `rest_days`, the week of `today` (Monday to Sunday)."""
    return {
        **day_params(user_id, today),
        **streak_params(user_id, today, rest_days),
        **week_params(user_id, monday_of(today)),
    }


# Reads


async def score_of_day(session: AsyncSession, user_id: int, day: date) -> AdminScoreResponse:
    """The user's stored score of `day`, or zeros when nothing was done that day."""
    row = (await session.execute(SCORE_OF_DAY, day_params(user_id, day))).one_or_none()
    if row is None:
        return zero_score(day)
    return AdminScoreResponse.model_validate(row)


async def scores_between(
    session: AsyncSession, user_id: int, start: date, end: date
) -> list[AdminScoreResponse]:
    """Each day from `start` to `end` (both included; none when `start` is after `end`),
    oldest first, from the user's stored scores, days without one zeroed: one statement."""
    rows = await session.execute(
        SCORES_BETWEEN, {**owner_params(user_id), START.key: start, END.key: end}
    )
    stored = {row.date: AdminScoreResponse.model_validate(row) for row in rows}
    days = (start + timedelta(days=offset) for offset in range((end - start).days + 1))
    return [stored.get(day, zero_score(day)) for day in days]


async def streak(
    session: AsyncSession, user_id: int, today: date, rest_days: Collection[int]
) -> StreakResponse:
    """The user's current and longest runs of scoring days (in days), and their latest
    scoring day (None without one), as of their `today`, with their `rest_days` (ISO
    weekday numbers) neither breaking nor extending a run: one statement."""
    row = (await session.execute(STREAK, streak_params(user_id, today, rest_days))).one()
    return StreakResponse.model_validate(row)


async def week_progress(
    session: AsyncSession,
    user_id: int,
    week_start: date,
    *,
    today: date,
    rest_days: Collection[int],
) -> WeeklyProgressResponse:
    """The user's done amounts per type in the week starting `week_start` (a Monday)
    against the goal it runs on, paced by the working days up to `today`: one statement."""
    week = (await session.execute(WEEK_PROGRESS, week_params(user_id, week_start))).one()
    return weekly_progress(week_start, today, rest_days, week)


async def goal_of_week(session: AsyncSession, user_id: int, week_start: date) -> AdminGoal | None:
    """The goal the user's week starting `week_start` runs on: its own, else the most
    recent earlier week's (goals recur); None when no goal is set on or before it."""
    goal: AdminGoal | None = await session.scalar(
        GOAL_OF_WEEK, {**owner_params(user_id), WEEK_START.key: week_start}
    )
    return goal


async def activities_of_day(
    session: AsyncSession, user_id: int, day: date
) -> Sequence[AdminActivity]:
    """Every activity of the user dated `day`, whatever its status, newest first."""
    return (await session.scalars(ACTIVITIES_OF_DAY, day_params(user_id, day))).all()


# Writes


async def lock_scores(executor: Executor, user_id: int) -> None:
    """Serialise the user's score writes until the transaction ends (a transaction-scoped
    advisory lock: `SCORES_LOCK_CLASS`, the user id)."""
    await executor.execute(LOCK_SCORES, owner_params(user_id))


async def log_activity(
    connection: AsyncConnection, user_id: int, values: Mapping[str, Any]
) -> Row[Any]:
    """Take the user's score lock and insert their activity from `values` (every field
    of `AdminActivityCreate`, `date` set), in one statement; the inserted row, every
    column. The caller rescores its day when it is done (`rescore`)."""
    return (await connection.execute(LOG_ACTIVITY, {**owner_params(user_id), **values})).one()


async def rescore(
    connection: AsyncConnection,
    user_id: int,
    days: Sequence[date],
    *,
    rest_days: Collection[int],
    weights: Weights,
) -> None:
    """Store the score of each of the user's `days` (sorted, distinct; possibly none) from
    its done activities with `weights` (points per unit of each type, capped at
    `SCORE_CAP` a day), and renumber every streak that changes with their `rest_days`:
    one statement (`rescore_days`). Callers that may race hold the score lock."""
    await connection.execute(
        rescore_days(tuple(weights.items())), rescore_params(user_id, days, rest_days)
    )


# Responses


def zero_score(day: date) -> AdminScoreResponse:
    return AdminScoreResponse(date=day, score=0, streak_days=0, activities_count=0)


def weekly_progress(
    week_start: date, today: date, rest_days: Collection[int], week: Row[Any]
) -> WeeklyProgressResponse:
    """The week's done amounts against the goal it runs on, from a row of `WEEK_PROGRESS`'s
    columns: one per type (named by its value) and `goal` (an `AdminGoal`, or None).
    Pace counts working days: those of the week that are not in `rest_days`."""
    goal: AdminGoal | None = week.goal
    week_days = [week_start + timedelta(days=offset) for offset in range(DAYS_PER_WEEK)]
    working = [day for day in week_days if day.isoweekday() not in rest_days]
    elapsed = sum(1 for day in working if day <= today)
    return WeeklyProgressResponse(
        week_start=week_start,
        goal_id=None if goal is None else goal.id,
        inherited=goal is not None and goal.week_start != week_start,
        types=[
            type_progress(
                activity_type,
                target=0 if goal is None else getattr(goal, GOAL_TARGETS[activity_type]),
                done=week._mapping[activity_type],
                working_days_elapsed=elapsed,
                working_days=len(working),
            )
            for activity_type in ActivityType
        ],
    )


def type_progress(
    activity_type: ActivityType,
    *,
    target: int,
    done: int,
    working_days_elapsed: int,
    working_days: int,
) -> ActivityTypeProgress:
    """`working_days_elapsed`: the week's working days up to today (included), of its
    `working_days`."""
    return ActivityTypeProgress(
        type=activity_type,
        target=target,
        done=done,
        remaining=max(0, target - done),
        percent=percent_of(done, target),
        expected_by_today=round(target * working_days_elapsed / working_days, 2),
    )


def percent_of(done: int, target: int) -> int:
    """Rounded down, so 100 means the target is reached; a target of 0 is met by anything."""
    if target == 0:
        return 100 if done > 0 else 0
    return min(100, done * 100 // target)
