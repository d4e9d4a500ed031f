"""Which followable board a careers or posting URL copied from a browser belongs to (pure: no I/O).

`board_ref("https://jobs.lever.co/acme/0b1c...?lever-source=hn")` -> `"lever:acme"`. One row per
URL shape; the first path segment is the board's name on every ATS except Greenhouse's embed pages,
which name it in `?for=`. Query strings are otherwise ignored (tracking parameters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass(frozen=True)
class UrlShape:
    host: str  # lower case, without "www."
    source: str  # key in sources.jobs.registry.SOURCES
    example: str  # shown when a URL is refused
    lower: bool = True  # the ATS treats names case-insensitively: store them in lower case


SHAPES: tuple[UrlShape, ...] = (
    UrlShape("boards.greenhouse.io", "greenhouse", "boards.greenhouse.io/acme[/jobs/123]"),
    UrlShape("job-boards.greenhouse.io", "greenhouse", "job-boards.greenhouse.io/acme"),
    UrlShape("job-boards.eu.greenhouse.io", "greenhouse", "job-boards.eu.greenhouse.io/acme"),
    UrlShape("jobs.lever.co", "lever", "jobs.lever.co/acme[/<posting id>]"),
    UrlShape("jobs.eu.lever.co", "lever-eu", "jobs.eu.lever.co/acme"),
    UrlShape("jobs.ashbyhq.com", "ashby", "jobs.ashbyhq.com/acme[/...]", lower=False),
    UrlShape("apply.workable.com", "workable", "apply.workable.com/acme[/j/...]"),
    # SmartRecruiters company ids are case-sensitive ("Acme1"): keep them as written.
    UrlShape(
        "jobs.smartrecruiters.com",
        "smartrecruiters",
        "jobs.smartrecruiters.com/Acme[/...]",
        lower=False,
    ),
    UrlShape(
        "careers.smartrecruiters.com",
        "smartrecruiters",
        "careers.smartrecruiters.com/Acme",
        lower=False,
    ),
)
_BY_HOST = {shape.host: shape for shape in SHAPES}
# Path heads that are pages of the ATS itself, not a company's board.
_NOT_A_BOARD = {"embed", "api", "v1", "login", "search", "jobs", "j", "static", "assets"}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def looks_like_url(text: str) -> bool:
    """A board reference typed as a URL rather than SOURCE:NAME (`greenhouse:acme`)."""
    text = text.strip()
    return bool(_SCHEME.match(text)) or "/" in text or text.lower().startswith("www.")


def known_shapes() -> str:
    return ", ".join(shape.example for shape in SHAPES)


def board_ref(url: str) -> str | None:
    """The `source:name` of the board behind an ATS URL, or None when it is no known board URL."""
    url = url.strip()
    if not _SCHEME.match(url):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    shape = _BY_HOST.get(host)
    if shape is None:
        return None
    name = _embedded_name(parts.path, parts.query) if shape.source == "greenhouse" else None
    if name is None:
        name = _first_segment(parts.path)
    if name is None or not _NAME.fullmatch(name):
        return None
    return f"{shape.source}:{name.lower() if shape.lower else name}"


def _first_segment(path: str) -> str | None:
    segments = [unquote(s) for s in path.split("/") if s]
    if not segments or segments[0].lower() in _NOT_A_BOARD:
        return None
    return segments[0]


def _embedded_name(path: str, query: str) -> str | None:
    """Greenhouse's embedded boards: `/embed/job_board?for=acme`, `/embed/job_app?for=acme&...`."""
    if not path.lower().startswith("/embed/"):
        return None
    values = parse_qs(query).get("for")
    return values[0] if values else None
