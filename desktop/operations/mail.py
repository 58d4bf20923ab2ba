"""The e-mail outbox of packages going up: its settings, queueing a
package, sending what waits, listing, retrying."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.models import OutboxMessage, OutgoingDocument
from desktop.core.errors import UserError
from desktop.core.outbox import MailSettings, list_outbox, mail_settings, queue_message, requeue, save_mail_settings
from desktop.operations.registry import Changes, Store, operation


@dataclass
class SavedSettings:
    settings: MailSettings
    password_saved: bool


@operation("mail.settings", "Cài đặt thư điện tử", changes=Changes.OFFICE)
def settings(store: Store, *, host: str | None = None, port: int | None = None, security: str | None = None,
             user: str | None = None, sender: str | None = None, password: str | None = None,
             require_complete: bool = False) -> SavedSettings:
    """Change the outgoing mail server settings (a None leaves a value as
    it is) and keep the password, when given, in the system keyring.
    ``require_complete`` refuses settings that could not send a message."""

    def work(session):
        current = mail_settings(session)
        for field, value in (("host", host), ("port", port), ("security", security), ("user", user), ("sender", sender)):
            if value is not None:
                setattr(current, field, value)
        if require_complete:
            missing = [label for label, value in (("máy chủ SMTP", current.host), ("địa chỉ gửi", current.sender))
                       if not value]
            if missing:
                raise UserError("Chưa lưu: hãy điền " + " và ".join(missing) + " để gửi được thư.")
        save_mail_settings(session, current)
        return current

    current = store.change(work)
    if password:
        from desktop.io.mail import save_password  # the keyring loads only when a password is saved

        save_password(current, password)
    return SavedSettings(current, bool(password))


def current_settings(store: Store) -> MailSettings:
    return store.read(mail_settings)


@operation("mail.queue", "Đưa gói báo cáo vào hộp thư đi", changes=Changes.ALL)
def queue(store: Store, package: str | Path, *, to: list[str], report: int | None = None,
          subject: str | None = None) -> OutboxMessage:
    """Queue ``package`` for ``to``; the subject names the report when
    ``report`` (its id in the register) is given."""
    path = Path(package).resolve()
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp gói “{package}”.")

    def work(session):
        doc = session.get(OutgoingDocument, report) if report else None
        if report and doc is None:
            raise UserError(f"Không có báo cáo mã {report} trong sổ văn bản đi.")
        title = subject or (f"Báo cáo số {doc.number}: {doc.title}" if doc else f"Gói báo cáo {path.name}")
        return queue_message(session, package_path=str(path), recipients=to, subject=title,
                             outgoing_document_id=report)

    return store.change(work)


@operation("mail.send", "Gửi thư đang chờ", changes=Changes.ALL)
def send(store: Store) -> list:
    """Send every message that is due (each in its own steps, never twice);
    returns each one's fate."""
    from desktop.io.mail import send_queued

    return send_queued(store.engine)


@operation("mail.list", "Hộp thư đi")
def outbox(store: Store) -> list[OutboxMessage]:
    return store.read(list_outbox)


@operation("mail.retry", "Gửi lại thư lỗi", changes=Changes.ALL)
def retry(store: Store, message_id: int) -> OutboxMessage:
    """Put a failed message back in the queue."""
    return store.change(lambda session: requeue(session, message_id))
