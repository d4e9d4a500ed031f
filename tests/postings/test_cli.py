"""`hireable postings analyze | eval | explain`: bad input never crashes, good lines still run."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.conftest import CliRunner

GOOD = {"id": "a1", "title": "Data Scientist", "description": "<ul><li>BS in Math or "
        "equivalent experience</li><li>3+ years of experience building ML models</li>"
        "</ul>"}  # fmt: skip
OTHER = {"id": "a2", "title": "Data Analyst", "description": "Requirements: Bachelor's degree "
         "required. 1+ years of SQL experience. Build Tableau dashboards."}  # fmt: skip


def _write(tmp_path: Path, lines: list[str | bytes], name: str = "in.jsonl") -> Path:
    path = tmp_path / name
    with path.open("wb") as fh:
        for line in lines:
            fh.write((line.encode() if isinstance(line, str) else line) + b"\n")
    return path


def _outputs(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_analyze_writes_one_object_a_line_in_order(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps(GOOD), json.dumps(OTHER)])
    result = cli_sqlite("postings", "analyze", "--input", path)
    assert result.code == 0, result.err
    rows = _outputs(result.out)
    assert [r["id"] for r in rows] == ["a1", "a2"]
    assert rows[0]["degree"] == "equivalent" and rows[0]["years_min"] == 3
    assert rows[1]["degree"] == "required" and rows[1]["seniority"] == "entry"
    assert rows[0]["evidence"]["degree"] == "- BS in Math or equivalent experience".lstrip("- ")


def test_bad_lines_are_reported_and_skipped(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            json.dumps(GOOD),
            "this is not json",
            "[1, 2]",
            json.dumps({"id": "x", "title": "no description"}),
            json.dumps({"id": "y", "description": 42}),
            b"\xff\xfe\x00garbage\x89PNG",
            "",
            json.dumps(OTHER),
        ],
    )
    result = cli_sqlite("postings", "analyze", "--input", path)
    assert result.code == 1
    assert [r["id"] for r in _outputs(result.out)] == ["a1", "a2"]
    errors = result.err.splitlines()
    assert [e.split(":")[0] for e in errors[:5]] == [
        "line 2",
        "line 3",
        "line 4",
        "line 5",
        "line 6",
    ]
    assert "not valid JSON" in errors[0] and "not a JSON object" in errors[1]
    assert "description" in errors[2] and "not UTF-8" in errors[4]
    assert "skipped 5 line(s)" in errors[-1]


def test_strict_stops_at_the_first_bad_line(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps(GOOD), "{oops", json.dumps(OTHER)])
    result = cli_sqlite("postings", "analyze", "--input", path, "--strict")
    assert result.code == 1
    assert [r["id"] for r in _outputs(result.out)] == ["a1"]
    assert result.err.startswith("line 2: not valid JSON")


def test_empty_input_is_not_an_error(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    result = cli_sqlite("postings", "analyze", "--input", _write(tmp_path, []))
    assert (result.code, result.out) == (0, "")
    assert "no postings" in result.err


def test_reads_stdin_and_writes_a_file(
    cli_sqlite: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(GOOD) + "\n"))
    out = tmp_path / "out.jsonl"
    result = cli_sqlite("postings", "analyze", "--output", out)
    assert result.code == 0, result.err
    assert [r["id"] for r in _outputs(out.read_text())] == ["a1"]


def test_a_5mb_description_is_capped_not_crashing(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    huge = "<p>" + ("Requirements: BS in Statistics required. " * 130_000) + "</p>"
    assert len(huge) > 5_000_000
    path = _write(tmp_path, [json.dumps({"id": "big", "description": huge}), json.dumps(OTHER)])
    result = cli_sqlite("postings", "analyze", "--input", path)
    assert result.code == 0, result.err
    big, other = _outputs(result.out)
    assert big["truncated"] is True and big["degree"] == "required"
    assert other["id"] == "a2"


def test_jobs_2_gives_the_same_output_in_order(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    lines = [json.dumps({**(GOOD if i % 2 else OTHER), "id": str(i)}) for i in range(600)]
    lines.insert(300, "not json")
    path = _write(tmp_path, lines)
    one = cli_sqlite("postings", "analyze", "--input", path)
    two = cli_sqlite("postings", "analyze", "--input", path, "--jobs", "2")
    assert one.code == two.code == 1
    assert one.out == two.out and len(one.out.splitlines()) == 600
    assert two.err.startswith("line 301: not valid JSON")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--input", "missing.jsonl"], 1, "cannot read missing.jsonl"),
        (["--jobs", "0"], 2, "--jobs must be 1 or more"),
    ],
)
def test_usage_errors(cli_sqlite: CliRunner, args: list[str], code: int, message: str) -> None:
    result = cli_sqlite("postings", "analyze", *args)
    assert result.code == code
    assert result.err.startswith("error: ") and message in result.err


def _labels(tmp_path: Path) -> Path:
    labels = [
        {"id": "a1", "degree": "equivalent", "degree_level": "bachelor", "seniority": "mid",
         "years_min": 3, "ml": True, "confidence": "high"},
        {"id": "a2", "degree": "preferred", "degree_level": "bachelor", "seniority": "entry",
         "years_min": 1, "ml": False, "confidence": "low"},
    ]  # fmt: skip
    return _write(tmp_path, [json.dumps(row) for row in labels], "labels.jsonl")


def test_eval_json_figures(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    postings = _write(tmp_path, [json.dumps(GOOD), json.dumps(OTHER)])
    result = cli_sqlite("postings", "eval", "--input", postings, "--labels", _labels(tmp_path),
                        "--json")  # fmt: skip
    assert result.code == 0, result.err
    figures = json.loads(result.out)["subsets"]
    assert figures["all"]["degree"]["accuracy"] == 0.5
    assert figures["all"]["degree"]["disagree"] == ["a2"]
    assert figures["all"]["degree"]["confusion"]["preferred"] == {"required": 1}
    assert figures["all"]["degree_open"]["accuracy"] == 0.5
    assert figures["high"]["degree"] == {**figures["high"]["degree"], "n": 1, "accuracy": 1.0}
    assert figures["all"]["ml"]["f1"] == 1.0


def test_eval_table(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    postings = _write(tmp_path, [json.dumps(GOOD), json.dumps(OTHER)])
    result = cli_sqlite("postings", "eval", "--input", postings, "--labels", _labels(tmp_path))
    assert result.code == 0, result.err
    assert "degree_open" in result.out and "disagree (1): a2" in result.out


def test_eval_without_matching_ids_fails_clearly(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    postings = _write(tmp_path, [json.dumps({**GOOD, "id": "zzz"})])
    result = cli_sqlite("postings", "eval", "--input", postings, "--labels", _labels(tmp_path))
    assert result.code == 1 and "no labelled id found" in result.err


def test_explain_from_a_file(cli_sqlite: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps(GOOD), json.dumps(OTHER)])
    result = cli_sqlite("postings", "explain", "--input", path, "--id", "a2")
    assert result.code == 0, result.err
    assert "Requirements: Bachelor's degree required." in result.out
    assert "required" in result.out and "entry" in result.out


def test_explain_stored_posting_and_missing_id(cli_sqlite: CliRunner) -> None:
    from hireable.cli.common import session
    from hireable.store.models import Posting

    missing = cli_sqlite("postings", "explain", "999")
    assert missing.code == 1
    assert missing.err.strip() == "error: no posting with id 999; see `hireable jobs list`"
    with session() as s:
        posting = Posting(source="file:test", external_id="1", title="Data Analyst",
                          description=OTHER["description"], text=OTHER["description"])  # fmt: skip
        s.add(posting)
        s.flush()
        pid = posting.id
    result = cli_sqlite("postings", "explain", str(pid))
    assert result.code == 0, result.err
    assert "Bachelor's degree required." in result.out


def test_explain_needs_exactly_one_source(cli_sqlite: CliRunner) -> None:
    result = cli_sqlite("postings", "explain")
    assert result.code == 2 and "POSTING_ID or --input" in result.err


def _terminal_stderr(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """Make stderr a terminal for the progress bar; returns its buffer."""
    from rich.console import Console

    from hireable.cli import common

    buffer = io.StringIO()
    monkeypatch.setattr(
        common, "err_console", lambda: Console(file=buffer, force_terminal=True, width=100)
    )
    return buffer


def test_a_progress_bar_shows_on_a_terminal_while_output_goes_to_a_file(
    cli_sqlite: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    buffer = _terminal_stderr(monkeypatch)
    lines = [json.dumps({**GOOD, "id": str(i)}) for i in range(600)]
    path = _write(tmp_path, lines)
    out = tmp_path / "out.jsonl"
    result = cli_sqlite("postings", "analyze", "--input", path, "--output", out)
    assert result.code == 0, result.err
    assert "analysing postings:" in buffer.getvalue()
    assert len(out.read_text().splitlines()) == 600  # the output itself is untouched
    piped = cli_sqlite("postings", "analyze", "--input", path)  # stdout is a pipe here
    assert piped.out.splitlines() == out.read_text().splitlines()  # not diverted by the bar


def test_no_progress_bar_where_stderr_is_not_a_terminal(
    cli_sqlite: CliRunner, tmp_path: Path
) -> None:
    path = _write(tmp_path, [json.dumps(GOOD)])
    result = cli_sqlite("postings", "analyze", "--input", path, "--output", tmp_path / "o.jsonl")
    assert result.code == 0 and result.err == ""
