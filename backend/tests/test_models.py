"""The database itself rejects bad rows: constraints, cascades and representations."""

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.database import Base
from app.models import (
    AdminActivity,
    AdminDeal,
    AdminDealStageChange,
    AdminFocusSession,
    AdminGoal,
    AdminMeeting,
    AdminNudge,
    AdminProspect,
    AdminScore,
    DealStage,
    User,
)
from tests import factories
from tests.clock import MONDAY, TODAY

END = datetime.fromisoformat("2026-11-25T14:50:00+00:00")


async def assert_rejected(session: AsyncSession, constraint: str, row: Base) -> None:
    """Flushing `row` fails on the named constraint; the test's transaction survives."""
    with pytest.raises(IntegrityError, match=constraint):
        async with session.begin_nested():
            session.add(row)
            await session.flush()


async def test_defaults_are_filled_by_the_database(session: AsyncSession) -> None:
    user = await factories.create_user(session, timezone=None)
    await session.refresh(user)
    activity = await factories.create_activity(session, user, amount=None)
    focus = await factories.create_focus_session(session, user)
    meeting = await factories.create_meeting(session, user)
    prospect = await factories.create_prospect(session, user)

    assert user.timezone == "UTC"
    assert user.created_at.tzinfo is not None
    assert activity.amount == 1
    assert (focus.duration_minutes, focus.completed, focus.interrupted) == (50, False, False)
    assert meeting.duration_minutes == 60
    assert prospect.status == "new"


async def test_clerk_user_id_is_unique(session: AsyncSession) -> None:
    await factories.create_user(session, clerk_user_id="user_same")
    await assert_rejected(session, "uq_users_clerk_user_id", User(clerk_user_id="user_same"))


async def test_one_goal_per_user_and_week(session: AsyncSession) -> None:
    user = await factories.create_user(session)
    await factories.create_goal(session, user, week_start=MONDAY)
    await assert_rejected(
        session,
        "uq_admin_goals_user_id_week_start",
        AdminGoal(user_id=user.id, week_start=MONDAY),
    )


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"week_start": date(2026, 11, 24)}, "ck_admin_goals_week_start_monday"),
        ({"target_calls": -1}, "ck_admin_goals_targets_not_negative"),
    ],
)
async def test_goal_checks(session: AsyncSession, fields: dict[str, Any], constraint: str) -> None:
    user = await factories.create_user(session)
    row = AdminGoal(user_id=user.id, **({"week_start": MONDAY} | fields))
    await assert_rejected(session, constraint, row)


@pytest.mark.parametrize(
    ("column", "value", "constraint"),
    [
        ("type", "meeting", "ck_admin_activities_type"),
        ("status", "maybe", "ck_admin_activities_status"),
        ("amount", 0, "ck_admin_activities_amount_positive"),
    ],
)
async def test_activity_checks(
    session: AsyncSession, column: str, value: object, constraint: str
) -> None:
    user = await factories.create_user(session)
    values = {"type": "call", "status": "done", "date": TODAY, "amount": 1}
    # Raw SQL: the ORM's enum type would refuse the bad value before PostgreSQL sees it.
    with pytest.raises(IntegrityError, match=constraint):
        async with session.begin_nested():
            await session.execute(
                text(
                    "INSERT INTO admin_activities (user_id, type, status, date, amount) "
                    "VALUES (:user_id, :type, :status, :date, :amount)"
                ),
                {"user_id": user.id, **(values | {column: value})},
            )


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"score": 101}, "ck_admin_scores_score_range"),
        ({"score": -1}, "ck_admin_scores_score_range"),
        ({"streak_days": -1}, "ck_admin_scores_streak_days_not_negative"),
        ({"activities_count": -1}, "ck_admin_scores_activities_count_not_negative"),
    ],
)
async def test_score_checks(session: AsyncSession, fields: dict[str, Any], constraint: str) -> None:
    user = await factories.create_user(session)
    row = AdminScore(user_id=user.id, **({"date": TODAY, "score": 0} | fields))
    await assert_rejected(session, constraint, row)


async def test_one_score_per_user_and_day(session: AsyncSession) -> None:
    user = await factories.create_user(session)
    await factories.create_score(session, user, date=TODAY)
    await assert_rejected(
        session,
        "uq_admin_scores_user_id_date",
        AdminScore(user_id=user.id, date=TODAY, score=5),
    )


