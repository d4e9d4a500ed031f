"""Reading submitted forms: the interface's share of parsing (text to numbers); the rules
themselves stay in the services, so the web rejects exactly what the CLI rejects."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from hireable.errors import NotFoundError, ValidationError
from hireable.store.repo import ID_MAX

if TYPE_CHECKING:
    from starlette.requests import Request


async def read_form(request: Request, names: Iterable[str]) -> dict[str, str]:
    """The named fields as stripped text ("" when absent); files and other fields ignored."""
    async with request.form() as form:
        values = {}
        for name in names:
            raw = form.get(name)
            values[name] = raw.strip() if isinstance(raw, str) else ""
        return values


def optional_number(text: str, what: str) -> float | None:
    """ "" → None; otherwise a finite number, or a one-line error naming the field."""
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValidationError(f"{what} '{text}' must be a number, such as 1.5") from None
    if not math.isfinite(value):
        raise ValidationError(f"{what} '{text}' must be a number, such as 1.5")
    return value


def optional_int(text: str, what: str) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValidationError(f"{what} '{text}' must be a whole number") from None


def path_id(request: Request, name: str, noun: str) -> int:
    """The id in the path (an `int` route parameter); outside the ids a database holds it can
    name nothing, so it is a missing page."""
    value: int = request.path_params[name]
    if not 1 <= value <= ID_MAX:
        raise NotFoundError(f"no {noun} with id {value}")
    return value


def optional_id(text: str, what: str) -> int | None:
    """ "" → None; otherwise a stored row's id (a whole number within the ids' range)."""
    value = optional_int(text, what)
    if value is not None and not 1 <= value <= ID_MAX:
        raise ValidationError(f"{what} {value} is not an id: ids are from 1 to {ID_MAX}")
    return value


def text_list(text: str) -> list[str]:
    """A comma-separated list ("python, pandas"), empty pieces dropped."""
    return [piece.strip() for piece in text.split(",") if piece.strip()]


FLAG_VALUES = {"": False, "0": False, "false": False, "off": False, "no": False,
               "1": True, "true": True, "on": True, "yes": True}  # fmt: skip


def optional_flag(text: str, what: str) -> bool:
    """A checkbox or a yes/no query value ("" and absent are no), or a one-line error."""
    value = FLAG_VALUES.get(text.strip().lower())
    if value is None:
        raise ValidationError(f"{what} '{text}' must be on or off")
    return value
