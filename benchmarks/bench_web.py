"""How fast the dashboard serves its pages on a big workspace (issue 12). Prints figures only.

    .venv/bin/python benchmarks/bench_web.py [--postings 100000] [--evidence 2000] [--requests 50]

A SQLite database with 100,000 postings (bench_rank_speed.py's), 2,000 evidence items
(bench_status.py's), three years of journal, ideas and tracked applications; the app served by
uvicorn in a thread on 127.0.0.1, as `hireable serve` serves it. Each served page of the
navigation is requested 50 times in a row (after 3 unmeasured), and so is each of its other GET
pages whose address can be filled in (an evidence item, a posting, an application); pages not
served yet are listed as such, so a page that lands is measured without a change here. Beside
them, a static file from the same server: the floor no page can go under.
Targets on the 2-core machine: p95 < 100 ms for every page, < 200 ms for /jobs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling benchmarks' builders

from bench_rank_speed import insert_postings  # noqa: E402
from bench_status import add_items  # noqa: E402

if TYPE_CHECKING:
    import httpx
    from sqlalchemy.orm import Session
    from starlette.applications import Starlette

TARGET_MS = 100.0
TARGETS_MS = {"/jobs": 200.0}  # ranking included
WARMUP = 3
STATIC = "/static/hireable.css"
JOURNAL_YEARS = 3
APPLICATIONS = 60
IDEAS = 20


def _journal(s: Session, today: dt.date) -> int:
    """Three years of a learner's rhythm: four learn days and two do days a week."""
    from hireable.core.journal import validate_entry
    from hireable.services.journal import log_entry

    n = 0
    for days_ago in range(JOURNAL_YEARS * 365, -1, -1):
        day = today - dt.timedelta(days=days_ago)
        kind = {0: "learn", 1: "do", 2: "learn", 3: "learn", 4: "do", 5: "learn"}.get(day.weekday())
        if kind is None:
            continue
        raw: dict[str, Any] = {"type": kind, "topic": f"{kind} session {n}", "hours": 1 + n % 4}
        if kind == "do":
            raw["artifact"] = f"https://example.com/artifact/{n}"
        log_entry(session=s, entry=validate_entry({**raw, "date": day.isoformat()}, today=today))
        n += 1
    return n


def _pipeline(s: Session, today: dt.date) -> None:
    """Ideas, and applications at each stage of the tracker on the first postings."""
    from sqlalchemy import select

    from hireable.services.ideas import add_idea, pick_idea
    from hireable.services.tracker import add_application, move_application
    from hireable.store.models import Posting

    for i in range(IDEAS):
        idea = add_idea(session=s, title=f"Idea {i}: a real problem", url=None, note=None)
    pick_idea(session=s, idea_id=idea.id, today=today)
    ids = s.scalars(select(Posting.id).order_by(Posting.id).limit(APPLICATIONS)).all()
    paths = ([], ["applied"], ["contacted"], ["applied", "interviewing"], ["withdrawn"])
    for i, posting_id in enumerate(ids):
        app = add_application(session=s, posting_id=posting_id, email=f"hr{i}@example.com")
        for status in paths[i % len(paths)]:
            move_application(session=s, application_id=app.id, status=status, today=today)


def build(url: str, postings: int, evidence: int, today: dt.date) -> None:
    from hireable.services.profile import ProfileChanges, create_profile
    from hireable.store.db import ensure_schema, make_engine, session_scope

    engine = make_engine(url)
    ensure_schema(engine)
    started = time.perf_counter()
    with session_scope(engine) as s:
        create_profile(
            session=s,
            changes=ProfileChanges(
                "Bench", "ml-entry", "ml-entry", 10, skills=["python", "sql"], email="b@example.com"
            ),
        )
        add_items(s, evidence, today)
        insert_postings(s, postings, dt.datetime.combine(today, dt.time(12)))
        entries = _journal(s, today)
        _pipeline(s, today)
    engine.dispose()
    print(
        f"built {postings:,} postings, {evidence:,} evidence items, {entries:,} journal entries, "
        f"{IDEAS} ideas, {APPLICATIONS} applications in {time.perf_counter() - started:.0f} s"
    )