async def test_at_most_one_open_focus_session_per_user(session: AsyncSession) -> None:
    user, other = await factories.create_user(session), await factories.create_user(session)
    await factories.create_focus_session(session, user)
    await factories.create_focus_session(session, other)  # another user's is independent
    await factories.create_focus_session(session, user, end_time=END, completed=True)
    await assert_rejected(
        session,
        "uq_admin_focus_sessions_one_open_per_user",
        AdminFocusSession(user_id=user.id, start_time=END),
    )


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"duration_minutes": 4}, "ck_admin_focus_sessions_duration_range"),
        ({"duration_minutes": 181}, "ck_admin_focus_sessions_duration_range"),
        (
            {"end_time": END, "completed": True, "interrupted": True},
            "ck_admin_focus_sessions_one_outcome",
        ),
        ({"end_time": END}, "ck_admin_focus_sessions_ended_with_outcome"),
        ({"completed": True}, "ck_admin_focus_sessions_ended_with_outcome"),
    ],
)
async def test_focus_session_checks(
    session: AsyncSession, fields: dict[str, Any], constraint: str
) -> None:
    user = await factories.create_user(session)
    row = AdminFocusSession(user_id=user.id, start_time=END, **fields)
    await assert_rejected(session, constraint, row)


async def test_nudge_rule_fires_once_per_user(session: AsyncSession) -> None:
    user, other = await factories.create_user(session), await factories.create_user(session)
    await factories.create_nudge(session, user, rule_key="no_goal:2026-11-25")
    await factories.create_nudge(session, other, rule_key="no_goal:2026-11-25")
    await assert_rejected(
        session,
        "uq_admin_nudges_user_id_rule_key",
        AdminNudge(user_id=user.id, type="reminder", message="m", rule_key="no_goal:2026-11-25"),
    )


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"duration_minutes": 4}, "ck_admin_meetings_duration_range"),
        ({"duration_minutes": 481}, "ck_admin_meetings_duration_range"),
        ({"title": ""}, "ck_admin_meetings_title_not_empty"),
    ],
)
async def test_meeting_checks(
    session: AsyncSession, fields: dict[str, Any], constraint: str
) -> None:
    user = await factories.create_user(session)
    row = AdminMeeting(user_id=user.id, **({"title": "Demo", "type": "demo"} | fields))
    await assert_rejected(session, constraint, row)


async def test_rows_need_an_existing_user(session: AsyncSession) -> None:
    await assert_rejected(
        session,
        "fk_admin_goals_user_id_users",
        AdminGoal(user_id=2_000_000_000, week_start=MONDAY),
    )


async def test_deleting_a_user_deletes_everything_of_theirs(session: AsyncSession) -> None:
    user = await factories.create_user(session)
    survivor = await factories.create_user(session)
    for owner in (user, survivor):
        prospect = await factories.create_prospect(session, owner)
        await factories.create_goal(session, owner)
        await factories.create_activity(session, owner, prospect_id=prospect.id)
        await factories.create_score(session, owner)
        await factories.create_focus_session(session, owner)
        await factories.create_nudge(session, owner)
        await factories.create_meeting(session, owner)

    await session.delete(user)
    await session.flush()

    models: list[type[Base]] = [
        AdminProspect,
        AdminGoal,
        AdminActivity,
        AdminScore,
        AdminFocusSession,
        AdminNudge,
        AdminMeeting,
    ]
    for model in models:
        owners = (await session.scalars(select(model.user_id))).all()  # type: ignore[attr-defined]
        assert owners == [survivor.id], model.__name__


async def test_deleting_a_prospect_keeps_its_activities(session: AsyncSession) -> None:
    user = await factories.create_user(session)
    prospect = await factories.create_prospect(session, user)
    activity = await factories.create_activity(session, user, prospect_id=prospect.id)

    await session.delete(prospect)
    await session.flush()
    await session.refresh(activity)

    assert activity.prospect_id is None
    assert await session.scalar(select(func.count()).select_from(AdminActivity)) == 1


