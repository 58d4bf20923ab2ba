"""Forms that come back wrong: each is refused or matched with its reason,
and none of them writes a figure it should not."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlmodel import select

from db.models import ReceivedForm, Requirement, Submission
from db.session import unit_of_work
from desktop.io.forms import layout as L
from desktop.operations import forms
from tests.forms.conftest import fill, unit_code


@pytest.fixture
def made(office, tmp_path):
    store, rid = office
    result = forms.make(store, requirement=rid, out_dir=tmp_path / "out")
    return store, rid, {f.unit_code: f.xlsx for f in result.files}


def _one(store, path, **kw):
    (result,) = forms.import_forms(store, [path], **kw).results
    return result


def _edit(path, out, change):
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(out)
    return out


def test_another_units_form_is_refused(made, tmp_path):
    store, _rid, xlsx = made
    out = fill(xlsx[unit_code(1)], [1, 2], out=tmp_path / "f.xlsx")
    _edit(out, out, lambda wb: wb[L.SHEET].cell(L.CODE_ROW, L.VALUE_COL, unit_code(2)))
    r = _one(store, out)
    assert r.status == "refused" and "phiếu của đơn vị khác" in r.reason and "CĐ002" in r.reason


def test_a_hidden_sheet_naming_a_unit_that_does_not_exist_is_refused(made, tmp_path):
    store, _rid, xlsx = made
    out = fill(xlsx[unit_code(1)], [1, 2], out=tmp_path / "f.xlsx")

    def forge(wb):
        wb[L.IDENTITY_SHEET]["B3"] = "CĐ999"
        wb[L.SHEET].cell(L.CODE_ROW, L.VALUE_COL, "CĐ999")

    r = _one(store, _edit(out, out, forge))
    assert r.status == "refused" and "CĐ999" in r.reason


def test_an_edited_structure_is_refused(made, tmp_path):
    store, _rid, xlsx = made
    out = fill(xlsx[unit_code(3)], [1, 2], out=tmp_path / "f.xlsx")
    r = _one(store, _edit(out, out, lambda wb: wb[L.SHEET].insert_rows(L.FIRST_ROW)))
    assert r.status == "refused" and "cấu trúc phiếu đã bị sửa" in r.reason
    out = fill(xlsx[unit_code(3)], [1, 2], out=tmp_path / "g.xlsx")
    r = _one(store, _edit(out, out, lambda wb: wb[L.SHEET].cell(L.FIRST_ROW, L.LABEL_COL, "Số buổi sinh hoạt")))
    assert r.status == "refused" and "cấu trúc phiếu đã bị sửa" in r.reason


def test_an_old_template_is_matched_by_its_labels_or_refused_when_an_indicator_is_gone(made, tmp_path, engine):
    store, rid, xlsx = made
    out = fill(xlsx[unit_code(4)], [5, 60], out=tmp_path / "old.xlsx")
    with unit_of_work(engine) as s:
        req = s.get(Requirement, rid)
        req.indicators = [*req.indicators, {"key": "plans", "label": "Số kế hoạch đã ban hành"}]
    r = _one(store, out, dry_run=True)
    assert (r.status, r.values) == ("recorded", {"sessions": 5, "participants": 60})
    assert "mẫu phiếu cũ" in r.reason
    with unit_of_work(engine) as s:
        req = s.get(Requirement, rid)
        req.indicators = [{"key": "sessions", "label": "Số buổi"}, {"key": "participants", "label": "Số người"}]
    r = _one(store, out)
    assert r.status == "refused" and "mẫu phiếu cũ" in r.reason and "Số buổi học tập" in r.reason


@pytest.mark.parametrize("value, words", [
    (-3, "ngoài khoảng"), (2.5, "ngoài khoảng"), (99_000_000, "ngoài khoảng"), ("mười", "không phải là số"),
    ("=2+3", "công thức"),
])
def test_a_value_that_is_no_figure_is_refused_naming_its_cell(made, tmp_path, value, words):
    store, _rid, xlsx = made
    out = fill(xlsx[unit_code(5)], [value, 10], out=tmp_path / "f.xlsx")
    r = _one(store, out)
    assert r.status == "refused" and words in r.reason and f"C{L.FIRST_ROW}" in r.reason


def test_an_empty_form_is_refused_and_a_half_filled_one_says_what_is_blank(made, tmp_path):
    store, _rid, xlsx = made
    r = _one(store, xlsx[unit_code(6)])
    assert r.status == "refused" and "phiếu trống" in r.reason
    r = _one(store, fill(xlsx[unit_code(6)], [4], out=tmp_path / "half.xlsx"))
    assert r.status == "recorded" and r.values == {"sessions": 4} and "Số người tham dự" in r.reason


def test_a_form_copied_into_a_new_workbook_is_matched_by_its_visible_cells(made, tmp_path):
    store, _rid, xlsx = made
    source = openpyxl.load_workbook(fill(xlsx[unit_code(7)], [2, 31], out=tmp_path / "f.xlsx"))[L.SHEET]
    copy = openpyxl.Workbook()
    ws = copy.active
    for row in source.iter_rows():
        for cell in row:
            if cell.value is not None and cell.coordinate not in source.merged_cells:
                ws[cell.coordinate] = cell.value
    copy.save(tmp_path / "Book1.xlsx")
    r = _one(store, tmp_path / "Book1.xlsx")
    assert (r.status, r.unit_code, r.values) == ("recorded", unit_code(7), {"sessions": 2, "participants": 31})
    assert "không còn trang nhận dạng" in r.reason


def test_a_sheet_nobody_can_place_is_unmatched_until_the_clerk_assigns_it(made, tmp_path, office):
    store, rid, _xlsx = made
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Báo cáo của trường"])
    ws.append(["STT", "Chỉ tiêu", "Số liệu"])
    ws.append([1, "Số buổi học tập", 3])
    ws.append([2, "Số người tham dự", 41])
    wb.save(tmp_path / "baocao.xlsx")
    r = _one(store, tmp_path / "baocao.xlsx")
    assert r.status == "unmatched" and "hãy chọn đơn vị" in r.reason
    r = _one(store, tmp_path / "baocao.xlsx", assign={"baocao.xlsx": unit_code(9)}, requirement=rid, period=1)
    assert (r.status, r.unit_code, r.values) == ("recorded", unit_code(9), {"sessions": 3, "participants": 41})


@pytest.mark.parametrize("content, words", [
    (b"%PDF-1.4 scanned", "ảnh chụp hoặc PDF"), (b"PK\x03\x04 truncated", "bị hỏng"), (b"", "rỗng"),
])
def test_files_that_are_no_form_are_refused_in_words(made, tmp_path, content, words):
    store, _rid, _xlsx = made
    path = tmp_path / "phieu.xlsx"
    path.write_bytes(content)
    r = _one(store, path)
    assert r.status == "refused" and words in r.reason


def test_a_zip_bomb_is_refused_without_being_unpacked(made, tmp_path):
    import zipfile

    store, _rid, _xlsx = made
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    r = _one(store, bomb)
    assert r.status == "refused" and "giải nén" in r.reason


def test_a_correction_supersedes_the_earlier_form_which_is_kept(made, tmp_path, engine):
    store, _rid, xlsx = made
    first = fill(xlsx[unit_code(10)], [1, 20], out=tmp_path / "a.xlsx")
    assert _one(store, first, received=dt.date(2026, 11, 20)).status == "recorded"
    second = fill(xlsx[unit_code(10)], [2, 25], out=tmp_path / "b.xlsx")
    r = _one(store, second)
    assert r.status == "superseded" and "bản cũ vẫn được giữ" in r.reason
    # Re-saved, renamed: the same answer.
    assert _one(store, fill(second, [2, 25], out=tmp_path / "b-copy.xlsx")).status == "duplicate"
    with unit_of_work(engine) as s:
        kept = list(s.exec(select(ReceivedForm).order_by(ReceivedForm.id)))
        (sub,) = s.exec(select(Submission))
    assert [k.figures for k in kept] == [{"sessions": 1, "participants": 20}, {"sessions": 2, "participants": 25}]
    assert kept[0].superseded_by_id == kept[1].id and kept[1].superseded_by_id is None
    # A correction keeps the day the office first had the answer.
    assert sub.indicator_values == {"sessions": 2, "participants": 25} and sub.received_on == dt.date(2026, 11, 20)


def test_one_bad_form_does_not_stop_the_others_and_nothing_is_written_in_a_dry_run(made, tmp_path, db_url):
    from tests.conftest import db_snapshot

    store, _rid, xlsx = made
    good = fill(xlsx[unit_code(11)], [1, 2], out=tmp_path / "good.xlsx")
    bad = fill(xlsx[unit_code(12)], ["=1", 2], out=tmp_path / "bad.xlsx")
    before = db_snapshot(db_url)
    results = forms.import_forms(store, [good, bad], dry_run=True).results
    assert [r.status for r in results] == ["recorded", "refused"] and db_snapshot(db_url) == before


def test_a_unit_name_with_xml_characters_comes_through_its_form_whole(office, tmp_path, engine):
    from db.models import Organization

    store, rid = office
    with unit_of_work(engine) as s:
        unit = s.exec(select(Organization).where(Organization.code == unit_code(8))).one()
        unit.name = "Công đoàn Công ty A&B <Chi nhánh> “Tam Đường”"
    made = forms.make(store, requirement=rid, out_dir=tmp_path)
    (form,) = [f for f in made.files if f.unit_code == unit_code(8)]
    wb = openpyxl.load_workbook(form.xlsx)
    assert wb[L.SHEET].cell(L.NAME_ROW, L.VALUE_COL).value == "Công đoàn Công ty A&B <Chi nhánh> “Tam Đường”"
    assert wb[L.IDENTITY_SHEET]["B3"].value == unit_code(8)
    r = _one(store, fill(form.xlsx, [1, 2], out=tmp_path / "x.xlsx"))
    assert (r.status, r.unit) == ("recorded", "Công đoàn Công ty A&B <Chi nhánh> “Tam Đường”")


def test_a_recurring_requirements_form_answers_the_period_it_was_made_for(office, tmp_path, engine):
    from desktop.core.directives import add_directive, add_requirement, parse_indicator

    store, _rid = office
    with unit_of_work(engine) as s:
        d = add_directive(s, number="02/CTr-BCH", issuer="LĐLĐ tỉnh", issued_on=dt.date(2025, 1, 10), subject="Chương trình")
        rid = add_requirement(s, d, title="Báo cáo 6 tháng", first_due=dt.date(2025, 6, 30), every_months=6,
                              indicators=[parse_indicator("members:Số đoàn viên mới")]).id
    made = forms.make(store, requirement=rid, period=2, out_dir=tmp_path)
    assert made.period == 2 and made.due == dt.date(2025, 12, 31)
    r = _one(store, fill(made.files[0].xlsx, [4], out=tmp_path / "k2.xlsx"))
    assert (r.status, r.period, r.values) == ("recorded", 2, {"members": 4})
    wb = openpyxl.load_workbook(made.files[0].xlsx)
    wb[L.SHEET].cell(L.PERIOD_ROW, L.VALUE_COL, 3)
    wb.save(tmp_path / "k3.xlsx")
    r = _one(store, fill(tmp_path / "k3.xlsx", [4]))
    assert r.status == "refused" and "kỳ" in r.reason and "phiếu đã bị sửa" in r.reason
