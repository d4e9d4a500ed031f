"""Alembic environment: the engine is handed in by hireable.store.db (never read from a file)."""

from __future__ import annotations

from alembic import context

from hireable.store.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # invoked by the alembic CLI
    from hireable.config import get_settings
    from hireable.store.db import make_engine

    engine = make_engine(get_settings().resolved_database_url())

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
