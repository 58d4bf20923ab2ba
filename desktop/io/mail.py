"""Sending queued packages over SMTP (SSL, STARTTLS or plain for a local
relay), the password from the system keyring; and reading packages out of
saved e-mails (.eml). A message is never sent twice: it is marked
"sending" in its own transaction first, and keeps one Message-ID."""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage
from email.headerregistry import Address
from email.parser import BytesParser
from email.policy import default as default_policy
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Callable

from sqlalchemy.engine import Engine

from db.models import OutboxMessage
from db.session import ConflictError, run_transaction, unit_of_work
from desktop.core.errors import NotFound, UserError
from desktop.core.office import get_office
from desktop.core.outbox import MailSettings, due_messages, mark_failed, mark_retry, mark_sending, mark_sent, mail_settings
from desktop.io.keyring_store import load_secret, save_secret
from desktop.io.limits import MAX_PACKAGE_BYTES

KEYRING_SERVICE = "theodoi-smtp"
MAX_EML_BYTES = 2 * MAX_PACKAGE_BYTES
TIMEOUT = 30


@dataclass
class SendResult:
    id: int
    state: str  # sent, queued (will retry), failed
    recipients: list[str]
    error: str | None = None
    next_attempt_at: datetime | None = None


def keyring_account(settings: MailSettings) -> str:
    return f"{settings.user or settings.sender}@{settings.host}"


def save_password(settings: MailSettings, password: str) -> None:
    save_secret(KEYRING_SERVICE, keyring_account(settings), password, "mật khẩu thư")


def load_password(settings: MailSettings) -> str | None:
    return load_secret(KEYRING_SERVICE, keyring_account(settings))


_SUBTYPES = {".zip": "zip", ".pdf": "pdf", ".xlsx": "vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def build_message(message: OutboxMessage, settings: MailSettings, office_name: str | None) -> EmailMessage:
    path = Path(message.package_path)
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp gói “{path}” để gửi; tệp đã bị chuyển hoặc xóa.")
    email = EmailMessage()
    # An Address object, not a formatted string: the header is then encoded
    # word by word and Vietnamese names come through whole.
    email["From"] = Address(display_name=office_name or "", addr_spec=settings.sender)
    email["To"] = ", ".join(message.recipients)
    email["Subject"] = message.subject
    email["Message-ID"] = message.message_id
    email["Date"] = formatdate(localtime=True)
    if message.body:  # a message with its own words: a report form sent down to a unit
        email.set_content(message.body)
    else:
        email.set_content(
            f"Kính gửi: {', '.join(message.recipients)}\n\n"
            f"{office_name or 'Văn phòng'} gửi kèm gói báo cáo có ký số ({path.name}).\n"
            "Gói mở được bằng phần mềm Theo dõi (Nhập gói báo cáo) hoặc kiểm tra chữ ký bằng trình đọc PDF.\n"
        )
    subtype = _SUBTYPES.get(path.suffix.lower(), "octet-stream")
    email.add_attachment(path.read_bytes(), maintype="application", subtype=subtype, filename=path.name)
    return email


def _connect(settings: MailSettings) -> smtplib.SMTP:
    if settings.security == "ssl":
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT, context=ssl.create_default_context())
    smtp = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT)
    if settings.security == "starttls":
        smtp.starttls(context=ssl.create_default_context())
    return smtp


