"""Bad values at the CLI's edge: ids and limits past the database's integer range, worker
counts, and output paths that cannot be written. Each is one `error:` line, nothing written."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from hireable.store.repo import ID_MAX

if TYPE_CHECKING:
    from tests.conftest import CliRunner, Result

TOO_BIG = str(2**63)  # SQLite raised OverflowError, PostgreSQL errors from 2**31 on
SCORES = ("--impress=1", "--quick-model=1", "--feasible=1", "--angle=1", "--excitement=1")
ID_COMMANDS = [
    ("evidence", "show", "{id}"),
    ("evidence", "edit", "{id}", "--title", "x"),
    ("evidence", "remove", "{id}"),
    ("evidence", "explain", "{id}"),
    ("evidence", "refresh", "{id}"),
    ("log", "do", "x", "--hours", "1", "--artifact", "https://x.org/a", "--evidence", "{id}"),
    ("journal", "edit", "{id}", "--topic", "x"),
    ("journal", "edit", "1", "--evidence", "{id}"),
    ("journal", "remove", "{id}"),
    ("idea", "score", "{id}", *SCORES),
    ("idea", "pick", "{id}"),
    ("idea", "baseline", "{id}", "--artifact", "https://x.org/a"),
    ("jobs", "show", "{id}"),
    ("postings", "explain", "{id}"),
    ("track", "add", "--posting", "{id}"),
    ("track", "move", "{id}", "applied"),
    ("track", "followup", "{id}"),
    ("track", "done", "{id}"),
    ("outreach", "draft", "{id}"),
    ("outreach", "draft", "--posting", "{id}"),
]


def one_error(result: Result, code: int, *parts: str) -> None:
    assert result.code == code, result.out + result.err
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    assert "Traceback" not in result.out + result.err
    for part in parts:
        assert part in lines[0]


def _init(cli: CliRunner) -> None:
    assert cli("init", "--name", "A", "--stage", "ml-entry", "--target", "ml-entry").code == 0


def _args(command: tuple[str, ...], value: str) -> list[str]:
    return [a.replace("{id}", value) for a in command]


@pytest.mark.parametrize("command", ID_COMMANDS, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("value", [TOO_BIG, str(ID_MAX + 1), "0"])
def test_ids_outside_the_column_range_are_one_line(
    cli_sqlite: CliRunner, command: tuple[str, ...], value: str
) -> None:
    result = cli_sqlite(*_args(command, value))
    if value == "0" and command[-2:] == ("--evidence", "{id}") and command[0] == "journal":
        return  # `journal edit --evidence 0` unlinks; covered in tests/journal
    one_error(result, 2, "ids are whole numbers from", str(ID_MAX), value)


@pytest.mark.parametrize("command", [c for c in ID_COMMANDS if c[0] in ("evidence", "jobs")])
def test_the_largest_id_reaches_the_database(cli: CliRunner, command: tuple[str, ...]) -> None:
    """2**31 - 1 is a valid INTEGER on both backends: the lookup runs and finds nothing."""
    _init(cli)
    one_error(cli(*_args(command, str(ID_MAX))), 1, str(ID_MAX))


@pytest.mark.parametrize("value", [TOO_BIG, "0"])
def test_jobs_list_limit_is_bounded(cli: CliRunner, value: str) -> None:
    one_error(cli("jobs", "list", "--limit", value), 2, "--limit", value)
    assert cli("jobs", "list", "--limit", str(ID_MAX)).code == 0


def test_analyze_jobs_is_bounded_by_the_cpu_count(cli_sqlite: CliRunner) -> None:
    most = (os.cpu_count() or 1) * 4
    for value in (str(10**22), str(most + 1)):
        one_error(cli_sqlite("postings", "analyze", "--jobs", value), 2, f"at most {most}", value)
    result = cli_sqlite("postings", "analyze", "--jobs", str(most), "--input", os.devnull)
    assert result.code == 0, result.err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    postings = tmp_path / "in.jsonl"
    postings.write_text('{"description": "We train models."}\n', encoding="utf-8")
    result = cli_sqlite("postings", "analyze", "--input", postings, "--output", "/dev/full")
    one_error(result, 1, "cannot write /dev/full", "No space left on device")
    one_error(cli_sqlite("evidence", "export", "--output", "/dev/full"), 1, "/dev/full")


def test_plan_checks_every_output_before_writing_any(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    _init(cli_sqlite)
    markdown, missing = tmp_path / "ok.md", tmp_path / "nowhere" / "x.ics"
    result = cli_sqlite("plan", "--markdown", markdown, "--ics", missing)
    one_error(result, 1, str(missing), "does not exist", "--ics")
    assert not markdown.exists()
    one_error(cli_sqlite("plan", "--markdown", tmp_path), 1, "is a directory", "--markdown")


def test_a_bad_input_leaves_the_output_untouched(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n", encoding="utf-8")
    result = cli_sqlite("postings", "analyze", "--input", tmp_path / "none.jsonl", "--output", out)
    one_error(result, 1, "cannot read")
    assert out.read_text(encoding="utf-8") == "kept\n"


@pytest.fixture
def locked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A file nobody may read or write (os.access says so even when tests run as root)."""
    path = tmp_path / "locked.txt"
    path.write_text("kept\n", encoding="utf-8")
    real = os.access

    def access(target: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        return False if Path(target) == path else real(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    return path


@pytest.mark.parametrize(
    "command",
    [
        ("postings", "analyze", "--input", os.devnull, "--output"),
        ("evidence", "export", "--output"),
        ("plan", "--markdown"),
        ("plan", "--ics"),
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_an_unwritable_output_is_called_not_writable(
    cli_sqlite: CliRunner, locked: Path, command: tuple[str, ...]
) -> None:
    _init(cli_sqlite)
    result = cli_sqlite(*command, locked)
    one_error(result, 1, "is not writable")
    assert "readable" not in result.err
    assert locked.read_text(encoding="utf-8") == "kept\n"


def test_jobs_show_uses_the_shared_clock(
    cli_sqlite: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A posting first seen today is fresh; three years on, the same posting is not."""
    path = tmp_path / "p.json"
    record = {"id": "p1", "title": "ML engineer", "company": "Acme", "description": "We train."}
    path.write_text(json.dumps([record]), encoding="utf-8")
    assert cli_sqlite("jobs", "import", path).code == 0

    def freshness(day: dt.date) -> list[Any]:
        monkeypatch.setattr("hireable.clock.today", lambda: day)
        result = cli_sqlite("jobs", "show", "1", "--json")
        assert result.code == 0, result.err
        reasons = json.loads(result.out)["score"]["reasons"]
        return [r for r in reasons if r["factor"] == "freshness"]

    today = dt.date.today()
    assert freshness(today) != freshness(today + dt.timedelta(days=3 * 365))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [("profile", "show"), ("profile", "show", "--json")])
def test_stdout_on_a_full_disk_is_one_line(
    cli_sqlite: CliRunner, sqlite_url: str, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """The interpreter's own flush at exit used to end in a traceback."""
    import subprocess
    import sys

    _init(cli_sqlite)
    env = {**os.environ, "HIREABLE_DATABASE_URL": sqlite_url, "HIREABLE_DATA_DIR": str(tmp_path)}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "hireable", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr == "error: No space left on device\n"


@pytest.mark.parametrize("port", ["65536", "-1", str(2**70)])
def test_serve_port_is_bounded(cli_sqlite: CliRunner, port: str) -> None:
    """bind() raised OverflowError past 65535: a traceback before the dashboard started."""
    one_error(cli_sqlite("serve", "--port", port), 2, "--port")


def test_an_output_through_a_symlink_writes_its_target(
    cli_sqlite: CliRunner, tmp_path: Path
) -> None:
    """The write-then-rename replaced the link itself (and, run as root, a device such as
    /dev/full with a regular file: not tested here, as a regression would do just that)."""
    _init(cli_sqlite)
    assert cli_sqlite("profile", "set", "--email", "a@example.com").code == 0
    target, link = tmp_path / "target.md", tmp_path / "link.md"
    target.write_text("old\n", encoding="utf-8")
    link.symlink_to(target)
    assert cli_sqlite("resume", "export", "--output", link).code == 0
    assert link.is_symlink()
    assert "old" not in target.read_text(encoding="utf-8")


def test_a_portfolio_nested_too_deeply_is_not_a_portfolio(
    cli_sqlite: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "portfolio.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    one_error(cli_sqlite("portfolio", "verify", path), 1, "is not a hireable portfolio")


@pytest.mark.parametrize(
    "command",
    [("resume", "export"), ("pitch",), ("jobs", "skills"), ("demo",)],
    ids=lambda c: " ".join(c),
)
def test_commands_ask_the_shared_clock(
    cli_sqlite: CliRunner, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    """Tests freeze `hireable.clock.today`; a command calling date.today() escaped them."""
    _init(cli_sqlite)
    asked: list[dt.date] = []

    def today() -> dt.date:
        asked.append(dt.date(2026, 3, 2))
        return asked[-1]

    monkeypatch.setattr("hireable.clock.today", today)
    result = cli_sqlite(*command)
    assert result.code in (0, 1) and "Traceback" not in result.err, result.err
    assert asked
