"""Kaggle: ranked competition results, from the Kaggle API with the learner's own key, or from a
CSV the learner writes.

API: `GET /api/v1/competitions/list?group=entered&page=N` (HTTP basic auth with the username and
API key of `~/.kaggle/kaggle.json` or `KAGGLE_USERNAME`/`KAGGLE_KEY`) lists the competitions the
key's owner entered, 20 a page, each with `teamCount` and `userRank` (the final rank, empty
while a competition runs). The API has no endpoint for another user's results, so only your own
key imports them; competitions without a rank yet are skipped.

CSV columns (header row required; all rows are checked before any is stored):
`competition` (name), `url` (its Kaggle page, optional), `teams` (number of teams), `rank`
(your final rank), `date` (YYYY-MM or YYYY-MM-DD, the end of the competition).
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from hireable.core.credibility import kaggle_medal
from hireable.core.evidence import check_url, parse_date
from hireable.errors import ConfigError, SourceError, ValidationError
from hireable.sources.evidence.fetched import Fetched, Skipped, day
from hireable.sources.http import request_json

CSV_COLUMNS = ("competition", "url", "teams", "rank", "date")
# Categories whose leaderboards are not a final result among competitors: skipped, with why.
UNRANKED_CATEGORIES = {
    "gettingStarted": "a Getting Started competition: a rolling leaderboard with no medals",
}
MAX_PAGES = 50  # 1,000 competitions: a safety stop if the API kept answering full pages


@dataclass(frozen=True)
class Credentials:
    username: str
    key: str

    def header(self) -> dict[str, str]:
        raw = f"{self.username}:{self.key}".encode()
        return {"Authorization": "Basic " + base64.b64encode(raw).decode()}

    def __repr__(self) -> str:  # never show the key
        return f"Credentials(username={self.username!r}, key=***)"


def find_credentials(
    env: Mapping[str, str] | None = None, home: Path | None = None
) -> Credentials | None:
    """KAGGLE_USERNAME/KAGGLE_KEY, else `kaggle.json` in $KAGGLE_CONFIG_DIR or ~/.kaggle."""
    env = os.environ if env is None else env
    if env.get("KAGGLE_USERNAME") and env.get("KAGGLE_KEY"):
        return Credentials(env["KAGGLE_USERNAME"], env["KAGGLE_KEY"])
    folder = Path(env["KAGGLE_CONFIG_DIR"]) if env.get("KAGGLE_CONFIG_DIR") else None
    folder = folder or ((home or Path.home()) / ".kaggle")
    path = folder / "kaggle.json"
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ConfigError(f"{path} is not valid JSON with username and key") from None
    if not isinstance(data, dict) or not data.get("username") or not data.get("key"):
        raise ConfigError(f'{path} must hold {{"username": ..., "key": ...}}')
    return Credentials(str(data["username"]), str(data["key"]))


def slug_of(url_or_ref: str) -> str:
    """`https://www.kaggle.com/competitions/titanic`, `/c/titanic` or `titanic` → `titanic`."""
    text = url_or_ref.strip().rstrip("/")
    m = re.search(r"/(?:competitions|c)/([^/?#]+)", text)
    return (m[1] if m else text.rsplit("/", 1)[-1]).lower()


def result_note(rank: int, teams: int) -> str:
    pct = 100.0 * rank / teams
    medal = kaggle_medal(rank, teams)
    where = f"rank {rank:,} of {teams:,} (top {pct:.1f}%)"
    return f"{where}: a {medal} medal by Kaggle's thresholds" if medal else where


@dataclass
class Kaggle:
    client: httpx.Client
    base_url: str
    credentials: Credentials

    @property
    def base(self) -> str:
        return self.base_url.rstrip("/")

    def entered(self) -> Iterator[dict[str, Any]]:
        for page in range(1, MAX_PAGES + 1):
            try:
                data = request_json(
                    self.client,
                    f"{self.base}/api/v1/competitions/list",
                    params={"group": "entered", "page": page},
                    headers=self.credentials.header(),
                    what="Kaggle competitions you entered",
                ).data
            except SourceError as exc:
                if "HTTP 401" in str(exc) or "HTTP 403" in str(exc):
                    raise SourceError(
                        "Kaggle rejected the credentials (HTTP 401/403): check the username and "
                        "key in ~/.kaggle/kaggle.json or KAGGLE_USERNAME/KAGGLE_KEY"
                    ) from None
                raise
            if not isinstance(data, list):
                raise SourceError("Kaggle returned a malformed competition list")
            if not data:
                return
            yield from data

    def item(self, comp: dict[str, Any]) -> Fetched | Skipped:
        ref = comp.get("ref") or comp.get("url")
        if not isinstance(ref, str) or not ref:
            raise SourceError("Kaggle returned a competition without its ref")
        slug = slug_of(ref)
        title = str(comp.get("title") or slug)
        category = comp.get("category")
        if category in UNRANKED_CATEGORIES:
            return Skipped(title, UNRANKED_CATEGORIES[category])
        rank, teams = comp.get("userRank"), comp.get("teamCount")
        if not isinstance(rank, int) or rank < 1:
            return Skipped(title, "no final rank yet (still running, or no scored submission)")
        if not isinstance(teams, int) or teams < rank:
            return Skipped(title, "Kaggle did not report the number of teams")
        return Fetched(
            source_key=f"kaggle:competition:{slug}",
            kind="competition",
            title=f"Kaggle: {title}",
            source_url=f"{self.base}/api/v1/competitions/list?group=entered",
            url=f"https://www.kaggle.com/competitions/{slug}",
            date=day(comp.get("deadline")),
            validator="Kaggle leaderboard",
            metrics={"platform": "kaggle", "teams": teams, "rank": rank},
            raw=comp,
            note=result_note(rank, teams),
        )

    def find(self, slug: str) -> Fetched | Skipped:
        for comp in self.entered():
            ref = comp.get("ref") or comp.get("url") or ""
            if isinstance(ref, str) and slug_of(ref) == slug:
                return self.item(comp)
        raise SourceError(f"you have not entered the Kaggle competition '{slug}'")


def import_entered(kaggle: Kaggle) -> Iterator[Fetched | Skipped]:
    for comp in kaggle.entered():
        if not isinstance(comp, dict):
            raise SourceError("Kaggle returned a malformed competition record")
        yield kaggle.item(comp)


def read_csv(path: Path, *, today: dt.date) -> list[Fetched]:
    """All rows validated first: one bad row stops the import with its line number."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(f"file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"cannot read {path}: {exc}") from None
    return parse_csv(text, name=str(path), today=today)


