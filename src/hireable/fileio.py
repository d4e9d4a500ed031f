"""Reading and writing user-named files: every failure is one ValidationError saying what is
wrong, and an output path is checked before anything is written."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

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


def check_writable(path: Path, option: str) -> None:
    """Fail unless `path` (given as `option`) can be written, without creating or changing it:
    a command checks all its outputs first, so a bad second path leaves the first unwritten."""
    if path.is_dir():
        raise ValidationError(f"{path} is a directory; give a file name to {option}")
    folder = path.parent
    if not path.exists() and not folder.is_dir():
        raise ValidationError(f"cannot write {path}: folder {folder} does not exist ({option})")
    target, mode = (path, os.W_OK) if path.exists() else (folder, os.W_OK | os.X_OK)
    if not os.access(target, mode):
        raise ValidationError(f"{path} is not writable; check the {option} path")


def cannot_write(path: object, exc: OSError, option: str | None = None) -> str:
    """The one wording of a write that failed: the path, the system's reason (a full disk,
    say), and the option that named the path when there is one."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    check = f"; check the {option} path" if option else ""
    return f"cannot write {path}: {reason}{check}"


@contextmanager
def writer(path: Path, option: str, *, newline: str | None = None) -> Iterator[Writer]:
    """`write(text)` into `path` (UTF-8), checked first; a failed write or close (a full disk,
    say) is one ValidationError, while errors raised by the caller pass through unchanged."""
    check_writable(path, option)

    def failed(exc: OSError) -> ValidationError:
        return ValidationError(cannot_write(path, exc, option))

    try:
        fh = path.open("w", encoding="utf-8", newline=newline)
    except OSError as exc:
        raise failed(exc) from None

    def write(text: str) -> None:
        try:
            fh.write(text)
        except OSError as exc:
            raise failed(exc) from None

    try:
        yield write
    except BaseException:
        _close_quietly(fh)
        raise
    try:
        fh.close()
    except OSError as exc:
        raise failed(exc) from None


Writer = Callable[[str], None]


def _close_quietly(fh: IO[str]) -> None:
    try:
        fh.close()
    except OSError:
        pass  # the caller's own error is the one to report


def write_whole(path: Path, data: str | bytes, option: str) -> None:
    """Write whole or not at all: a temporary file beside `path`, then renamed into place. A
    path that is not a regular file (a device such as /dev/stdout, a FIFO, a symlink) is
    written through instead: renaming onto it would replace the device or the link itself."""
    check_writable(path, option)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        _write_through(path, data, option)
        return
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(cannot_write(path, exc, option)) from None


def _write_through(path: Path, data: str | bytes, option: str) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with path.open("wb") as fh:
            fh.write(raw)
    except OSError as exc:
        raise ValidationError(cannot_write(path, exc, option)) from None


def write_text(path: Path, text: str, option: str, *, newline: str | None = None) -> None:
    """Write the whole of `text` to `path`; see `writer`."""
    with writer(path, option, newline=newline) as write:
        write(text)


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

    from hireable.untrusted_json import MAX_DEPTH, depth, without_nul

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
    return without_nul(data)
