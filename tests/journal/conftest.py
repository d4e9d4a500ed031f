"""A session on a fresh, migrated database, for service-level tests of the rhythm."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hireable.services.profile import ProfileChanges, create_profile


@pytest.fixture
def session(database_url: str) -> Iterator[object]:
    from hireable.store.db import ensure_schema, make_engine, session_scope

    engine = make_engine(database_url)
    ensure_schema(engine)
    with session_scope(engine) as s:
        yield s
    engine.dispose()


@pytest.fixture
def profile(session: object) -> object:
    changes = ProfileChanges("Ada", "ml-entry", "ml-entry", 12.0, None, ["pytorch"])
    return create_profile(session=session, changes=changes)  # type: ignore[arg-type]
