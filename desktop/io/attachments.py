"""The attachment store: scans and files kept once each, named by their
SHA-256, in a folder beside the database."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from db.backup import private
from db.engine import data_dir, sqlite_path
from db.files import atomic_path
from desktop.core.errors import UserError
from desktop.core.submissions import StoredFile
from desktop.io.limits import MAX_ATTACHMENT_BYTES



def store_file(source: Path | str, store: Path) -> StoredFile:
    """Copy ``source`` into ``store`` (unless the same content is there)."""
    source = Path(source)
    if not source.is_file():
        raise UserError(f"Tệp đính kèm “{source}” không tồn tại.")
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise UserError(f"Tệp đính kèm “{source.name}” lớn quá {MAX_ATTACHMENT_BYTES // 2**20} MB.")
    digest = hashlib.sha256()
    with open(source, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    target = store / sha[:2] / sha
    if not target.exists():
        with atomic_path(target) as tmp:
            shutil.copyfile(source, tmp)
            private(tmp)
        private(store, 0o700)
    return StoredFile(sha256=sha, file_name=source.name, size=size)


def store_dir_for(url: str) -> Path:
    """The attachment folder of a database: beside its file, or in the user
    data folder for a server database."""
    path = sqlite_path(url)
    return (path.parent if path else data_dir()) / "attachments"
