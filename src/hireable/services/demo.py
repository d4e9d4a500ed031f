"""A demo learner in a database of its own, for `hireable demo` and `make run`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hireable import clock
from hireable.core.evidence import validate_record
from hireable.core.ideas import FIELDS
from hireable.core.journal import validate_entry
from hireable.services.evidence import add_evidence
from hireable.services.ideas import add_idea, pick_idea, score_idea
from hireable.services.ingest import store_postings
from hireable.services.journal import log_entry
from hireable.services.outreach import draft_outreach
from hireable.services.profile import ProfileChanges, create_profile
from hireable.services.tracker import add_application, move_application
from hireable.sources.jobs.files import load_file
from hireable.store.db import ensure_schema, make_engine, session_scope
from hireable.store.models import Posting

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

DEMO_FILE = "demo.db"


def _month(today: dt.date, months_ago: int) -> str:
    index = today.year * 12 + today.month - 1 - months_ago
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def demo_evidence(today: dt.date) -> list[dict[str, Any]]:
    """About ten items of mixed strength, dated relative to today."""
    m = lambda n: _month(today, n)  # noqa: E731
    return [
        {
            "kind": "course",
            "title": "Deep Learning Specialization",
            "date": m(14),
            "metrics": {"issuer": "Coursera"},
        },
        {"kind": "certificate", "title": "TensorFlow Developer Certificate", "date": m(12)},
        {"kind": "certificate", "title": "Machine Learning Engineering certificate", "date": m(11)},
        {
            "kind": "project",
            "title": "Titanic survival notebook",
            "date": m(13),
            "url": "https://www.kaggle.com/code/demo/titanic-notebook",
        },
        {
            "kind": "competition",
            "title": "Kaggle: Predict retail demand",
            "date": m(6),
            "url": "https://www.kaggle.com/competitions/demo-retail-demand",
            "validator": "Kaggle",
            "skills": ["lightgbm", "time series"],
            "metrics": {"platform": "kaggle", "teams": 1450, "rank": 121},
        },
        {
            "kind": "content",
            "title": "Blog: what I learned fine-tuning Whisper on call audio",
            "date": m(4),
            "url": "https://demo.dev/blog/whisper",
            "skills": ["speech", "pytorch"],
            "metrics": {"audience": 14000},
        },
        {
            "kind": "project",
            "title": "Plant disease detector demo (Gradio)",
            "date": m(2),
            "url": "https://huggingface.co/spaces/demo/plant-doctor",
            "skills": ["computer vision"],
        },
        {
            "kind": "open-source",
            "title": "Fix typo in my own toolkit",
            "date": m(3),
            "url": "https://github.com/demo/toolkit/pull/3",
            "metrics": {
                "repo": "demo/toolkit",
                "merged": True,
                "merged_by": "demo",
                "author": "demo",
                "stars": 4,
            },
        },
        {
            "kind": "product",
            "title": "Podcast search with embeddings",
            "date": m(1),
            "url": "https://podsearch.demo.dev",
            "skills": ["embeddings", "fastapi"],
            "metrics": {"weekly_users": 40},
        },
        {
            "kind": "project",
            "title": "Team hackathon: wildfire risk map",
            "date": m(5),
            "url": "https://github.com/demo-team/wildfire",
            "metrics": {"team_size": 4},
        },
    ]


SAMPLE_POSTINGS = Path(__file__).resolve().parent.parent / "data" / "sample_postings.jsonl"


def demo_journal(today: dt.date) -> list[dict[str, Any]]:
    """Six weeks of mostly learning with two shipped artefacts: a rhythm worth improving."""
    day = lambda n: (today - dt.timedelta(days=n)).isoformat()  # noqa: E731
    learn = [
        (40, "Transformers course, week 3", 6),
        (33, "Transformers course, week 4", 6),
        (26, "LoRA fine-tuning tutorial", 5),
        (19, "Reading the PEFT codebase", 4),
        (12, "Evaluation metrics for ASR", 3),
        (5, "Gradio deployment docs", 2),
    ]
    entries = [{"type": "learn", "topic": t, "hours": h, "date": day(n)} for n, t, h in learn]
    entries += [
        {
            "type": "do",
            "topic": "Blog post on fine-tuning Whisper",
            "hours": 6,
            "date": day(30),
            "artifact": "https://demo.dev/blog/whisper",
        },
        {
            "type": "do",
            "topic": "Plant disease demo on Spaces",
            "hours": 8,
            "date": day(9),
            "artifact": "https://huggingface.co/spaces/demo/plant-doctor",
        },
    ]
    return entries


# The demo's ideas with their answers to the five questions (core.ideas.FIELDS order); the last
# one is picked.
DEMO_IDEAS: tuple[tuple[str, tuple[int, int, int, int, int]], ...] = (
    ("Speech search for local radio archives", (4, 4, 4, 3, 5)),
    ("Crop yield from satellite tiles", (3, 2, 2, 3, 4)),
    ("Invoice field extraction with LayoutLM", (3, 5, 4, 5, 3)),
)


def _fill_rhythm(session: Any, today: dt.date) -> None:
    for raw in demo_journal(today):
        log_entry(session=session, entry=validate_entry(raw, today=today))
    for title, answers in DEMO_IDEAS:
        idea = add_idea(session=session, title=title, url=None, note=None)
        scores = dict(zip(FIELDS, answers, strict=True))
        score_idea(session=session, idea_id=idea.id, scores=scores, goal=None)
    pick_idea(session=session, idea_id=idea.id, today=today)


def _fill_postings(session: Any, today: dt.date) -> None:
    postings = load_file(SAMPLE_POSTINGS, source="demo")
    store_postings(
        session, postings, default_source="file:demo", single_company=False, now=clock.moment(today)
    )


# Applications of the demo, each on a sample posting's company: the email drafted to it (where
# the learner saw the product, what impressed them; None: not written yet), and the contact
# made a week ago, so that its first follow-up is due today.
DEMO_APPLICATIONS: tuple[dict[str, Any], ...] = (
    {
        "company": "Ledgerly",
        "contact": "Priya Raman",
        "email": "priya@ledgerly.example",
        "draft": ("your invoice reader", "how it finds the total on a crumpled receipt photo"),
        "contacted_days_ago": 7,
    },
    {"company": "Loamwise", "contact": None, "email": None, "draft": None},
)


def _fill_tracker(session: Any, today: dt.date) -> None:
    for a in DEMO_APPLICATIONS:
        posting = session.query(Posting).filter(Posting.company == a["company"]).first()
        app = add_application(
            session=session, posting_id=posting.id, contact=a["contact"], email=a["email"]
        )
        if a["draft"] is not None:
            product, impressed = a["draft"]
            draft_outreach(
                session=session,
                today=today,
                application_id=app.id,
                product=product,
                impressed=impressed,
            )
        if "contacted_days_ago" in a:
            day = today - dt.timedelta(days=a["contacted_days_ago"])
            move_application(session=session, application_id=app.id, status="contacted", today=day)


def build_demo(data_dir: Path, today: dt.date) -> tuple[Path, Engine]:
    """(Re)create the demo database and fill it; returns its path and an engine on it."""
    path = data_dir / DEMO_FILE
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    ensure_schema(engine)
    with session_scope(engine) as s:
        create_profile(
            session=s,
            changes=ProfileChanges(
                name="Ada (demo)",
                stage="ml-entry",
                target="ml-entry",
                hours_per_week=15,
                runway_months=9,
                skills=["python", "pandas", "pytorch", "scikit-learn"],
                email="ada@example.org",  # a reserved example address: the portfolio needs one
            ),
        )
        for record in demo_evidence(today):
            add_evidence(session=s, record=validate_record(record, today=today))
        _fill_rhythm(s, today)
        _fill_postings(s, today)
        _fill_tracker(s, today)
    return path, engine
