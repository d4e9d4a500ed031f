"""User text is printed literally: never read as Rich markup, never sent as terminal escapes.

Every command that echoes a name, title, company, validator, skill, metric, topic or posting text
runs here with markup-like brackets and an ANSI escape in that text."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.conftest import CliRunner, Result

# Closing an unopened tag crashed Rich; [bold] and [link=x] were swallowed; ESC[31m went raw.
EVIL = "[/b][bold][link=x]\x1b[31mZ"
SHOWN = "[/b][bold][link=x]\\x1b[31mZ"  # what the terminal gets: the escape spelt out
DAY0 = dt.date(2026, 3, 2)


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> list[dt.date]:
    """Today, as the commands see it: change `frozen[0]` to move the clock."""
    day = [DAY0]
    monkeypatch.setattr("hireable.clock.today", lambda: day[0])
    return day


def clean(result: Result) -> Result:
    """Exit 0, no traceback, no raw escape byte anywhere."""
    both = result.out + result.err
    assert result.code == 0, both
    assert "Traceback" not in both
    assert "\x1b" not in both, both
    return result


def shown(result: Result) -> None:
    """`clean`, and the user text is on stdout exactly as typed, escape made visible."""
    assert SHOWN in clean(result).out, result.out


def _postings_file(tmp_path: Path) -> Path:
    path = tmp_path / "postings.json"
    record = {
        "id": "p1",
        "title": EVIL,
        "company": "Acme",
        "url": "https://example.com/jobs/1",
        "description": f"We build {EVIL} models in Python. No degree required. "
        "You train and deploy machine learning models in PyTorch.",
    }
    path.write_text(json.dumps([record]), encoding="utf-8")
    return path


def test_ledger_commands_print_user_text_literally(
    cli_sqlite: CliRunner, frozen: list[dt.date]
) -> None:
    cli = cli_sqlite
    shown(cli("init", "--name", EVIL, "--stage", "ml-entry", "--target", "ml-entry",
              "--skill", EVIL))  # fmt: skip
    shown(cli("profile", "show"))
    shown(cli("status"))
    shown(cli("evidence", "add", "testimonial", "--title", EVIL, "--validator", EVIL,
              "--skill", EVIL, "--metric", f"from={EVIL}", "--date", "2026-01"))  # fmt: skip
    for command in (("list",), ("show", "1"), ("explain", "1")):
        shown(cli("evidence", *command))
    clean(cli("evidence", "edit", "1", "--title", f"{EVIL} again"))
    assert f"{SHOWN} again" in clean(cli("evidence", "show", "1")).out
    shown(cli("status"))


def test_journal_ideas_and_plan_print_user_text_literally(
    cli_sqlite: CliRunner, frozen: list[dt.date], tmp_path: Path
) -> None:
    cli = cli_sqlite
    clean(cli("init", "--name", "Ann", "--stage", "ml-entry", "--target", "ml-entry"))
    shown(cli("log", "learn", EVIL, "--hours", "2"))
    shown(cli("log", "do", EVIL, "--hours", "3", "--artifact", "https://github.com/o/r/pull/1"))
    shown(cli("journal"))
    shown(cli("journal", "edit", "1", "--topic", f"{EVIL} edited"))
    shown(cli("idea", "add", EVIL))
    shown(cli("idea", "list"))
    scores = ("--impress", "5", "--quick-model", "4", "--feasible", "4", "--angle", "3")
    shown(cli("idea", "score", "1", *scores, "--excitement", "5"))
    shown(cli("idea", "shortlist"))
    shown(cli("idea", "pick", "1"))
    markdown, ics = tmp_path / "plan.md", tmp_path / "plan.ics"
    shown(cli("plan", "--markdown", markdown, "--ics", ics))
    for path in (markdown, ics):
        written = path.read_text(encoding="utf-8")
        assert "\x1b" not in written
    assert SHOWN in markdown.read_text(encoding="utf-8")


def test_postings_and_tracker_print_user_text_literally(
    cli_sqlite: CliRunner, frozen: list[dt.date], tmp_path: Path
) -> None:
    cli = cli_sqlite
    clean(cli("init", "--name", "Ann", "--stage", "ml-entry", "--target", "ml-entry"))
    clean(cli("jobs", "import", _postings_file(tmp_path)))
    for command in (("list",), ("show", "1"), ("rank",)):
        shown(cli("jobs", *command))
    shown(cli("postings", "explain", "1"))
    clean(cli("track", "add", "--posting", "1", "--contact", EVIL))
    shown(cli("track", "add", "--company", EVIL, "--contact", EVIL, "--email", "kai@example.com"))
    shown(cli("track", "list"))
    shown(cli("track", "move", "2", "contacted"))
    frozen[0] = DAY0 + dt.timedelta(days=7)
    shown(cli("track", "next"))
    shown(cli("outreach", "draft", "1"))
    shown(cli("outreach", "draft", "2"))


def test_json_output_escapes_c1_controls(cli_sqlite: CliRunner) -> None:
    """json.dumps leaves DEL and C1 (\\x9b, an 8-bit CSI) raw with ensure_ascii off."""
    clean(cli_sqlite("init", "--name", "Ann\x9b2J", "--stage", "ml-entry", "--target", "ml-entry"))
    result = clean(cli_sqlite("profile", "show", "--json"))
    assert "\x9b" not in result.out
    assert json.loads(result.out)["name"] == "Ann\x9b2J"


@pytest.mark.parametrize(
    ("raw", "shown_as"),
    [
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("bell\x07 del\x7f csi\x9b", "bell\\x07 del\\x7f csi\\x9b"),
        ("tab\tand\nline\r\nkept", "tab\tand\nline\r\nkept"),
        ("lone\rreturn", "lone\\x0dreturn"),
        ("bidi \u202egnp.exe", "bidi \\u202egnp.exe"),
        ("café ✓ 日本", "café ✓ 日本"),
    ],
)
def test_visible_spells_out_control_characters_only(raw: str, shown_as: str) -> None:
    from hireable.cli.literal import visible

    assert visible(raw) == shown_as


def test_hanging_items_wrap_under_their_text_literally_without_trailing_spaces() -> None:
    import io

    from hireable.cli.literal import hanging, make_console

    buffer = io.StringIO()
    out = make_console(file=buffer, width=40)
    out.print(hanging("  1.", "Add a link [/b] to item 7 so that employers can check it\x1b[2J"))
    lines = buffer.getvalue().splitlines()
    assert len(lines) >= 2
    assert lines[0].startswith("  1. Add a link [/b]")
    assert all(ln.startswith("     ") and ln[5] != " " for ln in lines[1:])
    assert all(len(ln) <= 40 and ln == ln.rstrip() for ln in lines)
    assert "\\x1b[2J" in "".join(lines) and "\x1b" not in buffer.getvalue()


def test_resume_pitch_and_portfolio_print_user_text_literally(
    cli_sqlite: CliRunner, frozen: list[dt.date], tmp_path: Path
) -> None:
    """These built `Text` objects themselves (and `resume export` wrote stdout directly), so
    the console's string check never saw the text: escapes from a résumé went raw."""
    cli = cli_sqlite
    clean(cli("init", "--name", EVIL, "--stage", "ml-entry", "--target", "ml-entry"))
    clean(cli("profile", "set", "--email", "ann@example.com"))
    clean(cli("evidence", "add", "project", "--title", EVIL, "--date", "2026-01",
              "--url", "https://github.com/ann/demo"))  # fmt: skip
    shown(cli("pitch"))
    lint = cli("resume", "lint")
    assert "Traceback" not in lint.err and "\x1b" not in lint.out + lint.err
    shown(cli("resume", "export"))
    markdown = tmp_path / "resume.md"
    clean(cli("resume", "export", "--output", markdown))
    assert SHOWN in markdown.read_text(encoding="utf-8")
    exported = clean(cli("resume", "export", "--format", "json-resume"))
    assert json.loads(exported.out)["basics"]["name"] == EVIL  # JSON escapes it: value intact
    portfolio = {
        "format": "hireable-portfolio/1",
        "items": [{"id": 1, "title": EVIL, "verification": "api", "source": {"key": "nowhere:x"}}],
    }
    path = tmp_path / "portfolio.json"
    path.write_text(json.dumps(portfolio), encoding="utf-8")
    verified = cli("portfolio", "verify", path)
    assert SHOWN in verified.out and "\x1b" not in verified.out + verified.err


