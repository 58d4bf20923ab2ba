"""The one atomic-write helper: every file that matters is written to a
temporary name beside its target, flushed to disk, then renamed over it, so a
power cut leaves either the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


class StagedFile:
    """A temporary file beside ``target`` that becomes ``target`` only on
    ``publish()``; ``discard()`` removes it. Lets a caller commit a database
    transaction between writing a file and putting it in place."""

    def __init__(self, target: Path | str, *, overwrite: bool = True):
        self.target = Path(target)
        self.overwrite = overwrite
        self.target.parent.mkdir(parents=True, exist_ok=True)
        if not overwrite and self.target.exists():
            raise FileExistsError(str(self.target))
        fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part", dir=self.target.parent)
        os.close(fd)
        self.path = Path(name)

    def publish(self) -> Path:
        with open(self.path, "rb+") as fh:
            os.fsync(fh.fileno())
        if not self.overwrite and self.target.exists():
            self.discard()
            raise FileExistsError(str(self.target))
        os.replace(self.path, self.target)
        _fsync_dir(self.target.parent)
        return self.target

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()


@contextlib.contextmanager
def atomic_path(target: Path | str, *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path in ``target``'s folder; on success it replaces
    ``target``. On error the temporary file is removed and ``target`` is left
    as it was. With ``overwrite=False`` an existing target raises
    ``FileExistsError`` before anything is written."""
    staged = StagedFile(target, overwrite=overwrite)
    try:
        yield staged.path
        staged.publish()
    except BaseException:
        staged.discard()
        raise


def free_path(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or with "-2", "-3", … when taken: an existing
    file is never overwritten silently."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on Windows, where it is
    # not needed either.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
