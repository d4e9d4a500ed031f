"""Engine and session factories; the schema is brought to head on first use."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hireable.errors import ConfigError, StoreBusy
from hireable.untrusted_json import without_nul

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


BUSY = "the database is busy: another hireable is writing; try again"
# PostgreSQL's code for "lock not available" (lock_timeout expired).
_PG_LOCK_NOT_AVAILABLE = "55P03"


def make_engine(url: str, *, busy_timeout: float = 15.0) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and its parent directory. A write waits up
    to `busy_timeout` seconds for another process's lock (then StoreBusy); NUL characters, which
    PostgreSQL refuses in text, are stripped from every value written, on both backends."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import ArgumentError

    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        path = Path(url.removeprefix("sqlite:///"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"cannot create the data directory {path.parent}: {exc.strerror}"
            ) from None
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    connect_args = {"timeout": busy_timeout} if url.startswith("sqlite") else {}
    try:
        engine = create_engine(url, connect_args=connect_args, json_serializer=_json_without_nul)
    except (ArgumentError, ImportError, ValueError) as exc:
        raise ConfigError(f"HIREABLE_DATABASE_URL is not a usable database URL: {exc}") from None
    event.listen(engine, "before_cursor_execute", _strip_nul, retval=True)
    if engine.dialect.name == "postgresql":

        @event.listens_for(engine, "connect")
        def _pg_lock_timeout(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            with dbapi_conn.cursor() as cur:
                cur.execute(f"SET lock_timeout = {int(busy_timeout * 1000)}")
            dbapi_conn.commit()

    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

    return engine


def _json_without_nul(value: Any) -> str:
    """JSON columns (skills, metrics, raw records) as text without NUL: json.dumps writes it as
    the escape \\u0000, which the text-level strip below cannot see."""
    import json

    text = json.dumps(value)
    return json.dumps(without_nul(value)) if "\\u0000" in text else text


def _strip_nul(
    _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
) -> tuple[str, Any]:
    """Every text parameter without NUL: PostgreSQL refuses it in text (a DataError), and
    stripping it on SQLite too keeps both backends storing the same thing."""
    return statement, without_nul(parameters)


def head_revision() -> str:
    """The newest migration id, read from the files (cheaper than importing Alembic)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for file in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = file.read_text(encoding="utf-8")
        rev = re.search(r'^revision[^=]*=\s*["\']([^"\']+)["\']', text, re.M)
        down = re.search(r'^down_revision[^=]*=\s*["\']([^"\']+)["\']', text, re.M)
        if rev:
            revisions.add(rev.group(1))
        if down:
            parents.add(down.group(1))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def ensure_schema(engine: Engine) -> tuple[str | None, str]:
    """Apply pending migrations; a no-op (one small query) when already at head.
    Returns the revision before and after."""
    from sqlalchemy.exc import OperationalError

    try:
        before, head = current_revision(engine), head_revision()
        if before != head:
            upgrade(engine)
        return before, head
    except OperationalError as exc:
        raise ConfigError(
            f"cannot open the database ({engine.url.render_as_string()}): "
            f"{str(exc.orig).strip().splitlines()[0]}"
        ) from None


def _is_busy(exc: BaseException) -> bool:
    """Whether a write failed because another process held the lock past the busy timeout."""
    from sqlalchemy.exc import OperationalError

    if not isinstance(exc, OperationalError):
        return False
    orig = exc.orig
    return "database is locked" in str(orig) or (
        getattr(orig, "sqlstate", None) == _PG_LOCK_NOT_AVAILABLE
    )


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed when the block succeeds, rolled back on any error."""
    from sqlalchemy.orm import Session

    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException as exc:
        session.rollback()
        if _is_busy(exc):
            raise StoreBusy(BUSY) from None
        raise
    finally:
        session.close()