def test_exports_escape_c1_controls_and_round_trip(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    clean(cli_sqlite("init", "--name", "Ann", "--stage", "ml-entry", "--target", "ml-entry"))
    clean(cli_sqlite("evidence", "add", "project", "--title", "Demo\x9b2J"))
    exported = clean(cli_sqlite("evidence", "export"))
    assert "\x9b" not in exported.out
    path = tmp_path / "ev.json"
    clean(cli_sqlite("evidence", "export", "--output", path))
    assert "\x9b" not in path.read_text(encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8"))[0]["title"] == "Demo\x9b2J"


def test_a_styled_text_is_made_literal_wherever_it_is_rendered() -> None:
    import io

    from rich.table import Table
    from rich.text import Text

    from hireable.cli.literal import make_console

    buffer = io.StringIO()
    out = make_console(file=buffer, width=60, force_terminal=True, color_system="standard")
    out.print(Text("bold\x1b[2J[/b]", style="bold"))
    table = Table()
    table.add_column("title")
    table.add_row(Text("cell\x1b]8;;x\x07"))
    out.print(table)
    printed = buffer.getvalue()
    assert "\x1b[1m" in printed  # the style a call site chose still applies...
    text = re.sub(r"\x1b\[[0-9;]*m", "", printed)  # ...and is the only escape sent
    assert "\x1b" not in text and "\x07" not in text
    assert "bold\\x1b[2J[/b]" in text and "cell\\x1b" in text