def parse_csv(text: str, *, name: str, today: dt.date) -> list[Fetched]:
    """The rows of a results CSV named `name` in messages, all validated before any is kept."""
    reader = csv.DictReader(text.splitlines())
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in CSV_COLUMNS if c != "url" and c not in header]
    if missing:
        raise ValidationError(
            f"{name}: missing column {missing[0]!r}; the columns are: {', '.join(CSV_COLUMNS)}"
        )
    items = []
    for line, row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        try:
            items.append(_csv_item(row, today))
        except ValidationError as exc:
            raise ValidationError(f"{name}: line {line}: {exc}; nothing was imported") from None
    if not items:
        raise ValidationError(f"{name} has no rows")
    return items


def _whole(row: dict[str, str], key: str) -> int:
    try:
        value = int(row[key])
    except (KeyError, ValueError):
        raise ValidationError(f"{key} {row.get(key)!r} is not a whole number") from None
    if value < 1:
        raise ValidationError(f"{key} must be 1 or more")
    return value


def _csv_item(row: dict[str, str], today: dt.date) -> Fetched:
    name = row.get("competition", "")
    if not name:
        raise ValidationError("competition is empty")
    teams, rank = _whole(row, "teams"), _whole(row, "rank")
    if rank > teams:
        raise ValidationError(f"rank {rank} is worse than the number of teams ({teams})")
    url = check_url(row.get("url") or None)
    date = parse_date(row["date"], today=today) if row.get("date") else None
    slug = slug_of(url) if url and "kaggle.com" in url else re.sub(r"\W+", "-", name.lower())
    return Fetched(
        source_key=f"kaggle:competition:{slug.strip('-')}",
        kind="competition",
        title=name if name.lower().startswith("kaggle") else f"Kaggle: {name}",
        source_url=url or "csv",
        url=url,
        date=date,
        metrics={"platform": "kaggle", "teams": teams, "rank": rank},
        raw={"csv": row},
        note=result_note(rank, teams) + ("" if url else "; add its url so anyone can check"),
        verification="link" if url else "self",
    )
