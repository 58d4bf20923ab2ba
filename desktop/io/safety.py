"""Look at a file before any parser does: what it really is (whatever its
name says), whether it is password-protected, truncated, or built to
exhaust memory. Every refusal is a ``UserError`` naming the file; nothing
is read further and nothing is written."""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import UserError
from desktop.io.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_FILE_BYTES,
    MAX_MEMBER_BYTES,
    MAX_UNCOMPRESSED_BYTES,
    MAX_ZIP_MEMBERS,
    RATIO_CHECKED_ABOVE_BYTES,
)
from desktop.io.ole import MAGIC as OLE_MAGIC
from desktop.io.ole import OleError, OleFile

SPREADSHEET_HINT = "Hãy chọn tệp Excel (.xlsx, .xls), OpenDocument (.ods) hoặc .csv."
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)


def where(path: Path) -> str:
    return f"Tệp “{path.name}”"


def password_message(path: Path) -> str:
    return (
        f"{where(path)} có mật khẩu; hãy bỏ mật khẩu rồi thử lại (mở tệp, nhập mật khẩu, "
        "xóa mật khẩu trong phần bảo vệ tệp rồi lưu lại). Không có gì được ghi."
    )


def damaged_utf8_message(path: Path, line: int) -> str:
    return (
        f"{where(path)} được ghi bằng bảng mã UTF-8 nhưng dòng {line} có byte không đọc được (tệp bị hỏng, hoặc "
        "ghép từ hai bảng mã). Hãy mở tệp, sửa dòng đó rồi lưu lại dạng “CSV UTF-8”. Không có gì được ghi."
    )


def damaged_message(path: Path, detail: str = "") -> str:
    extra = f" ({detail})" if detail else ""
    return (
        f"{where(path)} bị hỏng hoặc không trọn vẹn{extra}: có thể tệp bị cắt cụt khi tải về hoặc sao chép. "
        "Hãy lấy lại tệp gốc, hoặc mở bằng chương trình đã tạo ra nó và lưu lại. Không có gì được ghi."
    )


@dataclass
class Sniffed:
    """What the first bytes of a file say it is: "zip", "ole", "pdf",
    "html", "xml", "rtf" or "text"."""

    kind: str
    head: bytes = b""
    ole_streams: list[str] = field(default_factory=list)


def sniff(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Sniffed:
    """Check existence and size, and name the real format of ``path``."""
    if not path.is_file():
        raise UserError(f"{where(path)} không tồn tại. Hãy kiểm tra lại đường dẫn.")
    size = path.stat().st_size
    if size == 0:
        raise UserError(f"{where(path)} rỗng (0 byte). Hãy chọn đúng tệp.")
    if size > max_bytes:
        raise UserError(f"{where(path)} lớn quá {max_bytes // 2**20} MB, không phải một tệp thông thường của văn phòng.")
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return Sniffed("zip", head)
    if head.startswith(OLE_MAGIC):
        try:
            names = OleFile(path.read_bytes()).stream_names()
        except OleError as exc:
            raise UserError(damaged_message(path, "tệp Office cũ không đọc được")) from exc
        return Sniffed("ole", head, names)
    if head.lstrip().startswith(b"%PDF"):
        return Sniffed("pdf", head)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<html", b"<!doctype html", b"<table", b"<meta")) or b"<html" in start[:512]:
        return Sniffed("html", head)
    if start.startswith(b"<?xml"):
        return Sniffed("xml", head)
    if start.startswith(b"{\\rtf"):
        return Sniffed("rtf", head)
    return Sniffed("text", head)


def ole_kind(streams: list[str]) -> str:
    """"encrypted" (a password-protected .xlsx/.docx), "xls", "doc" or
    "other" for the streams of an OLE2 file."""
    names = {n.lower() for n in streams}
    if {"encryptioninfo", "encryptedpackage"} & names:
        return "encrypted"
    if {"workbook", "book"} & names:
        return "xls"
    if "worddocument" in names:
        return "doc"
    return "other"


def check_zip(path: Path, *, required: tuple[str, ...] = ()) -> list[str]:
    """Refuse a zip container that is truncated, encrypted, too large once
    decompressed, compressed at an abnormal ratio (zip bomb) or whose XML
    declares a DTD or entities (entity bomb). The central directory is
    checked first; then every member is streamed with the same limits (a
    directory can lie) and its CRC verified. Returns the member names."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise UserError(damaged_message(path)) from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise UserError(_bomb(path, f"{len(infos)} thành phần"))
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise UserError(password_message(path))
            total += info.file_size
            if info.file_size > MAX_MEMBER_BYTES or total > MAX_UNCOMPRESSED_BYTES:
                raise UserError(_bomb(path, f"giải nén ra hơn {max(total, info.file_size) // 2**20} MB"))
            if info.file_size > RATIO_CHECKED_ABOVE_BYTES:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > MAX_COMPRESSION_RATIO:
                    raise UserError(_bomb(path, f"tỉ lệ nén {ratio:,.0f} lần"))
        names = [i.filename for i in infos]
        missing = [r for r in required if r not in names]
        if missing:
            raise UserError(f"{where(path)} không phải bảng tính hay văn bản Office đúng dạng (thiếu {missing[0]}). {SPREADSHEET_HINT}")
        produced = 0
        for info in infos:
            if info.is_dir():
                continue
            try:
                with zf.open(info) as member:
                    tail = b""
                    while True:
                        chunk = member.read(1 << 20)
                        if not chunk:
                            break
                        produced += len(chunk)
                        if produced > MAX_UNCOMPRESSED_BYTES:
                            raise UserError(_bomb(path, f"giải nén ra hơn {MAX_UNCOMPRESSED_BYTES // 2**20} MB"))
                        if info.filename.endswith((".xml", ".rels", ".vml")) and _DTD.search(tail + chunk):
                            raise UserError(
                                f"{where(path)} bị từ chối: phần “{info.filename}” có khai báo DTD/thực thể XML, "
                                "điều mà tệp Office bình thường không bao giờ có (có thể là tệp độc hại kiểu “entity bomb”). "
                                "Không có gì được ghi."
                            )
                        tail = chunk[-16:]
            except UserError:
                raise
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
                raise UserError(damaged_message(path)) from exc
        return names


def _bomb(path: Path, detail: str) -> str:
    return (
        f"{where(path)} bị từ chối: nội dung nén bất thường ({detail}), vượt quá giới hạn an toàn — "
        "có thể là tệp độc hại kiểu “zip bomb”. Không có gì được ghi."
    )
