"""Startup and status speed (issue 2): prints the median wall time of `hireable --help` and
`hireable status`, and `status` on a database holding 2,000 evidence items (target < 0.5 s)."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

RUNS = 7


def median_wall(args: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def add_items(session: Session, n: int, today: dt.date) -> None:
    """`n` evidence items of every kind, some with metrics; also what bench_web.py serves."""
    from hireable.core.evidence import KINDS, validate_record
    from hireable.services.evidence import add_evidence

    kinds = list(KINDS)
    for i in range(n):
        kind = kinds[i % len(kinds)]
        metrics = {
            "competition": {"teams": 1000 + i, "rank": 1 + i % 300},
            "product": {"weekly_users": i % 500},
        }.get(kind, {})
        record = {
            "kind": kind,
            "title": f"item {i}",
            "date": f"{2020 + i % 6}-0{1 + i % 9}",
            "url": f"https://example.com/{i}" if i % 2 else None,
            "metrics": metrics,
        }
        add_evidence(session=session, record=validate_record(record, today=today))


def fill(url: str, n: int) -> None:
    from hireable.services.profile import ProfileChanges, create_profile
    from hireable.store.db import ensure_schema, make_engine, session_scope

    engine = make_engine(url)
    ensure_schema(engine)
    with session_scope(engine) as s:
        create_profile(session=s, changes=ProfileChanges("Bench", "ml-entry", "ml-entry", 10))
        add_items(s, n, dt.date.today())
    engine.dispose()


def main() -> None:
    exe = [sys.executable, "-m", "hireable"]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HIREABLE_DATA_DIR=tmp, COLUMNS="120")
        small = f"sqlite:///{Path(tmp) / 'small.db'}"
        big = f"sqlite:///{Path(tmp) / 'big.db'}"
        fill(small, 10)
        fill(big, 2000)
        help_s = median_wall([*exe, "--help"], env)
        status_s = median_wall([*exe, "status"], dict(env, HIREABLE_DATABASE_URL=small))
        big_s = median_wall([*exe, "status"], dict(env, HIREABLE_DATABASE_URL=big))
        big_json = median_wall([*exe, "status", "--json"], dict(env, HIREABLE_DATABASE_URL=big))
        # The floor no command can go under: starting Python and importing the libraries the
        # design mandates (Typer for the CLI, pydantic-settings, SQLAlchemy's ORM).
        floor = median_wall(
            [sys.executable, "-c", "import typer, pydantic_settings, sqlalchemy.orm"], env
        )
        bare = median_wall([sys.executable, "-c", "pass"], env)
    print(f"hireable --help                      median {help_s * 1000:7.0f} ms ({RUNS} runs)")
    print(f"hireable status (10 items)           median {status_s * 1000:7.0f} ms")
    print(f"hireable status (2,000 items)        median {big_s * 1000:7.0f} ms (target < 500 ms)")
    print(f"hireable status --json (2,000 items) median {big_json * 1000:7.0f} ms")
    print(f"python -c pass                       median {bare * 1000:7.0f} ms")
    print(f"import typer, pydantic_settings, sqlalchemy.orm  {floor * 1000:7.0f} ms (the floor)")
    print(f"status (2,000 items) above that floor       {(big_s - floor) * 1000:7.0f} ms")
    print(f"machine load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
