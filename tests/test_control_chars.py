"""A character is spelt one way in every message: the console's views, the dashboard's and the
forms' refusals."""

from __future__ import annotations

import pytest

from hireable.control_chars import visible
from hireable.errors import ValidationError
from hireable.web.forms import checked_text


@pytest.mark.parametrize(
    ("char", "said"),
    [("\x00", "\\x00"), ("\x1b", "\\x1b"), ("\x9b", "\\x9b"), ("\ufffd", "\\ufffd")],
)
def test_a_refused_character_is_spelt_as_the_console_shows_it(char: str, said: str) -> None:
    with pytest.raises(ValidationError) as caught:
        checked_text("title", f"a{char}b")
    assert f"({said}, at position 2)" in str(caught.value)


def test_views_spell_control_characters_the_same_way() -> None:
    from hireable.control_chars import spelt

    for char in ("\x00", "\x1b", "\x9b", "\ufffd"):
        assert spelt(char) == char.encode("unicode_escape").decode()  # as Python escapes it
    assert visible("a\x1b[2J\u202eb\r") == "a\\x1b[2J\\u202eb\\x0d"
    assert (spelt("\u202e"), spelt("\U0001f600")) == ("\\u202e", "\\U0001f600")
