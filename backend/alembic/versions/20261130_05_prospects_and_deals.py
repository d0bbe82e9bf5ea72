"""prospects grow into a CRM; deals on stages and their stage history; profile currency

Existing prospects are kept: their statuses map new→new, contacted→engaged,
qualified→qualified, won→closed_won, lost→closed_lost (and back on downgrade, where
proposal and negotiation, which the old set lacks, become qualified). An address that
repeats, ignoring case, another prospect's of the same user moves into the notes of the
later prospect, so the new unique index can hold.

Revision ID: 0003_pipeline
Revises: i15_scoring_settings
Create Date: 2026-11-30 08:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0003_pipeline"
down_revision: str | None = "i15_scoring_settings"
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


ACTIVE_STATUSES = "('qualified', 'engaged', 'proposal', 'negotiation')"
# The open pipeline's totals and the deals' buckets follow every write of deals and
# prospects, cascades included. A decrement only updates an existing row: the row of a
# user being deleted may be gone already, and every deal or active prospect made one
# when it arrived.
TOTALS_STATEMENTS = (
    """
CREATE FUNCTION admin_pipeline_add(owner integer, prospects integer, deals integer,
                                   amount numeric, weighted numeric) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF prospects < 0 OR deals < 0 THEN
        UPDATE admin_pipeline_totals
        SET active_prospects = active_prospects + prospects, open_deals = open_deals + deals,
            open_value = open_value + amount, open_weighted_x100 = open_weighted_x100 + weighted
        WHERE user_id = owner;
    ELSE
        INSERT INTO admin_pipeline_totals AS t
            (user_id, active_prospects, open_deals, open_value, open_weighted_x100)
        VALUES (owner, prospects, deals, amount, weighted)
        ON CONFLICT (user_id) DO UPDATE
        SET active_prospects = t.active_prospects + prospects, open_deals = t.open_deals + deals,
            open_value = t.open_value + amount,
            open_weighted_x100 = t.open_weighted_x100 + weighted;
    END IF;
END $$
""",
    """
CREATE FUNCTION admin_deals_pipeline_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.stage = OLD.stage AND NEW.value = OLD.value
       AND NEW.probability = OLD.probability THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.stage NOT IN ('won', 'lost') THEN
        PERFORM admin_pipeline_add(OLD.user_id, 0, -1, -OLD.value, -OLD.value * OLD.probability);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.stage NOT IN ('won', 'lost') THEN
        PERFORM admin_pipeline_add(NEW.user_id, 0, 1, NEW.value, NEW.value * NEW.probability);
    END IF;
    RETURN NULL;
END $$
""",
    f"""
CREATE FUNCTION admin_prospects_pipeline_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.status IN {ACTIVE_STATUSES} THEN
        PERFORM admin_pipeline_add(OLD.user_id, -1, 0, 0, 0);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status IN {ACTIVE_STATUSES} THEN
        PERFORM admin_pipeline_add(NEW.user_id, 1, 0, 0, 0);
    END IF;
    RETURN NULL;
END $$
""",
    """
CREATE TRIGGER pipeline_totals AFTER INSERT OR DELETE OR UPDATE OF stage, value, probability
ON admin_deals FOR EACH ROW EXECUTE FUNCTION admin_deals_pipeline_totals()
""",
    """
