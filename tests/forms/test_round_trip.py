"""The clerk's round trip: forms out for 83 units, 80 back (in a folder, in
saved e-mails, in a .zip, one filled with LibreOffice), every figure
recorded once; the same forms again change nothing."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime

import openpyxl
import pytest
from sqlmodel import select

from db.models import Attachment, OutboxMessage, ReceivedForm, Submission
from db.session import unit_of_work
from desktop.io.forms import layout as L
from desktop.operations import forms
from tests.conftest import TODAY, db_snapshot
from tests.forms.conftest import UNITS, fill, unit_code
from tests.forms.libreoffice import fill_with_libreoffice, inspect, soffice


def _email(path, attachment, sent: dt.datetime, sender: str = "chutich@truong.edu.vn"):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "ldld@tamduong.vn", "Gửi lại phiếu báo cáo"
    msg["Date"] = format_datetime(sent)
    msg.set_content("Kính gửi văn phòng, đơn vị gửi lại phiếu đã điền.")
    msg.add_attachment(attachment.read_bytes(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename=attachment.name)
    path.write_bytes(bytes(msg))
    return path


def _figures(n: int) -> list[int]:
    return [n % 7, 20 + n]


def test_forms_for_83_units_go_out_and_80_come_back_each_figure_recorded_once(office, tmp_path, engine, db_url):
    store, rid = office
    made = forms.make(store, requirement=rid, out_dir=tmp_path / "out", pdf=True, email=True)
    assert len(made.files) == UNITS and made.zip.is_file()
    with zipfile.ZipFile(made.zip) as zf:
        assert len([n for n in zf.namelist() if n.endswith(".xlsx")]) == UNITS
    # One e-mail per unit with an address (the odd-numbered ones), through the outbox.
    with unit_of_work(engine) as s:
        queued = list(s.exec(select(OutboxMessage)))
    assert len(queued) == made.queued == (UNITS + 1) // 2
    assert all(m.body and "Phiếu báo cáo" in m.subject and m.package_path.endswith(".xlsx") for m in queued)
    assert all("30/11/2026" in f.zalo and f.xlsx.name in f.zalo for f in made.files)

    folder, mails, zipped = (tmp_path / name for name in ("folder", "mails", "zipped"))
    for d in (folder, mails, zipped):
        d.mkdir()
    by_code = {f.unit_code: f for f in made.files}
    # Units 1-30 by Zalo (saved into a folder, some renamed), 31-55 by e-mail,
    # 56-79 in a .zip, unit 80 with LibreOffice; 81-83 are chased.
    for n in range(1, 31):
        target = folder / (f"phieu {n} (1).xlsx" if n % 5 == 0 else by_code[unit_code(n)].xlsx.name)
        fill(by_code[unit_code(n)].xlsx, _figures(n), out=target)
    sent = dt.datetime(2026, 11, 20, 21, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    for n in range(31, 56):
        filled = fill(by_code[unit_code(n)].xlsx, _figures(n), out=tmp_path / f"e{n}.xlsx")
        _email(mails / f"thu-{n}.eml", filled, sent)
    with zipfile.ZipFile(zipped / "phieu-tu-cum-truong.zip", "w") as zf:
        for n in range(56, 80):
            zf.write(fill(by_code[unit_code(n)].xlsx, _figures(n), out=tmp_path / f"z{n}.xlsx"), f"cum/z{n}.xlsx")
    if soffice():
        fill_with_libreoffice(by_code[unit_code(80)].xlsx, folder / "phieu-lo.xlsx", _figures(80), tmp_path)
    else:
        fill(by_code[unit_code(80)].xlsx, _figures(80), out=folder / "phieu-lo.xlsx")

    paths = [folder, *sorted(mails.iterdir()), zipped / "phieu-tu-cum-truong.zip"]
    before = db_snapshot(db_url)
    preview = forms.import_forms(store, paths, dry_run=True)
    assert db_snapshot(db_url) == before
    assert [r.status for r in preview.results].count("recorded") == 80, [r for r in preview.results if r.status != "recorded"]

    done = forms.import_forms(store, paths)
    assert {r.status for r in done.results} == {"recorded"} and len(done.results) == 80
    with unit_of_work(engine) as s:
        rows = list(s.exec(select(Submission)))
        codes = {sub.id: s.exec(select(ReceivedForm).where(ReceivedForm.submission_id == sub.id)).one() for sub in rows}
        from db.models import Organization

        for sub in rows:
            unit = s.get(Organization, sub.organization_id)
            n = int(unit.code[2:])
            assert sub.indicator_values == {"sessions": _figures(n)[0], "participants": _figures(n)[1]}
            # The e-mail's Date header, in Vietnam's day; the rest today.
            assert sub.received_on == (dt.date(2026, 11, 20) if 31 <= n <= 55 else TODAY)
        assert len(rows) == 80 and len(codes) == 80
        assert len(list(s.exec(select(Attachment)))) == 80

    recorded = db_snapshot(db_url)
    again = forms.import_forms(store, paths)
    assert {r.status for r in again.results} == {"duplicate"}
    assert db_snapshot(db_url) == recorded


def test_a_form_sent_from_another_units_address_is_recorded_with_a_word_about_it(office, tmp_path):
    store, rid = office
    made = forms.make(store, requirement=rid, out_dir=tmp_path)
    filled = fill(made.files[1].xlsx, [1, 9], out=tmp_path / "f.xlsx")
    mail = _email(tmp_path / "thu.eml", filled, dt.datetime(2026, 11, 21, 8, 0, tzinfo=dt.timezone.utc),
                  sender="cdcs1@truong.edu.vn")
    (r,) = forms.import_forms(store, [mail]).results
    assert r.status == "recorded" and r.unit != "Công đoàn Trường Tiểu học số 1"
    assert "thư gửi từ địa chỉ của “Công đoàn Trường Tiểu học số 1”" in r.reason
    assert r.received_on == dt.date(2026, 11, 21) and r.file == "thu.eml › f.xlsx"


def test_a_received_date_after_today_is_refused_and_one_the_clerk_gives_is_used(office, tmp_path, engine):
    store, rid = office
    made = forms.make(store, requirement=rid, out_dir=tmp_path)
    filled = fill(made.files[0].xlsx, [1, 2], out=tmp_path / "back.xlsx")
    with pytest.raises(Exception, match="ở sau hôm nay"):
        forms.import_forms(store, [filled], received=TODAY + dt.timedelta(days=1))
    (r,) = forms.import_forms(store, [filled], received=dt.date(2026, 11, 22)).results
    assert (r.status, r.received_on) == ("recorded", dt.date(2026, 11, 22))


def test_a_form_saved_by_libreoffice_keeps_its_checks_and_its_locks(office, tmp_path):
    if not soffice():
        pytest.skip("LibreOffice is not installed")
    store, rid = office
    made = forms.make(store, requirement=rid, out_dir=tmp_path)
    # As LibreOffice itself shows the form: the sheet locked, the figure
    # cells open with their whole-number check and prompt, the identity
    # sheet hidden.
    seen = inspect(made.files[2].xlsx, [f"C{L.CODE_ROW}", f"C{L.FIRST_ROW}", f"C{L.FIRST_ROW + 1}"], tmp_path)
    assert seen["sheet"] == {"protected": "True", "sheets": "2", "second_visible": "False"}
    assert seen[f"C{L.CODE_ROW}"]["locked"] == "True" and seen[f"C{L.CODE_ROW}"]["type"] == "0"
    figure = seen[f"C{L.FIRST_ROW}"]
    assert (figure["locked"], figure["type"], figure["f1"], figure["show"]) == ("False", "1", "0", "True")
    assert figure["title"] == "Nhập số liệu" and "số nguyên" in figure["message"]
    saved = fill_with_libreoffice(made.files[2].xlsx, tmp_path / "lo.xlsx", [3, 45], tmp_path)
    wb = openpyxl.load_workbook(saved)
    ws = wb[L.SHEET]
    assert ws.protection.sheet
    (check, *_rest) = [v for v in ws.data_validations.dataValidation if v.type == "whole"]
    assert str(check.sqref) == f"C{L.FIRST_ROW}:C{L.FIRST_ROW + 1}" and check.showInputMessage and "số nguyên" in check.prompt
    assert not ws.cell(L.FIRST_ROW, L.VALUE_COL).protection.locked and ws.cell(L.CODE_ROW, L.VALUE_COL).protection.locked
    assert wb[L.IDENTITY_SHEET].sheet_state != "visible"
    (r,) = forms.import_forms(store, [saved]).results
    assert (r.status, r.values) == ("recorded", {"sessions": 3, "participants": 45})


def test_the_paper_form_is_one_page(office, tmp_path):
    if not shutil.which("pdfinfo"):
        pytest.skip("poppler-utils is not installed")
    store, rid = office
    made = forms.make(store, requirement=rid, out_dir=tmp_path, pdf=True)
    info = subprocess.run(["pdfinfo", str(made.files[0].pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    fonts = subprocess.run(["pdffonts", str(made.files[0].pdf)], capture_output=True, text=True, check=True).stdout
    assert "LiberationSerif" in fonts
