"""The Activity Tracker tables of the Master Admin Portal."""

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.database import Base
from app.models.enums import (
    ActivityStatus,
    ActivityType,
    MeetingType,
    NudgePriority,
    NudgeType,
)
from app.models.mixins import created_at_column, string_enum, updated_at_column
from app.models.prospect import AdminProspect
from app.models.user import User


def user_fk() -> ForeignKey:
    return ForeignKey("users.id", ondelete="CASCADE")


class AdminGoal(Base):
    """Weekly activity targets; one row per user and ISO week (Monday)."""

    __tablename__ = "admin_goals"
    __table_args__ = (
        UniqueConstraint("user_id", "week_start"),
        CheckConstraint("EXTRACT(ISODOW FROM week_start) = 1", name="week_start_monday"),
        CheckConstraint(
            "target_discoveries >= 0 AND target_emails >= 0 "
            "AND target_videos >= 0 AND target_calls >= 0",
            name="targets_not_negative",
        ),
        Index("idx_admin_goals_user_week", "user_id", "week_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    week_start: Mapped[date] = mapped_column(Date)
    target_discoveries: Mapped[int] = mapped_column(server_default="0")
    target_emails: Mapped[int] = mapped_column(server_default="0")
    target_videos: Mapped[int] = mapped_column(server_default="0")
    target_calls: Mapped[int] = mapped_column(server_default="0")
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()

    user: Mapped[User] = relationship(lazy="raise")

    def __repr__(self) -> str:
        return f"<AdminGoal(id={self.id}, user_id={self.user_id}, week={self.week_start})>"


class AdminActivity(Base):
    """One logged activity (or several of a kind, via `amount`) on a day."""

    __tablename__ = "admin_activities"
    __table_args__ = (
        CheckConstraint("amount >= 1", name="amount_positive"),
        Index("idx_admin_activities_user_date", "user_id", text("date DESC")),
        # A prospect's lead score and last activity date from the index alone.
        Index(
            "ix_admin_activities_prospect_id",
            "prospect_id",
            postgresql_include=["status", "type", "amount", "date"],
            postgresql_where=text("prospect_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    type: Mapped[ActivityType] = mapped_column(string_enum(ActivityType, name="type", length=50))
    status: Mapped[ActivityStatus] = mapped_column(
        string_enum(ActivityStatus, name="status", length=20)
    )
    date: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(server_default="1")
    notes: Mapped[str | None] = mapped_column(Text)
    prospect_id: Mapped[int | None] = mapped_column(
        ForeignKey("admin_prospects.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()

    user: Mapped[User] = relationship(lazy="raise")
    prospect: Mapped[AdminProspect | None] = relationship(lazy="raise")

    def __repr__(self) -> str:
        return (
            f"<AdminActivity(id={self.id}, type='{self.type}', status='{self.status}', "
            f"date={self.date}, amount={self.amount})>"
        )


class AdminScore(Base):
    """A user's score for one day, derived from that day's done activities."""

    __tablename__ = "admin_scores"
    __table_args__ = (
        UniqueConstraint("user_id", "date"),
        CheckConstraint("score >= 0 AND score <= 100", name="score_range"),
        CheckConstraint("streak_days >= 0", name="streak_days_not_negative"),
        CheckConstraint("activities_count >= 0", name="activities_count_not_negative"),
        Index("idx_admin_scores_user_date", "user_id", text("date DESC")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    date: Mapped[date] = mapped_column(Date)
    score: Mapped[int]
    streak_days: Mapped[int] = mapped_column(server_default="0")
    activities_count: Mapped[int] = mapped_column(server_default="0")
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()

    user: Mapped[User] = relationship(lazy="raise")

    def __repr__(self) -> str:
        return (
            f"<AdminScore(id={self.id}, date={self.date}, score={self.score}, "
            f"streak_days={self.streak_days})>"
        )


class AdminFocusSession(Base):
    """A timed focus block; open while `end_time` is null (at most one per user)."""

    __tablename__ = "admin_focus_sessions"
    __table_args__ = (
        CheckConstraint("duration_minutes BETWEEN 5 AND 180", name="duration_range"),
        CheckConstraint("NOT (completed AND interrupted)", name="one_outcome"),
        CheckConstraint(
            "(end_time IS NULL) = (NOT completed AND NOT interrupted)", name="ended_with_outcome"
        ),
        CheckConstraint("end_time >= start_time", name="ends_after_start"),
        Index("idx_admin_focus_sessions_user_start", "user_id", text("start_time DESC")),
        Index(
            "uq_admin_focus_sessions_one_open_per_user",
            "user_id",
            unique=True,
            postgresql_where=text("end_time IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    start_time: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    end_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    duration_minutes: Mapped[int] = mapped_column(server_default="50")
    completed: Mapped[bool] = mapped_column(server_default=text("false"))
    interrupted: Mapped[bool] = mapped_column(server_default=text("false"))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()

    user: Mapped[User] = relationship(lazy="raise")

    def __repr__(self) -> str:
        return (
            f"<AdminFocusSession(id={self.id}, start_time={self.start_time}, "
            f"duration_minutes={self.duration_minutes}, completed={self.completed})>"
        )


class AdminNudge(Base):
    """A message nudging the founder; `rule_key` makes each rule fire once per period."""

    __tablename__ = "admin_nudges"
    __table_args__ = (
        UniqueConstraint("user_id", "rule_key"),
        Index("idx_admin_nudges_user_read", "user_id", "read", text("created_at DESC")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk())
    type: Mapped[NudgeType] = mapped_column(string_enum(NudgeType, name="type", length=50))
    message: Mapped[str] = mapped_column(Text)
    priority: Mapped[NudgePriority] = mapped_column(
        string_enum(NudgePriority, name="priority", length=20),
        server_default=NudgePriority.NORMAL.value,
    )
    read: Mapped[bool] = mapped_column(server_default=text("false"))
    action_url: Mapped[str | None] = mapped_column(Text)
    rule_key: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = created_at_column()
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Deleting a nudge only dismisses it: the row keeps its `rule_key` claimed, so the
    # rule cannot fire again in the same period.
    dismissed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(lazy="raise")

    def __repr__(self) -> str:
        return (
            f"<AdminNudge(id={self.id}, type='{self.type}', priority='{self.priority}', "
            f"rule_key={self.rule_key!r})>"
        )


class AdminMeeting(Base):
    """A reusable meeting template (agenda, questions, follow-ups)."""

    __tablename__ = "admin_meetings"
    __table_args__ = (
        CheckConstraint("duration_minutes BETWEEN 5 AND 480", name="duration_range"),
        CheckConstraint("char_length(title) >= 1", name="title_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(user_fk(), index=True)
    title: Mapped[str] = mapped_column(String(255))
    type: Mapped[MeetingType] = mapped_column(string_enum(MeetingType, name="type", length=50))
    duration_minutes: Mapped[int] = mapped_column(server_default="60")
    agenda: Mapped[str | None] = mapped_column(Text)
    questions: Mapped[str | None] = mapped_column(Text)
    follow_up_tasks: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()

    user: Mapped[User] = relationship(lazy="raise")

    def __repr__(self) -> str:
        return f"<AdminMeeting(id={self.id}, title={self.title!r}, type='{self.type}')>"
