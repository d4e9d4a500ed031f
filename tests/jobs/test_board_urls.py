"""Careers and posting URLs copied from a browser -> the board behind them, or a refusal."""

from __future__ import annotations

import pytest

from hireable.sources.jobs.board_urls import board_ref, looks_like_url

ACCEPTED = [
    ("https://boards.greenhouse.io/acme", "greenhouse:acme"),
    ("https://boards.greenhouse.io/acme/", "greenhouse:acme"),
    ("https://boards.greenhouse.io/acme/jobs/4012345006?gh_src=abc", "greenhouse:acme"),
    ("http://www.boards.greenhouse.io/Acme", "greenhouse:acme"),
    ("boards.greenhouse.io/acme", "greenhouse:acme"),
    ("https://job-boards.greenhouse.io/acme/jobs/123", "greenhouse:acme"),
    ("https://job-boards.eu.greenhouse.io/acme", "greenhouse:acme"),
    (
        "https://boards.greenhouse.io/embed/job_board?for=acme&b=https%3A%2F%2Facme.example",
        "greenhouse:acme",
    ),
    ("https://boards.greenhouse.io/embed/job_app?for=acme&token=123", "greenhouse:acme"),
    ("https://jobs.lever.co/acme", "lever:acme"),
    ("https://jobs.lever.co/acme/5f8e2c1a-1111-2222-3333-444455556666", "lever:acme"),
    (
        "https://jobs.lever.co/acme/5f8e2c1a-1111-2222-3333-444455556666/apply?lever-source=HN",
        "lever:acme",
    ),
    ("HTTPS://JOBS.LEVER.CO/ACME/", "lever:acme"),
    ("https://jobs.eu.lever.co/acme", "lever-eu:acme"),
    ("https://jobs.ashbyhq.com/acme", "ashby:acme"),
    ("https://jobs.ashbyhq.com/Acme-Labs/8a7b6c5d/application?utm_source=hn", "ashby:Acme-Labs"),
    ("https://www.jobs.ashbyhq.com/acme/", "ashby:acme"),
    ("https://apply.workable.com/acme/", "workable:acme"),
    ("https://apply.workable.com/acme/j/0A1B2C3D4E/", "workable:acme"),
    ("https://jobs.smartrecruiters.com/AcmeCorp", "smartrecruiters:AcmeCorp"),
    (
        "https://jobs.smartrecruiters.com/AcmeCorp/744000012345678-ml-engineer",
        "smartrecruiters:AcmeCorp",
    ),
    ("https://careers.smartrecruiters.com/AcmeCorp/", "smartrecruiters:AcmeCorp"),
]

REFUSED = [
    "https://example.com/careers",
    "https://acme.com/jobs?gh_jid=123",  # a Greenhouse board embedded on the company's own site
    "https://boards.greenhouse.io/",
    "https://boards.greenhouse.io/embed/job_board",
    "https://jobs.lever.co/",
    "https://greenhouse.io.evil.example/acme",
    "https://evil.example/jobs.lever.co/acme",
    "javascript:alert(1)",
    "ftp://jobs.lever.co/acme",
    "https://jobs.lever.co/acme%20corp",
    "https://[::1/acme",
]


@pytest.mark.parametrize("url, ref", ACCEPTED)
def test_known_board_urls_name_their_board(url: str, ref: str) -> None:
    assert board_ref(url) == ref


@pytest.mark.parametrize("url", REFUSED)
def test_other_urls_are_refused(url: str) -> None:
    assert board_ref(url) is None


@pytest.mark.parametrize(
    "text, is_url",
    [
        ("greenhouse:acme", False),
        ("hn:2026-11", False),
        ("jobs.lever.co/acme", True),
        ("https://jobs.lever.co/acme", True),
        ("www.example.com", True),
    ],
)
def test_refs_and_urls_are_told_apart(text: str, is_url: bool) -> None:
    assert looks_like_url(text) is is_url


def test_boards_add_follows_the_board_behind_a_url(cli_sqlite) -> None:  # type: ignore[no-untyped-def]
    r = cli_sqlite("boards", "add", "https://jobs.lever.co/acme/5f8e2c1a?lever-source=hn")
    assert r.code == 0, r.err
    assert "following lever:acme" in r.out
    again = cli_sqlite("boards", "add", "lever:acme", "--size", "11-50")
    assert again.code == 0 and "updated lever:acme" in again.out
    gone = cli_sqlite("boards", "remove", "https://jobs.lever.co/acme")
    assert gone.code == 0


def test_boards_add_refuses_an_unknown_url_in_one_line(cli_sqlite) -> None:  # type: ignore[no-untyped-def]
    r = cli_sqlite("boards", "add", "https://example.com/careers")
    assert r.code == 2  # a usage error, like an unknown SOURCE
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "jobs.lever.co/acme" in lines[0] and "apply.workable.com" in lines[0]
    assert "Traceback" not in r.err
    assert cli_sqlite("boards", "list", "--json").out.strip() == "[]"
