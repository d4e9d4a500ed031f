"""`hireable log` and `hireable journal`: behaviour through the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.conftest import CliRunner

TODAY = dt.date.today()
PR = "https://github.com/huggingface/peft/pull/1"


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def journal(cli: CliRunner, *args: str) -> dict:  # type: ignore[type-arg]
    result = cli("journal", "--json", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)


def rules(data: dict) -> list[str]:  # type: ignore[type-arg]
    return [w["rule"] for w in data["warnings"]]


def entry_count(cli: CliRunner) -> int:
    return len(journal(cli, "--weeks", "104")["recent"])


def test_six_weeks_of_learning_warn_until_one_artefact_ships(cli: CliRunner) -> None:
    for days in range(0, 42, 3):
        assert cli("log", "learn", "linear algebra", "--hours", "2", "--date", ago(days)).code == 0
    data = journal(cli)
    assert rules(data) == ["learn-trap"]
    assert data["streak"] == 0 and data["days_since_do"] is None

    result = cli("log", "do", "fix a tokenizer bug", "--hours", "3", "--artifact", PR)
    assert result.code == 0 and "Logged do" in result.out
    data = journal(cli)
    assert "learn-trap" not in rules(data)
    assert data["streak"] == 1 and data["days_since_do"] == 0
    assert data["weeks"][-1]["do_hours"] == 3 and data["weeks"][-1]["artifacts"] == 1


def test_journal_screen_shows_chart_streak_and_momentum(cli: CliRunner) -> None:
    cli("log", "learn", "LoRA", "--hours", "4", "--url", "https://example.org/lora")
    cli("log", "do", "LoRA notebook", "--hours", "6", "--artifact", PR)
    result = cli("journal", "--weeks", "3")
    assert result.code == 0, result.err
    assert "Learn vs do per week" in result.out and "█" in result.out
    assert "streak 1 week(s)" in result.out and "Do share 60%" in result.out
    assert "Momentum: 2.5 h/week" in result.out
    assert "LoRA notebook" in result.out
    assert len(journal(cli, "--weeks", "3")["weeks"]) == 3


def test_certificate_entries_feed_the_existing_certificate_trap(cli: CliRunner) -> None:
    cli("init", "--name", "A", "--stage", "ml-entry", "--target", "ml-entry")
    for n in range(3):
        cli("log", "learn", f"course {n}", "--hours", "1", "--certificate")
    status = json.loads(cli("status", "--json").out)
    assert "certificate-trap" in [w["rule"] for w in status["warnings"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "learn", "x", "--hours", "-1"), "more than 0"),
        (("log", "learn", "x", "--hours", "0"), "more than 0"),
        (("log", "learn", "x", "--hours", "2", "--date", "2999-01-01"), "in the future"),
        (("log", "learn", "x", "--hours", "2", "--date", "yesterday"), "YYYY-MM-DD"),
        (("log", "learn", "x", "--hours", "2", "--date", "2025-13-01"), "calendar"),
        (("log", "do", "x", "--hours", "2", "--artifact", "my laptop"), "http"),
        (("log", "do", "x", "--hours", "2", "--artifact", PR, "--evidence", "99"), "evidence"),
        (("journal", "edit", "42", "--hours", "3"), "no journal entry with id 42"),
        (("journal", "remove", "42"), "no journal entry with id 42"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    cli: CliRunner, args: tuple[str, ...], message: str
) -> None:
    cli("log", "learn", "kept", "--hours", "1")
    result = cli(*args)
    assert result.code == 1
    assert result.err.startswith("error: ") and result.err.count("\n") == 1
    assert message in result.err
    assert entry_count(cli) == 1


def test_weeks_out_of_range_is_a_usage_error_like_other_ranges(cli: CliRunner) -> None:
    for weeks in ("0", "105"):
        result = cli("journal", "--weeks", weeks)
        assert result.code == 2 and result.err.count("\n") == 1 and "'--weeks'" in result.err
    assert cli("journal", "--weeks", "104").code == 0


def test_edit_and_remove(cli: CliRunner) -> None:
    cli("log", "learn", "stats", "--hours", "1")
    cli("log", "do", "demo", "--hours", "2", "--artifact", PR)
    result = cli(
        "journal", "edit", "1", "--hours", "2.5", "--date", ago(1), "--topic", "statistics"
    )
    assert result.code == 0, result.err
    entry = {e["id"]: e for e in journal(cli)["recent"]}[1]
    assert (entry["hours"], entry["date"], entry["topic"]) == (2.5, ago(1), "statistics")

    # Edits are validated as a whole: a learn entry has no artefact, a do entry keeps one.
    assert "learn entry" in cli("journal", "edit", "1", "--artifact", PR).err
    assert "--artifact" in cli("journal", "edit", "2", "--artifact", "").err
    assert cli("journal", "edit", "2", "--hours", "-3").code == 1
    assert {e["id"]: e for e in journal(cli)["recent"]}[2]["hours"] == 2

    assert cli("journal", "remove", "1").code == 0
    assert [e["id"] for e in journal(cli)["recent"]] == [2]


def test_do_entry_links_existing_evidence(cli: CliRunner) -> None:
    cli("evidence", "add", "project", "--title", "Bird sound classifier")
    result = cli("log", "do", "classifier", "--hours", "5", "--artifact", PR, "--evidence", "1")
    assert result.code == 0, result.err
    assert journal(cli)["recent"][0]["evidence_id"] == 1
    assert cli("journal", "edit", "1", "--evidence", "0").code == 0
    assert journal(cli)["recent"][0]["evidence_id"] is None


CSV_GOOD = f"""type,topic,hours,date,url,certificate,artifact,evidence_id
learn,Transformers course,3,{ago(10)},https://example.org/course,true,,
do,Fine-tune on call audio,5.5,{ago(2)},,,{PR},
"""


def test_import_csv_and_json(cli: CliRunner, tmp_path: Path) -> None:
    csv_file = tmp_path / "journal.csv"
    csv_file.write_text(CSV_GOOD, encoding="utf-8")
    result = cli("journal", "import", csv_file)
    assert result.code == 0, result.err
    assert "Imported 2 journal entries" in result.out
    json_file = tmp_path / "journal.json"
    json_file.write_text(
        json.dumps([{"type": "learn", "topic": "SQL", "hours": 1, "date": ago(1)}]),
        encoding="utf-8",
    )
    assert cli("journal", "import", json_file).code == 0
    recent = journal(cli, "--weeks", "4")["recent"]
    assert len(recent) == 3
    assert {e["topic"]: e["certificate"] for e in recent}["Transformers course"] is True


def test_importing_the_same_entries_again_adds_none(cli: CliRunner, tmp_path: Path) -> None:
    csv_file = tmp_path / "journal.csv"
    csv_file.write_text(CSV_GOOD, encoding="utf-8")
    assert cli("journal", "import", csv_file).code == 0
    again = cli("journal", "import", csv_file)
    assert (again.code, again.out) == (
        0,
        f"Imported 0 journal entries from {csv_file}; 2 already there, not added again.\n",
    )
    assert entry_count(cli) == 2
    assert cli("log", "learn", "SQL", "--hours", "1", "--date", ago(1)).code == 0
    learned = {"type": "learn", "topic": "Transformers course", "date": ago(10)}
    records = [
        {**learned, "hours": 3.0, "url": "https://example.org/course", "certificate": True},
        {**learned, "hours": 1.5},  # another session that day: a new entry
        {"type": "learn", "topic": "SQL", "hours": 1, "date": ago(1)},  # logged by hand
        {"type": "learn", "topic": "SQL", "hours": 1, "date": ago(1)},
    ]
    json_file = tmp_path / "journal.json"
    json_file.write_text(json.dumps(records), encoding="utf-8")
    r = cli("journal", "import", json_file)
    assert r.out.startswith(f"Imported 1 journal entry from {json_file}; 3 already there,")
    assert entry_count(cli) == 4


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", CSV_GOOD + f"learn,x,-2,{ago(1)},,,,\n", "line 4: hours must be more than 0"),
        ("bad.csv", CSV_GOOD.replace("5.5", "lots"), "line 3: hours 'lots' must be a number"),
        ("bad.csv", CSV_GOOD + "do,x,1,2999-01-01,,,https://a.io,\n", "line 4: date"),
        ("bad.csv", "type,topic,hours,mood\n", "line 1: unknown column 'mood'"),
        ("bad.csv", CSV_GOOD + f"do,x,1,{ago(1)},,,{PR},7\n", "line 4: no evidence with id 7"),
        ("bad.json", '[{"type": "learn"', "not valid JSON"),
        ("bad.json", '{"type": "learn"}', "JSON list"),
        (
            "bad.json",
            json.dumps(
                [
                    {"type": "learn", "topic": "a", "hours": 1, "date": ago(1)},
                    {"type": "learn", "topic": "b", "hours": 1, "date": "01/02/2026"},
                ]
            ),
            "record 1: date '01/02/2026'",
        ),
        ("bad.txt", "whatever", ".csv or .json"),
        ("missing.csv", None, "does not exist"),
    ],
)
def test_bad_import_rejects_the_whole_file(
    cli: CliRunner, tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = cli("journal", "import", path)
    assert result.code == 1
    assert result.err.startswith("error: ") and result.err.count("\n") == 1
    assert message in result.err
    assert entry_count(cli) == 0
