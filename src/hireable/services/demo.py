"""A demo learner in a database of its own, for `hireable demo` and `make run`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hireable.core.evidence import validate_record
from hireable.core.journal import validate_entry
from hireable.services.evidence import add_evidence
from hireable.services.ideas import add_idea, pick_idea
from hireable.services.ingest import store_postings
from hireable.services.journal import log_entry
from hireable.services.profile import ProfileChanges, create_profile
from hireable.sources.jobs.files import load_file
from hireable.store.db import ensure_schema, make_engine, session_scope

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


def _fill_rhythm(session: Any, today: dt.date) -> None:
    for raw in demo_journal(today):
        log_entry(session=session, entry=validate_entry(raw, today=today))
    for title in (
        "Speech search for local radio archives",
        "Crop yield from satellite tiles",
        "Invoice field extraction with LayoutLM",
    ):
        idea = add_idea(session=session, title=title, url=None, note=None)
    pick_idea(session=session, idea_id=idea.id, today=today)


def _fill_postings(session: Any) -> None:
    postings = load_file(SAMPLE_POSTINGS, source="demo")
    store_postings(session, postings, default_source="file:demo", single_company=False)


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
        _fill_postings(s)
    return path, engine
