"""`hireable outreach draft`: the method's email shape, stored as a draft, never sent."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.ranking.factory import add_postings, posting

if TYPE_CHECKING:
    from tests.conftest import CliRunner


def _learner_with_evidence(cli: CliRunner) -> None:
    assert (
        cli("init", "--name", "Ada Byron", "--stage", "ml-entry", "--target", "ml-entry").code == 0
    )
    cli(
        "evidence", "add", "competition", "--title", "Kaggle fraud detection, rank 9 of 4000",
        "--url", "https://kaggle.com/ada/fraud", "--metric", "rank=9", "--metric", "teams=4000",
    )  # fmt: skip
    cli("evidence", "add", "project", "--title", "Plant photo classifier")  # no link: never used
    cli(
        "evidence", "add", "content", "--title", "Blog post on tabular models",
        "--url", "https://ada.dev/tabular", "--metric", "audience=12000",
    )  # fmt: skip
    cli("evidence", "add", "certificate", "--title", "ML certificate", "--url", "https://c.org/1")


def _messages(url: str) -> list[tuple[int, str, str]]:
    from hireable.store.db import make_engine, session_scope
    from hireable.store.models import Message

    engine = make_engine(url)
    with session_scope(engine) as s:
        rows = [(m.application_id, m.kind, m.body) for m in s.query(Message).order_by(Message.id)]
    engine.dispose()
    return rows


def test_draft_follows_the_method(cli: CliRunner, database_url: str) -> None:
    _learner_with_evidence(cli)
    cli("track", "add", "--company", "Acme Vision", "--contact", "Jane Doe", "--email", "j@acme.ai")
    result = cli(
        "outreach", "draft", "1",
        "--product", "your open-source OCR library on Hacker News",
        "--impressed", "how it reads handwriting in receipts",
    )  # fmt: skip
    assert result.code == 0, result.err
    out = result.out
    assert (
        "To: j@acme.ai" in out
        and "Subject: Entry-level machine learning role at Acme Vision?" in out
    )
    assert "Hi Jane," in out
    assert "I came across your open-source OCR library on Hacker News" in out
    assert "how it reads handwriting in receipts" in out
    assert "an entry-level machine learning role" in out
    assert "could you point me to anyone who might be hiring?" in out
    # The two strongest linked items, the competition first; never the certificate.
    first = out.index("https://kaggle.com/ada/fraud")
    assert first < out.index("https://ada.dev/tabular")
    assert "c.org" not in out and "Plant photo" not in out
    assert not re.search(r"enthusiast|passionate|leverage", out, re.I)
    assert "never sends mail" in out
    ((app_id, kind, body),) = _messages(database_url)
    assert app_id == 1 and kind == "draft" and body.startswith("Hi Jane,")
    assert body.rstrip().endswith("Ada Byron")


@pytest.mark.parametrize(("tone", "both_fit", "one_fits"), [
    ("friendly", 83, 80), ("formal", 76, 70), ("brief", 56, 50)
])  # fmt: skip
def test_tones_and_word_limit(
    cli_sqlite: CliRunner, tone: str, both_fit: int, one_fits: int
) -> None:
    _learner_with_evidence(cli_sqlite)
    cli_sqlite("track", "add", "--company", "Acme")
    for limit, links in ((both_fit, 2), (one_fits, 1)):
        result = cli_sqlite("outreach", "draft", "1", "--tone", tone, "--max-words", str(limit))
        assert result.code == 0, result.err
        body = result.out.split("\n\n", 1)[1].split("\n\nSaved as draft")[0]
        assert len(body.split()) <= limit
        assert "https://kaggle.com/ada/fraud" in body
        assert body.count("https://") == links
        assert "[one specific thing about their product that impressed you]" in body
        assert "Fill in [one specific thing" in result.out


def test_no_linked_evidence_leaves_a_placeholder(cli_sqlite: CliRunner) -> None:
    cli_sqlite("init", "--name", "Ada", "--stage", "ml-entry", "--target", "ml-entry")
    cli_sqlite("track", "add", "--company", "Acme")
    result = cli_sqlite("outreach", "draft", "1", "--impressed", "the demo")
    assert result.code == 0 and "[a link to your strongest work]" in result.out


def test_api_verified_evidence_comes_first(cli_sqlite: CliRunner, sqlite_url: str) -> None:
    from hireable.store.db import make_engine, session_scope
    from hireable.store.models import Evidence

    _learner_with_evidence(cli_sqlite)
    engine = make_engine(sqlite_url)
    with session_scope(engine) as s:
        s.add(
            Evidence(
                kind="open-source",
                title="Merged fix to scikit-learn",
                url="https://github.com/scikit-learn/scikit-learn/pull/1",
                metrics={"merged": True, "merged_by": "maintainer", "stars": 900},
                verification="api",
                skills=[],
            )
        )
    engine.dispose()
    cli_sqlite("track", "add", "--company", "Acme")
    out = cli_sqlite("outreach", "draft", "1").out
    assert out.index("scikit-learn/pull/1") < out.index("kaggle.com/ada/fraud")
    assert "ada.dev/tabular" not in out


def test_draft_for_a_posting_tracks_it(cli_sqlite: CliRunner, sqlite_url: str) -> None:
    _learner_with_evidence(cli_sqlite)
    (pid,) = add_postings(sqlite_url, posting(1))
    result = cli_sqlite("outreach", "draft", "--posting", str(pid))
    assert result.code == 0 and "I saw your Machine Learning Engineer opening at Acme Vision" in (
        result.out
    )
    assert "(now tracked as saved)" in result.out
    again = cli_sqlite("outreach", "draft", "--posting", str(pid))
    assert again.code == 0 and "now tracked" not in again.out
    assert len(_messages(sqlite_url)) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["outreach", "draft", "7"], "no application with id 7"),
        (["outreach", "draft"], "give an application ID or --posting ID"),
        (["outreach", "draft", "1", "--posting", "1"], "give an application ID or --posting ID"),
        (["outreach", "draft", "--posting", "1"], "posting 1 has no company to write to"),
        (["outreach", "draft", "--posting", "99"], "no posting with id 99"),
        (["outreach", "draft", "1", "--tone", "sassy"], "unknown tone 'sassy'"),
        (["outreach", "draft", "1", "--max-words", "5"], "--max-words must be between 40 and"),
        (
            ["outreach", "draft", "1", "--max-words", "40", "--impressed", "x " * 40],
            "more than --max-words 40",
        ),
    ],
)
def test_bad_input_is_one_line_and_stores_nothing(
    cli: CliRunner, database_url: str, args: list[str], message: str
) -> None:
    cli("init", "--name", "Ada", "--stage", "ml-entry", "--target", "ml-entry")
    add_postings(database_url, posting(1, company=None))
    cli("track", "add", "--company", "Acme")
    result = cli(*args)
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("error: ") and message in result.err
    assert result.err.count("\n") == 1
    assert _messages(database_url) == []
    assert len(__import__("json").loads(cli("track", "list", "--json").out)) == 1
