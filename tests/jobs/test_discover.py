"""`hireable boards discover`: ATS links in HN 'Who is hiring?' comments and saved pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from hireable.sources.jobs.discover import board_refs, from_page

STORY = "45800001"


def _comment(
    cid: int, text: str, *, parent: int = int(STORY), author: str | None = "someone"
) -> dict[str, Any]:
    return {
        "id": cid,
        "parent_id": parent,
        "author": author,
        "text": text,
        "created_at": "2026-11-03T16:00:00.000Z",
        "children": [],
    }


THREAD = {
    "id": int(STORY),
    "title": "Ask HN: Who is hiring? (November 2026)",
    "children": [
        _comment(
            1,
            "Vision Co | Machine Learning Engineer | Lisbon | REMOTE<p>We train detection "
            "models on satellite images and deploy them.<p>Apply: "
            '<a href="https:&#x2F;&#x2F;jobs.lever.co&#x2F;visionco&#x2F;abc-123?lever-source=hn" '
            'rel="nofollow">https:&#x2F;&#x2F;jobs.lever.co&#x2F;visionco&#x2F;abc-123?lever-...</a>',
        ),
        _comment(
            2,
            "Shop Inc | Backend Engineer | NYC | ONSITE<p>Rails and Postgres. "
            "Apply at boards.greenhouse.io/shopinc/jobs/42 or https://shop.example/careers",
        ),
        # the same board again, in a later comment that names ML: still one row, now ML
        _comment(
            3,
            "Vision Co (again) | Data Scientist | Remote<p>Build and evaluate models "
            "for forecasting. https://jobs.lever.co/visionco",
        ),
        _comment(4, "No ATS here | Designer | Berlin<p>Mail us at jobs@example.com"),
        _comment(5, "", author=None),  # deleted
        _comment(6, "Reply: is https://jobs.ashbyhq.com/replyco still open?", parent=1),  # a reply
    ],
}
THREAD["children"][0]["children"] = [THREAD["children"].pop()]  # the reply nests under comment 1


@pytest.fixture
def hn_thread(fake_network: Any) -> Any:
    fake_network.json(f"hn.algolia.com/api/v1/items/{STORY}", THREAD)
    return fake_network


def test_links_are_decoded_and_deduplicated() -> None:
    text = (
        '<a href="https:&#x2F;&#x2F;jobs.ashbyhq.com&#x2F;acme">'
        "https:&#x2F;&#x2F;jobs.ashbyhq.com&#x2F;acme</a>"
        " and (see apply.workable.com/beta/j/X1)."
        " also https://example.com/x"
    )
    assert board_refs(text) == ["ashby:acme", "workable:beta"]


def test_a_saved_page_gives_one_row_per_board_with_its_line() -> None:
    page = (
        "<ul><li>Acme - computer vision models for farms "
        "<a href='https://jobs.lever.co/acme'>jobs</a></li>"
        "<li>Beta | payroll software | https://boards.greenhouse.io/beta</li>"
        "<li>Acme again https://jobs.lever.co/acme/123</li></ul>"
    )
    found = from_page(page, lambda text, title: "vision models" in text)
    assert [(f.ref, f.company, f.ml) for f in found] == [
        ("lever:acme", "Acme", True),
        ("greenhouse:beta", "Beta", False),
    ]
    assert found[0].header.startswith("Acme - computer vision models")


def test_discover_lists_boards_from_the_thread(cli_sqlite: Any, hn_thread: Any) -> None:
    r = cli_sqlite("boards", "discover", "hn:2026-11", "--json")
    assert r.code == 0, r.err
    rows = json.loads(r.out)
    assert [row["board"] for row in rows] == ["lever:visionco", "greenhouse:shopinc"]
    vision, shop = rows
    assert vision["company"] == "Vision Co" and vision["ml"] is True
    assert vision["header"] == "Vision Co | Machine Learning Engineer | Lisbon | REMOTE"
    assert shop["ml"] is False and shop["followed"] is False
    assert cli_sqlite("boards", "list", "--json").out.strip() == "[]"  # listing follows nothing


def test_discover_follow_ml_only(cli_sqlite: Any, hn_thread: Any) -> None:
    r = cli_sqlite("boards", "discover", "--ml-only", "--follow")
    assert r.code == 0, r.err
    assert "lever:visionco" in r.out and "shopinc" not in r.out
    boards = json.loads(cli_sqlite("boards", "list", "--json").out)
    assert [(b["board"], b["company"]) for b in boards] == [("lever:visionco", "Vision Co")]
    again = json.loads(cli_sqlite("boards", "discover", "--json").out)
    assert [row["followed"] for row in again] == [True, False]


def test_discover_reads_a_file_without_the_network(
    cli_sqlite: Any, tmp_path: Path, fake_network: Any
) -> None:
    page = tmp_path / "startups.html"
    page.write_text(
        "<p>Gamma | LLM evaluation | https://jobs.ashbyhq.com/gamma</p>", encoding="utf-8"
    )
    r = cli_sqlite("boards", "discover", "--file", str(page), "--json")
    assert r.code == 0, r.err
    assert [row["board"] for row in json.loads(r.out)] == ["ashby:gamma"]
    assert fake_network.requests == []


@pytest.mark.parametrize(
    "args, needle",
    [
        (["hn:2025-01"], "no 'Ask HN: Who is hiring?' thread for 2025-01"),
        (["hn:2026-13"], "is not YYYY-MM"),
        (["greenhouse:acme"], "is not an HN thread"),
        (["--file", "/nonexistent/page.html"], "does not exist"),
    ],
)
def test_discover_bad_input_is_one_line(
    cli_sqlite: Any, fake_network: Any, args: list[str], needle: str
) -> None:
    r = cli_sqlite("boards", "discover", *args)
    assert r.code in (1, 2)
    assert needle in r.err and len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


def test_discover_network_failure_is_one_line(cli_sqlite: Any, fake_network: Any) -> None:
    fake_network.add(f"hn.algolia.com/api/v1/items/{STORY}", httpx.Response(200, text="not json"))
    r = cli_sqlite("boards", "discover")
    assert r.code == 1 and r.err.startswith("error: ") and len(r.err.strip().splitlines()) == 1