async def test_every_model_has_a_readable_repr(session: AsyncSession) -> None:
    user = await factories.create_user(session, clerk_user_id="user_repr", role="master_admin")
    day = TODAY
    assert repr(user) == f"<User(id={user.id}, clerk_user_id='user_repr', role='master_admin')>"
    prospect = await factories.create_prospect(session, user, name="Ada")
    assert repr(prospect) == f"<AdminProspect(id={prospect.id}, name='Ada', status='new')>"
    goal = await factories.create_goal(session, user)
    assert repr(goal) == f"<AdminGoal(id={goal.id}, user_id={user.id}, week=2026-11-23)>"
    activity = await factories.create_activity(session, user, type="call", amount=2)
    assert repr(activity) == (
        f"<AdminActivity(id={activity.id}, type='call', status='done', date={day}, amount=2)>"
    )
    score = await factories.create_score(session, user, score=35, streak_days=3)
    assert repr(score) == (f"<AdminScore(id={score.id}, date={day}, score=35, streak_days=3)>")
    focus = await factories.create_focus_session(session, user)
    assert repr(focus) == (
        f"<AdminFocusSession(id={focus.id}, start_time=2026-11-25 14:00:00+00:00, "
        "duration_minutes=50, completed=False)>"
    )
    nudge = await factories.create_nudge(session, user, rule_key="no_goal:2026-11-25")
    assert repr(nudge) == (
        f"<AdminNudge(id={nudge.id}, type='reminder', priority='normal', "
        "rule_key='no_goal:2026-11-25')>"
    )
    meeting = await factories.create_meeting(session, user, title="Intro")
    assert repr(meeting) == f"<AdminMeeting(id={meeting.id}, title='Intro', type='discovery')>"
    deal = await factories.create_deal(session, user, prospect, title="Licence")
    assert repr(deal) == f"<AdminDeal(id={deal.id}, title='Licence', stage='discovery')>"
    change = AdminDealStageChange(deal_id=deal.id, from_stage=None, to_stage=DealStage.WON)
    assert repr(change) == (
        f"<AdminDealStageChange(deal_id={deal.id}, from_stage=None, to_stage=won)>"
    )


async def test_a_prospects_email_is_unique_per_user_ignoring_case(session: AsyncSession) -> None:
    user = await factories.create_user(session)
    other = await factories.create_user(session)
    await factories.create_prospect(session, user, email="ada@example.com")
    await factories.create_prospect(session, other, email="ada@example.com")
    await factories.create_prospect(session, user, email=None)
    await factories.create_prospect(session, user, email=None)

    await assert_rejected(
        session,
        "uq_admin_prospects_user_id_lower_email",
        AdminProspect(user_id=user.id, name="Ada", email="ADA@example.com"),
    )


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"title": ""}, "ck_admin_deals_title_not_empty"),
        ({"value": -1}, "ck_admin_deals_value_range"),
        ({"value": 10**12 + 1}, "ck_admin_deals_value_range"),
        ({"probability": 101}, "ck_admin_deals_probability_range"),
        ({"stage": "won"}, "ck_admin_deals_closed_on_when_closed"),
        ({"closed_on": TODAY}, "ck_admin_deals_closed_on_when_closed"),
    ],
)
async def test_deal_checks(session: AsyncSession, fields: dict[str, Any], constraint: str) -> None:
    user = await factories.create_user(session)
    prospect = await factories.create_prospect(session, user)
    values = {"title": "Licence", "stage": "discovery", "value": 1, "probability": 10}
    await assert_rejected(
        session,
        constraint,
        AdminDeal(user_id=user.id, prospect_id=prospect.id, **(values | fields)),
    )


async def test_deleting_a_prospect_cascades_to_deals_and_their_history(
    session: AsyncSession,
) -> None:
    user = await factories.create_user(session)
    prospect = await factories.create_prospect(session, user)
    deal = await factories.create_deal(session, user, prospect)
    session.add(AdminDealStageChange(deal_id=deal.id, to_stage=DealStage.DISCOVERY))
    await session.flush()

    await session.execute(text("DELETE FROM admin_prospects WHERE id = :id"), {"id": prospect.id})

    for model in (AdminDeal, AdminDealStageChange):
        assert await session.scalar(select(func.count()).select_from(model)) == 0
