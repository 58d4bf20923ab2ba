"""The office's own signing key: made once, kept in a file with a backup
copy elsewhere (a USB stick), its fingerprint read out over the phone to
the office above."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import UserError
from desktop.operations.registry import Store, operation

MIN_LENGTH = 8


def passphrase_strength(text: str) -> tuple[int, str]:
    """(0 to 3, a word for it): how hard the passphrase of a key file is to
    guess. Below ``MIN_LENGTH`` characters it is refused."""
    if len(text) < MIN_LENGTH:
        return 0, f"quá ngắn (cần ít nhất {MIN_LENGTH} ký tự)"
    kinds = sum(any(test(c) for c in text) for test in (str.islower, str.isupper, str.isdigit,
                                                         lambda c: not c.isalnum()))
    if len(text) >= 16 or (len(text) >= 12 and kinds >= 3):
        return 3, "mạnh"
    if len(text) >= 10 and kinds >= 2:
        return 2, "khá"
    return 1, "yếu: nên dài hơn, có cả chữ hoa, chữ số và ký hiệu"


@dataclass
class KeyMade:
    file: Path
    backup: Path | None
    fingerprint: str  # SHA-256 of the certificate, hex
    subject: str
    not_after: object  # datetime


@operation("keys.create", "Tạo khóa ký số của văn phòng")
def create(store: Store, org: str, out: str | Path, passphrase: str, *,
           backup_to: str | Path | None = None) -> KeyMade:
    """A new key and certificate for ``org`` in ``out`` (PKCS#12, encrypted
    with ``passphrase``, never overwriting a file), and a copy of that file
    in the folder ``backup_to`` when given."""
    from desktop.io.signing import create_office_key

    out = Path(out)
    info = create_office_key(org, out, passphrase.encode("utf-8"))
    backup = None
    if backup_to:
        folder = Path(backup_to)
        backup = folder / out.name
        if backup.exists():
            raise UserError(f"Khóa đã tạo ở “{out}”, nhưng “{backup}” đã có nên chưa chép bản dự phòng; "
                            "hãy chép tệp khóa sang nơi khác bằng tay.")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            part = backup.with_name(f".{backup.name}.part")
            shutil.copyfile(out, part)
            os.chmod(part, 0o600)
            os.replace(part, backup)
        except OSError as exc:
            raise UserError(f"Khóa đã tạo ở “{out}”, nhưng chưa chép được bản dự phòng vào “{folder}” "
                            f"({exc.strerror}); hãy chép tệp khóa sang nơi khác bằng tay.") from exc
    return KeyMade(out, backup, info.fingerprint, info.subject, info.not_after)
