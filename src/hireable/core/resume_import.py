"""A JSON Resume (jsonresume.org, schema 1.x) read back into profile fields and evidence records,
and the plan of what an import changes (pure, no I/O).

It mirrors exporters/resume_jsonresume.py section by section (README: "resume import"). That
exporter also writes an `x-hireable` object per entry with what JSON Resume has no field for
(the evidence kind, validator, skills, metrics), so hireable's own file comes back exactly; any
other file gets its kinds from the tables below. An imported item is only ever the learner's
word: "link given" when it has a URL, else "self-reported", never API-verified.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hireable.core.contact import CONTACT_NAMES, PROFILE_NETWORKS, check_contact
from hireable.core.evidence import EvidenceInput, normalise_skills, validate_record
from hireable.core.resume import SECTIONS
from hireable.errors import ValidationError, shown

EXTENSION = "x-hireable"
EXTENSION_KEYS = ("kind", "validator", "skills", "metrics", "url")


@dataclass(frozen=True)
class SectionMap:
    """How one JSON Resume section's entries become evidence records."""

    title: tuple[str, ...]  # fields tried in turn for the title
    date: str | None  # the field holding the item's date
    has_url: bool  # whether the section has a `url` field (else the URL rides in x-hireable)
    metrics: tuple[tuple[str, str], ...]  # (field, metric key) when there is no x-hireable
    kind: str  # the kind of an entry that nothing says more about
    skills: str | None = None  # a list field naming skills


MAPPING: dict[str, SectionMap] = {
    "work": SectionMap(("position", "name"), "startDate", True, (("name", "client"),), "job"),
    "projects": SectionMap(("name",), "startDate", True, (), "project", skills="keywords"),
    "publications": SectionMap(
        ("name",), "releaseDate", True, (("publisher", "venue"),), "publication"
    ),
    "awards": SectionMap(("title",), "date", False, (("awarder", "platform"),), "competition"),
    "certificates": SectionMap(("name",), "date", True, (("issuer", "issuer"),), "certificate"),
    "references": SectionMap(("reference",), None, False, (("name", "from"),), "testimonial"),
}
# Sections read but not imported, with the reason the import reports.
NOT_IMPORTED: dict[str, str] = {
    "education": "schooling is learning, not evidence",
    "volunteer": "add volunteer work that others validated with `hireable evidence add`",
    "languages": "hireable keeps no spoken languages",
    "interests": "interests are not evidence",
}
# Kinds of `projects` entries in a file without x-hireable, by the JSON Resume `type` given.
PROJECT_TYPES: dict[str, str] = {
    "open-source": "open-source",  # a contribution to someone else's project
    "open source": "open-source",
    "contribution": "open-source",
    "product": "product",  # something people use
    "application": "product",  # the schema's own example of a type
    "app": "product",
    "library": "product",
    "benchmark": "benchmark",
    "content": "content",  # talks and writing reach an audience
    "talk": "content",
    "presentation": "content",
    "article": "content",
    "video": "content",
}
# Else by its URL: a merged-request page is a contribution, a Hugging Face repo a product.
URL_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^https?://(www\.)?github\.com/[^/]+/[^/]+/pull/\d+", re.I), "open-source"),
    (re.compile(r"^https?://(www\.)?gitlab\.com/.+/-/merge_requests/\d+", re.I), "open-source"),
    (re.compile(r"^https?://(www\.)?huggingface\.co/(spaces/|datasets/)?[^/]+/[^/]+", re.I),
     "product"),
)  # fmt: skip
# A `work` entry is paid work (not employment) when its words say it was a gig.
PAID_WORK = re.compile(r"\b(freelanc\w*|consult\w*|contract\w*|gig)\b", re.I)
# Sizes of the columns the values go into (store/models.py): a longer value is refused.
MAX_LENGTH = {"title": 500, "validator": 300, "url": 2000}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Imported:
    where: str  # "work[2]": where the entry is in the file
    section: str
    record: EvidenceInput


