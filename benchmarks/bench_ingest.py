"""Import 10,000 postings from a local JSONL file (analysis and storage included) on SQLite, and
compare with the analyser's own time on the same postings. Prints figures; asserts nothing.

The file repeats ../shared/data/postings/corpus.jsonl with unique ids, each copy under its own
source and with its own footer line, so cross-source duplicate detection does real work (every
copy after the first is a near-duplicate and collapses into the first). Without ../shared,
synthetic postings are used.

    .venv/bin/python benchmarks/bench_ingest.py [N]
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

from hireable.postings.analyse import analyse
from hireable.services.job_fetch import import_file
from hireable.store.db import ensure_schema, make_engine, session_scope

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "postings" / "corpus.jsonl"


def base_records() -> list[dict]:
    if CORPUS.is_file():
        return [json.loads(line) for line in CORPUS.read_text().split("\n") if line.strip()]
    rng = random.Random(0)
    words = (
        "python pytorch sql models data pipeline deploy research degree bachelor years "
        "experience team product remote senior junior machine learning"
    ).split()
    return [
        {
            "id": str(i),
            "title": rng.choice(["ML Engineer", "Data Scientist", "Analyst"]),
            "company": f"Company {i % 400}",
            "location": "Remote",
            "description": " ".join(rng.choices(words, k=400)),
        }
        for i in range(2500)
    ]


def build(n: int, path: Path) -> list[dict]:
    base = base_records()
    records = []
    for i in range(n):
        r = dict(base[i % len(base)])
        r["id"] = f"{r.get('id')}#{i}"
        copy = i // len(base)
        r["source"] = f"copy{copy}"
        if copy:  # a repost elsewhere: the same ad with that board's own footer
            r["description"] = f"{r.get('description') or ''}\n\nApply on board {copy}."
        records.append(r)
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return records


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "postings.jsonl"
        records = build(n, path)
        print(
            f"postings: {n} ({'corpus' if CORPUS.is_file() else 'synthetic'}), "
            f"file {path.stat().st_size / 1e6:.1f} MB"
        )

        start = time.perf_counter()
        for r in records:
            analyse(r.get("description") or "", r.get("title"))
        analyser = time.perf_counter() - start
        print(f"analyser alone:          {analyser:7.2f} s  ({n / analyser:,.0f} postings/s)")

        engine = make_engine(f"sqlite:///{tmp}/bench.db")
        ensure_schema(engine)

        def factory():  # type: ignore[no-untyped-def]
            return session_scope(engine)

        start = time.perf_counter()
        result = import_file(factory, path)
        ingest = time.perf_counter() - start
        print(
            f"import (analyse+store):  {ingest:7.2f} s  ({n / ingest:,.0f} postings/s); "
            f"{result.new} new, {result.duplicates} collapsed as duplicates"
        )
        print(f"ratio import/analyser:   {ingest / analyser:7.2f}x")

        start = time.perf_counter()
        again = import_file(factory, path)
        rerun = time.perf_counter() - start
        print(f"re-import, unchanged:    {rerun:7.2f} s  ({again.unchanged} unchanged)")
        engine.dispose()


if __name__ == "__main__":
    main()
