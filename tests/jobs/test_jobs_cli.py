"""The `boards` and `jobs` commands end to end, on the fake network."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest


def test_boards_add_list_remove(cli: Any) -> None:
    r = cli("boards", "add", "greenhouse:acme", "--company", "Acme [Robotics]", "--size", "11-50")
    assert (r.code, r.out.strip()) == (
        0,
        "following greenhouse:acme; fetch it with `hireable jobs fetch`",
    )
    assert cli("boards", "add", "hn").code == 0
    assert cli("boards", "add", "greenhouse:acme", "--size", "51-200").out.strip() == (
        "updated greenhouse:acme"
    )
    listed = json.loads(cli("boards", "list", "--json").out)
    assert [(b["board"], b["company"], b["size"]) for b in listed] == [
        ("greenhouse:acme", "Acme [Robotics]", "51-200"),
        ("hn", None, None),
    ]
    table = cli("boards", "list").out
    assert "Acme [Robotics]" in table and "never" in table
    assert cli("boards", "remove", "greenhouse:acme").code == 0
    assert [b["board"] for b in json.loads(cli("boards", "list", "--json").out)] == ["hn"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["boards", "add", "monster:acme"], "unknown source 'monster'"),
        (["boards", "add", "greenhouse"], "'greenhouse' is not SOURCE:NAME"),
        (["boards", "add", "lever:acme", "--size", "huge"], "size 'huge' is not one of"),
        (["boards", "remove", "lever:acme"], "board 'lever:acme' is not followed"),
        (["jobs", "show", "42"], "no posting with id 42"),
        (["jobs", "fetch"], "no boards followed yet"),
        (["jobs", "import", "missing.json"], "no such file"),
        (["jobs", "import", "x.json", "--map", "title"], "--map 'title' is not OLD=NEW"),
        (["jobs", "list", "--open", "--closed"], "--open and --closed exclude each other"),
    ],
)
def test_bad_input_is_one_error_line(cli_sqlite: Any, args: list[str], message: str) -> None:
    r = cli_sqlite(*args)
    assert r.code != 0
    assert r.err.startswith("error: ") and message in r.err
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


def test_fetch_summary_list_and_show(cli: Any, fake_network: Any) -> None:
    assert cli("boards", "add", "greenhouse:acme").code == 0
    assert cli("boards", "add", "hn:2026-11").code == 0
    r = cli("jobs", "fetch")
    assert r.code == 0, r.err
    assert "greenhouse:acme" in r.out and "hn:2026-11" in r.out
    summary = json.loads(cli("jobs", "fetch", "--json").out)
    assert [(s["label"], s["new"], s["unchanged"]) for s in summary] == [
        ("greenhouse:acme", 0, 2),
        ("hn:2026-11", 0, 2),
    ]
    listed = json.loads(cli("jobs", "list", "--json").out)
    assert len(listed) == 4
    assert json.loads(cli("jobs", "list", "--json", "--limit", "1").out)[0]["id"] == listed[0]["id"]
    assert cli("jobs", "list", "--json", "--closed").out.strip() == "[]"
    ml = next(p for p in listed if p["company"] == "Acme Robotics" and p["ml"])
    shown = cli("jobs", "show", str(ml["id"]))
    assert shown.code == 0
    for expected in (
        "Acme Robotics",
        "https://boards.greenhouse.io/acme/jobs/4012345",
        "greenhouse:acme:4012345",
        "first seen",
        "size",
        "11-50 (open-roles proxy)",
    ):
        assert expected in shown.out
    detail = json.loads(cli("jobs", "show", str(ml["id"]), "--json").out)
    assert detail["sources"] == ["greenhouse:acme:4012345"] and "evidence" in detail
    assert "jobs list" not in cli("jobs", "list").out  # a table, not the empty hint


def test_fetch_reports_failed_boards_and_exits_1(cli: Any, fake_network: Any) -> None:
    fake_network.add("api.lever.co/v0/postings/acme", httpx.Response(200, content=b"not json"))
    r = cli("jobs", "fetch", "greenhouse:nope", "lever:acme", "workable:acme")
    assert r.code == 1
    assert r.err.splitlines() == [
        "error: greenhouse board 'nope' does not exist "
        "(boards-api.greenhouse.io/v1/boards/nope/jobs answered 404)",
        "error: lever site 'acme': malformed JSON from api.lever.co/v0/postings/acme",
    ]
    assert "workable:acme" in r.out
    assert len(json.loads(cli("jobs", "list", "--json").out)) == 1
    # the board that loaded is now followed; the failed ones are not
    assert [b["board"] for b in json.loads(cli("boards", "list", "--json").out)] == [
        "workable:acme"
    ]


def test_import_command(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("job_title,company,description\nML Engineer,Tiny,Train models.\n")
    r = cli("jobs", "import", str(path), "--map", "job_title=title", "--source", "mine")
    assert (r.code, r.out.strip()) == (
        0,
        "imported list.csv: 1 new (0 duplicates of postings "
        "from other sources), 0 updated, 0 unchanged",
    )
    (p,) = json.loads(cli("jobs", "list", "--json").out)
    assert (p["source"], p["title"]) == ("file:mine", "ML Engineer")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "title": "A"}\n{"id": "2"}\n')
    r = cli("jobs", "import", str(bad))
    assert (r.code, r.err.strip()) == (
        1,
        "error: bad.jsonl: record 2: title is missing; nothing was imported",
    )
    assert len(json.loads(cli("jobs", "list", "--json").out)) == 1


def test_importing_postings_again_stores_none_twice(cli: Any, tmp_path: Path) -> None:
    """Postings are known by source and id: the same file again changes nothing, and a record
    whose text moved updates its posting in place."""
    path = tmp_path / "list.json"
    records = [
        {"id": "a1", "title": "ML Engineer", "company": "Tiny", "description": "Train models."},
        {"id": "a2", "title": "Data Engineer", "company": "Tiny", "description": "Pipelines."},
    ]
    path.write_text(json.dumps(records))
    assert cli("jobs", "import", str(path)).code == 0
    r = cli("jobs", "import", str(path))
    assert r.out.strip() == (
        "imported list.json: 0 new (0 duplicates of postings from other sources), "
        "0 updated, 2 unchanged"
    )
    records[0]["description"] = "Train and ship models."
    path.write_text(json.dumps(records))
    r = cli("jobs", "import", str(path))
    assert r.out.strip().endswith("0 new (0 duplicates of postings from other sources), "
                                  "1 updated, 1 unchanged")  # fmt: skip
    stored = json.loads(cli("jobs", "list", "--json").out)
    assert sorted(p["title"] for p in stored) == ["Data Engineer", "ML Engineer"]


def test_jobs_app_is_extensible() -> None:
    from hireable.cli import jobs

    assert jobs.jobs_app.registered_commands
    assert jobs.SHOW_SECTIONS[0] is jobs.section_facts


def test_import_shows_progress_on_a_terminal(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console

    from hireable.cli import common

    buffer = io.StringIO()
    monkeypatch.setattr(
        common, "err_console", lambda: Console(file=buffer, force_terminal=True, width=100)
    )
    path = tmp_path / "many.jsonl"
    rows = (
        {"id": str(i), "title": "ML Engineer", "company": f"C{i}", "description": "x"}
        for i in range(250)
    )
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    r = cli("jobs", "import", str(path))
    assert r.code == 0 and "250 new" in r.out
    assert "importing postings:" in buffer.getvalue()