@dataclass
class ParsedResume:
    person: dict[str, str]  # profile field → value (name and contact fields)
    items: list[Imported] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)  # claimed, shown by no entry of the file
    skipped: list[tuple[str, int, str]] = field(default_factory=list)  # (section, count, why)


def _text(value: Any, where: str) -> str | None:
    """A string field: None when absent or empty; NUL removed (the store would drop it)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(f"{where} must be text, not {shown(value)}")
    return value.replace("\x00", "").strip() or None


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(f"{where} must be an object")
    return value


def _entries(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValidationError(f"{where} must be a list of entries")
    return value


def _date(value: Any, where: str) -> str | None:
    """A JSON Resume date (YYYY, YYYY-MM or YYYY-MM-DD) as hireable keeps it: a bare year
    becomes its January."""
    text = _text(value, where)
    if text is None:
        return None
    if not _DATE.match(text):
        raise ValidationError(f"{where} '{text}' is not a date like 2024, 2024-05 or 2024-05-31")
    return f"{text}-01" if len(text) == 4 else text


def _profiles(value: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for i, raw in enumerate(_entries(value, "basics.profiles")):
        where = f"basics.profiles[{i}]"
        entry = _object(raw, where)
        network = (_text(entry.get("network"), f"{where}.network") or "").lower()
        username = _text(entry.get("username"), f"{where}.username")
        url = _text(entry.get("url"), f"{where}.url")
        for attr, name, base in PROFILE_NETWORKS:
            if network.replace(" ", "") != name.lower().replace(" ", "") or attr in found:
                continue
            if username is None and url and url.lower().startswith(base):
                username = url[len(base) :].strip("/").split("/", 1)[0] or None
            label = f"{where}.{'username' if entry.get('username') else 'url'}"
            value = check_contact(attr, username or "", label=label)
            if value:
                found[attr] = value
    return found


def _location(value: Any) -> str | None:
    if value is None:
        return None
    place = _object(value, "basics.location")
    parts = [_text(place.get(k), f"basics.location.{k}") for k in ("city", "region", "countryCode")]
    return ", ".join(p for p in parts if p) or None


def _person(raw: Any) -> dict[str, str]:
    if raw is None:
        return {}
    basics = _object(raw, "basics")
    given = {
        "email": _text(basics.get("email"), "basics.email"),
        "website": _text(basics.get("url"), "basics.url"),
        "location": _location(basics.get("location")),
    }
    labels = {"email": "basics.email", "website": "basics.url", "location": "basics.location"}
    person = {
        name: checked
        for name, value in given.items()
        if value and (checked := check_contact(name, value, label=labels[name]))
    }
    name = _text(basics.get("name"), "basics.name")
    if name:
        if len(name) > 200:
            raise ValidationError(f"basics.name is {len(name)} characters long; at most 200")
        person["name"] = name
    if basics.get("profiles") is not None:
        person.update(_profiles(basics["profiles"]))
    return person


def _extension(entry: Mapping[str, Any], section: str, where: str) -> Mapping[str, Any] | None:
    if entry.get(EXTENSION) is None:
        return None
    ext = _object(entry[EXTENSION], f"{where}.{EXTENSION}")
    unknown = sorted(set(ext) - set(EXTENSION_KEYS))
    if unknown:
        raise ValidationError(
            f"{where}.{EXTENSION} has an unknown key '{unknown[0]}'; it takes: "
            + ", ".join(EXTENSION_KEYS)
        )
    kind = _text(ext.get("kind"), f"{where}.{EXTENSION}.kind")
    if kind not in SECTIONS or SECTIONS[kind] != section:
        kinds = ", ".join(k for k, s in SECTIONS.items() if s == section)
        raise ValidationError(
            f"{where}.{EXTENSION}.kind {shown(ext.get('kind'))} is no kind of {section} "
            f"(those are: {kinds})"
        )
    return ext


def _guess_kind(section: str, entry: Mapping[str, Any], where: str, url: str | None) -> str:
    spec = MAPPING[section]
    if section == "work":
        words = " ".join(
            _text(entry.get(k), f"{where}.{k}") or ""
            for k in ("position", "name", "description", "summary")
        )
        return "paid-work" if PAID_WORK.search(words) else "job"
    if section == "projects":
        given = (_text(entry.get("type"), f"{where}.type") or "").lower()
        if given in PROJECT_TYPES:
            return PROJECT_TYPES[given]
        for pattern, kind in URL_KINDS:
            if url and pattern.match(url):
                return kind
    return spec.kind


def _skills(entry: Mapping[str, Any], field_name: str | None, where: str) -> list[str]:
    if field_name is None or entry.get(field_name) is None:
        return []
    values = entry[field_name]
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValidationError(f"{where}.{field_name} must be a list of names")
    return [v.replace("\x00", "") for v in values]


def _check_lengths(record: Mapping[str, Any], where: str) -> None:
    for name, limit in MAX_LENGTH.items():
        value = record.get(name)
        if isinstance(value, str) and len(value) > limit:
            raise ValidationError(f"{where}: {name} is {len(value):,} characters; at most {limit}")


def _entry(section: str, index: int, raw: Any, today: dt.date) -> Imported:
    where = f"{section}[{index}]"
    entry = _object(raw, where)
    spec = MAPPING[section]
    titles = [_text(entry.get(f), f"{where}.{f}") for f in spec.title]
    title = next((t for t in titles if t), None)
    if title is None:
        raise ValidationError(f"{where} has no {' or '.join(spec.title)}")
    ext = _extension(entry, section, where)
    url = _text(entry.get("url"), f"{where}.url") if spec.has_url else None
    if url is None and ext is not None:
        url = _text(ext.get("url"), f"{where}.{EXTENSION}.url")
    record: dict[str, Any] = {
        "title": title,
        "url": url,
        "date": _date(entry.get(spec.date), f"{where}.{spec.date}") if spec.date else None,
    }
    if ext is not None:
        record["kind"] = ext["kind"]
        record["validator"] = ext.get("validator")
        record["skills"] = ext.get("skills")
        record["metrics"] = ext.get("metrics")
    else:
        record["kind"] = _guess_kind(section, entry, where, url)
        record["skills"] = _skills(entry, spec.skills, where)
        record["metrics"] = {
            key: value
            for f, key in spec.metrics
            if (value := _text(entry.get(f), f"{where}.{f}")) and value != title
        }
    _check_lengths(record, where)
    try:
        return Imported(where, section, validate_record(record, today=today))
    except ValidationError as exc:
        raise ValidationError(f"{where}: {exc}") from None


def _top_skills(value: Any) -> list[str]:
    names: list[str] = []
    for i, raw in enumerate(_entries(value, "skills")):
        entry = _object(raw, f"skills[{i}]")
        name = _text(entry.get("name"), f"skills[{i}].name")
        names += [name] if name else []
        names += [k for k in _skills(entry, "keywords", f"skills[{i}]") if k.strip()]
    return normalise_skills(names)


KNOWN = ("basics", "skills", *MAPPING, *NOT_IMPORTED)


def parse_resume(data: Any, *, today: dt.date) -> ParsedResume:
    """Validate a decoded JSON Resume; any problem is one ValidationError naming the field."""
    if not isinstance(data, dict):
        raise ValidationError("it is not a JSON Resume: the top level must be an object")
    if not any(key in data for key in KNOWN):
        raise ValidationError(f"it is not a JSON Resume: it has none of {', '.join(KNOWN)}")
    parsed = ParsedResume(_person(data.get("basics")))
    for section in MAPPING:
        if data.get(section) is not None:
            entries = _entries(data[section], section)
            parsed.items += [_entry(section, i, raw, today) for i, raw in enumerate(entries)]
    if data.get("skills") is not None:  # those the entries show are the entries' to carry
        shown_by = {s.casefold() for item in parsed.items for s in item.record.skills}
        parsed.skills = [s for s in _top_skills(data["skills"]) if s.casefold() not in shown_by]
    for section, why in NOT_IMPORTED.items():
        if data.get(section) is not None and (count := len(_entries(data[section], section))):
            parsed.skipped.append((section, count, why))
    return parsed


def extension(section: str, *, kind: str, validator: str | None, skills: Sequence[str],
              metrics: Mapping[str, Any], url: str | None) -> dict[str, Any]:  # fmt: skip
    """The `x-hireable` object the exporter writes on an entry: what the section has no
    field for, so the import gives the same item back."""
    data: dict[str, Any] = {"kind": kind, "validator": validator, "skills": list(skills)}
    data["metrics"] = dict(metrics)
    if not MAPPING[section].has_url:
        data["url"] = url
    return {k: v for k, v in data.items() if v not in (None, [], {})}


# The plan -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Existing:
    """A stored evidence item, as matching needs it."""

    id: int
    kind: str
    title: str
    url: str | None


@dataclass
class ImportPlan:
    new_profile: dict[str, Any] | None = None  # the fields of a profile to create
    profile_updates: dict[str, Any] = field(default_factory=dict)  # field → new value
    kept: list[tuple[str, str, str]] = field(default_factory=list)  # (field, stored, in file)
    add: list[Imported] = field(default_factory=list)
    matched: list[tuple[Imported, int | None]] = field(default_factory=list)  # None: a repeat
    skipped: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def changes(self) -> bool:
        return bool(self.new_profile or self.profile_updates or self.add)


def same_item(section: str, title: str, url: str | None, other: Existing | Imported) -> bool:
    """One item when it sits in the same résumé section under the same title (case aside),
    and neither gives a URL the other contradicts."""
    if isinstance(other, Imported):
        kind, other_title, other_url = other.record.kind, other.record.title, other.record.url
    else:
        kind, other_title, other_url = other.kind, other.title, other.url
    return (
        SECTIONS.get(kind, "projects") == section
        and other_title.casefold() == title.casefold()
        and (url is None or other_url is None or url == other_url)
    )


def _profile_plan(
    plan: ImportPlan,
    parsed: ParsedResume,
    stored: Mapping[str, Any] | None,
    stage: str | None,
    target: str | None,
) -> None:
    if stored is None:
        if "name" not in parsed.person:
            raise ValidationError(
                "you have no profile yet and the file has no basics.name: add it, or run "
                "`hireable init` first"
            )
        for flag, value in (("--stage", stage), ("--target", target)):
            if not value:
                raise ValidationError(
                    f"you have no profile yet: give {flag} STAGE so the import can create it"
                )
        plan.new_profile = {
            **parsed.person,
            "stage": stage,
            "target": target,
            "skills": parsed.skills,
        }
        return
    for name in ("name", *CONTACT_NAMES):
        value = parsed.person.get(name)
        if value is None or stored.get(name) == value:
            continue
        if stored.get(name):
            plan.kept.append((name, str(stored[name]), value))
        else:
            plan.profile_updates[name] = value
    for name, value in (("stage", stage), ("target", target)):
        if value and stored.get(name) != value:
            plan.profile_updates[name] = value
    have = {s.casefold() for s in stored.get("skills") or []}
    extra = [s for s in parsed.skills if s.casefold() not in have]
    if extra:
        plan.profile_updates["skills"] = [*(stored.get("skills") or []), *extra]


def plan_import(
    parsed: ParsedResume,
    *,
    stored_profile: Mapping[str, Any] | None,
    existing: Sequence[Existing],
    stage: str | None = None,
    target: str | None = None,
) -> ImportPlan:
    """What importing `parsed` changes: a profile to create or fields to fill (a field already
    set is kept, and said), and the items not yet in the ledger. Nothing stored is changed."""
    plan = ImportPlan(skipped=list(parsed.skipped))
    _profile_plan(plan, parsed, stored_profile, stage, target)
    for item in parsed.items:
        r = item.record
        hit = next((e for e in existing if same_item(item.section, r.title, r.url, e)), None)
        if hit is not None:
            plan.matched.append((item, hit.id))
        elif any(same_item(item.section, r.title, r.url, a) for a in plan.add):
            plan.matched.append((item, None))
        else:
            plan.add.append(item)
    return plan
