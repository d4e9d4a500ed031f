"""Journal, ideas, boards, postings, applications and messages.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "board",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("company", sa.String(length=300), nullable=True),
        sa.Column("size_band", sa.String(length=16), nullable=True),
        sa.Column("last_fetched", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source", "name"),
    )

    op.create_table(
        "idea",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("impress", sa.Integer(), nullable=True),
        sa.Column("quick_model", sa.Integer(), nullable=True),
        sa.Column("feasible", sa.Integer(), nullable=True),
        sa.Column("angle", sa.Integer(), nullable=True),
        sa.Column("excitement", sa.Integer(), nullable=True),
        sa.Column("goal", sa.String(length=16), nullable=True),
        sa.Column("picked_at", sa.DateTime(), nullable=True),
        sa.Column("baseline_artifact", sa.String(length=2000), nullable=True),
        sa.Column("baseline_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=8), nullable=False),
        sa.Column("topic", sa.String(length=500), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("certificate", sa.Boolean(), nullable=False),
        sa.Column("artifact", sa.String(length=2000), nullable=True),
        sa.Column("evidence_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["evidence_id"], ["evidence.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journal_entry_date"), ["date"], unique=False)

    op.create_table(
        "posting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.String(length=300), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=True),
        sa.Column("company", sa.String(length=300), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("location", sa.String(length=500), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("raw", sa.JSON(), nullable=True),
        sa.Column("analysis", sa.JSON(), nullable=True),
        sa.Column("degree", sa.String(length=16), nullable=True),
        sa.Column("degree_level", sa.String(length=16), nullable=True),
        sa.Column("seniority", sa.String(length=16), nullable=True),
        sa.Column("years_min", sa.Integer(), nullable=True),
        sa.Column("ml", sa.Boolean(), nullable=True),
        sa.Column("remote", sa.Boolean(), nullable=True),
        sa.Column("salary", sa.JSON(), nullable=True),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("size_band", sa.String(length=16), nullable=True),
        sa.Column("size_band_origin", sa.String(length=32), nullable=True),
        sa.Column("posted_at", sa.DateTime(), nullable=True),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("duplicate_of_id", sa.Integer(), nullable=True),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["board_id"], ["board.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["duplicate_of_id"], ["posting.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source", "external_id"),
    )
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.create_index("ix_posting_open", ["closed_at", "duplicate_of_id"], unique=False)

    op.create_table(
        "application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=True),
        sa.Column("company", sa.String(length=300), nullable=False),
        sa.Column("contact_name", sa.String(length=200), nullable=True),
        sa.Column("contact_email", sa.String(length=320), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("contacted_on", sa.Date(), nullable=True),
        sa.Column("next_followup", sa.Date(), nullable=True),
        sa.Column("followups_done", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["posting_id"], ["posting.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("message")
    op.drop_table("application")
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.drop_index("ix_posting_open")
    op.drop_table("posting")
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_entry_date"))
    op.drop_table("journal_entry")
    op.drop_table("idea")
    op.drop_table("board")
