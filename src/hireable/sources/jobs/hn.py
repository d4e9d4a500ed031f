"""Hacker News "Ask HN: Who is hiring? (Month YYYY)" through the Algolia HN API.

The thread is the newest story by `whoishiring` titled "Who is hiring?" (not "Who wants to be
hired?" nor "Freelancer? Seeking freelancer?"), optionally for a given month. Each top-level comment
is one posting; replies and deleted or dead comments (no author or no text) are ignored. The first
line, by convention `Company | Role | Location | REMOTE/ONSITE | salary`, gives the fields.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from typing import TYPE_CHECKING, Any

from hireable.errors import UsageError
from hireable.sources.http import RemoteNotFound, get_json
from hireable.sources.jobs.base import PostingIn, expect, salary_from_text, to_datetime

if TYPE_CHECKING:
    import httpx

    from hireable.config import Settings

_THREAD = re.compile(r"^Ask HN: Who is hiring\? \((?P<month>[A-Za-z]+) (?P<year>\d{4})\)", re.I)
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_ROLE = re.compile(
    r"\b(engineer|developer|scientist|researcher|architect|designer|analyst|manager|lead|head|"
    r"intern|founding|director|devops|sre|ml|ai|data|programmer|cto|vp|staff|principal|"
    r"full[- ]?stack|backend|frontend|roles?|positions?)\b",
    re.I,
)
_NOISE = re.compile(
    r"^(full[- ]?time|part[- ]?time|contract|visa|https?://|www\.|\S+\.\w{2,4}$)", re.I
)


def fetch(client: httpx.Client, settings: Settings, name: str) -> list[PostingIn]:
    month, comments = thread_comments(client, settings, name)
    return [_posting(child, f"hn:{month}") for child in comments]


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


_REMOTE = re.compile(r"\b(fully |100% )?remote( only| friendly| ok)?\b", re.I)
_ONSITE = re.compile(r"\b(onsite|on-site|in[- ]office|in[- ]person|hybrid)\b", re.I)


def _place(part: str, mode: re.Pattern[str]) -> str | None:
    """What is left of 'REMOTE (EU)' / 'NYC or Remote' once the work-mode words are gone."""
    rest = re.sub(r"\b(only|or|and)\b|[()&/,:;+-]", " ", mode.sub(" ", part))
    return " ".join(rest.split()) or None


def parse_header(line: str) -> dict[str, Any]:
    """`Company | Role | Location | REMOTE | $salary` -> company, title, location, remote, pay."""
    parts = [p.strip() for p in re.split(r"\s[|•·]\s|\|", line) if p.strip()]
    out: dict[str, Any] = {
        "company": parts[0] if parts else None,
        "title": None,
        "location": None,
        "remote": None,
        "salary": None,
    }
    plain, places = [], []
    for part in parts[1:]:
        salary = salary_from_text(part)
        if salary and out["salary"] is None:
            out["salary"] = salary
        elif _REMOTE.search(part) and not re.search(r"(?i)\bno(t)? remote\b", part):
            out["remote"] = True
            places.append(_place(part, _REMOTE))
        elif _ONSITE.search(part):
            out["remote"] = out["remote"] or False
            places.append(_place(part, _ONSITE))
        elif not _NOISE.match(part):
            plain.append(part)
    for part in plain:
        if out["title"] is None and _ROLE.search(part):
            out["title"] = part
        elif out["location"] is None:
            out["location"] = part
    out["location"] = out["location"] or next((p for p in places if p), None)
    return out


def _posting(child: dict[str, Any], source: str) -> PostingIn:
    header = parse_header(first_line(child["text"]))
    return PostingIn(
        external_id=str(child["id"]),
        title=header["title"],
        company=header["company"],
        location=header["location"],
        url=f"https://news.ycombinator.com/item?id={child['id']}",
        description=child["text"],
        remote=header["remote"],
        salary=header["salary"],
        posted_at=to_datetime(child.get("created_at")),
        raw=child,
        source=source,
    )
