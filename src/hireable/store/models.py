"""SQLAlchemy 2 models for every noun of the domain (DESIGN section 2).

Lists and free-form records (skills, metrics, analysis, raw payloads) are JSON columns so the same
models run on SQLite and PostgreSQL. Alembic owns the schema: change these, then add a migration.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column, relationship

from hireable.errors import ValidationError
from hireable.postings.rank import FACT_FIELDS


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON, list[Any]: JSON}


@event.listens_for(Base, "before_insert", propagate=True)
@event.listens_for(Base, "before_update", propagate=True)
def _fits_its_columns(_mapper: Mapper[Any], _connection: Any, row: Base) -> None:
    """A one-line error for text longer than its column, before the SQL: PostgreSQL refuses
    it with a DataError (SQLite would store it), so both backends refuse it the same way."""
    for attr in _mapper.column_attrs:
        limit = getattr(attr.columns[0].type, "length", None)
        value = getattr(row, attr.key, None)
        if limit and isinstance(value, str) and len(value) > limit:
            noun = row.__tablename__.replace("_", " ")
            raise ValidationError(
                f"{noun} {attr.key.replace('_', ' ')} is {len(value):,} characters long; "
                f"the most is {limit:,}"
            )


class Profile(Base):
    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    current_stage: Mapped[str] = mapped_column(String(32))
    target_stage: Mapped[str] = mapped_column(String(32))
    hours_per_week: Mapped[float] = mapped_column(Float, default=10.0)
    runway_months: Mapped[float | None] = mapped_column(Float, nullable=True)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Contact (migration 0004); shapes checked in core/contact.py.
    email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    website: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    location: Mapped[str | None] = mapped_column(String(200), nullable=True)
    github: Mapped[str | None] = mapped_column(String(39), nullable=True)
    huggingface: Mapped[str | None] = mapped_column(String(96), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Evidence(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    title: Mapped[str] = mapped_column(String(500))
    # "YYYY-MM" or "YYYY-MM-DD" exactly as given, so export round-trips losslessly.
    date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    validator: Mapped[str | None] = mapped_column(String(300), nullable=True)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    metrics: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    verification: Mapped[str] = mapped_column(String(8), default="self")
    # Stable key of an item fetched from a source ("github:pr:owner/repo#12"): idempotent imports.
    source_key: Mapped[str | None] = mapped_column(String(500), nullable=True, unique=True)
    # {"source_url", "fetched_at", "raw"} for items verified through an API.
    provenance: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class JournalEntry(Base):
    __tablename__ = "journal_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(8))  # "learn" | "do"
    topic: Mapped[str] = mapped_column(String(500))
    hours: Mapped[float] = mapped_column(Float)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    certificate: Mapped[bool] = mapped_column(Boolean, default=False)
    artifact: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    evidence_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Idea(Base):
    __tablename__ = "idea"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    impress: Mapped[int | None] = mapped_column(Integer, nullable=True)
    quick_model: Mapped[int | None] = mapped_column(Integer, nullable=True)
    feasible: Mapped[int | None] = mapped_column(Integer, nullable=True)
    angle: Mapped[int | None] = mapped_column(Integer, nullable=True)
    excitement: Mapped[int | None] = mapped_column(Integer, nullable=True)
    goal: Mapped[str | None] = mapped_column(String(16), nullable=True)
    picked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    baseline_artifact: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    baseline_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class FetchRun(Base):
    """One `jobs fetch` (or a dashboard fetch): `--new` means first seen since the latest one."""

    __tablename__ = "fetch_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    boards: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)


class Board(Base):
    """A followed job board: one company's public ATS feed, or the HN thread."""

    __tablename__ = "board"
    __table_args__ = (UniqueConstraint("source", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(32))  # greenhouse, lever, lever-eu, ashby, ...
    name: Mapped[str] = mapped_column(String(200))  # token / site / board / account
    company: Mapped[str | None] = mapped_column(String(300), nullable=True)
    size_band: Mapped[str | None] = mapped_column(String(16), nullable=True)
    last_fetched: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Posting(Base):
    __tablename__ = "posting"
    __table_args__ = (
        UniqueConstraint("source", "external_id"),
        Index("ix_posting_open", "closed_at", "duplicate_of_id"),
        # The latest `last_seen` in one lookup: the dashboard's sign that postings changed (0006).
        Index("ix_posting_last_seen", "last_seen"),
        # Each board's open postings counted from the index alone: the Boards page (0008).
        Index("ix_posting_board", "board_id", "closed_at"),
        # Covers every column `jobs rank` reads (migration 0003); SQLite only.
        Index("ix_posting_rank", "closed_at", "duplicate_of_id", "id", *FACT_FIELDS).ddl_if(
            dialect="sqlite"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(64))  # "greenhouse:acme", "hn:2026-11", "file:x"
    external_id: Mapped[str] = mapped_column(String(300))
    board_id: Mapped[int | None] = mapped_column(
        ForeignKey("board.id", ondelete="SET NULL"), nullable=True
    )
    company: Mapped[str | None] = mapped_column(String(300), nullable=True)
    title: Mapped[str | None] = mapped_column(String(500), nullable=True)
    location: Mapped[str | None] = mapped_column(String(500), nullable=True)
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")  # as given (often HTML)
    text: Mapped[str] = mapped_column(Text, default="")  # clean text
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    raw: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    analysis: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # Denormalised from the analysis for fast ranking and filtering.
    degree: Mapped[str | None] = mapped_column(String(16), nullable=True)
    degree_level: Mapped[str | None] = mapped_column(String(16), nullable=True)
    seniority: Mapped[str | None] = mapped_column(String(16), nullable=True)
    years_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ml: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    # False when the `ml` decision was borderline; None (stored before 0006): treated as clear.
    ml_clear: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    remote: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    salary: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    size_band: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # Where size_band came from: "user", "source", or "open-roles proxy".
    size_band_origin: Mapped[str | None] = mapped_column(String(32), nullable=True)
    posted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    # A cross-source duplicate points at the posting it collapsed into.
    duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("posting.id", ondelete="SET NULL"), nullable=True
    )
    # Every "source:external_id" this posting was seen under (itself and its duplicates).
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)


class Application(Base):
    __tablename__ = "application"

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int | None] = mapped_column(
        ForeignKey("posting.id", ondelete="SET NULL"), nullable=True
    )
    company: Mapped[str] = mapped_column(String(300))
    contact_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    contact_email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="saved")
    contacted_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    next_followup: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    followups_done: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    messages: Mapped[list[Message]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="Message.id"
    )


class Message(Base):
    """An outreach draft or a logged follow-up; hireable never sends mail."""

    __tablename__ = "message"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # "draft" | "followup"
    subject: Mapped[str | None] = mapped_column(String(300), nullable=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    application: Mapped[Application] = relationship(back_populates="messages")
