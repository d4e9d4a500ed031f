"""Reading submitted forms: the interface's share of parsing (text to numbers); the rules
themselves stay in the services, so the web rejects exactly what the CLI rejects."""

from __future__ import annotations

import math
import re
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING

from hireable.control_chars import spelt
from hireable.errors import HireableError, NotFoundError, ValidationError, shown
from hireable.store.repo import ID_MAX

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

# How a form's route answers a refusal: (request, the error, what was typed) → the form's page
# again with its one-line error beside it and the values kept (`render.FormPage.refuser`).
Refuse = Callable[["Request", HireableError, dict[str, str]], Awaitable["Response"]]


# What no field may hold, with why (tab, line feed and carriage return stay: a text area sends
# them). A browser shows none of these, so storing one would store what nobody saw typed.
UNSHOWN = (
    ("\x00", "NUL: the store cannot keep it, so the value would change silently"),
    ("\x01-\x08\x0b\x0c\x0e-\x1f", "C0 controls: ESC starts terminal commands in the CLI's views"),
    ("\x7f-\x9f", "DEL and C1 controls: \\x9b is an 8-bit CSI on some terminals"),
    ("\ufffd", "the replacement character: the form's bytes were not valid UTF-8"),
)
_UNSHOWN = re.compile("[" + "".join(chars for chars, _ in UNSHOWN) + "]")


class Refused(Exception):  # noqa: N818 (not an error: the answer to a refused form)
    """A form refused while it was read: `response` is its page with the error (errors.py
    answers with it)."""

    def __init__(self, response: Response) -> None:
        super().__init__("form refused")
        self.response = response


def checked_text(name: str, value: str) -> str:
    """`value` stripped, or a one-line error naming the field and the first character no form
    may hold."""
    found = _UNSHOWN.search(value)
    if found is not None:
        raise ValidationError(
            f"{name.replace('_', ' ')} holds a character a form cannot show "
            f"({spelt(found.group())}, at position {found.start() + 1}); it has been taken "
            "out: check the text and send the form again"
        )
    return value.strip()


def shown_text(value: str) -> str:
    """`value` without the characters no form may hold: what the browser showed of it."""
    return _UNSHOWN.sub("", value).strip()


async def read_form(request: Request, names: Iterable[str], refuse: Refuse) -> dict[str, str]:
    """The named fields as stripped text ("" when absent); files and other fields ignored. A
    field repeated counts once (its last value). A value holding a control character is
    refused as the route refuses any bad value (`refuse`: the form's page again, its one-line
    error beside it, what was typed kept without the characters the browser did not show)."""
    async with request.form() as form:
        typed = {name: form.get(name) for name in names}
    values = {name: raw if isinstance(raw, str) else "" for name, raw in typed.items()}
    try:
        return {name: checked_text(name, value) for name, value in values.items()}
    except ValidationError as exc:
        kept = {name: shown_text(value) for name, value in values.items()}
        raise Refused(await refuse(request, exc, kept)) from None


def optional_number(text: str, what: str) -> float | None:
    """ "" → None; otherwise a finite number, or a one-line error naming the field."""
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValidationError(f"{what} {shown(text)} must be a number, such as 1.5") from None
    if not math.isfinite(value):
        raise ValidationError(f"{what} {shown(text)} must be a number, such as 1.5")
    return value


def optional_int(text: str, what: str) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:  # also past Python's 4,300 digits
        raise ValidationError(f"{what} {shown(text)} must be a whole number") from None


def path_id(request: Request, name: str, noun: str) -> int:
    """The id in the path (an `int` route parameter); outside the ids a database holds it can
    name nothing, so it is a missing page."""
    value: int = request.path_params[name]
    if not 1 <= value <= ID_MAX:
        raise NotFoundError(f"no {noun} with id {shown(value)}")
    return value


def optional_id(text: str, what: str) -> int | None:
    """ "" → None; otherwise a stored row's id (a whole number within the ids' range)."""
    value = optional_int(text, what)
    if value is not None and not 1 <= value <= ID_MAX:
        raise ValidationError(f"{what} {shown(value)} is not an id: ids are from 1 to {ID_MAX}")
    return value


def query_id(text: str) -> int | None:
    """An id named in a query string (`?tracked=12`), or None for anything that is not one: a
    query that only changes what a page says needs no error."""
    try:
        value = optional_id(text.strip(), "id")
    except ValidationError:
        return None
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
