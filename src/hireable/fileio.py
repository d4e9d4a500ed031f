"""Reading user-supplied files: every failure is one ValidationError saying what is wrong."""

from __future__ import annotations

from pathlib import Path

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
