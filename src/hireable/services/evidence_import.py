"""Verified evidence: import a learner's public record from a source, add one item by address, and
re-verify stored items.

Idempotent: every fetched item has a `source_key`; a second import finds it and changes nothing
unless a signal moved. What the source owns and what the learner owns:
- the source owns the metrics it reports (stars, downloads, citations, rank...), the date, the
  URL, the validator and `verification: api`; they are updated when they change;
- the learner owns the title and the skills: set on the first import, never overwritten (edit
  them freely), and any metric the source does not report (e.g. `weekly_users` on a product).
An item the learner recorded by hand with the same URL is adopted (verified) rather than doubled.

Rate limits: items are independent, so when a source's budget runs out the items already stored
are kept and the report says when to resume. Any other failure undoes the whole run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import select

from hireable.core.credibility import assess
from hireable.core.evidence import (
    normalise_skills,
    parse_metric_pairs,
    validate_record,
)
from hireable.errors import (
    ConfigError,
    RateLimited,
    SourceError,
    UsageError,
    ValidationError,
)
from hireable.services.evidence import find_same, get_evidence
from hireable.services.evidence_plan import (
    ADDED,
    FAILED,
    MISSING,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    UpsertPlan,
    plan_upsert,
)
from hireable.sources import http
from hireable.sources.evidence import (
    arxiv,
    github,
    huggingface,
    kaggle,
    locate,
    openalex,
    semanticscholar,
)
from hireable.sources.evidence.arxiv import Arxiv
from hireable.sources.evidence.fetched import Fetched, Skipped
from hireable.sources.evidence.github import GitHub
from hireable.sources.evidence.huggingface import HuggingFace
from hireable.sources.evidence.kaggle import Credentials, Kaggle
from hireable.sources.evidence.openalex import OpenAlex
from hireable.sources.evidence.semanticscholar import SemanticScholar
from hireable.sources.http import RemoteNotFound
from hireable.store.models import Evidence, utcnow

if TYPE_CHECKING:
    import httpx
    from sqlalchemy.orm import Session

    from hireable.config import Settings


@dataclass
class Line:
    action: str
    what: str
    detail: str = ""
    evidence_id: int | None = None


@dataclass
class Report:
    source: str
    lines: list[Line] = field(default_factory=list)
    stopped: RateLimited | None = None
    requests: dict[str, int] = field(default_factory=dict)

    def count(self, action: str) -> int:
        return sum(1 for line in self.lines if line.action == action)

    def summary(self) -> str:
        parts = [f"{self.count(a)} {a}" for a in (ADDED, UPDATED, UNCHANGED, SKIPPED)]
        parts += [f"{self.count(a)} {a}" for a in (MISSING, FAILED) if self.count(a)]
        return f"{self.source}: " + ", ".join(parts) + "."


Progress = Callable[[Line], None] | None  # told each line as it is decided (the dashboard)


# -- storing fetched items --------------------------------------------------------------------


def _now() -> str:
    return utcnow().isoformat(timespec="seconds") + "Z"


def _provenance(f: Fetched) -> dict[str, Any]:
    return {"source_url": f.source_url, "fetched_at": _now(), "raw": f.raw}


def _find(session: Session, f: Fetched) -> tuple[Evidence | None, bool]:
    item = session.scalar(select(Evidence).where(Evidence.source_key == f.source_key))
    if item is not None or not f.url:
        return item, False
    hand_made = find_same(session, kind=f.kind, url=f.url, hand_made=True)
    return hand_made, hand_made is not None


def upsert(session: Session, f: Fetched, *, today: dt.date) -> Line:
    """Add the item, or update the signals that moved; the learner's title and skills stay."""
    record = validate_record(
        {
            "kind": f.kind,
            "title": f.title,
            "date": f.date,
            "url": f.url,
            "validator": f.validator,
            "metrics": f.metrics,
            "verification": f.verification,
        },
        today=today,
        allow_api=True,
    )
    item, adopted = _find(session, f)
    return apply_upsert(
        session, plan_upsert(record, f.source_key, item, adopted=adopted), item, f, today=today
    )


