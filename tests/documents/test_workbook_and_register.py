"""The Excel workbook of a report, the register of outgoing documents, and
the command line that makes them."""

from __future__ import annotations

import subprocess
from datetime import date

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from db.session import unit_of_work
from desktop.core.errors import UserError
from desktop.core.units import find_unit, save_unit
from desktop.io.reporting import export_register, make_report, make_urge
from tests.conftest import db_snapshot
from tests.documents.conftest import need


def _report(engine, directive_id, tmp_path, **kw):
    args = dict(directive_id=directive_id, as_of=date(2022, 4, 30), issued_on=date(2022, 5, 5), out_dir=tmp_path)
    args.update(kw)
    return make_report(engine, **args)


def test_the_workbook_has_a_sheet_per_table_with_numbers_that_read_back(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=10)
    made = _report(engine, directive_id, tmp_path, requirement_id=requirement_id)
    book = CalamineWorkbook.from_path(str(made.files["xlsx"]))
    assert book.sheet_names == ["Tổng hợp", "Theo khối", "Phụ lục 1"]
    summary = book.get_sheet_by_name("Tổng hợp").to_python()
    header_at = next(i for i, row in enumerate(summary) if row[0] == "STT")
    row = summary[header_at + 1]
    assert row[1] == "Báo cáo kết quả tuyên truyền, quán triệt"
    assert [int(v) for v in row[3:8]] == [10, 4, 2, 2, 2]  # applicable, on time, late, missing, exempt
    appendix = book.get_sheet_by_name("Phụ lục 1").to_python()
    total = appendix[-1]
    assert total[1] == "Tổng cộng"
    assert [int(v) for v in total[7:9]] == [12, sum(20 + i for i in range(10) if i % 5 in (1, 2, 3))]


def test_the_workbook_is_set_up_to_print(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=10)
    made = _report(engine, directive_id, tmp_path, requirement_id=requirement_id)
    wb = openpyxl.load_workbook(made.files["xlsx"])
    ws = wb["Phụ lục 1"]
    assert ws.freeze_panes is not None
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows
    assert "&P" in ws.oddFooter.center.text
    header_row = next(r for r in ws.iter_rows() if r[0].value == "STT")
    assert all(c.font.b for c in header_row)


def test_text_that_looks_like_a_formula_is_written_as_text(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=3)
    with unit_of_work(engine) as s:
        save_unit(s, {"name": '=HYPERLINK("http://x","bấm vào")', "sector": "+1 khối"}, find_unit(s, "U002"))
    made = _report(engine, directive_id, tmp_path, requirement_id=requirement_id)
    ws = openpyxl.load_workbook(made.files["xlsx"])["Phụ lục 1"]
    typed = {'=HYPERLINK("http://x","bấm vào")', "+1 khối"}
    cells = [c for row in ws.iter_rows() for c in row if c.value in typed]
    assert {c.value for c in cells} == typed
    assert all(c.data_type == "s" for c in cells)
    # The only formulas are the totals Theo dõi writes itself.
    formulas = [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas and all(c.row == ws.max_row for c in formulas)


def test_libreoffice_opens_the_workbook_without_repair(engine, office_db, tmp_path):
    need("soffice")
    directive_id, requirement_id = office_db(units=10)
    made = _report(engine, directive_id, tmp_path / "out", requirement_id=requirement_id)
    result = subprocess.run(
        [need("soffice"), f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "lo-out"), str(made.files["xlsx"])],
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "lo-out" / made.files["xlsx"].with_suffix(".pdf").name).stat().st_size > 1000


def test_numbers_follow_the_register_per_kind_and_restart_each_year(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=10)
    first = _report(engine, directive_id, tmp_path, issued_on=date(2022, 5, 5))
    letter = make_urge(engine, requirement_id=requirement_id, as_of=date(2022, 4, 30), issued_on=date(2022, 5, 6), out_dir=tmp_path)
    second = _report(engine, directive_id, tmp_path, issued_on=date(2022, 12, 31))
    next_year = _report(engine, directive_id, tmp_path, issued_on=date(2023, 1, 2))
    assert [first.number, letter.number, second.number, next_year.number] == ["01/BC-LĐLĐ", "01/CV-LĐLĐ", "02/BC-LĐLĐ", "01/BC-LĐLĐ"]
    assert first.files["pdf"] != next_year.files["pdf"]


def test_a_number_is_never_given_twice(engine, office_db, tmp_path):
    directive_id, _ = office_db(units=4)
    _report(engine, directive_id, tmp_path, number="07/BC-LĐLĐ")
    with pytest.raises(UserError, match="không được dùng lại"):
        _report(engine, directive_id, tmp_path, number="07/BC-LĐLĐ")
    assert _report(engine, directive_id, tmp_path).number == "08/BC-LĐLĐ"


