"""The services word their errors for any interface (the dashboard shows them as they are); the
CLI names its own options where they are the fix (cli/wording.py). Each case raises the real
error, so a service reworded without the CLI's table would fail here."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from hireable.cli.wording import FLAG_WORDING, cli_wording
from hireable.errors import HireableError

FLAG = re.compile(r"(^|[\s(/])--[a-z]")
TODAY = dt.date(2026, 11, 25)


def _tracked_without_a_company() -> None:
    from hireable.services.tracker import add_application

    add_application(session=None, company="  ")  # type: ignore[arg-type]


def _baseline_without_a_url() -> None:
    from hireable.services.ideas import record_baseline

    record_baseline(session=None, idea_id=1, artifact="", today=TODAY)  # type: ignore[arg-type]


def _do_without_an_artifact() -> None:
    from hireable.services.journal import build_entry

    build_entry(kind="do", topic="shipped", hours=1, date=None, today=TODAY)


def _too_few_words() -> None:
    from hireable.core.outreach import check_options

    check_options("friendly", 5)


def _bad_github_login() -> None:
    from hireable.core.contact import check_contact

    check_contact("github", "-x-")


def _revoked_token() -> None:
    from hireable.sources.evidence.github import _explain
    from hireable.sources.http import SourceError

    raise _explain(SourceError("HTTP 401"), authenticated=True)


def _a_score_out_of_range() -> None:
    from hireable.core.ideas import FIELDS, check_scores

    check_scores({**dict.fromkeys(FIELDS, 3), "quick_model": 9})


def _profile_without_a_name(tmp_path: Path) -> None:
    from hireable.services.profile import ProfileChanges, create_profile
    from hireable.store.db import ensure_schema, make_engine, session_scope

    engine = make_engine(f"sqlite:///{tmp_path}/h.db")
    ensure_schema(engine)
    try:
        with session_scope(engine) as s:
            create_profile(session=s, changes=ProfileChanges(name=""))
    finally:
        engine.dispose()


CASES: list[tuple[Callable[..., None], str]] = [
    (_tracked_without_a_company, "give --posting ID or --company NAME"),
    (_baseline_without_a_url, "--artifact needs the URL"),
    (_do_without_an_artifact, "needs --artifact URL:"),
    (_too_few_words, "--max-words must be between 40 and 400, not 5"),
    (_bad_github_login, "--github '-x-' is not"),
    (_revoked_token, "or use --no-token"),
    (_a_score_out_of_range, "--quick-model must be a whole number from 1 to 5 (got 9)"),
    (_profile_without_a_name, "init needs --name, --stage and --target"),
]


@pytest.mark.parametrize(("cause", "cli_says"), CASES, ids=[c.__name__ for c, _ in CASES])
def test_a_service_error_names_no_option_and_the_cli_adds_it(
    cause: Callable[..., None], cli_says: str, tmp_path: Path
) -> None:
    with pytest.raises(HireableError) as caught:
        cause(tmp_path) if cause is _profile_without_a_name else cause()
    said = str(caught.value)
    assert not FLAG.search(said), f"a CLI option in what the dashboard shows too: {said}"
    assert cli_says in cli_wording(said)


@pytest.mark.parametrize(
    ("neutral", "cli_says"),
    [
        ("posting 3 has no company name; name the company to track it",
         "posting 3 has no company name; add one with --company NAME"),
        ("the shortest brief draft has 52 words, more than max words 40; raise max words, "
         "choose the brief tone or shorten the product and what impressed you",
         "more than --max-words 40; raise --max-words, use --tone brief or shorten "
         "--product/--impressed"),
        ("no Kaggle credentials: set KAGGLE_USERNAME and KAGGLE_KEY (or import your results "
         "from a CSV file)", "(or import your results with --csv FILE)"),
    ],
)  # fmt: skip
def test_the_cli_names_its_options_where_they_are_the_fix(neutral: str, cli_says: str) -> None:
    assert cli_says in cli_wording(neutral)


def test_a_message_no_row_matches_is_printed_as_worded() -> None:
    text = "the name 'max words must be' is odd"
    assert cli_wording(text) == text
    assert len({p for p, _, _ in FLAG_WORDING}) == len(FLAG_WORDING)
