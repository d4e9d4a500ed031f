"""Bad input at the edges (files, settings, flags) ends as one `error:` line, exit 1, and leaves
what is stored as it was."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

DEEP = "[" * 100_000 + "]" * 100_000
EVIDENCE = [{"kind": "project", "title": "A demo"}]
ENTRY = {"type": "learn", "topic": "SQL", "hours": 1, "date": str(dt.date.today())}
POSTING = {"id": "1", "title": "ML Engineer", "description": "Train models."}


def one_error(result: Any, *expected: str) -> None:
    assert result.code == 1, result.out
    assert "Traceback" not in result.err
    (line,) = result.err.strip().splitlines()
    assert line.startswith("error: ")
    for text in expected:
        assert text in line


def counts(cli: Any) -> tuple[int, int, int]:
    """(evidence, journal entries, postings) stored."""
    evidence = json.loads(cli("evidence", "list", "--json").out)
    entries = json.loads(cli("journal", "--json", "--weeks", "104").out)["recent"]
    postings = json.loads(cli("jobs", "list", "--json").out)
    return len(evidence), len(entries), len(postings)


@pytest.fixture
def stored(cli: Any, tmp_path: Path) -> Any:
    """A learner with one evidence item, one journal entry and one posting."""
    assert cli("init", "--name", "Ada", "--stage", "ml-entry", "--target", "ml-entry").code == 0
    for command, name, data in (
        ("evidence", "ev.json", EVIDENCE),
        ("journal", "log.json", [ENTRY]),
        ("jobs", "jobs.json", [POSTING]),
    ):
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        assert cli(command, "import", path).code == 0
    assert counts(cli) == (1, 1, 1)
    return cli


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("command", "name", "text", "expected"),
    [
        ("evidence", "deep.json", DEEP, "nests more than 100 levels deep"),
        ("evidence", "deep.yaml", DEEP, "nests more than 100 levels"),
        ("journal", "deep.json", DEEP, "nests more than 100 levels deep"),
        ("jobs", "deep.json", DEEP, "nests more than 100 levels deep"),
        ("jobs", "deep.jsonl", json.dumps(POSTING) + "\n" + DEEP + "\n", "line 2"),
        ("evidence", "nan.json", '[{"kind": "project", "title": NaN}]', "NaN is not a JSON"),
        (
            "evidence",
            "teams.json",
            json.dumps([{"kind": "competition", "title": "K", "metrics": {"teams": 10**400}}]),
            "record 0: metric teams=",
        ),
        (
            "journal",
            "hours.json",
            json.dumps([{**ENTRY, "hours": int("9" * 400)}]),
            "record 0: hours 999",
        ),
        ("jobs", "when.json", json.dumps([{**POSTING, "posted_at": 1e300}]), "posted_at 1e+300"),
        ("jobs", "title.json", json.dumps([{**POSTING, "title": 5}]), "title must be text"),
        (
            "jobs",
            "offset.json",
            json.dumps([{**POSTING, "posted_at": "0001-01-01T00:00:00+01:00"}]),
            "record 1: posted_at '0001-01-01T00:00:00+01:00' is not an ISO date",
        ),
        (
            "jobs",
            "digits.json",
            '[{"id": "1", "title": "T", "salary": {"min": ' + "9" * 5000 + "}}]",
            "has more than 4000 digits",
        ),
        (
            "jobs",
            "js.json",
            json.dumps([{**POSTING, "url": "javascript:alert(1)"}]),
            "record 1: url 'javascript:alert(1)' must be an http(s) address",
        ),
    ],
)
def test_a_hostile_file_is_one_error_and_stores_nothing(
    stored: Any, tmp_path: Path, command: str, name: str, text: str, expected: str
) -> None:
    one_error(stored(command, "import", write(tmp_path, name, text)), expected)
    assert counts(stored) == (1, 1, 1)


def test_a_numeric_id_is_still_accepted(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "ids.json", json.dumps([{**POSTING, "id": 17}]))
    assert cli("jobs", "import", path).code == 0
    assert json.loads(cli("jobs", "list", "--json").out)[0]["title"] == "ML Engineer"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("HIREABLE_HTTP_TIMEOUT", "-1", "HIREABLE_HTTP_TIMEOUT: should be greater than 0"),
        ("HIREABLE_HTTP_TIMEOUT", "soon", "HIREABLE_HTTP_TIMEOUT: should be a valid number"),
        ("HIREABLE_HTTP_BACKOFF", "inf", "HIREABLE_HTTP_BACKOFF: should be a finite number"),
        ("HIREABLE_HTTP_RETRIES", str(2**70), "HIREABLE_HTTP_RETRIES: should be less than or"),
        ("HIREABLE_HTTP_DEADLINE", "0", "HIREABLE_HTTP_DEADLINE: should be greater than 0"),
        ("HIREABLE_DB_BUSY_TIMEOUT", "nan", "HIREABLE_DB_BUSY_TIMEOUT: should be a finite"),
        ("HIREABLE_GREENHOUSE_URL", "http://[::1", "HIREABLE_GREENHOUSE_URL: is not a usable"),
        ("HIREABLE_LEVER_URL", "http://x.test:99999", "HIREABLE_LEVER_URL: is not a usable"),
        ("HIREABLE_GITHUB_URL", "api.github.com", "HIREABLE_GITHUB_URL: must be an http://"),
        ("HIREABLE_HN_URL", "ftp://x.test", "HIREABLE_HN_URL: must be an http:// or https://"),
        ("HIREABLE_USER_AGENT", "caf\u00e9", "HIREABLE_USER_AGENT: must be plain printable"),
        ("HIREABLE_USER_AGENT", "a\nb", "HIREABLE_USER_AGENT: must be plain printable"),
    ],
)
def test_a_bad_setting_names_its_variable(
    cli_sqlite: Any, monkeypatch: pytest.MonkeyPatch, name: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(name, value)
    one_error(cli_sqlite("status"), expected)


def test_every_service_address_setting_is_checked() -> None:
    from hireable.config import URL_SETTINGS, Settings

    addresses = {name for name in Settings.model_fields if name.endswith("_url")}
    assert set(URL_SETTINGS) == addresses - {"database_url"}


@pytest.mark.parametrize("months", ["inf", "nan", "-1", "1e9"])
def test_runway_must_be_a_real_number_of_months(cli: Any, months: str) -> None:
    init = ["init", "--name", "Ada", "--stage", "ml-entry", "--target", "ml-entry"]
    one_error(cli(*init, "--runway-months", months), "runway months must be a number from 0")
    assert cli(*init, "--runway-months", "6").code == 0
    one_error(cli("profile", "set", "--runway-months", months), "runway months")
    status = cli("status", "--json")
    assert json.loads(status.out)["profile"]["runway_months"] == 6  # strict JSON, value kept


@pytest.mark.parametrize("skill", ["", "  "])
def test_an_empty_skill_is_refused(cli: Any, skill: str) -> None:
    init = ["init", "--name", "Ada", "--stage", "ml-entry", "--target", "ml-entry"]
    one_error(cli(*init, "--skill", "python", "--skill", skill), "a skill name must not be empty")
    assert cli(*init, "--skill", "python").code == 0
    one_error(cli("profile", "set", "--skill", skill), "a skill name must not be empty")
    one_error(
        cli("evidence", "add", "project", "--title", "Demo", "--skill", skill),
        "a skill name must not be empty",
    )
    assert json.loads(cli("profile", "show", "--json").out)["skills"] == ["python"]
    assert json.loads(cli("evidence", "list", "--json").out) == []


def test_nul_characters_are_stripped_on_the_way_in(cli: Any, tmp_path: Path) -> None:
    evidence = [
        {
            "kind": "project",
            "title": "A\u0000demo",
            "validator": "x\u0000",
            "skills": ["tor\u0000ch"],
        }
    ]
    posting = {**POSTING, "title": "ML\u0000 Engineer", "description": "Train\u0000 models."}
    posting["company"] = "Nul\u0000Co"
    assert cli("evidence", "import", write(tmp_path, "ev.json", json.dumps(evidence))).code == 0
    assert cli("jobs", "import", write(tmp_path, "jobs.json", json.dumps([posting]))).code == 0
    (item,) = json.loads(cli("evidence", "list", "--json").out)
    # (skills is a JSON column: json.dumps writes NUL as an escape a text-level strip cannot see)
    assert (item["title"], item["validator"], item["skills"]) == ("Ademo", "x", ["torch"])
    (stored,) = json.loads(cli("jobs", "list", "--json").out)
    assert (stored["title"], stored["company"]) == ("ML Engineer", "NulCo")
    shown = json.loads(cli("jobs", "show", str(stored["id"]), "--json").out)
    assert shown["text"] == "Train models."
    # importing the same file again finds the same postings: nothing new, nothing changed
    again = cli("jobs", "import", tmp_path / "jobs.json", "--json")
    assert (json.loads(again.out)["new"], json.loads(again.out)["unchanged"]) == (0, 1)


def test_nul_in_an_id_or_a_key_is_stripped_before_it_is_matched(cli: Any, tmp_path: Path) -> None:
    """The store strips NUL, so an id still holding it was never found again: KeyError."""
    posting = {**POSTING, "id": "n\u00001", "url": "https://example.com/\u00001"}
    path = write(tmp_path, "jobs.json", json.dumps([posting]))
    assert cli("jobs", "import", path).code == 0
    (stored,) = json.loads(cli("jobs", "list", "--json").out)
    assert stored["url"] == "https://example.com/1"
    again = json.loads(cli("jobs", "import", path, "--json").out)
    assert (again["new"], again["unchanged"]) == (0, 1)
    evidence = [{"kind": "project", "title": "Demo", "skills": ["py\u0000thon"]}]
    assert cli("evidence", "import", write(tmp_path, "ev.json", json.dumps(evidence))).code == 0
    yaml_file = write(tmp_path, "ev.yaml", '- kind: project\n  title: "Yaml\\0 demo"\n')
    assert cli("evidence", "import", yaml_file).code == 0
    items = json.loads(cli("evidence", "list", "--json").out)
    assert sorted((i["title"], i["skills"]) for i in items) == [
        ("Demo", ["python"]), ("Yaml demo", [])
    ]  # fmt: skip


def test_a_raw_nul_byte_in_a_csv_id_is_stripped_too(cli: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "jobs.csv", "id,title,description\n1\x00a,ML\x00 Engineer,Train.\n")
    assert cli("jobs", "import", path).code == 0
    again = json.loads(cli("jobs", "import", path, "--json").out)
    assert (again["new"], again["unchanged"]) == (0, 1)
    assert json.loads(cli("jobs", "list", "--json").out)[0]["title"] == "ML Engineer"


@pytest.fixture
def write_lock(database_url: str) -> Any:
    """Hold the database's write lock from another connection while the test runs a command."""
    from contextlib import contextmanager

    @contextmanager
    def held() -> Any:
        if database_url.startswith("sqlite"):
            import sqlite3

            conn = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            finally:
                conn.execute("ROLLBACK")
                conn.close()
            return
        from hireable.store.db import make_engine

        engine = make_engine(database_url)
        with engine.connect() as conn:
            conn.exec_driver_sql("LOCK TABLE evidence IN ACCESS EXCLUSIVE MODE")
            try:
                yield
            finally:
                conn.rollback()
        engine.dispose()

    return held


