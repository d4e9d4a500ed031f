"""Contact fields on the profile (email, website, location, GitHub and Hugging Face handles).

Every column is nullable, so existing profiles keep every value and simply have no contact yet.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = (
    ("email", 320),
    ("website", 2000),
    ("location", 200),
    ("github", 39),
    ("huggingface", 96),
)


def upgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        for name, length in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
