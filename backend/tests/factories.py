"""Factories: build and flush rows with sensible defaults; override any column by keyword."""

import itertools
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.database import Base
from app.models import (
    ActivityStatus,
    ActivityType,
    AdminActivity,
    AdminDeal,
    AdminFocusSession,
    AdminGoal,
    AdminMeeting,
    AdminNudge,
    AdminProspect,
    AdminScore,
    DealStage,
    MeetingType,
    NudgePriority,
    NudgeType,
    User,
)
from tests.clock import MONDAY, TODAY
from tests.tokens import FOUNDER

ModelT = TypeVar("ModelT", bound=Base)
_sequence = itertools.count(1)


async def _persist(session: AsyncSession, row: ModelT) -> ModelT:
    session.add(row)
    await session.flush()
    await session.refresh(row)
    return row


async def create_user(session: AsyncSession, **fields: Any) -> User:
    n = next(_sequence)
    defaults: dict[str, Any] = {
        "clerk_user_id": f"user_factory_{n}",
        "email": f"founder{n}@example.com",
        "role": "master_admin",
        "timezone": "UTC",
    }
    return await _persist(session, User(**(defaults | fields)))


async def create_founder(session: AsyncSession, timezone: str = "UTC") -> User:
    """The row behind the `client` fixture's token."""
    return await create_user(session, clerk_user_id=FOUNDER, timezone=timezone)


async def create_prospect(session: AsyncSession, user: User, **fields: Any) -> AdminProspect:
    defaults: dict[str, Any] = {"name": f"Prospect {next(_sequence)}", "company": "Acme"}
    return await _persist(session, AdminProspect(user_id=user.id, **(defaults | fields)))


async def create_goal(session: AsyncSession, user: User, **fields: Any) -> AdminGoal:
    defaults: dict[str, Any] = {
        "week_start": MONDAY,
        "target_discoveries": 5,
        "target_emails": 20,
        "target_videos": 3,
        "target_calls": 10,
    }
    return await _persist(session, AdminGoal(user_id=user.id, **(defaults | fields)))


async def create_activity(session: AsyncSession, user: User, **fields: Any) -> AdminActivity:
    """A raw activity row: no score is recomputed (use the service or the API for that)."""
    defaults: dict[str, Any] = {
        "type": ActivityType.DISCOVERY,
        "status": ActivityStatus.DONE,
        "date": TODAY,
        "amount": 1,
    }
    return await _persist(session, AdminActivity(user_id=user.id, **(defaults | fields)))


async def create_score(session: AsyncSession, user: User, **fields: Any) -> AdminScore:
    defaults: dict[str, Any] = {"date": TODAY, "score": 10, "activities_count": 1}
    return await _persist(session, AdminScore(user_id=user.id, **(defaults | fields)))


async def create_focus_session(
    session: AsyncSession, user: User, **fields: Any
) -> AdminFocusSession:
    defaults: dict[str, Any] = {"start_time": datetime.fromisoformat("2026-11-25T14:00:00+00:00")}
    return await _persist(session, AdminFocusSession(user_id=user.id, **(defaults | fields)))


async def create_nudge(session: AsyncSession, user: User, **fields: Any) -> AdminNudge:
    defaults: dict[str, Any] = {
        "type": NudgeType.REMINDER,
        "priority": NudgePriority.NORMAL,
        "message": "Log today's calls",
        "rule_key": f"factory:{next(_sequence)}",
    }
    return await _persist(session, AdminNudge(user_id=user.id, **(defaults | fields)))


async def create_meeting(session: AsyncSession, user: User, **fields: Any) -> AdminMeeting:
    defaults: dict[str, Any] = {"title": "Discovery call", "type": MeetingType.DISCOVERY}
    return await _persist(session, AdminMeeting(user_id=user.id, **(defaults | fields)))


async def create_deal(
    session: AsyncSession, user: User, prospect: AdminProspect, **fields: Any
) -> AdminDeal:
    """A raw deal row: no stage change is recorded (use the API for that)."""
    defaults: dict[str, Any] = {
        "title": f"Deal {next(_sequence)}",
        "stage": DealStage.DISCOVERY,
        "value": Decimal(1000),
        "probability": 10,
    }
    deal = AdminDeal(user_id=user.id, prospect_id=prospect.id, **(defaults | fields))
    return await _persist(session, deal)
