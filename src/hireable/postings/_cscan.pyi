# Types of the compiled scanner built from _cscan_src/ (see module.c there and accel.py).
from collections.abc import Iterable

VERSION: int

class KeyTrie:
    def __init__(self, keys: Iterable[str], edges: str, *, anywhere: bool = False) -> None: ...
    def find(self, text: str, /) -> dict[str, list[int]]: ...

def cut(text: str, lined: bool, camel_heads: tuple[str, ...], /) -> str: ...
def segment(
    text: str, lined: bool, camel_heads: tuple[str, ...], /
) -> tuple[str, str, list[int], list[int]]: ...
def tidy(text: str, /) -> str: ...
def heading_candidates(
    lower: str,
    starts: list[int],
    ends: list[int],
    heading_chars: int,
    soft_words: tuple[str, ...],
    /,
) -> list[int]: ...
