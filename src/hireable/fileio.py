"""Reading user-supplied files: every failure is one ValidationError saying what is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hireable.errors import ValidationError


def read_text(path: Path) -> str:
    """The file's text (UTF-8, a leading BOM dropped)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(f"file {path} does not exist") from None
    except IsADirectoryError:
        raise ValidationError(f"{path} is a directory, not a file") from None
    except UnicodeDecodeError:
        raise ValidationError(f"{path} is not UTF-8 text") from None
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {exc.strerror}") from None


def parse_json(text: str, path: Path) -> Any:
    """The JSON value of a file's text, within untrusted_json's bounds (depth, number size)."""
    from hireable.untrusted_json import loads

    try:
        return loads(text)
    except ValueError as exc:
        raise ValidationError(f"{path} is not valid JSON: {exc}") from None


def parse_yaml(text: str, path: Path) -> Any:
    """The YAML value of a file's text, with the same nesting bound as JSON."""
    import yaml

    from hireable.untrusted_json import MAX_DEPTH, depth

    try:
        data = yaml.safe_load(text)
        too_deep = depth(data) > MAX_DEPTH
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ValidationError(f"{path} is not valid YAML{where}") from None
    except RecursionError:
        too_deep = True
    if too_deep:
        raise ValidationError(f"{path} is not valid YAML: it nests more than {MAX_DEPTH} levels")
    return data
