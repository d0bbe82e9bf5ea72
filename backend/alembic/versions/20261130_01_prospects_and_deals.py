"""prospects grow into a CRM; deals on stages and their stage history; profile currency

Existing prospects are kept: their statuses map new→new, contacted→engaged,
qualified→qualified, won→closed_won, lost→closed_lost (and back on downgrade, where
proposal and negotiation, which the old set lacks, become qualified). An address that
repeats, ignoring case, another prospect's of the same user moves into the notes of the
later prospect, so the new unique index can hold.

Revision ID: 0003_pipeline
Revises: 0002
Create Date: 2026-11-30 08:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0003_pipeline"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATUSES = ("new", "contacted", "qualified", "won", "lost")
NEW_STATUSES = (
    "new",
    "qualified",
    "engaged",
    "proposal",
    "negotiation",
    "closed_won",
    "closed_lost",
)
STAGES = ("discovery", "qualification", "proposal", "negotiation", "closing", "won", "lost")
STATUS_CHECK = "ck_admin_prospects_status"


def one_of(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def timestamp(name: str) -> sa.Column[object]:
    return sa.Column(
        name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def upgrade() -> None:
    op.add_column(
        "users", sa.Column("currency", sa.String(length=3), server_default="USD", nullable=False)
    )

    op.drop_constraint(op.f(STATUS_CHECK), "admin_prospects", type_="check")
    op.execute(
        "UPDATE admin_prospects SET status = CASE status WHEN 'contacted' THEN 'engaged' "
        "WHEN 'won' THEN 'closed_won' WHEN 'lost' THEN 'closed_lost' ELSE status END"
    )
    op.create_check_constraint(
        op.f(STATUS_CHECK), "admin_prospects", one_of("status", NEW_STATUSES)
    )
    op.add_column("admin_prospects", sa.Column("phone", sa.String(length=50), nullable=True))
    op.add_column("admin_prospects", sa.Column("title", sa.String(length=255), nullable=True))
    op.add_column("admin_prospects", sa.Column("source", sa.String(length=100), nullable=True))
    op.add_column(
        "admin_prospects",
        sa.Column(
            "tags",
            postgresql.ARRAY(sa.String(length=50)),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
    )
    op.add_column("admin_prospects", sa.Column("notes", sa.Text(), nullable=True))
    op.execute(
        """
        UPDATE admin_prospects p
        SET notes = 'Email (also on prospect ' || d.first_id || '): ' || p.email, email = NULL
        FROM (
            SELECT id, min(id) OVER (PARTITION BY user_id, lower(email)) AS first_id
            FROM admin_prospects WHERE email IS NOT NULL
        ) d
        WHERE d.id = p.id AND d.id <> d.first_id
        """
    )
    op.add_column(
        "admin_prospects",
        sa.Column(
            "search_text",
            sa.Text(),
            sa.Computed(
                "lower(name || chr(31) || coalesce(email, '') || chr(31) || coalesce(company, ''))",
                persisted=True,
            ),
            nullable=False,
        ),
    )
    op.drop_index("ix_admin_prospects_user_id", table_name="admin_prospects")
    op.create_index(
        "idx_admin_prospects_user_created",
        "admin_prospects",
        ["user_id", sa.literal_column("created_at DESC"), sa.literal_column("id DESC")],
        unique=False,
    )
    op.create_index(
        "idx_admin_prospects_user_status", "admin_prospects", ["user_id", "status"], unique=False
    )
    op.create_index(
        "uq_admin_prospects_user_id_lower_email",
        "admin_prospects",
        ["user_id", sa.literal_column("lower(email)")],
        unique=True,
    )

    op.create_table(
        "admin_deals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("prospect_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                *STAGES,
                name="stage",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            server_default="discovery",
            nullable=False,
        ),
        sa.Column("value", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("probability", sa.Integer(), nullable=False),
        sa.Column("expected_close_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        timestamp("stage_changed_at"),
        timestamp("created_at"),
        timestamp("updated_at"),
        sa.CheckConstraint("char_length(title) >= 1", name=op.f("ck_admin_deals_title_not_empty")),
        sa.CheckConstraint(
            "value >= 0 AND value <= 1000000000000", name=op.f("ck_admin_deals_value_range")
        ),
        sa.CheckConstraint(
            "probability BETWEEN 0 AND 100", name=op.f("ck_admin_deals_probability_range")
        ),
        sa.CheckConstraint(
            "(closed_on IS NOT NULL) = (stage IN ('won', 'lost'))",
            name=op.f("ck_admin_deals_closed_on_when_closed"),
        ),
        sa.ForeignKeyConstraint(
            ["prospect_id"],
            ["admin_prospects.id"],
            name=op.f("fk_admin_deals_prospect_id_admin_prospects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_admin_deals_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_deals")),
    )
    op.create_index(
        "idx_admin_deals_user_updated",
        "admin_deals",
        ["user_id", sa.literal_column("updated_at DESC"), sa.literal_column("id DESC")],
        unique=False,
    )
    op.create_index(
        "idx_admin_deals_user_open",
        "admin_deals",
        ["user_id"],
        unique=False,
        postgresql_include=["value", "probability"],
        postgresql_where=sa.text("stage NOT IN ('won', 'lost')"),
    )
    op.create_index(
        op.f("ix_admin_deals_prospect_id"), "admin_deals", ["prospect_id"], unique=False
    )

    op.create_table(
        "admin_deal_stage_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column(
            "from_stage",
            sa.Enum(
                *STAGES, name="from_stage", native_enum=False, create_constraint=True, length=20
            ),
            nullable=True,
        ),
        sa.Column(
            "to_stage",
            sa.Enum(*STAGES, name="to_stage", native_enum=False, create_constraint=True, length=20),
            nullable=False,
        ),
        timestamp("changed_at"),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["admin_deals.id"],
            name=op.f("fk_admin_deal_stage_changes_deal_id_admin_deals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_deal_stage_changes")),
    )
    op.create_index(
        op.f("ix_admin_deal_stage_changes_deal_id"),
        "admin_deal_stage_changes",
        ["deal_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("admin_deal_stage_changes")
    op.drop_table("admin_deals")

    op.drop_index("uq_admin_prospects_user_id_lower_email", table_name="admin_prospects")
    op.drop_index("idx_admin_prospects_user_status", table_name="admin_prospects")
    op.drop_index("idx_admin_prospects_user_created", table_name="admin_prospects")
    op.create_index("ix_admin_prospects_user_id", "admin_prospects", ["user_id"], unique=False)
    for column in ("search_text", "notes", "tags", "source", "title", "phone"):
        op.drop_column("admin_prospects", column)
    op.drop_constraint(op.f(STATUS_CHECK), "admin_prospects", type_="check")
    op.execute(
        "UPDATE admin_prospects SET status = CASE status WHEN 'engaged' THEN 'contacted' "
        "WHEN 'closed_won' THEN 'won' WHEN 'closed_lost' THEN 'lost' "
        "WHEN 'proposal' THEN 'qualified' WHEN 'negotiation' THEN 'qualified' ELSE status END"
    )
    op.create_check_constraint(
        op.f(STATUS_CHECK), "admin_prospects", one_of("status", OLD_STATUSES)
    )

    op.drop_column("users", "currency")