def apply_upsert(
    session: Session, plan: UpsertPlan, item: Evidence | None, f: Fetched, *, today: dt.date
) -> Line:
    """Write `plan` for the stored `item` (None when it is new) and say what happened."""
    if plan.action == ADDED:
        item = Evidence(**plan.values, provenance=_provenance(f))
        session.add(item)
        session.flush()
        a = assess(item, today=today)
        detail = f"{a.evidence_class}, credibility {a.credibility}"
        return Line(ADDED, item.title, detail + (f"; {f.note}" if f.note else ""), item.id)
    assert item is not None  # every other plan is about a stored item
    if plan.action != UPDATED:
        return Line(plan.action, item.title, plan.reason, item.id)
    before = assess(item, today=today)
    for name, value in plan.values.items():
        setattr(item, name, value)
    item.provenance = _provenance(f)
    session.flush()
    after = assess(item, today=today)
    score = f"credibility {before.credibility} → {after.credibility}"
    if before.evidence_class != after.evidence_class:
        score += f", {before.evidence_class} → {after.evidence_class}"
    return Line(UPDATED, item.title, "; ".join(plan.changes) + f" ({score})", item.id)


def run_import(
    session: Session,
    source: str,
    items: Iterable[Fetched | Skipped],
    *,
    today: dt.date,
    progress: Progress = None,
) -> Report:
    """Store every item; a rate limit stops the run with what is stored kept (see module doc)."""
    report = Report(source)
    try:
        for entry in items:
            if isinstance(entry, Skipped):
                line = Line(SKIPPED, entry.what, entry.reason)
            else:
                try:
                    line = upsert(session, entry, today=today)
                except ValidationError as exc:
                    line = Line(SKIPPED, entry.title, f"the source's record is not valid: {exc}")
            report.lines.append(line)
            if progress:
                progress(line)
    except RateLimited as exc:
        report.stopped = exc
    return report


# -- sources ----------------------------------------------------------------------------------


class Sources:
    """The HTTP client and the source adapters of one command, built from settings."""

    def __init__(
        self,
        settings: Settings,
        client: httpx.Client,
        *,
        github_token: str | None = None,
        kaggle: Credentials | None = None,
        arxiv_sleep: Callable[[float], None] | None = None,
        detail_budget: int | None = None,
    ) -> None:
        self.settings = settings
        self.client = client
        self.github_token = github_token
        # None: not looked for yet; False: looked for, there are none.
        self._kaggle: Credentials | Literal[False] | None = kaggle
        self.arxiv_sleep = arxiv_sleep
        self.detail_budget = detail_budget
        self._github: GitHub | None = None

    @property
    def kaggle_credentials(self) -> Credentials | None:
        """Read on first use, so a broken kaggle.json only matters to Kaggle commands."""
        if self._kaggle is None:
            self._kaggle = kaggle.find_credentials() or False
        return self._kaggle or None

    @classmethod
    @contextmanager
    def open(
        cls, settings: Settings, *, use_token: bool = True, detail_budget: int | None = None
    ) -> Iterator[Sources]:
        configured = settings.github_token.get_secret_value() if settings.github_token else None
        token = github.resolve_token(configured) if use_token else None
        with http.make_client(settings, transport=http.transport_factory()) as client:
            yield cls(
                settings,
                client,
                github_token=token,
                detail_budget=detail_budget,
            )

    def github(self) -> GitHub:
        if self._github is None:
            budget = (
                github.DEFAULT_DETAIL_BUDGET if self.detail_budget is None else self.detail_budget
            )
            self._github = github.GitHub(
                self.client, self.settings.github_url, self.github_token, detail_budget=budget
            )
        return self._github

    def huggingface(self) -> HuggingFace:
        return huggingface.HuggingFace(self.client, self.settings.hf_url)

    def kaggle(self) -> Kaggle:
        if self.kaggle_credentials is None:
            raise ConfigError(
                "no Kaggle credentials: put your API token in ~/.kaggle/kaggle.json or set "
                "KAGGLE_USERNAME and KAGGLE_KEY (or import your results from a CSV file)"
            )
        return kaggle.Kaggle(self.client, self.settings.kaggle_url, self.kaggle_credentials)

    def openalex(self) -> OpenAlex:
        key = self.settings.openalex_api_key
        return openalex.OpenAlex(
            self.client, self.settings.openalex_url, key.get_secret_value() if key else None
        )

    def semanticscholar(self) -> SemanticScholar:
        return semanticscholar.SemanticScholar(self.client, self.settings.semanticscholar_url)

    def arxiv(self) -> Arxiv:
        pacer = arxiv.Pacer(sleep=self.arxiv_sleep) if self.arxiv_sleep else arxiv.Pacer()
        return arxiv.Arxiv(self.client, self.settings.arxiv_url, pacer)

    def fetch(self, loc: locate.Locator) -> Fetched | Skipped:
        """One item by locator: `evidence add --url` and `evidence refresh`."""
        if loc.source == "github-pr":
            repo, _, number = loc.ident.partition("#")
            return github.fetch_pull(self.github(), repo, int(number))
        if loc.source == "github-repo":
            return github.fetch_repo(self.github(), loc.ident)
        if loc.source.startswith("hf-"):
            return huggingface.fetch_one(self.huggingface(), loc.source[3:], loc.ident)
        if loc.source == "kaggle":
            return self.kaggle().find(loc.ident)
        if loc.source == "arxiv":
            return arxiv.fetch_id(self.arxiv(), loc.ident)
        if loc.source == "doi":
            return openalex.fetch_doi(self.openalex(), loc.ident)
        if loc.source == "openalex":
            found = openalex.item(self.openalex(), self.openalex().work(loc.ident))
            return found
        if loc.source == "s2":
            return semanticscholar.fetch_paper(self.semanticscholar(), loc.ident)
        raise SourceError(f"no source can fetch {loc.source} items")  # pragma: no cover