def test_a_write_lock_held_elsewhere_is_one_busy_line(
    stored: Any, write_lock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIREABLE_DB_BUSY_TIMEOUT", "0.3")
    with write_lock():
        one_error(
            stored("evidence", "add", "project", "--title", "Another demo"),
            "the database is busy: another hireable is writing; try again",
        )
    assert counts(stored) == (1, 1, 1)
    assert stored("evidence", "add", "project", "--title", "Another demo").code == 0


LABEL = {"id": "a1", "degree": "none", "degree_level": "none", "seniority": "mid",
         "years_min": 3, "ml": True, "confidence": "high"}  # fmt: skip


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (DEEP, "line 2: not a label object with an id"),
        (json.dumps({**LABEL, "degree": "maybe"}), "line 2: degree 'maybe' is not one of none,"),
        (json.dumps({**LABEL, "seniority": "guru"}), "seniority 'guru' is not one of intern,"),
        (json.dumps({**LABEL, "degree_level": "bsc"}), "degree_level 'bsc' is not one of"),
        (json.dumps({**LABEL, "ml": 1}), "ml 1 is not one of true, false"),
        (json.dumps({**LABEL, "confidence": "sure"}), "confidence 'sure' is not one of high, low"),
        (json.dumps({**LABEL, "years_min": -1}), "years_min -1 is not a whole number"),
        (json.dumps({**LABEL, "years_min": "3"}), "years_min '3' is not a whole number"),
    ],
)
def test_labels_outside_the_guidelines_are_refused(
    cli_sqlite: Any, tmp_path: Path, line: str, expected: str
) -> None:
    postings = write(tmp_path, "p.jsonl", json.dumps({"id": "a1", "description": "Remote."}) + "\n")
    labels = write(tmp_path, "labels.jsonl", json.dumps(LABEL) + "\n" + line + "\n")
    one_error(cli_sqlite("postings", "eval", "--input", postings, "--labels", labels), expected)
    good = write(tmp_path, "good.jsonl", json.dumps({**LABEL, "years_min": None}) + "\n")
    assert cli_sqlite("postings", "eval", "--input", postings, "--labels", good).code == 0


