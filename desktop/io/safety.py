"""Look at a file before any parser does: what it really is (whatever its
name says), whether it is password-protected, truncated, or built to
exhaust memory. Every refusal is a ``UserError`` naming the file; nothing
is read further and nothing is written."""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import UserError
from desktop.io.limits import (
    IN_MEMORY_ZIP,
    MAX_COMPRESSION_RATIO,
    MAX_FILE_BYTES,
    MAX_ZIP_MEMBERS,
    RATIO_CHECKED_ABOVE_BYTES,
    ZipBudget,
)
from desktop.io.ole import MAGIC as OLE_MAGIC
from desktop.io.ole import OleError, OleFile

SPREADSHEET_HINT = "Hãy chọn tệp Excel (.xlsx, .xls), OpenDocument (.ods) hoặc .csv."
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
_DTD_TEXT = re.compile(r"<!(DOCTYPE|ENTITY)", re.I)
_CHUNK = 1 << 20
_XML_PARTS = (".xml", ".rels", ".vml")


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


def check_zip(path: Path, *, required: tuple[str, ...] = (), budget: ZipBudget = IN_MEMORY_ZIP) -> list[str]:
    """Refuse a zip container that is truncated, encrypted, larger once
    decompressed than ``budget`` allows, compressed at an abnormal ratio
    (zip bomb) or whose XML declares a DTD or entities (entity bomb, XXE),
    in whatever encoding the XML is written. The central directory is
    checked first; then every member is streamed with the same limits (a
    directory can lie) and its CRC verified, never holding more than one
    chunk. The default budget is for callers that then read the members
    into their own memory. Returns the member names."""
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
            if info.file_size > budget.member_bytes or total > budget.total_bytes:
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
                    scan = _DtdScan() if info.filename.endswith(_XML_PARTS) else None
                    while True:
                        chunk = member.read(_CHUNK)
                        if not chunk:
                            if scan is not None and scan.finish():
                                raise UserError(_dtd_message(path, info.filename))
                            break
                        produced += len(chunk)
                        if produced > budget.total_bytes:
                            raise UserError(_bomb(path, f"giải nén ra hơn {budget.total_bytes // 2**20} MB"))
                        if scan is not None and scan.found(chunk):
                            raise UserError(_dtd_message(path, info.filename))
            except UserError:
                raise
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
                raise UserError(damaged_message(path)) from exc
        return names


# The first bytes of an XML document name its encoding (XML 1.0, appendix F)
# before any declaration can be read; parsers also take a NUL among the first
# bytes for UTF-16 or UTF-32.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_EBCDIC_START = b"Lo\xa7\x94"  # "<?xm"
_DECLARED = re.compile(r"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")


def xml_encoding(head: bytes) -> str:
    """The Python codec an XML parser reads a document starting with
    ``head`` (its first few hundred bytes) in: the byte-order mark, else the
    pattern of NULs, else the encoding its declaration names; "utf-8" when
    nothing says otherwise."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    b = head[:4].ljust(4, b"\x01")
    if b[0] == 0 and b[1] == 0 and b[2] == 0:
        return "utf-32-be"
    if b[0] != 0 and b[1] == 0 and b[2] == 0 and b[3] == 0:
        return "utf-32-le"
    if b[0] == 0:
        return "utf-16-be"
    if b[1] == 0:
        return "utf-16-le"
    family = "cp500" if head.startswith(_EBCDIC_START) else "utf-8"
    declared = _DECLARED.match(head[:512].decode(family, errors="replace"))
    if not declared:
        return family
    try:
        named = codecs.lookup(declared.group(1)).name
    except LookupError:
        return family  # the parser refuses an encoding it does not know
    # "UTF-16" declared over single bytes is a contradiction parsers refuse.
    return family if named.startswith(("utf-16", "utf-32")) else named


class _DtdScan:
    """Looks for "<!DOCTYPE" / "<!ENTITY" across the chunks of one XML part,
    decoded as its parser would decode it."""

    _HEAD = 512

    def __init__(self):
        self.decoder = None
        self.pending = b""
        self.tail = ""
        self.tail_bytes = b""

    def found(self, chunk: bytes) -> bool:
        if self.decoder is None:
            self.pending += chunk
            if len(self.pending) < self._HEAD:
                return False
            return self._start()
        return self._search(chunk)

    def finish(self) -> bool:
        """Whatever was held back waiting for the head of a short part."""
        return self._start() if self.decoder is None and self.pending else False

    def _start(self) -> bool:
        codec = xml_encoding(self.pending)
        # UTF-8 (and ASCII) is searched as bytes: the common, fast case.
        self.decoder = False if codec == "utf-8" else codecs.getincrementaldecoder(codec)(errors="replace")
        chunk, self.pending = self.pending, b""
        return self._search(chunk)

    def _search(self, chunk: bytes) -> bool:
        if self.decoder is False:
            window = self.tail_bytes + chunk
            self.tail_bytes = window[-16:]
            return _DTD.search(window) is not None
        window = self.tail + self.decoder.decode(chunk)
        self.tail = window[-16:]
        return _DTD_TEXT.search(window) is not None


def _dtd_message(path: Path, part: str) -> str:
    return (
        f"{where(path)} bị từ chối: phần “{part}” có khai báo DTD/thực thể XML, điều mà tệp Office bình thường "
        "không bao giờ có (có thể là tệp độc hại kiểu “entity bomb”). Không có gì được ghi."
    )


def _bomb(path: Path, detail: str) -> str:
    return (
        f"{where(path)} bị từ chối: nội dung nén bất thường ({detail}), vượt quá giới hạn an toàn — "
        "có thể là tệp độc hại kiểu “zip bomb”. Không có gì được ghi."
    )
