"""The one atomic-write helper: every file that matters is written to a
temporary name beside its target, flushed to disk, then renamed over it, so a
power cut leaves either the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


@contextlib.contextmanager
def atomic_path(target: Path | str, *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path in ``target``'s folder; on success it replaces
    ``target``. On error the temporary file is removed and ``target`` is left
    as it was. With ``overwrite=False`` an existing target raises
    ``FileExistsError`` before anything is written."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and target.exists():
        raise FileExistsError(str(target))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if not overwrite and target.exists():
            raise FileExistsError(str(target))
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


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
