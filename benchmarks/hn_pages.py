"""Top-level comments of saved "Ask HN: Who is hiring?" thread pages, as corpus records.

    .venv/bin/python benchmarks/hn_pages.py PAGES_DIR > comments.jsonl

A saved thread page is the HTML of `news.ycombinator.com/item?id=...` (the first page of the
thread), as a `.html` file or wrapped in a JavaScript module (`export default \\`...\\``), in
`PAGES_DIR/<year>/<Month>.js|html`. The pages our third-party HN label set was drawn from are the
public repository github:gouldie/vue (src/data/2017-2020, one file per month): those texts stay
outside this repository, which keeps only ids and labels (benchmarks/data/README.md).

A record is built the way the shared corpus2.jsonl builds HN comments: `id` "hnp-<comment id>",
`source` "hn-<year>", `title` the first line of the comment's text, `description` its text.
Replies, deleted and flagged comments are left out.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hireable.postings.text import html_to_text

_ROW = re.compile(r"<tr class='athing comtr\s*' id='(\d+)'>")
_INDENT = re.compile(r'<td class=.ind.[^>]*><img src="s\.gif" height="1" width="(\d+)"')
_TEXT = re.compile(r'<span class="commtext [^"]*">')
_REPLY = "<div class='reply'>"


def page_comments(html: str, year: str) -> Iterator[dict[str, Any]]:
    """The top-level comments of one thread page, in page order."""
    rows = list(_ROW.finditer(html))
    for i, row in enumerate(rows):
        end = rows[i + 1].start() if i + 1 < len(rows) else len(html)
        block = html[row.end() : end]
        indent = _INDENT.search(block)
        start = _TEXT.search(block)
        if indent is None or indent.group(1) != "0" or start is None:
            continue
        stop = block.find(_REPLY, start.end())
        body = block[start.end() : stop if stop >= 0 else len(block)]
        body = body[: body.rfind("</span>")] if "</span>" in body else body
        text = html_to_text(body).strip()
        if not text or text in ("[flagged]", "[dead]", "[deleted]"):
            continue
        yield {
            "id": f"hnp-{row.group(1)}",
            "source": f"hn-{year}",
            "title": text.split("\n", 1)[0].strip(),
            "description": text,
        }


def read_pages(root: Path) -> list[dict[str, Any]]:
    """Every top-level comment of every page under `root` (<year>/<Month>.js|html), by path."""
    out: list[dict[str, Any]] = []
    for path in sorted(root.glob("*/*")):
        if path.suffix in (".js", ".html"):
            out.extend(page_comments(path.read_text(encoding="utf-8"), path.parent.name))
    return out


def main() -> None:
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        sys.exit("usage: hn_pages.py PAGES_DIR (a directory of <year>/<Month>.js thread pages)")
    for record in read_pages(Path(sys.argv[1])):
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