# Values for the path parameters of GET pages: a parameter not named here leaves its page out.
def _first(model_name: str) -> Callable[[Session], int | None]:
    def first(s: Session) -> int | None:
        from sqlalchemy import func, select

        from hireable.store import models

        model = getattr(models, model_name)
        value: int | None = s.scalar(select(func.min(model.id)))
        return value

    return first


def _top_posting(s: Session) -> int | None:
    from hireable.services.ranking import rank_postings

    top = rank_postings(s, today=dt.date.today(), limit=1)
    return top[0].row.id if top else None


PARAMS: dict[str, Callable[[Session], int | None]] = {
    "evidence_id": _first("Evidence"),
    "posting_id": _top_posting,  # the one a learner opens first
    "application_id": _first("Application"),
    "idea_id": _first("Idea"),
}


@dataclass
class Target:
    page: str  # the navigation key
    path: str  # what is requested
    note: str = ""  # why it is not measured


def targets(app: Starlette) -> list[Target]:
    """The served pages of the navigation and each one's other GET pages, addresses filled."""
    from starlette.routing import Route

    from hireable.store.db import session_scope
    from hireable.web.app import PAGE_ROUTES
    from hireable.web.pages import NAV

    found: list[Target] = []
    values: dict[str, int | None] = {}
    with session_scope(app.state.engine) as s:
        for page in NAV:
            if page.key not in app.state.served_pages:
                found.append(Target(page.key, page.path, "not served yet"))
                continue
            found.append(Target(page.key, page.path))
            for route in PAGE_ROUTES[page.key]:
                if not isinstance(route, Route) or "GET" not in (route.methods or ()):
                    continue
                names = list(route.param_convertors)
                if route.path == page.path:
                    continue
                unknown = [n for n in names if n not in PARAMS]
                if unknown:
                    found.append(Target(page.key, route.path, f"no value for {unknown[0]}"))
                    continue
                for n in names:
                    if n not in values:
                        values[n] = PARAMS[n](s)
                if any(values[n] is None for n in names):
                    found.append(Target(page.key, route.path, "nothing stored to show"))
                    continue
                path = route.url_path_for(route.name, **{n: values[n] for n in names})
                found.append(Target(page.key, str(path)))
    return found


def timings(client: httpx.Client, path: str, n: int) -> list[float]:
    """Wall milliseconds of `n` GETs in a row, after WARMUP unmeasured ones."""
    for _ in range(WARMUP):
        client.get(path).raise_for_status()
    out = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(path)
        out.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}: {response.text[:200]}")
    return out


def p50_p95(ms: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(ms, n=20, method="inclusive")
    return statistics.median(ms), cuts[18]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--evidence", type=int, default=2_000)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    import httpx

    from hireable.config import Settings
    from hireable.store.db import make_engine
    from hireable.web.app import create_app
    from hireable.web.server import start_in_thread

    today = dt.date.today()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        build(url, args.postings, args.evidence, today)
        engine = make_engine(url)
        app = create_app(Settings(data_dir=Path(tmp)), engine)
        server = start_in_thread(app)
        try:
            with httpx.Client(base_url=server.url, timeout=60) as client:
                floor = p50_p95(timings(client, STATIC, args.requests))
                rows = []
                for t in targets(app):
                    figures = None if t.note else p50_p95(timings(client, t.path, args.requests))
                    rows.append((t, figures))
        finally:
            server.stop()
            engine.dispose()

    print(f"\n{args.requests} requests each, in a row, on 127.0.0.1 (milliseconds)")
    print(f"{'page':<34} {'p50':>7} {'p95':>7}  {'target p95':>10}")
    print(f"{STATIC + ' (the floor)':<34} {floor[0]:7.1f} {floor[1]:7.1f}")
    for t, figures in rows:
        if figures is None:
            print(f"{t.path:<34} {'-':>7} {'-':>7}  skipped: {t.note}")
            continue
        target = TARGETS_MS.get(t.path.split("?")[0], TARGET_MS)
        verdict = "met" if figures[1] < target else "MISSED"
        print(f"{t.path:<34} {figures[0]:7.1f} {figures[1]:7.1f}  < {target:5.0f} {verdict}")
    print(f"machine load average: {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