def _classify(exc: Exception) -> tuple[bool, str]:
    """(retry later?, a Vietnamese reason)."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return False, "máy chủ thư từ chối tên đăng nhập hoặc mật khẩu; hãy kiểm tra cài đặt thư"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return False, "máy chủ thư từ chối địa chỉ nhận; hãy kiểm tra địa chỉ"
    if isinstance(exc, smtplib.SMTPResponseException):
        if 400 <= exc.smtp_code < 500:
            return True, f"máy chủ thư tạm thời từ chối ({exc.smtp_code}); sẽ thử lại"
        return False, f"máy chủ thư từ chối thư ({exc.smtp_code})"
    if isinstance(exc, ssl.SSLError):
        return False, "không thiết lập được kết nối bảo mật với máy chủ thư; hãy kiểm tra kiểu bảo mật và cổng"
    if isinstance(exc, (socket.gaierror, ConnectionError, TimeoutError, socket.timeout, OSError, smtplib.SMTPException)):
        return True, "không kết nối được máy chủ thư (mất mạng?); sẽ tự thử lại"
    return False, f"lỗi khi gửi thư ({type(exc).__name__})"


def send_queued(engine: Engine, *, now: Callable[[], datetime] | None = None,
                password: str | None = None) -> list[SendResult]:
    """Send every queued message that is due; returns what happened to each."""
    clock = now or (lambda: datetime.now(timezone.utc))
    with unit_of_work(engine, commit=False) as session:
        settings = mail_settings(session)
        office = get_office(session)
        due = [m.id for m in due_messages(session, clock())]
    if not due:
        return []
    if not settings.complete:
        raise UserError(f"Chưa cài đặt đủ thư điện tử để gửi: còn thiếu {', '.join(settings.missing())}. "
                        "Hãy nhập các mục đó trong phần cài đặt thư.")
    secret = password if password is not None else load_password(settings)
    results = []
    shared = engine.dialect.name != "sqlite"
    for message_id in due:
        try:
            with unit_of_work(engine) as session:
                waiting = session.get(OutboxMessage, message_id)
                if shared and waiting is not None and not Path(waiting.package_path).is_file():
                    # On a shared database the package may be on the PC that
                    # made it: that PC sends it; it is not lost.
                    results.append(SendResult(message_id, "queued", list(waiting.recipients),
                                              "tệp gói nằm trên máy đã tạo gói; máy đó sẽ gửi"))
                    continue
                message = mark_sending(session, message_id)
                recipients = list(message.recipients)
                try:
                    email = build_message(message, settings, office.name if office else None)
                except UserError as exc:
                    mark_failed(session, message_id, exc.message)
                    results.append(SendResult(message_id, "failed", recipients, exc.message))
                    continue
        except (NotFound, ConflictError):  # another PC is sending it right now
            continue
        try:
            with _connect(settings) as smtp:
                if settings.user and secret:
                    smtp.login(settings.user, secret)
                smtp.send_message(email)
        except Exception as exc:  # noqa: BLE001 - every failure is classified below
            retry, reason = _classify(exc)
            if retry:
                at = run_transaction(engine, lambda session: mark_retry(session, message_id, clock(), reason))
                results.append(SendResult(message_id, "queued", recipients, reason, at))
            else:
                run_transaction(engine, lambda session: mark_failed(session, message_id, reason))
                results.append(SendResult(message_id, "failed", recipients, reason))
            continue
        # Sent: only the mark is left, retried on its own, never by sending again.
        run_transaction(engine, lambda session: mark_sent(session, message_id, clock()))
        results.append(SendResult(message_id, "sent", recipients))
    return results


# The offices are in Vietnam: the day an e-mail arrived is Vietnam's day.
_VIETNAM = timezone(timedelta(hours=7))


def _safe_attachment_name(raw: str | None) -> str:
    # An attachment's name is the sender's text: a NUL, a path or control
    # characters must not reach the file system.
    name = Path((raw or "").replace("\\", "/")).name
    return "".join(c for c in name if c.isprintable() and c not in '<>:"/\\|?*')[:120] or "goi.zip"


def packages_in_email(path: Path, folder: Path) -> list[Path]:
    """The .zip attachments of a saved e-mail, written into ``folder``."""
    return _email_packages(path, folder)[0]


def _email_packages(path: Path, folder: Path) -> tuple[list[Path], date | None]:
    """The .zip attachments of a saved e-mail, and the day its Date header
    gives (Vietnam time; None without a readable one)."""
    found, day, _sender = email_attachments(path, folder, (".zip", ".p7m"))  # packages, and sealed ones
    return found, day


def email_attachments(path: Path, folder: Path, suffixes: tuple[str, ...]) -> tuple[list[Path], date | None, str | None]:
    """The attachments of a saved e-mail whose names end in one of
    ``suffixes``, written into ``folder``; the day its Date header gives
    (Vietnam time; None without a readable one); the sender's address."""
    if path.stat().st_size > MAX_EML_BYTES:
        raise UserError(f"Thư “{path.name}” lớn bất thường; không đọc.")
    with path.open("rb") as fh:
        email = BytesParser(policy=default_policy).parse(fh)
    found = []
    for n, part in enumerate(email.iter_attachments()):
        name = _safe_attachment_name(part.get_filename())
        if not name.lower().endswith(suffixes):
            continue
        data = part.get_payload(decode=True) or b""
        if len(data) > MAX_PACKAGE_BYTES:
            continue
        target = folder / f"{path.stem}-{n}-{name}"
        target.write_bytes(data)
        found.append(target)
    try:
        sender = email["From"].addresses[0].addr_spec if email["From"] and email["From"].addresses else None
    except (AttributeError, IndexError, TypeError, ValueError):
        sender = None
    return found, _sent_day(email), sender


def _sent_day(email) -> date | None:
    try:
        when = parsedate_to_datetime(str(email["Date"])) if email["Date"] else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).astimezone(_VIETNAM).date()


def collect_incoming(paths: list[Path], folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Package files from what the user dropped: .zip files, folders of
    them, saved e-mails (.eml) carrying them. Returns the files and, for
    what held none, (name, reason)."""
    files, problems, _dates = collect_incoming_dated(paths, folder)
    return files, problems


def collect_incoming_dated(paths: list[Path], folder: Path) -> tuple[list[Path], list[tuple[str, str]], dict[Path, date]]:
    """As ``collect_incoming``, with the day each file taken out of an
    e-mail was sent (its Date header), for the received date."""
    out: list[Path] = []
    problems: list[tuple[str, str]] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix.lower() in (".zip", ".p7m", ".eml") and p.is_file())
            if not inside:
                problems.append((path.name, "thư mục không có gói báo cáo (.zip) hay thư (.eml) nào"))
            out += inside
        else:
            out.append(path)
    files: list[Path] = []
    dates: dict[Path, date] = {}
    for path in out:
        if path.suffix.lower() != ".eml":
            files.append(path)
            continue
        try:
            found, day = _email_packages(path, folder)
        except (UserError, OSError, ValueError) as exc:
            problems.append((path.name, getattr(exc, "message", "không đọc được thư")))
            continue
        if not found:
            problems.append((path.name, "thư không có gói báo cáo (.zip) đính kèm"))
        files += found
        if day is not None:
            dates.update({f: day for f in found})
    return files, problems, dates
