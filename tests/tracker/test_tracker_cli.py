"""`hireable track`: add, move, follow up, the board and what is due."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import pytest

from tests.ranking.factory import add_postings, posting

if TYPE_CHECKING:
    from tests.conftest import CliRunner

DAY0 = dt.date(2026, 3, 2)


class Clock:
    def __init__(self) -> None:
        self.today = DAY0

    def at(self, days: int) -> None:
        self.today = DAY0 + dt.timedelta(days=days)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr("hireable.clock.today", lambda: c.today)
    return c


def _json(cli: CliRunner, *args: str) -> Any:
    result = cli(*args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_follow_ups_on_day_7_and_14_then_nothing(cli: CliRunner, clock: Clock) -> None:
    assert cli("track", "add", "--company", "Acme", "--contact", "Jane Doe").code == 0
    moved = cli("track", "move", "1", "contacted")
    assert moved.code == 0 and "next follow-up due 2026-03-09" in moved.out
    due_days = []
    for n in range(0, 40):
        clock.at(n)
        due = _json(cli, "track", "next")
        if due:
            due_days.append(n)
            assert due[0]["action"].startswith("Follow up with Acme (Jane Doe) (due today)")
            assert cli("track", "followup", "1").code == 0
    assert due_days == [7, 14]
    (app,) = _json(cli, "track", "list")
    assert app["followups_done"] == 2 and app["next_followup"] is None
    clock.at(41)
    again = cli("track", "done", "1")
    assert again.code == 1 and "all 2 follow-ups are done" in again.err


def test_overdue_follow_ups_show_in_next(cli: CliRunner, clock: Clock) -> None:
    cli("track", "add", "--company", "Acme")
    cli("track", "move", "1", "contacted")
    clock.at(10)
    (row,) = _json(cli, "track", "next")
    assert "3 days overdue" in row["action"]
    text = cli("track", "next").out
    assert "#1  Follow up with Acme (3 days overdue)" in text


def test_add_from_a_posting_takes_its_company(cli: CliRunner, database_url: str) -> None:
    (pid,) = add_postings(database_url, posting(1))
    cli("init", "--name", "Ada", "--stage", "ml-entry", "--target", "ml-entry")
    added = cli("track", "add", "--posting", str(pid), "--email", "jane@acme.ai")
    assert added.code == 0 and "Acme Vision" in added.out
    (app,) = _json(cli, "track", "list")
    assert app["company"] == "Acme Vision" and app["title"] == "Machine Learning Engineer"
    assert app["contact_email"] == "jane@acme.ai" and app["status"] == "saved"
    twice = cli("track", "add", "--posting", str(pid))
    assert twice.code == 1 and "already tracked as application 1" in twice.err


def test_the_board_has_a_column_per_status(cli: CliRunner) -> None:
    for name in ("Acme", "Beta", "Gamma"):
        cli("track", "add", "--company", name)
    cli("track", "move", "2", "applied")
    cli("track", "move", "3", "withdrawn")
    board = cli("track", "list").out
    header = next(line for line in board.splitlines() if "saved (1)" in line)
    assert "applied (1)" in header and "withdrawn (1)" in header
    assert "#1 Acme" in board and "#2 Beta" in board and "#3 Gamma" in board


def test_empty_tracker(cli_sqlite: CliRunner) -> None:
    assert "Nothing tracked yet" in cli_sqlite("track", "list").out
    assert "Nothing due today" in cli_sqlite("track", "next").out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["track", "add", "--posting", "99"], "no posting with id 99"),
        (["track", "add"], "give --posting ID or --company NAME"),
        (["track", "add", "--company", "Acme", "--email", "jane-at-acme"], "not an email address"),
        (["track", "add", "--company", "  "], "give --posting ID or --company NAME"),
        (["track", "move", "42", "applied"], "no application with id 42"),
        (["track", "followup", "42"], "no application with id 42"),
        (["track", "move", "1", "hired"], "unknown status 'hired'"),
        (["track", "move", "1", "offer"], "cannot move from saved to offer"),
        (["track", "followup", "1"], "application 1 has no follow-up scheduled: it is saved"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    cli: CliRunner, args: list[str], message: str
) -> None:
    cli("track", "add", "--company", "Acme")
    before = _json(cli, "track", "list")
    result = cli(*args)
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("error: ") and message in result.err
    assert result.err.count("\n") == 1
    assert _json(cli, "track", "list") == before


def test_offer_to_saved_is_refused(cli: CliRunner) -> None:
    cli("track", "add", "--company", "Acme")
    for status in ("contacted", "applied", "interviewing", "offer"):
        assert cli("track", "move", "1", status).code == 0
    result = cli("track", "move", "1", "saved")
    assert result.code == 1
    assert result.err == "error: cannot move from offer to saved: offer is final\n"
    assert _json(cli, "track", "list")[0]["status"] == "offer"


def test_posting_without_company_needs_one(cli_sqlite: CliRunner, sqlite_url: str) -> None:
    (pid,) = add_postings(sqlite_url, posting(1, company=None))
    result = cli_sqlite("track", "add", "--posting", str(pid))
    assert result.code == 1 and "has no company name; add one with --company" in result.err
    ok = cli_sqlite("track", "add", "--posting", str(pid), "--company", "Stealth Startup")
    assert ok.code == 0 and "Stealth Startup" in ok.out
