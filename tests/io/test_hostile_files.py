"""Files that are not what they claim, or are built to hurt, get a clear
Vietnamese refusal naming the file, before any parser is let loose on
them, and the database is left as it was."""

from __future__ import annotations

import time
from pathlib import Path
import zipfile

import pytest

from desktop.core.errors import UserError
from desktop.io import safety
from desktop.io.document_text import read_document_text
from desktop.io.unit_sheet import read_unit_sheet
from tests.conftest import db_snapshot
from tests.io.files import encrypted_ooxml, pdf_directive, replace_member, xls, xlsx

ROWS = [["STT", "Tên đơn vị", "Số đoàn viên"], [1, "Công đoàn Xã Hồ Thầu", 22]]
ENTITY_BOMB = (
    '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
)


def _sheet_xml(book):
    with zipfile.ZipFile(book) as zf:
        return zf.read("xl/worksheets/sheet1.xml").decode()


def zip_bomb(tmp_path):
    book = xlsx(tmp_path / "bom.xlsx", ROWS)
    xml = _sheet_xml(book)
    # 60 MB of spaces inside the sheet: compresses about 1,000 times.
    padded = xml.replace("<sheetData>", "<sheetData>" + " " * 60_000_000, 1)
    return replace_member(book, "xl/worksheets/sheet1.xml", padded.encode())


def entity_bomb(tmp_path):
    book = xlsx(tmp_path / "thuc-the.xlsx", [["Tên đơn vị"], ["x"]])
    xml = _sheet_xml(book).replace("<t>x</t>", "<t>&d;</t>")
    return replace_member(book, "xl/worksheets/sheet1.xml", (ENTITY_BOMB + xml).encode())


