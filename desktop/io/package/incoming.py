"""What every incoming file goes through before it is told apart (report
package, receipt, review notice, assignment): a sealed (encrypted) file is
opened into the package inside it, with the office's own key."""

from __future__ import annotations

import hashlib
from pathlib import Path

from db.files import free_path
from desktop.io.package.seal import MAX_SEALED_BYTES, SealedInfo, SealProblem, is_sealed_file, open_sealed_if_needed


def open_incoming(path: Path, key, work_dir: Path) -> tuple[Path, SealedInfo | None]:
    """The file to read for ``path``: itself, or for a sealed file what it
    holds, opened with ``key`` (a ``Pkcs12Key`` or ``TokenKey``, or None) and
    written into ``work_dir``. ``SealProblem`` when it cannot be opened."""
    if not is_sealed_file(path):
        return path, None
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SealProblem("không đọc được tệp") from exc
    if size > MAX_SEALED_BYTES:
        raise SealProblem(f"tệp niêm phong lớn quá {MAX_SEALED_BYTES // 2**20} MB")
    inner, info = open_sealed_if_needed(path.read_bytes(), key)
    opened = free_path(Path(work_dir), f"mo-niem-phong-{hashlib.sha256(inner).hexdigest()[:12]}", ".zip")
    opened.write_bytes(inner)
    return opened, info