def test_a_failed_export_takes_no_number_and_leaves_no_file(engine, office_db, tmp_path, monkeypatch, db_url):
    import desktop.io.reporting as reporting

    directive_id, _ = office_db(units=4)
    before = db_snapshot(db_url)

    def disk_full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(reporting, "write_workbook", disk_full)
    with pytest.raises(UserError, match="không có số văn bản nào bị lấy"):
        _report(engine, directive_id, tmp_path / "usb")
    # Only the audit log remembers that a number was reserved and released.
    without_audit = lambda lines: [l for l in lines if "audit_log" not in l]  # noqa: E731
    assert without_audit(db_snapshot(db_url)) == without_audit(before)
    assert list((tmp_path / "usb").iterdir()) == []
    monkeypatch.undo()
    assert _report(engine, directive_id, tmp_path / "usb").number == "01/BC-LĐLĐ"


def test_an_existing_file_is_never_overwritten(engine, office_db, tmp_path):
    directive_id, _ = office_db(units=4)
    taken = tmp_path / "bao-cao-01-bc-ldld-2022-05-05.pdf"
    taken.write_bytes(b"the clerk's own file")
    made = _report(engine, directive_id, tmp_path)
    assert made.files["pdf"].name == "bao-cao-01-bc-ldld-2022-05-05-2.pdf"
    assert taken.read_bytes() == b"the clerk's own file"


def test_the_register_is_listed_and_exported(engine, office_db, tmp_path, cli):
    directive_id, _ = office_db(units=4)
    _report(engine, directive_id, tmp_path, issued_on=date(2022, 5, 5))
    _report(engine, directive_id, tmp_path, issued_on=date(2023, 1, 5))
    listed = cli("register", "list", "--year", "2022", "--json").json
    assert [(d["number"], d["date"], d["kind"]) for d in listed] == [("01/BC-LĐLĐ", "2022-05-05", "BC")]
    assert listed[0]["files"] == ["bao-cao-01-bc-ldld-2022-05-05.pdf", "bao-cao-01-bc-ldld-2022-05-05.xlsx"]
    path = export_register(engine, year=2022, out_dir=tmp_path / "so")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert any(r[0] == "01/BC-LĐLĐ" for r in rows)
    assert not any(r[0] == "01/BC-LĐLĐ" and "2023" in str(r[1]) for r in rows)


def test_report_make_and_urge_keep_their_json_contract(office_db, cli, tmp_path):
    office_db(units=10)
    made = cli("report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "30/04/2022", "--date", "05/05/2022",
               "--out", tmp_path, "--json")
    assert made.code == 0, made.err
    assert set(made.json) >= {"report_id", "number", "pdf", "xlsx"}
    assert made.json["number"] == "01/BC-LĐLĐ"
    urged = cli("urge", "--requirement", "1", "--as-of", "2022-04-30", "--out", tmp_path, "--json")
    assert urged.code == 0, urged.err
    assert set(urged.json) >= {"number", "pdf", "units"} and len(urged.json["units"]) == 2


def test_report_commands_refuse_bad_input_without_taking_a_number(office_db, cli, tmp_path, db_url):
    office_db(units=4)
    before = db_snapshot(db_url)
    for args, message in [
        (["report", "make", "--directive", "999/KH-X", "--out", tmp_path], "Không tìm thấy văn bản"),
        (["report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "32/01/2022", "--out", tmp_path], "không phải là ngày hợp lệ"),
        (["report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "2021-01-01", "--out", tmp_path], "chưa có yêu cầu nào đến hạn"),
        (["urge", "--requirement", "77", "--out", tmp_path], "Không có yêu cầu số 77"),
        (["urge", "--requirement", "1", "--as-of", "2022-01-01", "--out", tmp_path], "chưa đến hạn"),
    ]:
        result = cli(*args)
        assert result.code == 2 and message in result.err, (args, result.err)
    assert db_snapshot(db_url) == before


def test_a_crash_while_writing_files_is_settled_at_the_next_start_and_its_number_kept_as_void(engine, office_db, tmp_path):
    from db.models import OutgoingDocument
    from desktop.io.pending import settle_pending

    directive_id, _ = office_db(units=4)
    done = _report(engine, directive_id, tmp_path)
    with unit_of_work(engine) as s:
        # As a power cut would leave them: one number pending with its files
        # all in place, one with only one of its two files.
        complete = s.get(OutgoingDocument, done.report_id)
        complete.state = "pending"
        half = OutgoingDocument(year=2022, kind="BC", seq=2, number="02/BC-LĐLĐ", number_key="02/bc-ldld",
                                issued_on=date(2022, 5, 6), title="x", state="pending", folder=str(tmp_path),
                                files=["bao-cao-02.pdf", "bao-cao-02.xlsx"])
        s.add(half)
    (tmp_path / "bao-cao-02.pdf").write_bytes(b"%PDF-1.4 half")
    from datetime import timedelta

    assert settle_pending(engine) == []  # too fresh: another window may be writing them
    assert sorted(settle_pending(engine, min_age=timedelta(0))) == ["01/BC-LĐLĐ", "02/BC-LĐLĐ"]
    assert not (tmp_path / "bao-cao-02.pdf").exists()
    with unit_of_work(engine) as s:
        assert s.get(OutgoingDocument, done.report_id).state == "issued"
        assert s.get(OutgoingDocument, half.id).state == "void"  # kept: its number was taken
    # A number once taken is never handed out again.
    assert _report(engine, directive_id, tmp_path).number == "03/BC-LĐLĐ"
