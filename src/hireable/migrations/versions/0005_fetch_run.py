"""Fetch runs: when each `jobs fetch` started and ended, so `--new` can show what the latest
one found. A new table only: no existing row changes.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fetch_run",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("boards", sa.Integer(), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("fetch_run")