def truncated(tmp_path):
    book = xlsx(tmp_path / "cut.xlsx", ROWS * 50)
    data = book.read_bytes()
    book.write_bytes(data[: len(data) // 2])
    return book


def pdf_renamed(tmp_path):
    pdf = pdf_directive(tmp_path / "x.pdf", ["KẾ HOẠCH", "Nội dung"])
    target = tmp_path / "danh-sach.xlsx"
    target.write_bytes(pdf.read_bytes())
    return target


def password_xlsx(tmp_path):
    return encrypted_ooxml(tmp_path / "mat-khau.xlsx")


def password_xls(tmp_path):
    return xls(tmp_path / "mat-khau.xls", ROWS, password=True)


def empty_sheet(tmp_path):
    return xlsx(tmp_path / "trong.xlsx", [])


def empty_file(tmp_path):
    path = tmp_path / "rong.xlsx"
    path.write_bytes(b"")
    return path


def word_renamed(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Kế hoạch")
    document.save(tmp_path / "van-ban.docx")
    target = tmp_path / "van-ban.xlsx"
    target.write_bytes((tmp_path / "van-ban.docx").read_bytes())
    return target


def html_renamed(tmp_path):
    path = tmp_path / "xuat-tu-web.xls"
    path.write_text("<html><body><table><tr><td>Tên đơn vị</td></tr></table></body></html>", encoding="utf-8")
    return path


def binary_junk(tmp_path):
    path = tmp_path / "anh.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return path


HOSTILE = {
    "zip bomb": (zip_bomb, "zip bomb"),
    "entity bomb": (entity_bomb, "thực thể XML"),
    "truncated": (truncated, "bị hỏng hoặc không trọn vẹn"),
    "PDF renamed .xlsx": (pdf_renamed, "PDF, không phải bảng tính"),
    "password .xlsx": (password_xlsx, "có mật khẩu; hãy bỏ mật khẩu rồi thử lại"),
    "password .xls": (password_xls, "có mật khẩu; hãy bỏ mật khẩu rồi thử lại"),
    "empty sheet": (empty_sheet, "trống"),
    "empty file": (empty_file, "rỗng"),
    "Word renamed .xlsx": (word_renamed, "không phải bảng tính"),
    "HTML renamed .xls": (html_renamed, "lưu lại dưới dạng .xlsx"),
    "binary junk": (binary_junk, "không phải bảng tính"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_or_broken_unit_list_is_refused_by_name(tmp_path, case):
    make, words = HOSTILE[case]
    path = make(tmp_path)
    started = time.perf_counter()
    with pytest.raises(UserError) as refused:
        read_unit_sheet(path)
    assert path.name in refused.value.message and words in refused.value.message
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_refused_import_changes_nothing(cli, db_url, tmp_path, case):
    assert cli("init", "--office", "LĐLĐ huyện Tam Đường").code == 0
    before = db_snapshot(db_url)
    make, words = HOSTILE[case]
    path = make(tmp_path)
    result = cli("units", "import", path, "--json")
    assert result.code == 2
    assert words in result.err and path.name in result.err and "Traceback" not in result.err
    assert result.json["exit_code"] == 2
    assert db_snapshot(db_url) == before


def test_the_bomb_is_refused_from_the_zip_directory_before_decompressing(tmp_path, monkeypatch):
    book = zip_bomb(tmp_path)
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, *a, **k: opened.append(a) or real_open(self, *a, **k))
    with pytest.raises(UserError, match="tỉ lệ nén"):
        safety.check_zip(book)
    assert opened == []


def test_declared_sizes_over_the_limit_are_refused(tmp_path):
    from desktop.io.limits import ZipBudget

    book = xlsx(tmp_path / "lon.xlsx", ROWS * 2000)
    with pytest.raises(UserError, match="giải nén ra hơn") as refused:
        safety.check_zip(book, budget=ZipBudget(total_bytes=50_000, member_bytes=50_000))
    assert "lon.xlsx" in refused.value.message


def test_calamine_itself_does_not_expand_xml_entities(tmp_path):
    # Checked on a small bomb (10,000 letters if expanded) that our own
    # check is bypassed for: calamine must refuse or leave it unexpanded.
    import python_calamine

    book = entity_bomb(tmp_path)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(book))
        values = workbook.get_sheet_by_index(0).to_python()
    except Exception as exc:  # noqa: BLE001 - any refusal will do
        assert "entity" in str(exc).lower()
    else:
        assert "a" * 100 not in str(values)


def test_openpyxl_refuses_the_entity_bomb_too(tmp_path):
    import openpyxl

    book = entity_bomb(tmp_path)
    with pytest.raises(Exception) as refused:
        openpyxl.load_workbook(book)
    assert "a" * 100 not in str(refused.value)


# --- directives -----------------------------------------------------------------------------
def test_a_scanned_pdf_without_text_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "ban-quet.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 300, 300, fill=1)
    pdf.save()
    with pytest.raises(UserError, match="không có lớp chữ") as refused:
        read_document_text(path)
    assert "ban-quet.pdf" in refused.value.message


def test_a_password_protected_pdf_is_refused(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "mat-khau.pdf"
    pdf = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("bi-mat", ownerPassword="chu"))
    pdf.drawString(50, 700, "KE HOACH so 1")
    pdf.save()
    with pytest.raises(UserError, match="có mật khẩu"):
        read_document_text(path)


@pytest.mark.parametrize("case", ["truncated", "password .xlsx", "entity bomb", "zip bomb"])
def test_hostile_documents_are_refused_by_the_directive_reader_too(tmp_path, case):
    make, words = HOSTILE[case]
    path = make(tmp_path)
    target = path.with_suffix(".docx")
    path.rename(target)
    with pytest.raises(UserError) as refused:
        read_document_text(target)
    assert target.name in refused.value.message and words in refused.value.message


# --- files that would make calamine allocate without bound ------------------------------
def far_cell(tmp_path):
    book = xlsx(tmp_path / "o-xa.xlsx", ROWS)
    xml = _sheet_xml(book).replace(
        "</row></sheetData>", '</row><row r="900000"><c r="XFD900000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
    return replace_member(book, "xl/worksheets/sheet1.xml", xml.encode())


def lying_string_count(tmp_path):
    book = xlsx(tmp_path / "chuoi.xlsx", ROWS)
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'count="4000000000" uniqueCount="4000000000"><si><t>a</t></si></sst>')
    buf = tmp_path / "chuoi2.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        dst.writestr("xl/sharedStrings.xml", sst)
    return buf


def xls_beyond_column_iv(tmp_path):
    path = xls(tmp_path / "cot.xls", ROWS)
    data = bytearray(path.read_bytes())
    at = data.find(b"\x03\x02\x0e\x00\x01\x00\x02\x00")  # NUMBER record of row 1, column 2
    assert at > 0
    data[at + 4 : at + 8] = (0xFFFF).to_bytes(2, "little") + (0x8C00).to_bytes(2, "little")  # row 65536, column 35841
    path.write_bytes(bytes(data))
    return path


def xls_huge_dimensions(tmp_path):
    path = xls(tmp_path / "kich-thuoc.xls", ROWS)
    data = bytearray(path.read_bytes())
    at = data.find(b"\x00\x02\x0e\x00")  # DIMENSIONS
    assert at > 0
    data[at + 8 : at + 12] = (0xB6000000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


def xls_lying_stream_size(tmp_path):
    path = xls(tmp_path / "luong.xls", ROWS)
    data = bytearray(path.read_bytes())
    entry = 1024 + 128  # the directory sector, second entry: the Workbook stream
    assert data[entry : entry + 16] == "Workbook".encode("utf-16-le")
    data[entry + 120 : entry + 124] = (0x7FFFFFF0).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


ALLOCATION_BOMBS = [far_cell, lying_string_count, xls_beyond_column_iv, xls_huge_dimensions, xls_lying_stream_size]


def test_files_that_would_exhaust_memory_are_refused_in_a_child_process(tmp_path):
    # calamine aborts the whole process when an allocation fails, so these
    # run in a child: a regression fails this test instead of killing pytest.
    import subprocess
    import sys

    paths = [make(tmp_path) for make in ALLOCATION_BOMBS]
    code = (
        "import sys\n"
        "from desktop.core.errors import UserError\n"
        "from desktop.io.unit_sheet import read_unit_sheet\n"
        "for p in sys.argv[1:]:\n"
        "    try:\n"
        "        read_unit_sheet(p)\n"
        "        print('READ', p)\n"
        "    except UserError as e:\n"
        "        print('REFUSED', e.message)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert len(lines) == len(paths) and all(line.startswith("REFUSED") for line in lines), lines
    for path, line in zip(paths, lines):
        assert path.name in line
