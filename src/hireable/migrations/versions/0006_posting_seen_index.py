"""An index on when each posting was last seen, so the dashboard can tell cheaply that postings
changed.

The Jobs page keeps its ranking while the stored postings stay the same, and checks that on every
visit: every write of a fetch or import moves the count, the largest id, the latest `last_seen`
or the latest `closed_at`. Without an index the latest `last_seen` reads every row. A new index
only: no row changes.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_posting_last_seen", "posting", ["last_seen"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_posting_last_seen", table_name="posting")
