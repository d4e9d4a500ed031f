"""`jobs import`: JSON, JSONL and CSV files, --map, all-or-nothing, cross-source dedupe."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hireable.errors import UsageError, ValidationError
from hireable.services.job_fetch import import_file
from hireable.sources.jobs.files import parse_mapping
from hireable.store.models import Posting

RECORDS = [
    {
        "id": "r1",
        "title": "Junior ML Engineer",
        "company": "Small AI",
        "location": "Remote",
        "description": "<p>Train models. No degree required.</p>",
        "url": "https://x.example/1",
        "posted_at": "2026-11-01",
        "source": "boardx",
        "meta": {"Size": "51 to 200 employees"},
    },
    {
        "id": "r2",
        "title": "Data Analyst",
        "company": "Big Co",
        "location": "Paris",
        "description": "Dashboards and SQL. Bachelor's degree required.",
        "url": None,
        "posted_at": "",
        "source": "boardx",
    },
]


def write(tmp_path: Path, name: str, records: list[dict[str, Any]]) -> Path:
    path = tmp_path / name
    if name.endswith(".jsonl"):
        path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    elif name.endswith(".json"):
        path.write_text(json.dumps(records))
    else:
        with path.open("w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(records[0]))
            writer.writeheader()
            writer.writerows(records)
    return path


def rows(session_factory: Any) -> list[Posting]:
    with session_factory() as s:
        return list(s.scalars(select(Posting).order_by(Posting.id)))


@pytest.mark.parametrize("name", ["jobs.json", "jobs.jsonl", "jobs.csv"])
def test_each_format_imports(session_factory: Any, tmp_path: Path, name: str) -> None:
    records = [{k: v for k, v in r.items() if k != "meta"} for r in RECORDS]
    result = import_file(session_factory, write(tmp_path, name, records))
    assert (result.new, result.duplicates) == (2, 0)
    first, second = rows(session_factory)
    assert (first.source, first.external_id, first.title, first.company) == (
        "file:boardx",
        "r1",
        "Junior ML Engineer",
        "Small AI",
    )
    assert first.posted_at is not None and first.posted_at.isoformat() == "2026-11-01T00:00:00"
    assert "Train models" in first.text and "<p>" not in first.text
    assert first.analysis is not None and second.degree == "required"
    again = import_file(session_factory, write(tmp_path, name, records))
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)


def test_source_option_and_size_from_the_file(session_factory: Any, tmp_path: Path) -> None:
    import_file(session_factory, write(tmp_path, "x.json", RECORDS), source="my list")
    first, second = rows(session_factory)
    assert first.source == "file:my-list"
    assert (first.size_band, first.size_band_origin) == ("51-200", "source")
    assert (second.size_band, second.size_band_origin) == (None, None)


def test_map_renames_columns(session_factory: Any, tmp_path: Path) -> None:
    records = [{"job_id": "a", "job_title": "ML Engineer", "employer": "Tiny", "body": "Models."}]
    path = write(tmp_path, "renamed.jsonl", records)
    import_file(
        session_factory,
        path,
        mapping=parse_mapping(
            ["job_id=id", "job_title=title", "employer=company", "body=description"]
        ),
    )
    (p,) = rows(session_factory)
    assert (p.source, p.external_id, p.title, p.company, p.text) == (
        "file:renamed",
        "a",
        "ML Engineer",
        "Tiny",
        "Models.",
    )


def test_bad_map_and_unknown_columns_are_errors(session_factory: Any, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is not OLD=NEW"):
        parse_mapping(["title"])
    with pytest.raises(ValidationError, match="no record has a column 'nope'"):
        import_file(session_factory, write(tmp_path, "a.json", RECORDS), mapping={"nope": "id"})


@pytest.mark.parametrize(
    "bad, reason",
    [
        ({"id": "b", "company": "X"}, "record 2: title is missing"),
        (
            {"id": "b", "title": "T", "posted_at": "last tuesday"},
            "record 2: posted_at 'last tuesday'",
        ),
        ({"id": "b", "title": ["T"]}, "record 2: title must be text"),
        ({"id": "r1", "title": "T", "source": "boardx"}, "record 2: id 'r1' repeats record 1"),
        ({"id": "b", "title": "T", "remote": "sometimes"}, "record 2: remote 'sometimes'"),
    ],
)
def test_a_bad_record_rejects_the_whole_file(
    session_factory: Any, tmp_path: Path, bad: dict[str, Any], reason: str
) -> None:
    path = write(tmp_path, "bad.jsonl", [RECORDS[0], bad, RECORDS[1]])
    with pytest.raises(ValidationError, match=reason):
        import_file(session_factory, path)
    assert rows(session_factory) == []


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        ('[{"id": 1', "is not valid JSON"),
        ('{"jobs": 3}', "expected a list of postings"),
        ("[1, 2]", "record 1 is not an object"),
    ],
)
def test_unreadable_files(
    session_factory: Any, tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "f.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ValidationError, match=message):
        import_file(session_factory, path)


def test_malformed_jsonl_line_names_the_line(session_factory: Any, tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n{oops\n")
    with pytest.raises(ValidationError, match="line 2 is not valid JSON"):
        import_file(session_factory, path)


def test_records_without_id_get_a_stable_one(session_factory: Any, tmp_path: Path) -> None:
    records = [{"title": "ML Engineer", "company": "Tiny", "description": "x"}]
    path = write(tmp_path, "noid.json", records)
    import_file(session_factory, path)
    assert import_file(session_factory, path).unchanged == 1
    (p,) = rows(session_factory)
    assert p.external_id.startswith("h:")


def test_the_same_posting_from_two_sources_collapses(session_factory: Any, tmp_path: Path) -> None:
    text = " ".join(f"word{i}" for i in range(200))
    a = {
        "id": "1",
        "title": "Sr. ML Engineer",
        "company": "Tiny AI, Inc.",
        "description": text,
        "source": "linkedin",
    }
    b = {
        "id": "9",
        "title": "Senior ML Engineer (m/f/d)",
        "company": "TINY AI",
        "description": text + " Apply on our site.",
        "source": "indeed",
    }
    c = {
        "id": "2",
        "title": "Senior ML Engineer",
        "company": "Tiny AI",
        "description": "Something else entirely.",
        "source": "glassdoor",
    }
    result = import_file(session_factory, write(tmp_path, "mix.jsonl", [a, b, c]))
    assert (result.new, result.duplicates) == (3, 1)
    first, dup, other = rows(session_factory)
    assert dup.duplicate_of_id == first.id and other.duplicate_of_id is None
    assert first.sources == ["file:linkedin:1", "file:indeed:9"]
    with session_factory() as s:
        canonical = s.scalar(select(func.count()).where(Posting.duplicate_of_id.is_(None)))
    assert canonical == 2


def test_line_separators_inside_strings_are_text(session_factory: Any, tmp_path: Path) -> None:
    record = {"id": "1", "title": "ML Engineer", "description": "one\u2028two\u2029three\rfour"}
    jsonl = tmp_path / "sep.jsonl"
    jsonl.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    csv_path = write(tmp_path, "sep.csv", [record])
    assert import_file(session_factory, jsonl).new == 1
    (p,) = rows(session_factory)
    assert p.description == record["description"]
    # the same posting again (same source "file:sep", same id), read from CSV this time
    assert import_file(session_factory, csv_path).unchanged == 1
