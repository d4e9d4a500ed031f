"""Hacker News "Ask HN: Who is hiring? (Month YYYY)" through the Algolia HN API.

The thread is the newest story by `whoishiring` titled "Who is hiring?" (not "Who wants to be
hired?" nor "Freelancer? Seeking freelancer?"), optionally for a given month. Each top-level comment
is one posting per role it names; replies and deleted or dead comments (no author or no text) are
ignored. The first line, by convention `Company | Role | Location | REMOTE/ONSITE | salary`, gives
the fields.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import html
import re
from typing import TYPE_CHECKING, Any

from hireable.errors import UsageError
from hireable.postings import hn_header
from hireable.postings.analyse import comment_roles
from hireable.sources.http import RemoteNotFound, get_json
from hireable.sources.jobs.base import PostingIn, expect, to_datetime

if TYPE_CHECKING:
    import httpx

    from hireable.config import Settings

_THREAD = re.compile(r"^Ask HN: Who is hiring\? \((?P<month>[A-Za-z]+) (?P<year>\d{4})\)", re.I)
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MAX_ROLES = 20  # postings stored from one comment: a longer list is one company's careers page


def fetch(client: httpx.Client, settings: Settings, name: str) -> list[PostingIn]:
    month, comments = thread_comments(client, settings, name)
    return [p for child in comments for p in comment_postings(child, f"hn:{month}")]


def thread_comments(
    client: httpx.Client, settings: Settings, name: str
) -> tuple[str, list[dict[str, Any]]]:
    """The month ('YYYY-MM') of the wanted thread and its live top-level comments."""
    story, month = find_thread(client, settings, name)
    what = f"hn thread {story}"
    item = expect(
        get_json(client, f"{settings.hn_url}/api/v1/items/{story}", what=what), None, dict, what
    )
    out = []
    for child in expect(item, "children", list, what):
        if not isinstance(child, dict) or child.get("parent_id") not in (None, item.get("id")):
            continue  # not top-level
        if not child.get("author") or not isinstance(child.get("text"), str) or not child["text"]:
            continue  # deleted or dead
        out.append(child)
    return month, out


def month_window(name: str) -> tuple[str, int, int]:
    """'YYYY-MM' -> (name, start, end) epoch seconds around that month's first days."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", name)
    if not match or not 1 <= int(match[2]) <= 12:
        raise UsageError(f"hn month '{name}' is not YYYY-MM (e.g. hn:2026-11)")
    year, month = int(match[1]), int(match[2])
    start = dt.datetime(year, month, 1, tzinfo=dt.UTC) - dt.timedelta(days=3)
    end = dt.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=dt.UTC)
    return name, int(start.timestamp()), int(end.timestamp())


def find_thread(client: httpx.Client, settings: Settings, name: str) -> tuple[str, str]:
    """The story id and 'YYYY-MM' of the wanted month's thread (the newest when name is '')."""
    params: dict[str, Any] = {"tags": "story,author_whoishiring", "hitsPerPage": 50}
    if name:
        name, start, end = month_window(name)
        params["numericFilters"] = f"created_at_i>={start},created_at_i<{end}"
    what = "hn 'Who is hiring?' search"
    data = get_json(client, f"{settings.hn_url}/api/v1/search_by_date", params=params, what=what)
    for hit in expect(data, "hits", list, what):
        match = _THREAD.match(hit.get("title") or "")
        if not match or match["month"].lower() not in _MONTHS:
            continue
        month = f"{match['year']}-{_MONTHS[match['month'].lower()]:02d}"
        if not name or month == name:
            return str(hit["objectID"]), month
    wanted = f" for {name}" if name else ""
    raise RemoteNotFound(f"hn: no 'Ask HN: Who is hiring?' thread{wanted} was found")


def first_line(text_html: str) -> str:
    """The first paragraph of a comment as plain text."""
    first = re.split(r"<p>|<br\s*/?>|\n", text_html, maxsplit=1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", first)).split())


def parse_header(line: str) -> dict[str, Any]:
    """`Company | Role | Location | REMOTE | $salary` -> company, title (the first role),
    location, remote, pay: the analyser's header grammar (postings.hn_header)."""
    header = hn_header.parse_header(line)
    return {
        "company": header.company,
        "title": header.roles[0] if header.roles else None,
        "location": header.location,
        "remote": header.remote,
        "salary": header.salary,
    }


def comment_postings(child: dict[str, Any], source: str) -> list[PostingIn]:
    """One posting per role the comment names (its header's, then its body's role lines): the
    first keeps the comment's id, the others are `ID-2`, `ID-3`, ... in the order named, all
    with the comment's text, so each role is analysed and ranked as itself. A comment naming
    no role is one posting with no title."""
    line = first_line(child["text"])
    header, roles = comment_roles(child["text"], line)
    if header is None and hn_header.is_role(line):  # the first line is just a role's name
        roles = [hn_header.clean_role(line)]
    fields = hn_header.parse_header(line) if header is None else header
    first = PostingIn(
        external_id=str(child["id"]),
        title=roles[0] if roles else None,
        company=fields.company,
        location=fields.location,
        url=f"https://news.ycombinator.com/item?id={child['id']}",
        description=child["text"],
        remote=fields.remote,
        salary=fields.salary,
        posted_at=to_datetime(child.get("created_at")),
        raw=child,
        source=source,
    )
    others = [
        dataclasses.replace(first, external_id=f"{child['id']}-{n}", title=role)
        for n, role in enumerate(roles[1:MAX_ROLES], start=2)
    ]
    return [first, *others]
