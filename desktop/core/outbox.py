"""The e-mail outbox: packages queued to go up, the retry schedule when the
office is offline, and the mail settings (the password is not here: it
lives in the system keyring)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlmodel import Session, select

from db.models import OutboxMessage, Setting
from desktop.core.errors import NotFound, UserError
from desktop.core.vntext import clean

SECURITY = ("ssl", "starttls", "none")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Offline: try again after 1, 2, 4 … minutes, at most every 6 hours.
_FIRST_RETRY = timedelta(minutes=1)
_LONGEST_RETRY = timedelta(hours=6)


@dataclass
class MailSettings:
    host: str | None = None
    port: int | None = None
    security: str = "starttls"
    user: str | None = None
    sender: str | None = None  # the From address

    @property
    def complete(self) -> bool:
        return not self.missing()

    def missing(self) -> list[str]:
        """What is still needed to send, in words: "máy chủ SMTP", "cổng",
        "địa chỉ gửi"; empty when the settings can send."""
        needed = (("máy chủ SMTP", self.host), ("cổng", self.port), ("địa chỉ gửi", self.sender))
        return [name for name, value in needed if not value]


_KEYS = {"host": "mail.host", "port": "mail.port", "security": "mail.security", "user": "mail.user", "sender": "mail.from"}


def mail_settings(session: Session) -> MailSettings:
    values = {s.key: s.value for s in session.exec(select(Setting).where(Setting.key.in_(list(_KEYS.values()))))}
    port = values.get(_KEYS["port"])
    return MailSettings(
        host=values.get(_KEYS["host"]), port=int(port) if port else None,
        security=values.get(_KEYS["security"]) or "starttls", user=values.get(_KEYS["user"]),
        sender=values.get(_KEYS["sender"]),
    )


def save_mail_settings(session: Session, settings: MailSettings) -> None:
    if settings.security not in SECURITY:
        raise UserError(f"Kiểu bảo mật “{settings.security}” không hợp lệ; chọn ssl, starttls hoặc none.")
    if settings.port is not None and not 0 < settings.port < 65536:
        raise UserError(f"Cổng {settings.port} không hợp lệ (thường là 465 cho ssl, 587 cho starttls).")
    if settings.sender and not _EMAIL.match(settings.sender):
        raise UserError(f"Địa chỉ gửi “{settings.sender}” không đúng dạng thư điện tử.")
    for field, key in _KEYS.items():
        value = getattr(settings, field)
        row = session.get(Setting, key)
        text = None if value is None else clean(str(value))
        if row is None:
            session.add(Setting(key=key, value=text))
        else:
            row.value = text
    session.flush()


def queue_message(session: Session, *, package_path: str, recipients: list[str], subject: str,
                  outgoing_document_id: int | None = None, domain: str = "theodoi.local",
                  body: str | None = None) -> OutboxMessage:
    addresses = [clean(a) for a in recipients if clean(a)]
    bad = [a for a in addresses if not _EMAIL.match(a)]
    if not addresses or bad:
        raise UserError(f"Địa chỉ nhận “{(bad or [''])[0]}” không đúng dạng thư điện tử (ví dụ: vanphong@ldld.vn).")
    message = OutboxMessage(
        outgoing_document_id=outgoing_document_id, package_path=package_path, recipients=addresses,
        subject=clean(subject)[:500], message_id=f"<{uuid.uuid4().hex}@{domain}>",
        next_attempt_at=datetime.now(timezone.utc), body=body[:4000] if body else None,
    )
    session.add(message)
    session.flush()
    return message


def list_outbox(session: Session) -> list[OutboxMessage]:
    return list(session.exec(select(OutboxMessage).order_by(OutboxMessage.id)))


def due_messages(session: Session, now: datetime) -> list[OutboxMessage]:
    """Queued messages whose next attempt has come."""
    rows = session.exec(select(OutboxMessage).where(OutboxMessage.state == "queued").order_by(OutboxMessage.id))
    return [m for m in rows if m.next_attempt_at is None or _aware(m.next_attempt_at) <= now]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def mark_sending(session: Session, message_id: int) -> OutboxMessage:
    message = session.get(OutboxMessage, message_id)
    if message is None or message.state != "queued":
        raise NotFound("Thư không còn trong hàng đợi.")
    message.state = "sending"
    message.attempts += 1
    session.flush()
    return message


def mark_sent(session: Session, message_id: int, now: datetime) -> None:
    message = session.get(OutboxMessage, message_id)
    message.state, message.sent_at, message.last_error, message.next_attempt_at = "sent", now, None, None
    session.flush()


def mark_retry(session: Session, message_id: int, now: datetime, reason: str) -> datetime:
    """Back to the queue with the next attempt after an exponential wait."""
    message = session.get(OutboxMessage, message_id)
    wait = min(_FIRST_RETRY * 2 ** max(message.attempts - 1, 0), _LONGEST_RETRY)
    message.state, message.last_error, message.next_attempt_at = "queued", reason[:2000], now + wait
    session.flush()
    return message.next_attempt_at


def mark_failed(session: Session, message_id: int, reason: str) -> None:
    message = session.get(OutboxMessage, message_id)
    message.state, message.last_error, message.next_attempt_at = "failed", reason[:2000], None
    session.flush()


def requeue(session: Session, message_id: int) -> OutboxMessage:
    """Put a failed message (or one whose sending was interrupted, after the
    user checked it did not arrive) back in the queue."""
    message = session.get(OutboxMessage, message_id)
    if message is None:
        raise NotFound(f"Không có thư số {message_id} trong hộp thư đi.")
    if message.state == "sent":
        raise UserError(f"Thư số {message_id} đã gửi xong; không gửi lại.")
    message.state, message.next_attempt_at = "queued", datetime.now(timezone.utc)
    session.flush()
    return message


def emailed_reports(session: Session, outgoing_document_ids: list[int]) -> dict[int, datetime]:
    """Outgoing document id -> when its package left by e-mail."""
    if not outgoing_document_ids:
        return {}
    rows = session.exec(select(OutboxMessage).where(OutboxMessage.outgoing_document_id.in_(outgoing_document_ids),
                                                    OutboxMessage.state == "sent"))
    return {m.outgoing_document_id: m.sent_at for m in rows}
