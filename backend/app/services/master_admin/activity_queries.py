"""The activity tracker's hot statements, built once at import.

Building a SQLAlchemy expression costs more than running a cached one, and these run
on every request of the dashboard's hot paths; values are passed as bound parameters.
"""

from collections.abc import Collection
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
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
from sqlalchemy.orm import aliased
from sqlalchemy.sql.dml import ReturningInsert
from sqlalchemy.sql.elements import Grouping

from app.models import ActivityStatus, ActivityType, AdminActivity, AdminGoal, AdminScore
from app.schemas.master_admin.activities import AdminActivityCreate

# First key of the two-key advisory lock serialising one user's score writes; the
# two-key space is apart from the one-key space, and this key from other features' locks.
SCORES_LOCK_CLASS = 0x5C0E
SCORE_CAP = 100
DAYS_PER_WEEK = 7

# Not "user_id": INSERT and UPDATE reserve column names for their own parameters.
USER_ID = bindparam("owner_id", type_=Integer)

LOCK_SCORES = select(func.pg_advisory_xact_lock(SCORES_LOCK_CLASS, USER_ID))

# A day's score as the API shows it; one user's days, between `start` and `end`.
STORED_SCORES = select(
    AdminScore.date, AdminScore.score, AdminScore.streak_days, AdminScore.activities_count
).where(AdminScore.user_id == USER_ID)
SCORE_OF_DAY = STORED_SCORES.where(AdminScore.date == bindparam("day", type_=Date))
SCORES_BETWEEN = STORED_SCORES.where(
    AdminScore.date.between(bindparam("start", type_=Date), bindparam("end", type_=Date))
)

NEWEST_FIRST = (AdminActivity.date.desc(), AdminActivity.id.desc())
ACTIVITIES_OF_DAY = (
    select(AdminActivity)
    .where(AdminActivity.user_id == USER_ID, AdminActivity.date == bindparam("day", type_=Date))
    .order_by(*NEWEST_FIRST)
)

# The goal a week runs on: its own, else the most recent earlier week's (goals recur).
GOAL_OF_WEEK = (
    select(AdminGoal)
    .where(
        AdminGoal.user_id == USER_ID, AdminGoal.week_start <= bindparam("week_start", type_=Date)
    )
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
    AdminActivity.user_id == USER_ID,
    AdminActivity.status == ActivityStatus.DONE,
    AdminActivity.date.between(bindparam("start", type_=Date), bindparam("end", type_=Date)),
)


def progress_parts() -> tuple[Subquery, type[AdminGoal]]:
    """The week's done amounts (one row) and the goal it runs on (the entity `goal`: its
    own or an inherited one, None when no goal is set on or before it), for a statement to join (`WEEK_PROGRESS`, the dashboard's)."""
    goal = aliased(AdminGoal, GOAL_OF_WEEK.subquery("goal"), name="goal")
    return DONE_BY_TYPE.subquery("done"), goal


def _week_progress() -> Select[tuple[object, ...]]:
    done, goal = progress_parts()
    return select(*done.c, goal).select_from(done).outerjoin(goal, true())


# A Monday before every storable day: day numbers counted from it are never negative.
EPOCH = literal_column("DATE '0001-01-01'", Date)


def _working_days_before(day: ColumnElement[date]) -> ColumnElement[int]:
    """How many working (non-rest) days lie between `EPOCH` and `day` (exclusive), from
    the `working_per_week` and `working_before` parameters (`rest_params`)."""
    elapsed = type_coerce(day - EPOCH, Integer)
    # Parenthesised: PostgreSQL reads `$1::INTEGER[][i]` as a type, not a subscript.
    working_before = Grouping(bindparam("working_before", type_=ARRAY(Integer, zero_indexes=True)))
    return (elapsed // DAYS_PER_WEEK) * bindparam(
        "working_per_week", type_=Integer
    ) + working_before[elapsed % DAYS_PER_WEEK]


def _starts_a_run(day: ColumnElement[date], previous: ColumnElement[date]) -> ColumnElement[int]:
    """1 when scoring `day` starts a new streak after the `previous` scoring day (null for
    none): a working day without a score lies between them. Rest days do not count."""
    broken = _working_days_before(day) > _working_days_before(previous + 1)
    return case((previous.is_(None), 1), (broken, 1), else_=0)


