"""Tokens never reach a page: every message shown is passed through `redact` first."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from pydantic import SecretStr

if TYPE_CHECKING:
    from hireable.config import Settings

# Environment variables holding credentials that sources read outside the settings.
SECRET_ENV = ("KAGGLE_KEY", "GITHUB_TOKEN", "HIREABLE_GITHUB_TOKEN", "HIREABLE_OPENALEX_API_KEY")
MIN_SECRET = 4  # shorter values would blank ordinary words
MASK = "[hidden]"


def secret_values(settings: Settings, env: Mapping[str, str] | None = None) -> tuple[str, ...]:
    env = os.environ if env is None else env
    values = [
        v.get_secret_value()
        for v in (getattr(settings, name) for name in type(settings).model_fields)
        if isinstance(v, SecretStr)
    ]
    values += [env.get(name, "") for name in SECRET_ENV]
    return tuple(sorted({v for v in values if len(v) >= MIN_SECRET}, key=len, reverse=True))


def redact(text: str, secrets: Iterable[str]) -> str:
    for value in secrets:
        text = text.replace(value, MASK)
    return text
