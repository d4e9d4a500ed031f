"""`hireable plan` and the status contribution of the rhythm."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from icalendar import Calendar

from hireable.core.weeks import MAX_PLAN_WEEKS, MAX_REPORT_WEEKS
from hireable.errors import ValidationError
from hireable.services.ideas import add_idea, pick_idea, record_baseline
from hireable.services.journal import build_entry, log_entry
from hireable.services.profile import ProfileChanges, update_profile
from hireable.services.rhythm import status_contribution
from tests.journal.test_plan import plan_for

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from hireable.store.models import Profile
    from tests.conftest import CliRunner

TODAY = dt.date.today()
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())
THREE_SECONDARY = [
    ("paid-work", "Churn model for a local gym", ["client=Gym", "amount=1500"]),
    ("content", "Blog: fine-tuning Whisper", ["audience=20000"]),
    ("product", "Bird call app", ["weekly_users=150"]),
]


def learner_lacking_only_a_primary_item(cli: CliRunner) -> None:
    cli(
        "init",
        "--name",
        "Ada",
        "--stage",
        "ml-entry",
        "--target",
        "ml-entry",
        "--hours-per-week",
        "10",
    )
    for kind, title, metrics in THREE_SECONDARY:
        args = [
            "evidence",
            "add",
            kind,
            "--title",
            title,
            "--date",
            TODAY.strftime("%Y-%m"),
            "--url",
            "https://example.org/" + kind,
        ]
        for m in metrics:
            args += ["--metric", m]
        assert cli(*args).code == 0
    gaps = json.loads(cli("status", "--json").out)["readiness"][1]
    assert gaps["stage"] == "ml-entry" and gaps["degree_equivalents"] == 3
    assert len(gaps["missing"]) == 1 and gaps["missing"][0].startswith("primary items")


def test_plan_spends_doing_hours_on_primary_deliverables(cli: CliRunner, tmp_path: Path) -> None:
    learner_lacking_only_a_primary_item(cli)
    result = cli("plan", "--json")
    assert result.code == 0, result.err
    plan = json.loads(result.out)
    assert plan["stage"] == "ml-entry" and len(plan["weeks"]) == 4
    for week in plan["weeks"]:
        assert week["evidence"]["class"] == "primary" and week["serves"] == ["primary"]
        assert week["learn"]["hours"] + week["do"]["hours"] <= 10
        assert week["do"]["hours"] >= 5
    assert plan["weeks"][0]["start"] == MONDAY.isoformat()

    text = cli("plan", "--weeks", "2").out
    assert "week 1 (" in text and "learn:" in text and "→ open-source evidence for ml-entry" in text


def test_plan_writes_markdown_and_ics(cli: CliRunner, tmp_path: Path) -> None:
    learner_lacking_only_a_primary_item(cli)
    md, ics = tmp_path / "plan.md", tmp_path / "plan.ics"
    result = cli("plan", "--weeks", "3", "--markdown", md, "--ics", ics)
    assert result.code == 0, result.err
    assert f"Wrote the calendar to {ics}" in result.out
    assert md.read_text(encoding="utf-8").count("## Week ") == 3
    raw = ics.read_bytes()
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")
    events = list(Calendar.from_ical(raw).walk("VEVENT"))
    assert len(events) == 6
    starts = sorted(e.decoded("DTSTART") for e in events)
    assert starts == [MONDAY + dt.timedelta(weeks=n) for n in (0, 0, 1, 1, 2, 2)]


def test_plan_needs_a_profile_and_sane_weeks(cli: CliRunner, tmp_path: Path) -> None:
    result = cli("plan")
    assert result.code == 1 and "hireable init" in result.err
    cli("init", "--name", "A", "--stage", "ml-entry", "--target", "ml-entry")
    for weeks in ("0", "53"):
        too_many = cli("plan", "--weeks", weeks)
        assert too_many.code == 2 and "'--weeks'" in too_many.err  # a usage error, as ranges are
    bad = cli("plan", "--ics", tmp_path / "no-such-dir" / "p.ics")
    assert bad.code == 1 and bad.err.startswith("error: cannot write")


def test_the_weeks_bounds_are_the_core_constants(cli_sqlite: CliRunner) -> None:
    """`--weeks` of `plan` and `journal` take what the services take, and say so."""
    cli_sqlite("init", "--name", "A", "--stage", "ml-entry", "--target", "ml-entry")
    for command, most in (("plan", MAX_PLAN_WEEKS), ("journal", MAX_REPORT_WEEKS)):
        assert f"(1–{most})" in cli_sqlite(command, "--help").out
        assert cli_sqlite(command, "--weeks", str(most), "--json").code == 0
        past = cli_sqlite(command, "--weeks", str(most + 1))
        assert past.code == 2 and f"less than or equal to {most}" in past.err
    with pytest.raises(ValidationError, match=f"weeks must be from 1 to {MAX_PLAN_WEEKS} "):
        plan_for([], weeks=MAX_PLAN_WEEKS + 1)


def log(session: Session, kind: str, days_ago: int, hours: float, **kw: object) -> None:
    today = dt.date(2026, 11, 26)
    entry = build_entry(
        kind=kind,
        topic="t",
        hours=hours,
        date=(today - dt.timedelta(days=days_ago)).isoformat(),
        today=today,
        **kw,  # type: ignore[arg-type]
    )
    log_entry(session=session, entry=entry)


def test_status_contribution_names_this_week_and_every_rule(
    session: Session, profile: Profile
) -> None:
    today = dt.date(2026, 11, 26)
    contribution = status_contribution(session, profile, today)
    assert contribution.warnings == []
    assert contribution.next_actions[0].startswith("This week: do: ")
    this_week = contribution.sections["this_week"]
    assert this_week["start"] == "2026-11-23" and this_week["text"].startswith("learn: ")
    assert this_week["evidence"]["class"] == "primary"

    # Eight weeks of learning, strong at first, then fading; a picked idea with no baseline;
    # a short runway.
    for days in range(0, 56, 2):
        log(session, "learn", days, 4 if days >= 28 else 1)
    idea = add_idea(session=session, title="Bird calls", url=None, note=None)
    pick_idea(session=session, idea_id=idea.id, today=today - dt.timedelta(days=9))
    update_profile(session=session, changes=ProfileChanges(runway_months=2))
    contribution = status_contribution(session, profile, today)
    assert [w.rule for w in contribution.warnings] == [
        "learn-trap",
        "momentum-drop",
        "runway-short",
        "move-on",
    ]
    assert "Bird calls" in contribution.sections["this_week"]["do"]["deliverable"]

    log(session, "do", 0, 3, artifact="https://github.com/a/b/pull/2")
    record_baseline(
        session=session, idea_id=idea.id, artifact="https://colab.example.org/x", today=today
    )
    rules = [w.rule for w in status_contribution(session, profile, today).warnings]
    assert "learn-trap" not in rules and "move-on" not in rules


def test_a_fresh_pick_asks_for_its_baseline_by_a_date(session: Session, profile: Profile) -> None:
    today = dt.date(2026, 11, 26)
    idea = add_idea(session=session, title="Bird calls", url=None, note=None)
    pick_idea(session=session, idea_id=idea.id, today=today - dt.timedelta(days=2))
    actions = status_contribution(session, profile, today).next_actions
    assert any("by 2026-12-01" in a for a in actions)
    # Picking another idea stops the first clock: only the current pick is watched.
    other = add_idea(session=session, title="Solar panel faults", url=None, note=None)
    pick_idea(session=session, idea_id=other.id, today=today)
    session.refresh(idea)
    assert idea.picked_at is None


def test_plan_at_80_columns_wraps_each_week_under_its_work(
    cli_sqlite: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    learner_lacking_only_a_primary_item(cli_sqlite)
    monkeypatch.setenv("COLUMNS", "80")
    lines = cli_sqlite("plan", "--weeks", "2").out.splitlines()
    weeks = [i for i, line in enumerate(lines) if line.startswith("week ")]
    assert len(weeks) == 2 and all(len(line) <= 80 for line in lines)
    body = lines[weeks[0] + 1 : weeks[1]]
    assert body and all(line.startswith("    ") for line in body)  # wrapped, never at the edge
    assert lines[weeks[0] + 1].startswith(" " * len("week 1 (Nov 30): "))
