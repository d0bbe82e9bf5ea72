"""The activity tracker's hot statements, built once at import.

Building a SQLAlchemy expression costs more than running a cached one, and these run
on every request of the dashboard's hot paths; values are passed as bound parameters.
"""

from datetime import date
from functools import cache

from sqlalchemy import (
    Date,
    Integer,
    Select,
    Update,
    and_,
    bindparam,
    case,
    cast,
    column,
    func,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, Insert, insert

from app.models import ActivityStatus, ActivityType, AdminActivity, AdminGoal, AdminScore

# First key of the two-key advisory lock serialising one user's score writes; the
# two-key space is apart from the one-key space, and this key from other features' locks.
SCORES_LOCK_CLASS = 0x5C0E
SCORE_CAP = 100

# Not "user_id": INSERT and UPDATE reserve column names for their own parameters.
USER_ID = bindparam("owner_id", type_=Integer)

LOCK_SCORES = select(func.pg_advisory_xact_lock(SCORES_LOCK_CLASS, USER_ID))

SCORE_OF_DAY = select(
    AdminScore.date, AdminScore.score, AdminScore.streak_days, AdminScore.activities_count
).where(AdminScore.user_id == USER_ID, AdminScore.date == bindparam("day", type_=Date))

ACTIVITIES_OF_DAY = (
    select(AdminActivity)
    .where(AdminActivity.user_id == USER_ID, AdminActivity.date == bindparam("day", type_=Date))
    .order_by(AdminActivity.date.desc(), AdminActivity.id.desc())
)

GOAL_OF_WEEK = select(AdminGoal).where(
    AdminGoal.user_id == USER_ID, AdminGoal.week_start == bindparam("week_start", type_=Date)
)

DONE_PER_TYPE = (
    select(AdminActivity.type, func.sum(AdminActivity.amount).label("done"))
    .where(
        AdminActivity.user_id == USER_ID,
        AdminActivity.status == ActivityStatus.DONE,
        AdminActivity.date.between(bindparam("start", type_=Date), bindparam("end", type_=Date)),
    )
    .group_by(AdminActivity.type)
)


def _renumber_streaks() -> Update:
    """Gaps and islands: among scoring days, `date - row_number()` is constant within a
    run of consecutive days, so each run is one group and a day's streak is its distance
    from the run's first day, plus one. Days scoring 0 get 0. Only rows from `since` on
    that changed are written."""
    scoring = AdminScore.score > 0
    ranked = (
        select(
            AdminScore.id,
            AdminScore.date,
            scoring.label("scoring"),
            (
                AdminScore.date
                - cast(
                    func.row_number().over(partition_by=scoring, order_by=AdminScore.date),
                    Integer,
                )
            ).label("run"),
        )
        .where(AdminScore.user_id == USER_ID)
        .subquery("ranked")
    )
    run_start = func.min(ranked.c.date).over(partition_by=[ranked.c.scoring, ranked.c.run])
    streaks = select(
        ranked.c.id,
        case((ranked.c.scoring, ranked.c.date - run_start + 1), else_=0).label("streak_days"),
    ).subquery("streaks")
    return (
        update(AdminScore)
        .where(
            AdminScore.id == streaks.c.id,
            AdminScore.date >= bindparam("since", type_=Date),
            AdminScore.streak_days != streaks.c.streak_days,
        )
        .values(streak_days=streaks.c.streak_days)
    )


def _streak() -> Select[int, int, date]:
    """Current and longest runs of scoring days, and the latest scoring day, in one
    statement: the current run is the one that reaches today or yesterday."""
    today = bindparam("today", type_=Date)
    scoring_days = (
        select(
            AdminScore.date.label("day"),
            (
                AdminScore.date - cast(func.row_number().over(order_by=AdminScore.date), Integer)
            ).label("run"),
        )
        .where(AdminScore.user_id == USER_ID, AdminScore.score > 0)
        .subquery("scoring_days")
    )
    runs = (
        select(
            func.min(scoring_days.c.day).label("first_day"),
            func.max(scoring_days.c.day).label("last_day"),
        )
        .group_by(scoring_days.c.run)
        .subquery("runs")
    )
    length = runs.c.last_day - runs.c.first_day + 1
    length_up_to_today = func.least(runs.c.last_day, today) - runs.c.first_day + 1
    alive = and_(runs.c.first_day <= today, runs.c.last_day >= bindparam("yesterday", type_=Date))
    return select(
        func.coalesce(func.max(length_up_to_today).filter(alive), 0).label("current_streak"),
        func.coalesce(func.max(length), 0).label("longest_streak"),
        func.max(runs.c.last_day).label("last_active_date"),
    )


@cache
def rescore_days(weights: tuple[tuple[ActivityType, int], ...]) -> Insert:
    """Upsert the score of each of the `days` (a bound DATE[]) from its done activities,
    for one set of weights; a day without done activities stores 0."""
    day = (
        func.unnest(bindparam("days", type_=ARRAY(Date)))
        .table_valued(column("day", Date))
        .render_derived(name="days")
    )
    points = case(dict(weights), value=AdminActivity.type, else_=0) * AdminActivity.amount
    done_that_day = and_(
        AdminActivity.user_id == USER_ID,
        AdminActivity.date == day.c.day,
        AdminActivity.status == ActivityStatus.DONE,
    )
    scores = (
        select(
            USER_ID,
            day.c.day,
            func.least(SCORE_CAP, func.coalesce(func.sum(points), 0)),
            func.count(AdminActivity.id),
        )
        .select_from(day.outerjoin(AdminActivity, done_that_day))
        .group_by(day.c.day)
    )
    statement = insert(AdminScore).from_select(
        ["user_id", "date", "score", "activities_count"], scores
    )
    return statement.on_conflict_do_update(
        index_elements=[AdminScore.user_id, AdminScore.date],
        set_={
            "score": statement.excluded.score,
            "activities_count": statement.excluded.activities_count,
            "updated_at": func.now(),
        },
    )


RENUMBER_STREAKS = _renumber_streaks()
STREAK = _streak()
