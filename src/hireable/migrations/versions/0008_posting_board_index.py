"""An index on each posting's board (and whether it is closed), so the Boards page counts a
board's open postings without reading every posting.

`boards list` and the dashboard's Boards page count the open postings of each followed board on
every visit; without an index that reads the whole posting table (100,000 rows: ~20 ms). A new
index only: no row changes.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_posting_board", "posting", ["board_id", "closed_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_posting_board", table_name="posting")
