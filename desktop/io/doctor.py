"""Self-check of an installation (theodoi doctor, Trợ giúp → Kiểm tra máy):
each line OK, OK with a note (``warning``: worth knowing, not a failure),
or what to do. Nothing here changes the user's data; the
test signature uses a throw-away key in a temporary folder."""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from db import pg_backup
from db.backup import backup_kind, backups_dir_for, list_backups
from db.engine import data_dir, display_url, sqlite_path
from db.migrate import head_revision
from desktop import __version__


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    advice: str | None = None
    warning: bool = False  # ok, with advice worth reading

    def as_json(self) -> dict:
        return asdict(self)


def _data_folder() -> Check:
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".kiem-tra-"):
            pass
    except OSError:
        return Check("Thư mục dữ liệu", False, str(folder),
                     "Thư mục không ghi được; hãy kiểm tra quyền của thư mục hoặc ổ đĩa còn trống.")
    return Check("Thư mục dữ liệu", True, f"{folder} (ghi được)")


def _database(url: str) -> Check:
    path = sqlite_path(url)
    if path is None:
        return _server_database(url)
    if not path.exists():
        return Check("Cơ sở dữ liệu", True, f"{path} (chưa tạo; sẽ tạo khi mở lần đầu)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return Check("Cơ sở dữ liệu", False, str(path),
                     "Không đọc được cơ sở dữ liệu; mở phần mềm để được đề nghị khôi phục bản sao lưu tốt gần nhất.")
    if not ok:
        return Check("Cơ sở dữ liệu", False, f"{path}: hỏng", "Mở phần mềm và khôi phục bản sao lưu tốt gần nhất.")
    head = head_revision()
    note = "" if version == head else f" (sẽ nâng cấp lên {head} khi mở, sau khi sao lưu)"
    return Check("Cơ sở dữ liệu", True, f"{path}, phiên bản lược đồ {version}{note}")


def _server_database(url: str) -> Check:
    from db.migrate import DatabaseOpenError, check_connection

    where = display_url(url)
    try:
        found = check_connection(url)
    except DatabaseOpenError as exc:
        return Check("Cơ sở dữ liệu", False, where, exc.message)
    if found.revision is None:
        return Check("Cơ sở dữ liệu", True, f"{where} ({found.server}, còn trống; sẽ tạo bảng khi mở lần đầu)")
    head = head_revision()
    note = "" if found.revision == head else f" (sẽ nâng cấp lên {head} khi mở)"
    return Check("Cơ sở dữ liệu", True, f"{where} ({found.server}), phiên bản lược đồ {found.revision}{note}")


def _latest_backup(url: str) -> Check:
    if sqlite_path(url) is None and pg_backup.find_tool("pg_dump") is None:
        return Check("Bản sao lưu", False, "máy này không có pg_dump để sao lưu cơ sở dữ liệu trên máy chủ",
                     "Cài công cụ dòng lệnh của PostgreSQL (pg_dump, pg_restore) cùng phiên bản hoặc mới hơn máy chủ, "
                     "hoặc bảo đảm người quản trị máy chủ sao lưu hằng ngày.")
    backups = list_backups(backups_dir_for(url), kind=backup_kind(url))
    if not backups:
        return Check("Bản sao lưu", False, "chưa có bản sao lưu nào",
                     "Mở phần mềm (tự sao lưu mỗi ngày) hoặc sao lưu ngay (Cài đặt → Sao lưu).")
    newest = max(backups, key=lambda b: b.created)
    age = (datetime.now(newest.created.tzinfo) - newest.created).days if newest.created else None
    ok = age is not None and age <= 7
    return Check("Bản sao lưu", ok, f"gần nhất {newest.created:%d/%m/%Y %H:%M} ({newest.path.name})",
                 None if ok else "Bản sao lưu đã cũ hơn 7 ngày; hãy sao lưu ngay (Cài đặt → Sao lưu).")


def _fonts() -> Check:
    from desktop.io.documents.fonts import registered_typeface

    try:
        typeface = registered_typeface()
    except Exception as exc:  # noqa: BLE001 - a missing or broken font file
        return Check("Phông chữ văn bản", False, getattr(exc, "message", str(exc)), "Hãy cài lại Theo dõi.")
    folders = sorted({str(path.parent) for _style, path in typeface.files})
    return Check("Phông chữ văn bản", True, f"{typeface.name} ({', '.join(folders)})")


def _printers(find: Callable[[], list[str]] | None) -> Check:
    if find is None:
        return Check("Máy in", True, "không kiểm tra (chạy trong cửa sổ để xem máy in)")
    try:
        names = find()
    except Exception:  # noqa: BLE001 - no print system at all
        names = []
    if not names:
        # Not a failure: offices print to PDF and print on another PC.
        return Check("Máy in", True, "chưa cài máy in nào",
                     "Văn bản vẫn ra tệp PDF để in ở máy khác; cài máy in trong hệ điều hành nếu muốn in từ máy này.",
                     warning=True)
    return Check("Máy in", True, ", ".join(names))


def _tokens() -> Check:
    from desktop.io.signing import find_pkcs11_modules

    modules = find_pkcs11_modules()
    if not modules:
        return Check("USB token (PKCS#11)", True, "không thấy thư viện token nào (ký bằng tệp .p12 vẫn được)",
                     None)
    return Check("USB token (PKCS#11)", True, ", ".join(str(m) for m in modules))


def _test_signature() -> Check:
    from desktop.io.signing import Pkcs12Key, create_office_key, open_signer, sign_detached, sign_pdf, verify_detached, verify_pdf

    try:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            create_office_key("Kiểm tra Theo dõi", tmp / "thu.p12", b"khoa-thu-tam-thoi")
            pdf = _tiny_pdf(tmp / "thu.pdf")
            with open_signer(Pkcs12Key(tmp / "thu.p12", b"khoa-thu-tam-thoi")) as signer:
                sign_pdf(pdf, tmp / "da-ky.pdf", signer)
                p7s = sign_detached(b"Theo doi", signer)
            ok = verify_pdf(tmp / "da-ky.pdf").ok and verify_detached(b"Theo doi", p7s).ok
    except Exception as exc:  # noqa: BLE001 - any failure of the signing stack is the finding
        return Check("Ký số thử", False, f"{type(exc).__name__}: {exc}", "Hãy cài lại Theo dõi.")
    return Check("Ký số thử", ok, "ký và kiểm tra PDF, chữ ký CMS bằng khóa dùng một lần" if ok else "chữ ký thử không hợp lệ",
                 None if ok else "Hãy cài lại Theo dõi.")


def _tiny_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    from desktop.io.documents.fonts import FAMILY, register_fonts

    register_fonts()
    c = canvas.Canvas(str(path))
    c.setFont(FAMILY, 12)
    c.drawString(72, 720, "Kiểm tra ký số Theo dõi")
    c.save()
    return path


def run_checks(url: str, *, printers: Callable[[], list[str]] | None = None) -> list[Check]:
    """Every check, in the order shown to the user."""
    return [
        Check("Phiên bản", True, f"Theo dõi {__version__}"),
        _data_folder(),
        _database(url),
        _latest_backup(url),
        _fonts(),
        _printers(printers),
        _tokens(),
        _test_signature(),
    ]