def _streak_numbers(scores: Subquery) -> Select[date, int]:
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


def _streak() -> Select[int, int, date]:
    """Current and longest runs of scoring days, and the latest scoring day, in one
    statement: the current run is the one whose last day is today, or is followed by
    rest days only up to today."""
    today = bindparam("today", type_=Date)
    scoring_days = (
        select(
            AdminScore.date.label("day"),
            func.lag(AdminScore.date).over(order_by=AdminScore.date).label("previous"),
        )
        .where(AdminScore.user_id == USER_ID, AdminScore.score > 0)
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
def rescore_days(weights: tuple[tuple[ActivityType, int], ...]) -> Update:
    """Store the score of each of the `days` (a bound DATE[], possibly empty) from its
    done activities, for one set of weights, and every stored day's streak (with the
    user's rest days, `rest_params`): one statement.

    A day without done activities stores 0. The streaks are numbered over the scores as
    they will be: the stored ones of the other days and the fresh ones of `days` (one
    statement cannot see its own upsert, hence the union). The touched days are upserted
    with theirs; of the other days only those whose streak changes are written, which
    are never before the earliest touched day.
    """
    days = bindparam("days", type_=ARRAY(Date))
    day = func.unnest(days).table_valued(column("day", Date)).render_derived(name="days")
    points = case(dict(weights), value=AdminActivity.type, else_=0) * AdminActivity.amount
    done_that_day = and_(
        AdminActivity.user_id == USER_ID,
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
            AdminScore.user_id == USER_ID, AdminScore.date != all_(days)
        ),
        select(fresh.c.date, fresh.c.score),
    ).subquery("scores")
    streaks = _streak_numbers(scores).cte("streaks")
    rescored = insert(AdminScore).from_select(
        ["user_id", "date", "score", "activities_count", "streak_days"],
        select(
            USER_ID, fresh.c.date, fresh.c.score, fresh.c.activities_count, streaks.c.streak_days
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
            AdminScore.user_id == USER_ID,
            AdminScore.date == streaks.c.date,
            AdminScore.date != all_(days),
            AdminScore.streak_days != streaks.c.streak_days,
        )
        .values(streak_days=streaks.c.streak_days, updated_at=func.now())
    )


def _log_activity() -> ReturningInsert[*tuple[Any, ...]]:
    """Take the user's score lock and insert the activity, in one statement: the lock
    is held before the rescore that follows, whose snapshot then sees every write that
    held it before."""
    lock = select(func.pg_advisory_xact_lock(SCORES_LOCK_CLASS, USER_ID)).cte("score_lock")
    fields = list(AdminActivityCreate.model_fields)
    values = select(
        USER_ID, *(bindparam(name, type_=AdminActivity.__table__.c[name].type) for name in fields)
    ).select_from(lock)
    return (
        insert(AdminActivity)
        .from_select(["user_id", *fields], values)
        .returning(*AdminActivity.__table__.c)
    )


def rest_params(rest_days: Collection[int]) -> dict[str, Any]:
    """The parameters of a statement numbering streaks (`rescore_days`, `STREAK`) for
    `rest_days` (ISO weekday numbers): the working days of a week, and those among the
    first 0..6 days of a Monday-started week."""
    return {
        "working_per_week": DAYS_PER_WEEK - len(rest_days),
        "working_before": [
            sum(1 for weekday in range(1, elapsed + 1) if weekday not in rest_days)
            for elapsed in range(DAYS_PER_WEEK)
        ],
    }


def streak_params(today: date, rest_days: Collection[int]) -> dict[str, Any]:
    """`STREAK`'s parameters besides the owner."""
    return {"today": today, **rest_params(rest_days)}


def week_params(week_start: date) -> dict[str, date]:
    """`WEEK_PROGRESS`'s (and `progress_parts`') parameters besides the owner."""
    return {
        "week_start": week_start,
        "start": week_start,
        "end": week_start + timedelta(days=DAYS_PER_WEEK - 1),
    }


LOG_ACTIVITY = _log_activity()
STREAK = _streak()
WEEK_PROGRESS = _week_progress()
