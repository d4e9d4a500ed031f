"""What `jobs fetch hn` stores from real "Who is hiring?" comments: postings, roles, locations.

    .venv/bin/python benchmarks/bench_hn_roles.py [--shared ../shared] [--list]

Every HN comment of the shared corpora (records whose `source` starts with "hn") goes through
`sources.jobs.hn.comment_postings`, as a fetched comment would. Printed: the number of comments
and of postings, the distribution of roles per comment, and how many comments have a location.
`--list` also prints, per comment, its id, the location and the roles stored, to read by eye
(the texts stay in ../shared; nothing is written). Skips when /work/shared is absent.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from hireable.sources.jobs.hn import comment_postings

CORPORA = ("corpus.jsonl", "corpus2.jsonl")


def hn_comments(data: Path) -> list[dict[str, Any]]:
    """The HN records of the corpora, as API items (`id`, `text`)."""
    out = []
    for name in CORPORA:
        path = data / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines if line.strip()]
        for record in records:
            if str(record.get("source", "")).startswith("hn"):
                out.append({"id": record["id"], "text": record["description"]})
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    parser.add_argument("--list", action="store_true", help="print each comment's roles")
    args = parser.parse_args()
    comments = hn_comments(args.shared / "data" / "postings")
    if not comments:
        print(f"skipped: no HN comments under {args.shared}")
        return
    per_comment: Counter[int] = Counter()
    located = 0
    total = 0
    for child in comments:
        postings = comment_postings(child, "hn:bench")
        titled = [p.title for p in postings if p.title]
        per_comment[len(titled)] += 1
        located += postings[0].location is not None
        total += len(postings)
        if args.list:
            print(f"{child['id']}  location={postings[0].location!r}")
            for title in titled:
                print(f"    {title}")
    print(f"comments: {len(comments)}, postings: {total}, with a location: {located}")
    print("roles per comment: " + ", ".join(f"{k}: {v}" for k, v in sorted(per_comment.items())))


if __name__ == "__main__":
    main()
