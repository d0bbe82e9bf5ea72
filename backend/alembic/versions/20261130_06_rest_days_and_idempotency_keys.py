"""profile rest days; idempotency keys of POST requests

`users.rest_days` holds ISO weekday numbers (1 Monday .. 7 Sunday), at most six: every
existing user starts with none, which numbers streaks exactly as before.
`idempotency_keys` stores, per user and `Idempotency-Key`, the request it was first sent
with and, once that one finished, its response, for 24 hours. No foreign key: a key is
claimed on its own connection and committed at once, before the request's transaction
(which may be the one creating the user) commits.

Revision ID: 0004_real_week
Revises: 0003_pipeline
Create Date: 2026-11-30 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0004_real_week"
down_revision: str | None = "0003_pipeline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "users",
        sa.Column(
            "rest_days",
            postgresql.ARRAY(sa.SmallInteger()),
            server_default="{}",
            nullable=False,
        ),
    )
    op.create_check_constraint(
        op.f("ck_users_rest_days_weekdays"),
        "users",
        "rest_days <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[] AND cardinality(rest_days) <= 6",
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("request_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.SmallInteger(), nullable=True),
        sa.Column("response_headers", postgresql.JSONB(), nullable=True),
        sa.Column("response_body", sa.LargeBinary(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("user_id", "key", name=op.f("pk_idempotency_keys")),
    )
    op.create_index(op.f("ix_idempotency_keys_created_at"), "idempotency_keys", ["created_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_idempotency_keys_created_at"), table_name="idempotency_keys")
    op.drop_table("idempotency_keys")
    op.drop_constraint(op.f("ck_users_rest_days_weekdays"), "users", type_="check")
    op.drop_column("users", "rest_days")
