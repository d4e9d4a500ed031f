"""The learner's contact fields (DESIGN 2): their shape rules as one table (pure, no I/O)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hireable.errors import ValidationError


@dataclass(frozen=True)
class ContactField:
    name: str  # the Profile column and the `--name` option
    pattern: re.Pattern[str]
    shape: str  # said in the error: what a valid value looks like
    max_length: int
    rationale: str


CONTACT_FIELDS: tuple[ContactField, ...] = (
    ContactField(
        "email",
        re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
        "an address like name@example.org",
        320,
        "Only the shape is checked: a typo'd address on a résumé loses every reply.",
    ),
    ContactField(
        "website",
        re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I),
        "an http:// or https:// address",
        2000,
        "A page an employer can open: a bare name or another scheme is no link.",
    ),
    ContactField(
        "location",
        re.compile(r"^[^\x00-\x1f\x7f]+$"),
        "a place on one line (e.g. 'Berlin, Germany' or 'Remote')",
        200,
        "Free text, but one printable line: it is shown on the résumé header.",
    ),
    ContactField(
        "github",
        re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$"),
        "a GitHub login (letters, digits, single hyphens, at most 39)",
        39,
        "GitHub's own login rule, so the profile link resolves.",
    ),
    ContactField(
        "huggingface",
        re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$"),
        "a Hugging Face user or organisation name",
        96,
        "Hugging Face names: letters, digits, '-', '_' and '.', not starting with punctuation.",
    ),
)
# The contact fields a résumé lists under its social profiles: (field, network, address prefix).
PROFILE_NETWORKS: tuple[tuple[str, str, str], ...] = (
    ("github", "GitHub", "https://github.com/"),
    ("huggingface", "Hugging Face", "https://huggingface.co/"),
)
CONTACT_NAMES: tuple[str, ...] = tuple(f.name for f in CONTACT_FIELDS)
_BY_NAME = {f.name: f for f in CONTACT_FIELDS}


def check_contact(name: str, value: str, *, label: str | None = None) -> str | None:
    """The value to store: stripped, None for "" (which clears the field); else an error
    naming the value as `label` (default: the field's name; the CLI says its option)."""
    spec = _BY_NAME[name]
    text = value.strip()
    if name in ("github", "huggingface"):
        text = text.removeprefix("@")
    if not text:
        return None
    if len(text) > spec.max_length or not spec.pattern.match(text):
        raise ValidationError(f"{label or name} '{value}' is not {spec.shape}")
    return text


def contact_links(
    *, email: str | None, website: str | None, github: str | None, huggingface: str | None
) -> list[tuple[str, str]]:
    """(label, address) pairs an employer can click, in résumé order."""
    links: list[tuple[str, str]] = []
    if email:
        links.append((email, f"mailto:{email}"))
    if website:
        links.append((website.split("://", 1)[-1].rstrip("/"), website))
    if github:
        links.append((f"github.com/{github}", f"https://github.com/{github}"))
    if huggingface:
        links.append((f"huggingface.co/{huggingface}", f"https://huggingface.co/{huggingface}"))
    return links
