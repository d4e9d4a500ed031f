"""`portfolio verify`: read a portfolio.json (a file or an address) and fetch every API-verified
claim again from its source, through the same adapters and locators as `evidence refresh`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hireable.core.portfolio import FORMAT
from hireable.core.verify import CONFIRMED, CONTRADICTED, MOVED, UNREACHABLE, Check, compare
from hireable.errors import ConfigError, RateLimited, SourceError, ValidationError

if TYPE_CHECKING:
    import httpx

    from hireable.services.evidence_import import Sources

STATUSES = (CONFIRMED, MOVED, CONTRADICTED, UNREACHABLE)


@dataclass
class Verdict:
    id: Any
    title: str
    status: str
    notes: list[str] = field(default_factory=list)


@dataclass
class VerifyReport:
    name: str
    verdicts: list[Verdict] = field(default_factory=list)
    unchecked: int = 0  # items given as a link or self-reported: nothing to fetch

    @property
    def ok(self) -> bool:
        return not any(v.status == CONTRADICTED for v in self.verdicts)

    def summary(self) -> str:
        counts = ", ".join(f"{sum(v.status == s for v in self.verdicts)} {s}" for s in STATUSES)
        tail = f"; {self.unchecked} not API-verified, so not checked" if self.unchecked else ""
        return f"{self.name}: {counts}{tail}."

    def public(self) -> dict[str, Any]:
        return {
            "portfolio": self.name,
            "ok": self.ok,
            "items": [v.__dict__ for v in self.verdicts],
            "unchecked": self.unchecked,
        }


def _parse(text: str, where: str) -> dict[str, Any]:
    from hireable.untrusted_json import loads

    try:
        data = loads(text)
    except ValueError:  # not JSON, or out of bounds (nested 100k deep): not a portfolio
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(
            f'{where} is not a hireable portfolio (no "format": "{FORMAT}"); give the '
            "portfolio.json that `hireable portfolio build` wrote"
        )
    if not isinstance(data.get("items"), list) or not all(
        isinstance(i, dict) for i in data["items"]
    ):
        raise ValidationError(f"{where} is not a hireable portfolio: its items are not a list")
    return data


def load(where: str, client: httpx.Client) -> dict[str, Any]:
    """A portfolio.json from a path, an http(s) address, or a site folder."""
    if where.startswith(("http://", "https://")):
        from hireable.sources.http import send

        response = send(client, where, what="the portfolio")
        if response.status_code >= 400:
            raise SourceError(f"{where} answered HTTP {response.status_code}")
        return _parse(response.text, where)
    path = Path(where)
    if path.is_dir():
        path = path / "portfolio.json"
    from hireable.fileio import read_text

    return _parse(read_text(path), where)


def _fresh(src: Sources, key: str) -> dict[str, Any] | Verdict:
    from hireable.sources.evidence.fetched import NotEvidence, Skipped
    from hireable.sources.evidence.locate import from_key
    from hireable.sources.http import RemoteNotFound

    loc = from_key(key)
    if loc is None:
        return Verdict(None, "", UNREACHABLE, [f"no source known for '{key}'"])
    try:
        got = src.fetch(loc)
    except RemoteNotFound:
        return Verdict(None, "", UNREACHABLE, ["no longer found at the source"])
    except NotEvidence as exc:
        return Verdict(None, "", CONTRADICTED, [str(exc)])
    except RateLimited:
        raise
    except (SourceError, ConfigError) as exc:
        return Verdict(None, "", UNREACHABLE, [str(exc)])
    if isinstance(got, Skipped):
        return Verdict(None, "", CONTRADICTED, [f"the source says: {got.reason}"])
    return {"url": got.url, "date": got.date, "metrics": got.metrics}


def verify_item(src: Sources, item: dict[str, Any]) -> Verdict:
    title = str(item.get("title") or "")
    key = str((item.get("source") or {}).get("key") or "")
    fresh = _fresh(src, key)
    if isinstance(fresh, Verdict):
        fresh.id, fresh.title = item.get("id"), title
        return fresh
    check: Check = compare(item, fresh)
    return Verdict(item.get("id"), title, check.status, check.notes)


def verify(
    src: Sources, where: str, *, progress: Callable[[Verdict], None] | None = None
) -> VerifyReport:
    data = load(where, src.client)
    report = VerifyReport(where)
    stopped: str | None = None
    for item in data["items"]:
        if item.get("verification") != "api" or not isinstance(item.get("source"), dict):
            report.unchecked += 1
            continue
        if stopped:
            verdict = Verdict(item.get("id"), str(item.get("title")), UNREACHABLE, [stopped])
        else:
            try:
                verdict = verify_item(src, item)
            except RateLimited as exc:
                stopped = f"not checked: {exc}"
                verdict = Verdict(item.get("id"), str(item.get("title")), UNREACHABLE, [stopped])
        report.verdicts.append(verdict)
        if progress:
            progress(verdict)
    return report
