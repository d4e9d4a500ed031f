"""Use cases of the portfolio: build it from the ledger, and verify a portfolio.json again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from hireable.core.portfolio import ItemRecord, Person, Portfolio, shown_items
from hireable.core.stages import get_stage
from hireable.errors import ConfigError
from hireable.services.evidence import assessed, kept_for_evidence, list_evidence
from hireable.services.profile import require_profile
from hireable.store.models import Evidence, Profile

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

NO_CONTACT = (
    "your profile has no contact: add one with `hireable profile set --email ADDRESS` "
    "(or --website, --github, --huggingface)"
)


def person_of(profile: Profile, *, need_contact: bool = True) -> Person:
    if not (profile.name or "").strip():
        raise ConfigError("your profile has no name: set it with `hireable profile set --name N`")
    if need_contact and not any(
        (profile.email, profile.website, profile.github, profile.huggingface)
    ):
        raise ConfigError(NO_CONTACT)
    return Person(
        name=profile.name,
        target_stage=profile.target_stage,
        headline=get_stage(profile.target_stage).headline,
        email=profile.email,
        website=profile.website,
        location=profile.location,
        github=profile.github,
        huggingface=profile.huggingface,
    )


def record_of(item: Evidence, today: dt.date) -> ItemRecord:
    a = assessed(item, today)
    return ItemRecord(
        id=item.id,
        kind=item.kind,
        title=item.title,
        url=item.url,
        date=item.date,
        evidence_class=a.evidence_class,
        credibility=a.credibility,
        verification=item.verification,
        skills=list(item.skills or []),
        metrics=dict(item.metrics or {}),
        validator=item.validator,
        source_key=item.source_key,
        provenance=dict(item.provenance) if item.provenance else None,
    )


def ledger_records(session: Session, today: dt.date) -> list[ItemRecord]:
    """Every stored item as the portfolio and the résumé read it; kept per day and evidence
    version where the session has a `LedgerCache` (services/evidence.py)."""
    records = kept_for_evidence(
        session,
        ("records", today),
        lambda: tuple(record_of(e, today) for e in list_evidence(session)),
    )
    return list(records)


def build_portfolio(
    session: Session,
    *,
    now: dt.datetime,
    include_self: bool = False,
    today: dt.date | None = None,
) -> Portfolio:
    """The portfolio as of `now`, its items assessed on `today` (default: now's date); its
    items kept per day and evidence version where the session has a `LedgerCache`."""
    person = person_of(require_profile(session))
    day = today or now.date()
    items = kept_for_evidence(
        session,
        ("shown", day, include_self),
        lambda: tuple(shown_items(ledger_records(session, day), include_self=include_self)),
    )
    utc = now.astimezone(dt.UTC) if now.tzinfo else now
    stamp = utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    return Portfolio(person, stamp, list(items))


def write_portfolio(portfolio: Portfolio, output: Path) -> list[Path]:
    from hireable.exporters.portfolio import write_site

    return write_site(portfolio, output)


def site_texts(portfolio: Portfolio) -> dict[str, str]:
    """The site's files (index.html, portfolio.json) without writing them."""
    from hireable.exporters.portfolio import site_files

    return site_files(portfolio)


def site_index(portfolio: Portfolio) -> str:
    """The site's index.html alone: what a preview shows."""
    from hireable.exporters.portfolio import index_html

    return index_html(portfolio)


def site_archive(portfolio: Portfolio) -> bytes:
    """The site as a zip of a `portfolio/` folder."""
    from hireable.exporters.portfolio import site_zip

    return site_zip(portfolio)
