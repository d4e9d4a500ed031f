"""Whether a posting's `ml` decision was clear, stored beside `ml` so ranking reads it.

A nullable column: existing rows keep every value. Rows whose stored analysis already says
`ml_clear` get it copied; the others stay NULL (unknown), which ranking treats as clear, as it
did before the column existed. On SQLite the covering ranking index (0003) is rebuilt with the
new column, so `jobs rank` still reads the index alone.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# The analysis JSON's `ml_clear` as a boolean, per dialect (JSON true/false; anything else NULL).
BACKFILL = {
    "sqlite": "UPDATE posting SET ml_clear = json_extract(analysis, '$.ml_clear') "
    "WHERE json_valid(analysis) AND json_type(analysis, '$.ml_clear') IN ('true', 'false')",
    "postgresql": "UPDATE posting SET ml_clear = (analysis ->> 'ml_clear')::boolean "
    "WHERE json_typeof(analysis -> 'ml_clear') = 'boolean'",
}


def _rank_index() -> list[str]:
    """The columns of SQLite's ix_posting_rank as it stands (0003 made it)."""
    indexes = sa.inspect(op.get_bind()).get_indexes("posting")
    return [str(c) for i in indexes if i["name"] == "ix_posting_rank" for c in i["column_names"]]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ml_clear", sa.Boolean(), nullable=True))
    if dialect in BACKFILL:
        op.execute(BACKFILL[dialect])
    if dialect == "sqlite":
        columns = _rank_index()
        columns.insert(columns.index("ml") + 1, "ml_clear")  # beside `ml`, as FACT_FIELDS has it
        op.drop_index("ix_posting_rank", table_name="posting")
        op.create_index("ix_posting_rank", "posting", columns, unique=False)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    columns = [c for c in _rank_index() if c != "ml_clear"] if sqlite else []
    if sqlite:
        op.drop_index("ix_posting_rank", table_name="posting")
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.drop_column("ml_clear")
    if sqlite:
        op.create_index("ix_posting_rank", "posting", columns, unique=False)
