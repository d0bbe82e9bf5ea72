"""master admin tables

Revision ID: 0001
Revises:
Create Date: 2026-11-25 01:20:11.115516
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clerk_user_id", sa.String(length=255), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("first_name", sa.String(length=255), nullable=True),
        sa.Column("last_name", sa.String(length=255), nullable=True),
        sa.Column("role", sa.String(length=100), nullable=True),
        sa.Column("timezone", sa.String(length=64), server_default="UTC", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("clerk_user_id", name=op.f("uq_users_clerk_user_id")),
    )
    op.create_table(
        "admin_focus_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), server_default="50", nullable=False),
        sa.Column("completed", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("interrupted", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(end_time IS NULL) = (NOT completed AND NOT interrupted)",
            name=op.f("ck_admin_focus_sessions_ended_with_outcome"),
        ),
        sa.CheckConstraint(
            "NOT (completed AND interrupted)", name=op.f("ck_admin_focus_sessions_one_outcome")
        ),
        sa.CheckConstraint(
            "duration_minutes BETWEEN 5 AND 180",
            name=op.f("ck_admin_focus_sessions_duration_range"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_admin_focus_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_focus_sessions")),
    )
    op.create_index(
        "idx_admin_focus_sessions_user_start",
        "admin_focus_sessions",
        ["user_id", sa.literal_column("start_time DESC")],
        unique=False,
    )
    op.create_index(
        "uq_admin_focus_sessions_one_open_per_user",
        "admin_focus_sessions",
        ["user_id"],
        unique=True,
        postgresql_where=sa.text("end_time IS NULL"),
    )
    op.create_table(
        "admin_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("target_discoveries", sa.Integer(), server_default="0", nullable=False),
        sa.Column("target_emails", sa.Integer(), server_default="0", nullable=False),
        sa.Column("target_videos", sa.Integer(), server_default="0", nullable=False),
        sa.Column("target_calls", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "EXTRACT(ISODOW FROM week_start) = 1", name=op.f("ck_admin_goals_week_start_monday")
        ),
        sa.CheckConstraint(
            "target_discoveries >= 0 AND target_emails >= 0 AND target_videos >= 0 AND target_calls >= 0",
            name=op.f("ck_admin_goals_targets_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_admin_goals_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_goals")),
        sa.UniqueConstraint(
            "user_id", "week_start", name=op.f("uq_admin_goals_user_id_week_start")
        ),
    )
    op.create_index(
        "idx_admin_goals_user_week", "admin_goals", ["user_id", "week_start"], unique=False
    )
    op.create_table(
        "admin_meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "discovery",
                "demo",
                "negotiation",
                "closing",
                name="type",
                native_enum=False,
                create_constraint=True,
                length=50,
            ),
            nullable=False,
        ),
        sa.Column("duration_minutes", sa.Integer(), server_default="60", nullable=False),
        sa.Column("agenda", sa.Text(), nullable=True),
        sa.Column("questions", sa.Text(), nullable=True),
        sa.Column("follow_up_tasks", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "char_length(title) >= 1", name=op.f("ck_admin_meetings_title_not_empty")
        ),
        sa.CheckConstraint(
            "duration_minutes BETWEEN 5 AND 480", name=op.f("ck_admin_meetings_duration_range")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_admin_meetings_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_meetings")),
    )
    op.create_index(op.f("ix_admin_meetings_user_id"), "admin_meetings", ["user_id"], unique=False)
    op.create_table(
        "admin_nudges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "reminder",
                "suggestion",
                "alert",
                "celebration",
                name="type",
                native_enum=False,
                create_constraint=True,
                length=50,
            ),
            nullable=False,
        ),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column(
            "priority",
            sa.Enum(
                "low",
                "normal",
                "high",
                "urgent",
                name="priority",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            server_default="normal",
            nullable=False,
        ),
        sa.Column("read", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("action_url", sa.Text(), nullable=True),
        sa.Column("rule_key", sa.String(length=255), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_admin_nudges_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_nudges")),
        sa.UniqueConstraint("user_id", "rule_key", name=op.f("uq_admin_nudges_user_id_rule_key")),
    )
    op.create_index(
        "idx_admin_nudges_user_read",
        "admin_nudges",
        ["user_id", "read", sa.literal_column("created_at DESC")],
        unique=False,
    )
    op.create_table(
        "admin_prospects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("company", sa.String(length=255), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "new",
                "contacted",
                "qualified",
                "won",
                "lost",
                name="status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            server_default="new",
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_admin_prospects_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_prospects")),
    )
    op.create_index(
        op.f("ix_admin_prospects_user_id"), "admin_prospects", ["user_id"], unique=False
    )
    op.create_table(
        "admin_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("streak_days", sa.Integer(), server_default="0", nullable=False),
        sa.Column("activities_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "activities_count >= 0", name=op.f("ck_admin_scores_activities_count_not_negative")
        ),
        sa.CheckConstraint("score >= 0 AND score <= 100", name=op.f("ck_admin_scores_score_range")),
        sa.CheckConstraint(
            "streak_days >= 0", name=op.f("ck_admin_scores_streak_days_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_admin_scores_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_scores")),
        sa.UniqueConstraint("user_id", "date", name=op.f("uq_admin_scores_user_id_date")),
    )
    op.create_index(
        "idx_admin_scores_user_date",
        "admin_scores",
        ["user_id", sa.literal_column("date DESC")],
        unique=False,
    )
    op.create_table(
        "admin_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "discovery",
                "email",
                "video",
                "call",
                name="type",
                native_enum=False,
                create_constraint=True,
                length=50,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "done",
                "pending",
                "cancelled",
                name="status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), server_default="1", nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("prospect_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("amount >= 1", name=op.f("ck_admin_activities_amount_positive")),
        sa.ForeignKeyConstraint(
            ["prospect_id"],
            ["admin_prospects.id"],
            name=op.f("fk_admin_activities_prospect_id_admin_prospects"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_admin_activities_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_activities")),
    )
    op.create_index(
        "idx_admin_activities_user_date",
        "admin_activities",
        ["user_id", sa.literal_column("date DESC")],
        unique=False,
    )
    op.create_index(
        "ix_admin_activities_prospect_id",
        "admin_activities",
        ["prospect_id"],
        unique=False,
        postgresql_where=sa.text("prospect_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index(
        "ix_admin_activities_prospect_id",
        table_name="admin_activities",
        postgresql_where=sa.text("prospect_id IS NOT NULL"),
    )
    op.drop_index("idx_admin_activities_user_date", table_name="admin_activities")
    op.drop_table("admin_activities")
    op.drop_index("idx_admin_scores_user_date", table_name="admin_scores")
    op.drop_table("admin_scores")
    op.drop_index(op.f("ix_admin_prospects_user_id"), table_name="admin_prospects")
    op.drop_table("admin_prospects")
    op.drop_index("idx_admin_nudges_user_read", table_name="admin_nudges")
    op.drop_table("admin_nudges")
    op.drop_index(op.f("ix_admin_meetings_user_id"), table_name="admin_meetings")
    op.drop_table("admin_meetings")
    op.drop_index("idx_admin_goals_user_week", table_name="admin_goals")
    op.drop_table("admin_goals")
    op.drop_index(
        "uq_admin_focus_sessions_one_open_per_user",
        table_name="admin_focus_sessions",
        postgresql_where=sa.text("end_time IS NULL"),
    )
    op.drop_index("idx_admin_focus_sessions_user_start", table_name="admin_focus_sessions")
    op.drop_table("admin_focus_sessions")
    op.drop_table("users")
