"""Packages go up by e-mail through a real SMTP server started by the test
(aiosmtpd on 127.0.0.1): queued, sent once, retried with back-off while
the server is down, never sent twice; saved e-mails come back in as
packages."""

from __future__ import annotations

import socket
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from email.header import decode_header, make_header
from email.policy import default as default_policy

import pytest

from desktop.io.mail import collect_incoming, send_queued
from tests.conftest import db_snapshot

pytest.importorskip("aiosmtpd")


class _Collect:
    def __init__(self):
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(envelope.content)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    from aiosmtpd.controller import Controller

    handler = _Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, handler
    controller.stop()


@pytest.fixture(autouse=True)
def _no_real_keyring(memory_keyring):
    return memory_keyring


@pytest.fixture
def queued(cli, db_url, tmp_path):
    assert cli("init", "--office", "Liên đoàn Lao động huyện Tam Đường").code == 0
    package = tmp_path / "goi-bao-cao-01-bc-ldld.zip"
    package.write_bytes(b"PK\x05\x06" + bytes(18))
    result = cli("mail", "queue", "--package", package, "--to", "vanphong@ldld-laichau.vn", "--json")
    assert result.code == 0, result.err
    return package


def _settings(cli, port: int, tmp_path, memory_keyring):
    (tmp_path / "mk.txt").write_text("mat-khau-thu\n", encoding="utf-8")
    result = cli("mail", "settings", "--host", "127.0.0.1", "--port", str(port), "--security", "none",
                 "--from", "ldld.tamduong@example.vn", "--password-file", tmp_path / "mk.txt", "--json")
    assert result.code == 0, result.err
    assert result.json["password_saved"] and "mat-khau-thu" in memory_keyring.values()


def test_a_queued_package_is_sent_once_with_its_attachment(cli, db_url, queued, smtp, tmp_path, memory_keyring):
    controller, handler = smtp
    _settings(cli, controller.port, tmp_path, memory_keyring)
    sent = cli("mail", "send", "--json")
    assert sent.code == 0 and [r["state"] for r in sent.json] == ["sent"]
    (raw,) = handler.messages
    email = message_from_bytes(raw, policy=default_policy)
    assert email["To"] == "vanphong@ldld-laichau.vn"
    # Decoded as RFC 2047 says (adjacent encoded words join without the fold);
    # the email package's own header parser leaves a space at the fold.
    raw_from = message_from_bytes(raw)["From"]
    assert str(make_header(decode_header(raw_from))) == "Liên đoàn Lao động huyện Tam Đường <ldld.tamduong@example.vn>"
    (attachment,) = list(email.iter_attachments())
    assert attachment.get_filename() == queued.name and attachment.get_payload(decode=True) == queued.read_bytes()
    again = cli("mail", "send", "--json")
    assert again.json == [] and len(handler.messages) == 1  # never twice
    (row,) = cli("mail", "list", "--json").json
    assert row["state"] == "sent" and row["sent_at"] and row["attempts"] == 1
    assert "mat-khau-thu" not in "\n".join(db_snapshot(db_url))


def test_while_the_server_is_down_the_message_waits_and_goes_once_it_is_back(cli, db_url, queued, tmp_path,
                                                                           memory_keyring):
    from aiosmtpd.controller import Controller

    from db.migrate import open_database

    port = _free_port()
    _settings(cli, port, tmp_path, memory_keyring)
    down = cli("mail", "send", "--json")
    assert down.code == 0
    (r,) = down.json
    assert r["state"] == "queued" and "sẽ tự thử lại" in r["error"]
    engine = open_database(db_url)
    start = datetime.now(timezone.utc)
    assert send_queued(engine, now=lambda: start + timedelta(seconds=30)) == []  # not due yet: back-off
    second = send_queued(engine, now=lambda: start + timedelta(minutes=2))
    assert [x.state for x in second] == ["queued"]
    assert second[0].next_attempt_at - (start + timedelta(minutes=2)) == timedelta(minutes=2)  # doubled

    handler = _Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        third = send_queued(engine, now=lambda: start + timedelta(minutes=10))
        assert [x.state for x in third] == ["sent"] and len(handler.messages) == 1
        assert send_queued(engine, now=lambda: start + timedelta(hours=10)) == []
    finally:
        controller.stop()
        engine.dispose()
    assert len(handler.messages) == 1


def test_a_bad_address_is_refused_when_queued(cli, tmp_path):
    assert cli("init", "--office", "X").code == 0
    package = tmp_path / "goi.zip"
    package.write_bytes(b"PK")
    result = cli("mail", "queue", "--package", package, "--to", "khong-phai-dia-chi")
    assert result.code == 2 and "không đúng dạng thư điện tử" in result.err


def test_packages_are_taken_out_of_saved_emails_and_folders(tmp_path):
    from email.message import EmailMessage

    email = EmailMessage()
    email["Subject"] = "Báo cáo"
    email.set_content("Gửi kèm gói báo cáo.")
    email.add_attachment(b"PK-goi-1", maintype="application", subtype="zip", filename="goi-1.zip")
    email.add_attachment(b"anh", maintype="image", subtype="png", filename="anh.png")
    (tmp_path / "thu.eml").write_bytes(bytes(email))
    empty = EmailMessage()
    empty.set_content("không có gì")
    (tmp_path / "rong.eml").write_bytes(bytes(empty))
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "goi-2.zip").write_bytes(b"PK-goi-2")
    (tmp_path / "out").mkdir()
    files, problems = collect_incoming([tmp_path / "thu.eml", tmp_path / "rong.eml", folder], tmp_path / "out")
    assert sorted(p.read_bytes() for p in files) == [b"PK-goi-1", b"PK-goi-2"]
    assert problems == [("rong.eml", "thư không có gói báo cáo (.zip) đính kèm")]