CREATE FUNCTION admin_pipeline_bucket_add(deal admin_deals, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    bucket date := CASE WHEN deal.stage IN ('won', 'lost') THEN deal.closed_on
                        ELSE coalesce(date_trunc('month', deal.expected_close_date)::date,
                                      'infinity') END;
    cycle bigint := CASE WHEN deal.stage = 'won' THEN deal.closed_on - deal.created_on
                         ELSE 0 END;
BEGIN
    IF sign < 0 THEN
        UPDATE admin_pipeline_buckets
        SET deals = deals - 1, value = value - deal.value,
            weighted_x100 = weighted_x100 - deal.value * deal.probability,
            cycle_days = cycle_days - cycle
        WHERE user_id = deal.user_id AND stage = deal.stage AND day = bucket;
    ELSE
        INSERT INTO admin_pipeline_buckets AS b
            (user_id, stage, day, deals, value, weighted_x100, cycle_days)
        VALUES (deal.user_id, deal.stage, bucket, 1, deal.value,
                deal.value * deal.probability, cycle)
        ON CONFLICT (user_id, stage, day) DO UPDATE
        SET deals = b.deals + 1, value = b.value + deal.value,
            weighted_x100 = b.weighted_x100 + deal.value * deal.probability,
            cycle_days = b.cycle_days + cycle;
    END IF;
END $$
""",
    """
CREATE FUNCTION admin_deals_pipeline_buckets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.stage, NEW.value, NEW.probability, NEW.expected_close_date,
                             NEW.closed_on, NEW.created_on)
                            IS NOT DISTINCT FROM
                            (OLD.stage, OLD.value, OLD.probability, OLD.expected_close_date,
                             OLD.closed_on, OLD.created_on) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM admin_pipeline_bucket_add(OLD, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM admin_pipeline_bucket_add(NEW, 1);
    END IF;
    RETURN NULL;
END $$
""",
    """
CREATE TRIGGER pipeline_buckets AFTER INSERT OR DELETE OR UPDATE
ON admin_deals FOR EACH ROW EXECUTE FUNCTION admin_deals_pipeline_buckets()
""",
    """
CREATE TRIGGER pipeline_totals AFTER INSERT OR DELETE OR UPDATE OF status
ON admin_prospects FOR EACH ROW EXECUTE FUNCTION admin_prospects_pipeline_totals()
""",
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

    op.drop_index(
        "ix_admin_activities_prospect_id",
        table_name="admin_activities",
        postgresql_where=sa.text("prospect_id IS NOT NULL"),
    )
    op.create_index(
        "ix_admin_activities_prospect_id",
        "admin_activities",
        ["prospect_id"],
        unique=False,
        postgresql_include=["status", "type", "amount", "date"],
        postgresql_where=sa.text("prospect_id IS NOT NULL"),
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
        sa.Column("created_on", sa.Date(), server_default=sa.text("CURRENT_DATE"), nullable=False),
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

    op.create_table(
        "admin_pipeline_totals",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("active_prospects", sa.Integer(), server_default="0", nullable=False),
        sa.Column("open_deals", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "open_value", sa.Numeric(precision=24, scale=2), server_default="0", nullable=False
        ),
        sa.Column(
            "open_weighted_x100",
            sa.Numeric(precision=26, scale=2),
            server_default="0",
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_admin_pipeline_totals_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_admin_pipeline_totals")),
    )
    op.create_table(
        "admin_pipeline_buckets",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(*STAGES, name="stage", native_enum=False, create_constraint=True, length=20),
            nullable=False,
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("deals", sa.Integer(), server_default="0", nullable=False),
        sa.Column("value", sa.Numeric(precision=24, scale=2), server_default="0", nullable=False),
        sa.Column(
            "weighted_x100", sa.Numeric(precision=26, scale=2), server_default="0", nullable=False
        ),
        sa.Column("cycle_days", sa.BigInteger(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_admin_pipeline_buckets_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "stage", "day", name=op.f("pk_admin_pipeline_buckets")),
    )
    op.execute(
        "INSERT INTO admin_pipeline_totals (user_id, active_prospects) "
        f"SELECT user_id, count(*) FROM admin_prospects WHERE status IN {ACTIVE_STATUSES} "
        "GROUP BY user_id"
    )
    for statement in TOTALS_STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER pipeline_totals ON admin_prospects")
    op.execute("DROP TRIGGER pipeline_totals ON admin_deals")
    op.execute("DROP TRIGGER pipeline_buckets ON admin_deals")
    for function in (
        "admin_prospects_pipeline_totals()",
        "admin_deals_pipeline_totals()",
        "admin_deals_pipeline_buckets()",
        "admin_pipeline_bucket_add(admin_deals, integer)",
        "admin_pipeline_add(integer, integer, integer, numeric, numeric)",
    ):
        op.execute(f"DROP FUNCTION {function}")
    op.drop_table("admin_pipeline_buckets")
    op.drop_table("admin_pipeline_totals")
    op.drop_table("admin_deal_stage_changes")
    op.drop_table("admin_deals")

    op.drop_index("ix_admin_activities_prospect_id", table_name="admin_activities")
    op.create_index(
        "ix_admin_activities_prospect_id",
        "admin_activities",
        ["prospect_id"],
        unique=False,
        postgresql_where=sa.text("prospect_id IS NOT NULL"),
    )
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
