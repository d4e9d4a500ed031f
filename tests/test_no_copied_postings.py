"""The shared postings are for measuring only: no run of their words is copied here.

Any run of RUN words shared by a shared posting (labelled or not) and a line of the package, its
tests, its benchmarks or its docs fails this test. Stock phrases of job postings are shorter than
that ("a degree in computer science or a related field"); a sentence lifted from a posting is not.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
POSTINGS = ROOT.parent / "shared" / "data" / "postings"
RUN = 9
WORD = re.compile(r"[a-z0-9']+")
CHECKED = ("src", "tests", "benchmarks", "docs")
SUFFIXES = {".py", ".md", ".json", ".jsonl", ".html", ".txt", ".toml", ".csv", ".css", ".js"}


def _runs(text: str) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _shared_runs() -> set[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for name in ("corpus.jsonl", "corpus2.jsonl"):
        for line in (POSTINGS / name).read_text(encoding="utf-8").split("\n"):
            if line.strip():
                row = json.loads(line)
                runs |= _runs(f"{row.get('title') or ''} {row.get('description') or ''}")
    return runs


def _our_files() -> list[Path]:
    files = [ROOT / "README.md"]
    for top in CHECKED:
        files += [p for p in (ROOT / top).rglob("*") if p.suffix in SUFFIXES and p.is_file()]
    return [p for p in files if ".venv" not in p.parts]


def test_the_run_check_sees_a_copied_sentence() -> None:
    sentence = "one two three four five six seven eight nine ten"
    assert _runs(sentence) & _runs(f"Prefix. {sentence.upper()}!")
    assert not _runs("one two three four five six seven eight") & _runs(sentence)


@pytest.mark.skipif(not POSTINGS.is_dir(), reason="../shared is absent")
def test_no_line_repeats_a_shared_posting() -> None:
    shared = _shared_runs()
    copied = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in _our_files()
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if _runs(line) & shared
    ]
    assert copied == []
