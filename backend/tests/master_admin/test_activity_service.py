"""ActivityService on the real database: scores, streaks and weekly progress, with every
expectation computed by hand (weights: discovery 10, email 5, video 15, call 20)."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.errors import InvalidInput, NotFound
from app.models import ActivityStatus, ActivityType, AdminScore, User
from app.schemas.master_admin.activities import AdminActivityCreate, AdminActivityUpdate
from app.schemas.master_admin.progress import ActivityTypeProgress
from app.schemas.master_admin.scores import AdminScoreResponse, StreakResponse
from app.services.master_admin.activity_service import ActivityService
from tests.clock import MONDAY, TODAY, FixedClock
from tests.factories import create_activity, create_goal, create_prospect, create_user

DONE, PENDING, CANCELLED = ActivityStatus.DONE, ActivityStatus.PENDING, ActivityStatus.CANCELLED
DISCOVERY, EMAIL, VIDEO, CALL = (
    ActivityType.DISCOVERY,
    ActivityType.EMAIL,
    ActivityType.VIDEO,
    ActivityType.CALL,
)


@pytest.fixture
async def user(session: AsyncSession) -> User:
    return await create_user(session)


@pytest.fixture
def service(session: AsyncSession, clock: FixedClock) -> ActivityService:
    return ActivityService(session, clock)


def activity(**fields: Any) -> AdminActivityCreate:
    defaults: dict[str, Any] = {"type": DISCOVERY, "status": DONE, "date": TODAY, "amount": 1}
    return AdminActivityCreate(**(defaults | fields))


async def log(service: ActivityService, user: User, *days: date, **fields: Any) -> None:
    """One done discovery (10 points) on each of `days`, through the service."""
    for day in days:
        await service.create_activity(user, activity(date=day, **fields))


async def stored_scores(session: AsyncSession, user: User) -> dict[date, tuple[int, int, int]]:
    """{date: (score, streak_days, activities_count)} as stored, read afresh."""
    rows = await session.execute(
        select(
            AdminScore.date, AdminScore.score, AdminScore.streak_days, AdminScore.activities_count
        )
        .where(AdminScore.user_id == user.id)
        .order_by(AdminScore.date)
    )
    return {row.date: (row.score, row.streak_days, row.activities_count) for row in rows}


def days_before(n: int) -> date:
    return TODAY - timedelta(days=n)


# Scores


async def test_score_is_the_weighted_sum_of_done_activities(
    service: ActivityService, user: User
) -> None:
    await service.create_activity(user, activity(type=DISCOVERY, amount=2))
    await service.create_activity(user, activity(type=EMAIL, amount=3))

    score = await service.get_daily_score(user, TODAY)

    # discovery 2 x 10 + email 3 x 5 = 35
    assert score == AdminScoreResponse(date=TODAY, score=35, streak_days=1, activities_count=2)


async def test_video_and_call_weights(service: ActivityService, user: User) -> None:
    await service.create_activity(user, activity(type=VIDEO, amount=2))
    await service.create_activity(user, activity(type=CALL, amount=1))

    # video 2 x 15 + call 1 x 20 = 50
    assert (await service.get_daily_score(user, TODAY)).score == 50


async def test_score_is_capped_at_100(service: ActivityService, user: User) -> None:
    await service.create_activity(user, activity(type=CALL, amount=4))
    await service.create_activity(user, activity(type=EMAIL, amount=5))

    score = await service.get_daily_score(user, TODAY)

    # call 4 x 20 + email 5 x 5 = 105, capped
    assert (score.score, score.activities_count) == (100, 2)


async def test_pending_and_cancelled_activities_count_zero(
    service: ActivityService, user: User
) -> None:
    await service.create_activity(user, activity(type=DISCOVERY, amount=2))
    await service.create_activity(user, activity(type=CALL, amount=5, status=PENDING))
    await service.create_activity(user, activity(type=VIDEO, amount=3, status=CANCELLED))

    score = await service.get_daily_score(user, TODAY)

    assert (score.score, score.activities_count) == (20, 1)


async def test_a_day_without_activities_scores_zeros(service: ActivityService, user: User) -> None:
    assert await service.get_daily_score(user, TODAY) == AdminScoreResponse(
        date=TODAY, score=0, streak_days=0, activities_count=0
    )


async def test_a_pending_activity_alone_stores_no_score(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    await service.create_activity(user, activity(status=PENDING, date=TODAY + timedelta(days=3)))

    assert await stored_scores(session, user) == {}


async def test_scores_are_per_user(service: ActivityService, session: AsyncSession) -> None:
    alice, bob = await create_user(session), await create_user(session)
    await service.create_activity(alice, activity(type=CALL, amount=2))
    await service.create_activity(bob, activity(type=EMAIL, amount=1))

    assert (await service.get_daily_score(alice, TODAY)).score == 40
    assert (await service.get_daily_score(bob, TODAY)).score == 5


async def test_calculate_daily_score_recomputes_the_given_days_and_their_streaks(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    # Raw rows: the factory stores no score, so the scores come from calculate_daily_score.
    await create_activity(session, user, date=days_before(2), type=EMAIL, amount=1)
    await create_activity(session, user, date=days_before(1), type=VIDEO, amount=2)
    await create_activity(session, user, date=TODAY, type=EMAIL, amount=4)
    await create_activity(session, user, date=days_before(5), type=CALL, status=PENDING)

    await service.calculate_daily_score(user, days_before(5), days_before(1), TODAY)

    # (score, streak_days, activities_count); 2 days ago has no stored score yet, so the
    # run starts yesterday
    assert await stored_scores(session, user) == {
        days_before(5): (0, 0, 0),
        days_before(1): (30, 1, 1),
        TODAY: (20, 2, 1),
    }

    # Scoring the day before renumbers the later days of its run too.
    await service.calculate_daily_score(user, days_before(2))
    assert await stored_scores(session, user) == {
        days_before(5): (0, 0, 0),
        days_before(2): (5, 1, 1),
        days_before(1): (30, 2, 1),
        TODAY: (20, 3, 1),
    }


async def test_update_streak_renumbers_every_stored_day_from_the_stored_scores(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    for day, score in ((days_before(4), 5), (days_before(3), 5), (days_before(2), 0), (TODAY, 5)):
        session.add(AdminScore(user_id=user.id, date=day, score=score, streak_days=9))
    await session.flush()

    await service.update_streak(user)

    # Scores untouched; each day's streak is its run of consecutive scoring days.
    assert await stored_scores(session, user) == {
        days_before(4): (5, 1, 0),
        days_before(3): (5, 2, 0),
        days_before(2): (0, 0, 0),
        TODAY: (5, 1, 0),
    }


async def test_weights_come_from_settings(
    session: AsyncSession, clock: FixedClock, user: User
) -> None:
    settings = Settings(_env_file=None, activity_weights={EMAIL: 7})
    service = ActivityService(session, clock, settings)

    await service.create_activity(user, activity(type=EMAIL, amount=3))
    await service.create_activity(user, activity(type=DISCOVERY, amount=1))

    # email 3 x 7 (overridden) + discovery 1 x 10 (default kept) = 31
    assert (await service.get_daily_score(user, TODAY)).score == 31


def test_activity_weights_setting_defaults_and_merges_overrides(
    clean_environment: pytest.MonkeyPatch,
) -> None:
    # clean_environment: no ACTIVITY_WEIGHTS from the developer's shell.
    assert Settings(_env_file=None).activity_weights == {
        DISCOVERY: 10,
        EMAIL: 5,
        VIDEO: 15,
        CALL: 20,
    }
    clean_environment.setenv("ACTIVITY_WEIGHTS", '{"call": 30}')
    assert Settings(_env_file=None).activity_weights == {
        DISCOVERY: 10,
        EMAIL: 5,
        VIDEO: 15,
        CALL: 30,
    }


@pytest.mark.parametrize("weights", [{"call": -1}, {"call": 101}, {"sms": 5}])
def test_activity_weights_setting_is_validated(weights: dict[str, int]) -> None:
    fields: dict[str, Any] = {"activity_weights": weights}
    with pytest.raises(ValidationError):
        Settings(_env_file=None, **fields)


# Writes keep every touched day's score right


async def test_update_moving_an_activity_rescores_both_dates(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    moved = await service.create_activity(
        user, activity(date=days_before(1), type=DISCOVERY, amount=2)
    )
    await service.create_activity(user, activity(date=days_before(1), type=EMAIL, amount=1))

    await service.update_activity(user, moved.id, AdminActivityUpdate(date=TODAY))

    # yesterday keeps the email (5); today gets the discoveries (20) and extends the streak
    assert await stored_scores(session, user) == {
        days_before(1): (5, 1, 1),
        TODAY: (20, 2, 1),
    }


async def test_update_of_status_and_amount_rescores(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    call = await service.create_activity(user, activity(type=CALL, amount=1, status=PENDING))
    await service.update_activity(user, call.id, AdminActivityUpdate(status=DONE, amount=3))
    assert await stored_scores(session, user) == {TODAY: (60, 1, 1)}

    await service.update_activity(user, call.id, AdminActivityUpdate(status=CANCELLED))
    assert await stored_scores(session, user) == {TODAY: (0, 0, 0)}


async def test_update_of_type_rescores(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    created = await service.create_activity(user, activity(type=EMAIL, amount=2))

    updated = await service.update_activity(user, created.id, AdminActivityUpdate(type=VIDEO))

    assert updated.type is VIDEO
    assert await stored_scores(session, user) == {TODAY: (30, 1, 1)}


async def test_update_of_notes_keeps_the_score(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    created = await service.create_activity(user, activity(type=EMAIL, amount=2, notes="a"))

    updated = await service.update_activity(user, created.id, AdminActivityUpdate(notes=None))

    assert updated.notes is None
    assert await stored_scores(session, user) == {TODAY: (10, 1, 1)}


async def test_delete_rescores_the_day(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    email = await service.create_activity(user, activity(type=EMAIL, amount=2))
    await service.create_activity(user, activity(type=CALL, amount=1))

    await service.delete_activity(user, email.id)

    assert await stored_scores(session, user) == {TODAY: (20, 1, 1)}
    with pytest.raises(NotFound):
        await service.get_activity(user, email.id)


async def test_delete_of_a_pending_activity_keeps_the_score(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    await service.create_activity(user, activity(type=EMAIL, amount=2))
    pending = await service.create_activity(user, activity(type=CALL, status=PENDING))

    await service.delete_activity(user, pending.id)

    assert await stored_scores(session, user) == {TODAY: (10, 1, 1)}


async def test_another_users_activity_is_not_found(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    theirs = await service.create_activity(await create_user(session), activity())

    with pytest.raises(NotFound):
        await service.get_activity(user, theirs.id)
    with pytest.raises(NotFound):
        await service.update_activity(user, theirs.id, AdminActivityUpdate(amount=5))
    with pytest.raises(NotFound):
        await service.delete_activity(user, theirs.id)


# Streaks


async def test_streak_days_count_consecutive_scoring_days(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    await log(service, user, days_before(5), days_before(4), days_before(2), days_before(1), TODAY)

    assert {
        day: streak for day, (_, streak, _) in (await stored_scores(session, user)).items()
    } == {
        days_before(5): 1,
        days_before(4): 2,
        days_before(2): 1,
        days_before(1): 2,
        TODAY: 3,
    }
    assert await service.get_streak(user) == StreakResponse(
        current_streak=3, longest_streak=3, last_active_date=TODAY
    )


async def test_logging_out_of_order_gives_the_same_streaks(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    await log(service, user, TODAY, days_before(2), days_before(1))

    assert [streak for _, streak, _ in (await stored_scores(session, user)).values()] == [1, 2, 3]


async def test_backfilling_a_gap_fixes_every_later_day(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    await log(service, user, days_before(4), days_before(3), days_before(1), TODAY)
    assert (await service.get_streak(user)).current_streak == 2

    await log(service, user, days_before(2))

    assert [streak for _, streak, _ in (await stored_scores(session, user)).values()] == [
        1,
        2,
        3,
        4,
        5,
    ]
    assert await service.get_streak(user) == StreakResponse(
        current_streak=5, longest_streak=5, last_active_date=TODAY
    )


async def test_deleting_a_past_day_breaks_the_streak_after_it(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    await log(service, user, days_before(3), days_before(1), TODAY)
    middle = await service.create_activity(user, activity(date=days_before(2)))

    await service.delete_activity(user, middle.id)

    assert await stored_scores(session, user) == {
        days_before(3): (10, 1, 1),
        days_before(2): (0, 0, 0),
        days_before(1): (10, 1, 1),
        TODAY: (10, 2, 1),
    }
    assert await service.get_streak(user) == StreakResponse(
        current_streak=2, longest_streak=2, last_active_date=TODAY
    )


async def test_cancelling_a_past_day_breaks_the_streak_after_it(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    await log(service, user, days_before(2), TODAY)
    middle = await service.create_activity(user, activity(date=days_before(1)))
    assert (await service.get_streak(user)).current_streak == 3

    await service.update_activity(user, middle.id, AdminActivityUpdate(status=CANCELLED))

    assert (await service.get_streak(user)).current_streak == 1
    assert (await service.get_daily_score(user, TODAY)).streak_days == 1


async def test_the_streak_is_alive_until_today_ends(service: ActivityService, user: User) -> None:
    await log(service, user, days_before(2), days_before(1))

    # Nothing yet today: the streak counts back from yesterday.
    assert await service.get_streak(user) == StreakResponse(
        current_streak=2, longest_streak=2, last_active_date=days_before(1)
    )
    assert (await service.get_daily_score(user, TODAY)).streak_days == 0

    await log(service, user, TODAY)
    assert (await service.get_streak(user)).current_streak == 3


async def test_a_missed_day_ends_the_current_streak_but_not_the_longest(
    service: ActivityService, user: User
) -> None:
    await log(service, user, days_before(5), days_before(4), days_before(3), days_before(2))

    assert await service.get_streak(user) == StreakResponse(
        current_streak=0, longest_streak=4, last_active_date=days_before(2)
    )


async def test_longest_streak_is_the_history_as_it_stands_now(
    service: ActivityService, user: User
) -> None:
    await log(service, user, days_before(40), days_before(39))
    middle = await service.create_activity(user, activity(date=days_before(38)))
    await log(service, user, days_before(37), days_before(36), TODAY)
    assert (await service.get_streak(user)).longest_streak == 5

    await service.delete_activity(user, middle.id)

    assert await service.get_streak(user) == StreakResponse(
        current_streak=1, longest_streak=2, last_active_date=TODAY
    )


async def test_last_active_date_ignores_days_that_no_longer_score(
    service: ActivityService, user: User
) -> None:
    await log(service, user, days_before(10))
    latest = await service.create_activity(user, activity(date=days_before(3)))
    await service.update_activity(user, latest.id, AdminActivityUpdate(status=PENDING))

    assert await service.get_streak(user) == StreakResponse(
        current_streak=0, longest_streak=1, last_active_date=days_before(10)
    )


async def test_no_history_means_no_streak(service: ActivityService, user: User) -> None:
    assert await service.get_streak(user) == StreakResponse(
        current_streak=0, longest_streak=0, last_active_date=None
    )


async def test_streaks_are_per_user(service: ActivityService, session: AsyncSession) -> None:
    alice, bob = await create_user(session), await create_user(session)
    await log(service, alice, days_before(2), days_before(1), TODAY)
    await log(service, bob, days_before(1))

    assert (await service.get_streak(alice)).current_streak == 3
    assert (await service.get_streak(bob)).current_streak == 1
    assert (await service.get_daily_score(alice, TODAY)).streak_days == 3


# Time zones: "today" is the user's local date


async def test_today_is_the_users_local_date(
    service: ActivityService, session: AsyncSession, clock: FixedClock
) -> None:
    # 11:30 UTC on the 25th is already 00:30 on the 26th in Auckland (UTC+13 in summer).
    clock.instant = datetime(2026, 11, 25, 11, 30, tzinfo=UTC)
    kiwi = await create_user(session, timezone="Pacific/Auckland")
    await log(service, kiwi, TODAY)  # yesterday for them

    assert service.today(kiwi) == date(2026, 11, 26)
    assert (await service.get_daily_score(kiwi, service.today(kiwi))).score == 0
    assert (await service.get_streak(kiwi)).current_streak == 1

    await log(service, kiwi, date(2026, 11, 26))
    assert (await service.get_streak(kiwi)).current_streak == 2


async def test_the_current_streak_ignores_days_after_today(
    service: ActivityService, session: AsyncSession, clock: FixedClock
) -> None:
    # Logged on their 25th and 26th in Auckland; then they move to UTC, where it is the 25th.
    clock.instant = datetime(2026, 11, 25, 11, 30, tzinfo=UTC)
    traveller = await create_user(session, timezone="Pacific/Auckland")
    await log(service, traveller, TODAY, date(2026, 11, 26))
    traveller.timezone = "UTC"

    assert await service.get_streak(traveller) == StreakResponse(
        current_streak=1, longest_streak=2, last_active_date=date(2026, 11, 26)
    )


async def test_a_done_activity_may_be_dated_today_but_not_after(
    service: ActivityService, session: AsyncSession, clock: FixedClock
) -> None:
    # 03:00 UTC on the 26th is still 19:00 on the 25th in Los Angeles.
    clock.instant = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
    angeleno = await create_user(session, timezone="America/Los_Angeles")
    londoner = await create_user(session, timezone="Europe/London")

    await service.create_activity(londoner, activity(date=date(2026, 11, 26)))
    await service.create_activity(angeleno, activity(date=date(2026, 11, 25)))
    with pytest.raises(InvalidInput) as refused:
        await service.create_activity(angeleno, activity(date=date(2026, 11, 26)))

    assert refused.value.loc == ("body", "date")


async def test_a_planned_activity_may_be_dated_in_the_future(
    service: ActivityService, user: User
) -> None:
    planned = await service.create_activity(
        user, activity(status=PENDING, date=TODAY + timedelta(days=30))
    )

    assert planned.date == TODAY + timedelta(days=30)


async def test_an_update_may_not_mark_a_future_activity_done(
    service: ActivityService, user: User
) -> None:
    planned = await service.create_activity(
        user, activity(status=PENDING, date=TODAY + timedelta(days=1))
    )
    done = await service.create_activity(user, activity())

    with pytest.raises(InvalidInput) as marked_done:
        await service.update_activity(user, planned.id, AdminActivityUpdate(status=DONE))
    with pytest.raises(InvalidInput) as moved:
        await service.update_activity(
            user, done.id, AdminActivityUpdate(date=TODAY + timedelta(days=1))
        )

    assert marked_done.value.loc == ("body", "date")
    assert moved.value.loc == ("body", "date")


# Prospects


async def test_an_activity_may_name_one_of_the_users_prospects(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    prospect = await create_prospect(session, user)

    created = await service.create_activity(user, activity(prospect_id=prospect.id))

    assert created.prospect_id == prospect.id


async def test_another_users_or_an_unknown_prospect_is_invalid(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    theirs = await create_prospect(session, await create_user(session))
    mine = await service.create_activity(user, activity())

    for prospect_id in (theirs.id, 2_147_483_647):
        with pytest.raises(InvalidInput) as created:
            await service.create_activity(user, activity(prospect_id=prospect_id))
        with pytest.raises(InvalidInput) as updated:
            await service.update_activity(
                user, mine.id, AdminActivityUpdate(prospect_id=prospect_id)
            )
        assert created.value.loc == updated.value.loc == ("body", "prospect_id")


# Weekly progress (for the dashboard, which calls the service directly)


async def test_weekly_progress_against_the_goal(
    service: ActivityService, session: AsyncSession, user: User
) -> None:
    goal = await create_goal(
        session,
        user,
        week_start=MONDAY,
        target_discoveries=5,
        target_emails=20,
        target_videos=3,
        target_calls=0,
    )
    await service.create_activity(user, activity(type=DISCOVERY, amount=2, date=MONDAY))
    await service.create_activity(user, activity(type=DISCOVERY, amount=1))
    await service.create_activity(user, activity(type=EMAIL, amount=25))
    await service.create_activity(user, activity(type=VIDEO, amount=2, status=PENDING))
    await service.create_activity(user, activity(type=CALL, amount=1, date=date(2026, 11, 22)))

    progress = await service.get_weekly_progress(user)

    # Wednesday: 3 of 7 days elapsed.
    assert progress.week_start == date(2026, 11, 23)
    assert progress.goal_id == goal.id
    assert progress.types == [
        ActivityTypeProgress(
            type=DISCOVERY, target=5, done=3, remaining=2, percent=60, expected_by_today=2.14
        ),
        ActivityTypeProgress(
            type=EMAIL, target=20, done=25, remaining=0, percent=100, expected_by_today=8.57
        ),
        ActivityTypeProgress(
            type=VIDEO, target=3, done=0, remaining=3, percent=0, expected_by_today=1.29
        ),
        ActivityTypeProgress(
            type=CALL, target=0, done=0, remaining=0, percent=0, expected_by_today=0
        ),
    ]
