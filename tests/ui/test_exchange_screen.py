"""The Trao đổi screen: sign a report onto a "USB stick" (a folder), told it
is safe to remove only after the read-back check; the office above takes
it in after comparing the fingerprint."""

from __future__ import annotations

import shutil

import pytest

from PySide6.QtWidgets import QMessageBox

from db.engine import resolve_url
from db.migrate import open_database
from desktop.ui.context import AppContext
from desktop.ui.screens.exchange import ExchangeScreen, removable_drives
from tests.exchange.conftest import LOWER, PASS, UPPER, _lower
from tests.conftest import write_xlsx
from tests.conftest import LIB as TOKEN_LIB


def _ctx(db):
    url = resolve_url(db)
    return AppContext(open_database(url), url)


def _province(run, tmp_path):
    """The office above: its member offices and the directive they report on."""
    upper_db = tmp_path / "tinh.sqlite3"
    run(upper_db, "init", "--office", UPPER)
    run(upper_db, "units", "import", write_xlsx(tmp_path / "dv.xlsx", [["Tên đơn vị"], *([n] for n in LOWER)]))
    run(upper_db, "directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", UPPER, "--date", "16/02/2022",
        "--subject", "Tuyên truyền")
    run(upper_db, "requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo", "--due", "30/04/2022")
    return upper_db


def test_a_report_goes_onto_the_stick_and_the_province_takes_it_in(qtbot, cli, tmp_path, monkeypatch, messages):
    def run(db, *args):
        result = cli(*args, db=db)
        assert result.code == 0, result.err
        return result

    lower = _lower(run, tmp_path, LOWER[0], [2, 3])
    screen = ExchangeScreen(_ctx(lower.db))
    qtbot.addWidget(screen)
    screen.refresh()
    assert screen.report.currentText().startswith("01/BC-LĐLĐ")
    usb = tmp_path / "usb"
    usb.mkdir()
    screen.drive.addItem(str(usb), str(usb))
    screen.drive.setCurrentIndex(screen.drive.count() - 1)
    screen.key_file.setText(str(lower.key))
    screen.passphrase.setText(PASS)
    screen.export()
    assert "an toàn để rút USB" in screen.export_state.text(), (screen.export_state.text(), messages)
    assert screen.passphrase.text() == ""
    (package,) = usb.glob("*.zip")

    upper_db = _province(run, tmp_path)
    above = ExchangeScreen(_ctx(upper_db))
    qtbot.addWidget(above)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes))
    above.take_in([package.parent])  # the whole stick, as dropped
    (result,) = above.last_results
    assert "so từng nhóm ký tự" in asked[0] and LOWER[0] in asked[0]
    assert result.status == "accepted" and above.results.item(0, 1).text() == "Đã nhận"
    # Received today, years after its deadline: late, whatever date the report bears.
    (row,) = cli("status", "--json", db=upper_db).json["directives"][0]["requirements"]
    assert (row["on_time"], row["late"]) == (0, 1)


def test_the_system_disk_is_never_offered_as_a_stick():
    from PySide6.QtCore import QStorageInfo

    assert QStorageInfo.root().rootPath() not in [root for _label, root in removable_drives()]


@pytest.mark.skipif(TOKEN_LIB is None or not shutil.which("softhsm2-util"), reason="softhsm2 is not installed")
@pytest.mark.usefixtures("token")
def test_a_report_is_signed_with_the_certificate_picked_on_the_usb_token(qtbot, cli, tmp_path, messages):
    from tests.conftest import LIB, PIN

    def run(db, *args):
        result = cli(*args, db=db)
        assert result.code == 0, result.err
        return result

    lower = _lower(run, tmp_path, LOWER[0], [2])
    screen = ExchangeScreen(_ctx(lower.db))
    qtbot.addWidget(screen)
    screen.refresh()
    screen.key_kind.setCurrentIndex(screen.key_kind.findData("token"))
    assert screen.token_box.isEnabled() and not screen.key_file.isEnabled()
    screen.module.setEditText(str(LIB))
    screen.read_token()
    index = next(i for i in range(screen.token_cert.count()) if "Công đoàn xã Bình Lư" in screen.token_cert.itemText(i))
    screen.token_cert.setCurrentIndex(index)
    screen.drive.addItem(str(tmp_path), str(tmp_path))
    screen.drive.setCurrentIndex(screen.drive.count() - 1)
    screen.passphrase.setText(PIN)
    screen.export()
    assert "an toàn để rút USB" in screen.export_state.text(), messages


def test_a_package_dropped_in_a_saved_email_counts_as_received_on_the_emails_day(qtbot, cli, tmp_path, monkeypatch):
    import datetime as dt
    from email.message import EmailMessage

    def run(db, *args):
        result = cli(*args, db=db)
        assert result.code == 0, result.err
        return result

    lower = _lower(run, tmp_path, LOWER[0], [2, 3])
    package = run(lower.db, "package", "export", "--report", 1, "--key", lower.key, "--passphrase-file",
                  lower.passfile, "--out", tmp_path / "goi", "--json").json["package"]
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "huyen@example.vn", "tinh@example.vn", "Báo cáo"
    msg["Date"] = "Fri, 29 Apr 2022 10:00:00 +0700"
    msg.set_content("Gửi báo cáo.")
    with open(package, "rb") as fh:
        msg.add_attachment(fh.read(), maintype="application", subtype="zip", filename="goi.zip")
    eml = tmp_path / "thu.eml"
    eml.write_bytes(msg.as_bytes())

    upper_db = _province(run, tmp_path)
    above = ExchangeScreen(_ctx(upper_db))
    qtbot.addWidget(above)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    above.take_in([eml])
    (result,) = above.last_results
    assert result.status == "accepted" and result.received_on == dt.date(2022, 4, 29)
    status = cli("status", "--as-of", "30/04/2022", "--json", db=upper_db).json
    assert status["directives"][0]["requirements"][0]["on_time"] == 1