# -- imports ----------------------------------------------------------------------------------


def import_github(
    session: Session, src: Sources, login: str, *, today: dt.date, progress: Progress = None
) -> Report:
    gh = src.github()
    items = github.import_user(gh, login)
    report = run_import(session, f"GitHub {login}", items, today=today, progress=progress)
    report.requests = dict(gh.requests.counts)
    return report


def import_huggingface(
    session: Session, src: Sources, user: str, *, today: dt.date, progress: Progress = None
) -> Report:
    items = huggingface.import_user(src.huggingface(), user)
    return run_import(session, f"Hugging Face {user}", items, today=today, progress=progress)


def import_kaggle(
    session: Session, src: Sources, *, today: dt.date, progress: Progress = None
) -> Report:
    client = src.kaggle()
    name = f"Kaggle {client.credentials.username}"
    return run_import(session, name, kaggle.import_entered(client), today=today, progress=progress)


def import_kaggle_csv(
    session: Session, path: Path, *, today: dt.date, progress: Progress = None
) -> Report:
    """All rows are validated before any is stored (`read_csv`), then upserted."""
    items = kaggle.read_csv(path, today=today)
    return run_import(session, f"Kaggle CSV {path}", items, today=today, progress=progress)


def import_kaggle_csv_text(
    session: Session, text: str, *, name: str, today: dt.date, progress: Progress = None
) -> Report:
    """A CSV's contents (the dashboard's upload), checked as `import_kaggle_csv` checks a file."""
    items = kaggle.parse_csv(text, name=name, today=today)
    return run_import(session, f"Kaggle CSV {name}", items, today=today, progress=progress)


def import_papers(
    session: Session,
    src: Sources,
    *,
    today: dt.date,
    orcid: str | None = None,
    openalex_id: str | None = None,
    s2_id: str | None = None,
    arxiv_author: str | None = None,
    progress: Progress = None,
) -> Report:
    given = [x for x in (orcid, openalex_id, s2_id, arxiv_author) if x]
    if len(given) != 1:
        raise UsageError(
            "give exactly one of --orcid, --openalex, --semantic-scholar or --arxiv-author"
        )
    items: Iterable[Fetched | Skipped]
    if orcid:
        oid = openalex.parse_orcid(orcid)
        name, items = f"OpenAlex ORCID {oid}", openalex.import_works(src.openalex(), orcid=oid)
    elif openalex_id:
        aid = openalex.parse_author_id(openalex_id)
        name, items = f"OpenAlex {aid}", openalex.import_works(src.openalex(), author_id=aid)
    elif s2_id:
        name = f"Semantic Scholar {s2_id}"
        items = semanticscholar.import_author(src.semanticscholar(), s2_id.strip())
    else:
        name = f"arXiv {arxiv_author}"
        items = arxiv.import_author(src.arxiv(), str(arxiv_author).strip())
    return run_import(session, name, items, today=today, progress=progress)