def test_text_longer_than_its_column_is_one_error_on_every_backend(cli: Any) -> None:
    long = "x" * 501
    assert cli("init", "--name", "Ada", "--stage", "ml-entry", "--target", "ml-entry").code == 0
    added = cli("evidence", "add", "project", "--title", long)
    one_error(added, "evidence title is 501 characters")
    one_error(cli("log", "learn", long, "--hours", "1"), "journal entry topic is 501 characters")
    one_error(cli("idea", "add", long), "idea title is 501 characters long; the most is 500")
    assert cli("evidence", "add", "project", "--title", "x" * 500).code == 0
    assert len(json.loads(cli("evidence", "list", "--json").out)) == 1


def test_a_stored_infinite_runway_still_prints_strict_json(cli: Any, database_url: str) -> None:
    """A row written before the runway check existed (`--runway-months inf` was stored)."""
    from hireable.store.db import make_engine, session_scope
    from hireable.store.models import Profile

    assert cli("init", "--name", "Ada", "--stage", "ml-entry", "--target", "ml-entry").code == 0
    engine = make_engine(database_url)
    with session_scope(engine) as s:
        s.query(Profile).one().runway_months = float("inf")
    engine.dispose()
    for args in (("status", "--json"), ("profile", "show", "--json")):
        r = cli(*args)
        assert r.code == 0, r.err
        assert "Infinity" not in r.out
        data = json.loads(r.out)
        profile = data.get("profile", data)
        assert profile["runway_months"] is None