def test_the_office_above_checks_a_package_then_takes_it_in_and_sends_the_signed_receipt_back(
        qtbot, cli, tmp_path, monkeypatch, messages):
    """The whole round trip in the window: check a package without taking
    it in, take it in with a receipt signed by the office above's key, and
    the lower office takes the receipt in: its register shows the report
    received."""
    def run(db, *args):
        result = cli(*args, db=db)
        assert result.code == 0, result.err
        return result

    lower = _lower(run, tmp_path, LOWER[0], [2, 3])
    package = run(lower.db, "package", "export", "--report", "1", "--key", lower.key, "--passphrase-file",
                  lower.passfile, "--out", tmp_path / "usb", "--json").json["package"]
    upper_db = _province(run, tmp_path)
    upper_key = tmp_path / "tinh.p12"
    run(upper_db, "keys", "create", "--org", UPPER, "--out", upper_key, "--passphrase-file", lower.passfile)

    above = ExchangeScreen(_ctx(upper_db))
    qtbot.addWidget(above)
    above.verify([package])
    (checked,) = above.last_results
    assert checked["status"] == "valid" and above.results.item(0, 1).text() == "Hợp lệ (chưa nhận)"
    (row,) = cli("status", "--json", db=upper_db).json["directives"][0]["requirements"]
    assert row["submitted"] == 0  # checked, nothing taken in

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    above.key_file.setText(str(upper_key))
    above.passphrase.setText(PASS)
    above.send_receipts.setChecked(True)
    above.receipts_dir.setText(str(tmp_path / "bien-nhan"))
    above.take_in([package])
    (taken,) = above.last_results
    assert taken.status == "accepted" and taken.receipt and "Biên nhận" in above.results.item(0, 3).text()
    (receipt,) = (tmp_path / "bien-nhan").glob("*.zip")

    below = ExchangeScreen(_ctx(lower.db))
    qtbot.addWidget(below)
    below.take_in([receipt])
    (back,) = below.last_results
    assert back.status == "accepted", back.reason
    (doc,) = cli("register", "list", "--json", db=lower.db).json
    assert doc["received_by"] == UPPER and doc["received_on"] is not None


def test_a_report_sealed_for_the_office_above_is_opened_there_with_the_passphrase_asked(
        qtbot, cli, tmp_path, monkeypatch, messages):
    """Once the office above's key is known from its receipt, the window
    offers to seal for it; the office above is asked for its key's
    passphrase and the table marks the package sealed."""
    from PySide6.QtWidgets import QInputDialog

    def run(db, *args):
        result = cli(*args, db=db)
        assert result.code == 0, result.err
        return result

    lower = _lower(run, tmp_path, LOWER[0], [2, 3])
    upper_db = _province(run, tmp_path)
    upper_key = tmp_path / "tinh.p12"
    run(upper_db, "keys", "create", "--org", UPPER, "--out", upper_key, "--passphrase-file", lower.passfile)
    plain = run(lower.db, "package", "export", "--report", "1", "--key", lower.key, "--passphrase-file",
                lower.passfile, "--out", tmp_path / "lan-1", "--json").json["package"]
    taken = run(upper_db, "package", "import", plain, "--trust-new", "--receipts", tmp_path / "bien-nhan", "--key",
                upper_key, "--passphrase-file", lower.passfile, "--json").json[0]
    run(lower.db, "package", "import", taken["receipt"], "--trust-new")

    screen = ExchangeScreen(_ctx(lower.db))
    qtbot.addWidget(screen)
    screen.refresh()
    upper_item = screen.seal_for.findData("upper")
    assert upper_item > 0 and UPPER in screen.seal_for.itemText(upper_item)
    assert screen.seal_for.currentData() is None  # not sealed unless asked
    screen.seal_for.setCurrentIndex(upper_item)
    usb = tmp_path / "usb"
    usb.mkdir()
    screen.drive.addItem(str(usb), str(usb))
    screen.drive.setCurrentIndex(screen.drive.count() - 1)
    screen.key_file.setText(str(lower.key))
    screen.passphrase.setText(PASS)
    screen.export()
    assert "niêm phong" in screen.export_state.text() and UPPER in screen.export_state.text(), messages
    (sealed,) = usb.iterdir()
    assert sealed.suffix == ".p7m"

    above = ExchangeScreen(_ctx(upper_db))
    qtbot.addWidget(above)
    asked = []
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: asked.append(a[2]) or (PASS, True)))
    above.key_file.setText(str(upper_key))
    above.verify([sealed])
    (checked,) = above.last_results
    assert checked["status"] == "valid" and checked["sealed"] and sealed.name in asked[0]
    above.take_in([usb])
    (result,) = above.last_results
    assert len(asked) == 2 and result.sealed and result.status == "superseded", result
    assert above.results.item(0, 0).text() == f"{sealed.name} (niêm phong)"
