"""Old Word documents (.doc, Word 97-2003) read through LibreOffice, which
turns them into .docx in a private folder; offices without LibreOffice are
told what to do instead."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from desktop.core.errors import UserError
from desktop.io.safety import damaged_message, where

CONVERT_SECONDS = 90

# Where the Windows installer of LibreOffice puts it (not on PATH).
_WINDOWS_PLACES = [
    Path(os.environ.get(var, "")) / "LibreOffice" / "program" / "soffice.exe"
    for var in ("PROGRAMFILES", "PROGRAMFILES(X86)")
    if os.environ.get(var)
]


def libreoffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((str(p) for p in _WINDOWS_PLACES if p.is_file()), None)


@contextlib.contextmanager
def convert_doc_to_docx(path: Path) -> Iterator[Path]:
    """The .docx LibreOffice makes of the .doc at ``path``, in a temporary
    folder removed afterwards; ``UserError`` when LibreOffice is missing or
    cannot read the file in time."""
    program = libreoffice()
    if program is None:
        raise UserError(
            f"{where(path)} là văn bản Word đời cũ (.doc). Để đọc được cần cài LibreOffice (miễn phí, "
            "libreoffice.org); hoặc mở tệp bằng Word, chọn Lưu thành… dạng .docx rồi đọc lại tệp .docx đó."
        )
    with tempfile.TemporaryDirectory(prefix="theodoi-doc-") as folder:
        work = Path(folder)
        source = work / "van-ban.doc"
        shutil.copyfile(path, source)
        # A profile of its own: an office's open LibreOffice window would
        # otherwise take the job and the conversion would wait on it.
        profile = (work / "profile").as_uri()
        try:
            subprocess.run(
                [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "docx",
                 "--outdir", str(work), str(source)],
                capture_output=True, timeout=CONVERT_SECONDS, check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise UserError(f"{where(path)}: LibreOffice không đọc xong trong {CONVERT_SECONDS} giây; "
                            "hãy mở bằng Word và lưu lại dưới dạng .docx.") from exc
        except OSError as exc:
            raise UserError(f"{where(path)}: không chạy được LibreOffice ({exc.strerror}).") from exc
        converted = work / "van-ban.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise UserError(damaged_message(path, "LibreOffice không đọc được văn bản Word này"))
        yield converted