# -- one item by address, and refresh ---------------------------------------------------------


def add_from_url(
    session: Session,
    src: Sources,
    url: str,
    *,
    today: dt.date,
    title: str | None = None,
    skills: list[str] | None = None,
    metric_pairs: list[str] | None = None,
) -> Line:
    """`evidence add --url URL` without a KIND: recognise, fetch, store (or update)."""
    loc = locate.recognise(url)
    if loc is None:
        raise ValidationError(
            f"cannot tell what '{url}' is: give its KIND (`hireable evidence add KIND --title T "
            "--url URL`) or a GitHub pull request, Hugging Face model/dataset/Space, Kaggle "
            "competition, arXiv or DOI address"
        )
    if loc.source == "kaggle" and src.kaggle_credentials is None:
        fetched: Fetched | Skipped = Fetched(
            source_key=f"kaggle:competition:{loc.ident}",
            kind="competition",
            title=f"Kaggle: {loc.ident.replace('-', ' ')}",
            source_url=locate.public_url(loc),
            url=locate.public_url(loc),
            metrics={"platform": "kaggle"},
            note="no Kaggle credentials, so recorded as a link: add --metric teams=N "
            "--metric rank=R",
            verification="link",
        )
    else:
        fetched = src.fetch(loc)
    if isinstance(fetched, Skipped):
        raise SourceError(f"{fetched.what}: {fetched.reason}")
    extra = parse_metric_pairs(fetched.kind, metric_pairs or [])
    fetched.metrics = {**extra, **fetched.metrics}  # the source's numbers win
    if title and title.strip():
        fetched.title = title.strip()
    line = upsert(session, fetched, today=today)
    if skills and line.evidence_id is not None:
        item = session.get(Evidence, line.evidence_id)
        if item is not None:
            item.skills = normalise_skills(skills)
    if line.action == ADDED and fetched.note and fetched.note not in line.detail:
        line.detail += f"; {fetched.note}"
    return line


def refresh(
    session: Session,
    src: Sources,
    *,
    today: dt.date,
    evidence_id: int | None = None,
    progress: Progress = None,
) -> Report:
    """Fetch every api-verified item (or one) again; stars, citations and downloads move."""
    if evidence_id is not None:
        item = get_evidence(session, evidence_id)
        if not item.source_key or item.verification != "api":
            raise ValidationError(
                f"evidence {evidence_id} was not fetched from a source, so there is nothing to "
                "refresh; `hireable evidence add --url URL` verifies a GitHub, Hugging Face, "
                "Kaggle, arXiv or DOI address"
            )
        items = [item]
    else:
        items = list(
            session.scalars(
                select(Evidence)
                .where(Evidence.verification == "api", Evidence.source_key.is_not(None))
                .order_by(Evidence.id)
            )
        )
    report = Report("refresh")
    for item in items:
        loc = locate.from_key(item.source_key or "")
        if loc is None:
            report.lines.append(Line(SKIPPED, item.title, "unknown source", item.id))
            continue
        try:
            line = _refresh_one(session, src, item, today=today)
        except RateLimited as exc:
            report.stopped = exc
            break
        report.lines.append(line)
        if progress:
            progress(line)
    return report


def _refresh_one(session: Session, src: Sources, item: Evidence, *, today: dt.date) -> Line:
    """One stored item fetched again; a rate limit is raised, as it stops the run."""
    from hireable.sources.evidence.locate import from_key

    loc = from_key(item.source_key or "")
    if loc is None:
        return Line(SKIPPED, item.title, "unknown source", item.id)
    try:
        fetched = src.fetch(loc)
    except RateLimited:
        raise
    except RemoteNotFound:
        return Line(MISSING, item.title, "no longer found at the source; kept as it was", item.id)
    except (SourceError, ConfigError) as exc:
        return Line(FAILED, item.title, str(exc), item.id)
    if isinstance(fetched, Skipped):
        return Line(SKIPPED, item.title, fetched.reason, item.id)
    fetched.source_key = item.source_key or fetched.source_key
    try:
        return upsert(session, fetched, today=today)
    except ValidationError as exc:
        return Line(FAILED, item.title, str(exc), item.id)
