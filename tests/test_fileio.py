"""Every way of writing a user-named file says a failed write the same way."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from hireable.errors import ValidationError
from hireable.fileio import write_text, write_whole

FULL = "No space left on device"


def full_disk(*_args: object, **_kw: object) -> None:
    raise OSError(errno.ENOSPC, FULL)


def test_a_whole_file_write_that_fails_names_the_path_reason_and_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "resume.md"
    path.write_text("before", encoding="utf-8")
    monkeypatch.setattr(Path, "replace", full_disk)
    with pytest.raises(ValidationError) as caught:
        write_whole(path, "after", "--output")
    assert str(caught.value) == f"cannot write {path}: {FULL}; check the --output path"
    assert path.read_text(encoding="utf-8") == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["resume.md"]  # no temporary file left


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("write", [write_whole, write_text])
def test_a_device_that_is_full_says_it_in_the_same_words(write: object) -> None:
    with pytest.raises(ValidationError) as caught:
        write(Path("/dev/full"), "x" * 10, "--output")  # type: ignore[operator]
    assert str(caught.value) == f"cannot write /dev/full: {FULL}; check the --output path"
