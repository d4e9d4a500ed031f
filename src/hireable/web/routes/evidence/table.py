"""The evidence table: its sort keys and the index page that shows it with the forms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from hireable.core.credibility import CLASSES
from hireable.core.evidence import KINDS, METRICS, VERIFICATIONS
from hireable.core.paging import Pager
from hireable.errors import ValidationError
from hireable.services.evidence import scored_evidence
from hireable.web.forms import optional_int
from hireable.web.render import FormPage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request

    from hireable.core.credibility import Assessment
    from hireable.store.models import Evidence
    from hireable.web.render import Forms

Row = tuple["Evidence", "Assessment"]
CLASS_STRENGTH = {c: len(CLASSES) - i for i, c in enumerate(CLASSES)}  # primary highest
VERIFIED_STRENGTH = {v: i for i, v in enumerate(VERIFICATIONS)}  # api highest


@dataclass(frozen=True)
class Sort:
    label: str
    value: Callable[[Evidence, Assessment], Any]  # None sorts last either way
    descending: bool  # the first click's direction
    why: str


SORTS: dict[str, Sort] = {
    "credibility": Sort("Credibility", lambda e, a: a.credibility, True, "what readiness counts"),
    "date": Sort("Date", lambda e, a: e.date, True, "recent work says more; undated last"),
    "kind": Sort("Kind", lambda e, a: e.kind, False, "the same kind of work together"),
    "class": Sort("Class", lambda e, a: CLASS_STRENGTH[a.evidence_class], True, "primary first"),
    "verification": Sort(
        "Verified", lambda e, a: VERIFIED_STRENGTH.get(a.verification, 0), True, "api first"
    ),
}
DEFAULT_SORT = "credibility"
PAGE_SIZE = 50  # rows of the ledger a page shows: 2,000 items on one page is most of a megabyte

# The paper indexes of the import form: form value → (label, the keyword of `import_papers`).
PAPER_IDS: dict[str, tuple[str, str]] = {
    "orcid": ("ORCID iD (through OpenAlex)", "orcid"),
    "openalex": ("OpenAlex author id", "openalex_id"),
    "semantic-scholar": ("Semantic Scholar author id", "s2_id"),
    "arxiv-author": ("Name as arXiv lists it", "arxiv_author"),
}


@dataclass(frozen=True)
class Header:
    key: str
    label: str
    href: str
    aria_sort: str  # "ascending", "descending" or "none"


def sort_rows(rows: list[Row], key: str, descending: bool) -> list[Row]:
    """Ties keep the id order; items without a value come last in both directions."""
    value = SORTS[key].value
    by_id = sorted(rows, key=lambda r: r[0].id)
    known = [r for r in by_id if value(*r) is not None]
    unknown = [r for r in by_id if value(*r) is None]
    return sorted(known, key=lambda r: value(*r), reverse=descending) + unknown


def requested_sort(request: Request) -> tuple[str, bool]:
    """`?sort=KEY&dir=asc|desc`; an unknown key or direction falls back to the default."""
    key = request.query_params.get("sort", DEFAULT_SORT)
    if key not in SORTS:
        key = DEFAULT_SORT
    direction = request.query_params.get("dir")
    descending = SORTS[key].descending if direction not in ("asc", "desc") else direction == "desc"
    return key, descending


def requested_page(request: Request) -> int:
    """`?page=N`: a whole number from 1; anything else is a one-line error."""
    page_number = optional_int(request.query_params.get("page", "").strip(), "page")
    if page_number is None:
        return 1
    if page_number < 1:
        raise ValidationError(f"page must be 1 or more, not {page_number}")
    return page_number


def page_links(key: str, descending: bool, pager: Pager) -> dict[str, str]:
    """The previous, next and first pages, in the same order."""

    def href(number: int) -> str:
        query = {"sort": key, "dir": "desc" if descending else "asc"}
        query |= {"page": str(number)} if number > 1 else {}
        return f"/evidence?{urlencode(query)}#ledger"

    return {name: href(number) for name, number in pager.neighbours().items()}


def headers(key: str, descending: bool) -> list[Header]:
    out = []
    for k, sort in SORTS.items():
        current = k == key
        flip = not descending if current else sort.descending
        query = urlencode({"sort": k, "dir": "desc" if flip else "asc"})
        state = ("descending" if descending else "ascending") if current else "none"
        out.append(Header(k, sort.label, f"/evidence?{query}#ledger", state))
    return out


def class_counts(rows: list[Row]) -> list[tuple[str, int]]:
    counts = {c: 0 for c in CLASSES}
    for _, a in rows:
        counts[a.evidence_class] += 1
    return [(c, n) for c, n in counts.items() if n]


def _context(
    request: Request, session: Session, forms: Forms, errors: dict[str, str]
) -> dict[str, Any]:
    today = request.app.state.today()
    key, descending = requested_sort(request)
    rows = scored_evidence(session, today)
    try:
        pager: Pager | None = Pager(requested_page(request), len(rows), PAGE_SIZE)
    except ValidationError as exc:
        pager, errors["page"] = None, str(exc)
    shown = pager.cut(sort_rows(rows, key, descending)) if pager else []
    return {
        "active": "evidence",
        "today": today.isoformat(),
        "total": len(rows),
        "rows": shown,
        "pager": pager,
        "links": page_links(key, descending, pager or Pager(1, len(rows), PAGE_SIZE)),
        "headers": headers(key, descending),
        "counts": class_counts(rows),
        "kinds": KINDS,
        "metric_keys": METRICS,
        "paper_ids": PAPER_IDS,
        "jobs": request.app.state.jobs.recent()[:5],
        "removed": request.query_params.get("removed") == "1",
    }


# The ledger with its add and import forms (a refused form shows it again).
INDEX = FormPage("evidence/index.html", _context, "/evidence")
