"""Two imports of the same file at once: the one that loses the race plans again, once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hireable.services import ingest
from hireable.services.job_fetch import import_file
from hireable.store.models import Posting

from .test_jobs_import import RECORDS, write

REAL_PLAN = ingest.plan_ingest


class Rival:
    """Plans as usual, but between a plan and its writing another import stores `files[n]`
    (the n-th time), as a second `hireable jobs import` running at the same moment would."""

    def __init__(self, session_factory: Any, files: list[Path]) -> None:
        self.session_factory = session_factory
        self.files = files
        self.plans = 0
        self.racing = False

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        plan = REAL_PLAN(*args, **kwargs)
        if self.racing:
            return plan
        self.plans += 1
        if self.plans <= len(self.files):
            self.racing = True
            try:
                import_file(self.session_factory, self.files[self.plans - 1])
            finally:
                self.racing = False
        return plan


def count(session_factory: Any) -> int:
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(Posting)) or 0


def test_the_loser_of_a_race_plans_again_against_what_is_stored(
    session_factory: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "postings.jsonl", RECORDS)
    rival = Rival(session_factory, [path])
    monkeypatch.setattr(ingest, "plan_ingest", rival)
    result = import_file(session_factory, path)
    assert rival.plans == 2  # the first plan was refused, the second saw the rival's rows
    assert (result.new, result.unchanged, result.error) == (0, 2, None)
    assert count(session_factory) == 2


def test_losing_twice_is_one_line(
    cli: Any, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hireable.store.db import ensure_schema, make_engine, session_scope

    engine = make_engine(database_url)
    ensure_schema(engine)
    path = write(tmp_path, "postings.jsonl", RECORDS)
    firsts = [write(tmp_path, f"only-{i}.jsonl", [r]) for i, r in enumerate(RECORDS)]
    rival = Rival(lambda: session_scope(engine), firsts)
    monkeypatch.setattr(ingest, "plan_ingest", rival)
    result = cli("jobs", "import", path)
    engine.dispose()
    assert result.code == 1
    assert result.err == (
        f"error: {path}: another fetch or import was storing the same postings at the same "
        "time; nothing was stored, run it again\n"
    )
    assert rival.plans == 2 and "Traceback" not in result.out + result.err
