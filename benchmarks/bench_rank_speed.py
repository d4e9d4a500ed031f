"""How fast `hireable jobs rank` is on 100,000 stored postings (SQLite). Prints figures only.

    .venv/bin/python benchmarks/bench_rank_speed.py [--postings 100000]

Postings are bulk-inserted into a temporary database with varied analysis columns; the timed
part is what the command does without printing: query, score, sort (rank_postings). For
comparison it also times the plain path the fast one replaces: every posting read as a typed row
and scored in full, with reasons (`score_posting`); `--no-plain` skips it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

TARGET_SECONDS = 2.0
SOURCES = ("greenhouse:acme", "lever:beta", "ashby:gamma", "hn:2025-01", "linkedin", "indeed")
COMPANIES = ("Acme AI", "Beta Labs", "Google", "Tiny Co", "Amazon", "Vision Works", "Data Corp")
TITLES = ("Machine Learning Engineer", "Data Scientist", "Data Analyst", "Software Engineer")
SKILLS = ("python", "sql", "pytorch", "nlp", "aws", "docker", "spark", "tableau", "statistics")


def _rows(n: int, now: dt.datetime) -> list[dict[str, object]]:
    rnd = random.Random(7)
    rows: list[dict[str, object]] = []
    for i in range(n):
        rows.append(
            {
                "source": rnd.choice(SOURCES),
                "external_id": f"bench-{i}",
                "company": f"{rnd.choice(COMPANIES)} {i % 500}" if i % 3 else "Google",
                "title": rnd.choice(TITLES),
                "url": f"https://example.com/jobs/{i}",
                "description": "x" * 2000,
                "text": "x" * 2000,
                "content_hash": f"{i:064d}",
                "raw": {"id": i},
                "analysis": {"evidence": {}},
                "degree": rnd.choice(("none", "preferred", "equivalent", "required")),
                "degree_level": "bachelor",
                "seniority": rnd.choice(("intern", "entry", "mid", "senior")),
                "years_min": rnd.choice((None, 0, 1, 2, 3, 5, 8)),
                "ml": rnd.random() < 0.5,
                "remote": rnd.random() < 0.3,
                "salary": None,
                "skills": rnd.sample(SKILLS, 4),
                "size_band": rnd.choice((None, "1-10", "11-50", "51-200", "201-1000", "1000+")),
                "posted_at": now - dt.timedelta(days=rnd.randint(0, 200)),
                "first_seen": now,
                "last_seen": now,
                "closed_at": None if rnd.random() < 0.9 else now,
                "sources": [],
            }
        )
    return rows


def insert_postings(session: Session, n: int, now: dt.datetime) -> None:
    """`n` varied postings, bulk-inserted in batches (the analysis columns filled as the analyser
    would); also what bench_web.py serves."""
    from sqlalchemy import insert

    from hireable.store.models import Posting

    rows = _rows(n, now)
    for start in range(0, len(rows), 5_000):
        session.execute(insert(Posting), rows[start : start + 5_000])


def _plain(s: Session, today: dt.date) -> list[Any]:
    """Ranking without the fast path: typed rows of every open posting, each fully scored."""
    from sqlalchemy import select

    from hireable.postings.rank import FACT_FIELDS, rank
    from hireable.services.ranking import ranking_context
    from hireable.store.models import Posting

    ctx = ranking_context(s, today=today)
    columns = [Posting.id, *(getattr(Posting, f) for f in FACT_FIELDS)]
    query = select(*columns).where(Posting.duplicate_of_id.is_(None), Posting.closed_at.is_(None))
    return rank(s.execute(query).all(), ctx, 20)


def _timed(engine: Any, runs: int, work: Callable[[Session], list[Any]]) -> tuple[float, ...]:
    """(best, median) wall time of `work` in a fresh session, over `runs` runs."""
    from hireable.store.db import session_scope

    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        with session_scope(engine) as s:
            work(s)
        timings.append(time.perf_counter() - started)
    return min(timings), statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-plain", action="store_true", help="skip the plain-path comparison")
    args = parser.parse_args()

    from hireable.services.profile import ProfileChanges, create_profile
    from hireable.services.ranking import rank_postings
    from hireable.store.db import ensure_schema, make_engine, session_scope
    from hireable.store.models import Evidence

    today = dt.date(2025, 6, 1)
    now = dt.datetime(2025, 6, 1, 12)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        ensure_schema(engine)
        started = time.perf_counter()
        with session_scope(engine) as s:
            create_profile(
                session=s,
                changes=ProfileChanges("Bench", "ml-entry", "ml-entry", skills=["python", "sql"]),
            )
            s.add(Evidence(kind="competition", title="Kaggle", skills=["pytorch"], metrics={}))
            insert_postings(s, args.postings, now)
        print(f"inserted {args.postings:,} postings in {time.perf_counter() - started:.1f} s")

        best, median = _timed(engine, args.runs, lambda s: rank_postings(s, today=today, limit=20))
        print(
            f"jobs rank (query + score + sort, top 20): "
            f"best {best:.2f} s, median {median:.2f} s over {args.runs} runs "
            f"(target < {TARGET_SECONDS:.0f} s: {'met' if median < TARGET_SECONDS else 'MISSED'})"
        )
        if not args.no_plain:
            best, median = _timed(engine, args.runs, lambda s: _plain(s, today))
            print(
                f"plain path for comparison (typed rows, every posting scored with reasons): "
                f"best {best:.2f} s, median {median:.2f} s"
            )
        engine.dispose()


if __name__ == "__main__":
    main()
