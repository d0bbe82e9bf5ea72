"""a trigram index for the prospect search

`GET /prospects?q=` matches `search_text LIKE '%part%'`, which a b-tree cannot answer:
without this index every search reads all of the user's prospects. pg_trgm is one of
PostgreSQL's contrib modules and a trusted extension (13+), so the database's owner may
create it. Where the server has no contrib modules (the embedded PostgreSQL `make run`
uses when DATABASE_URL is unset) there is no index, and the search reads every prospect:
the same answers, slower on a large book. Downgrade drops the index and leaves the
extension, which other schemas in the database may use.

Revision ID: 0005_prospect_search
Revises: 0004_real_week
Create Date: 2026-11-30 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0005_prospect_search"
down_revision: str | None = "0004_real_week"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_admin_prospects_search_text_trgm"


def upgrade() -> None:
    available = sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
    if op.get_bind().scalar(available) is None:
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_index(
        INDEX,
        "admin_prospects",
        ["search_text"],
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="admin_prospects", if_exists=True)
