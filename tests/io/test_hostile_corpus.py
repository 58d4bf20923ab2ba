"""The hostile corpus of issue 8 through every reader and every import
command: a million-row sheet, damaged UTF-8, NUL bytes, a 1 MB cell, a
workbook with macros and external links, a PDF with JavaScript and text
that would become a formula. Each file is refused with a Vietnamese
message naming it, or read safely; a refused import leaves the database
as it was; and every read stays inside a fixed memory ceiling."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.core.errors import UserError
from desktop.io.document_text import read_document_text
from desktop.io.limits import MAX_CELL_CHARS
from desktop.io.tracking_sheet import read_tracking_sheet
from desktop.io.unit_sheet import read_unit_sheet
from tests.conftest import db_snapshot
from tests.io.files import pdf_directive, replace_member, xlsx

REPO = Path(__file__).resolve().parents[2]
NAMES = ["Công đoàn Trường Tiểu học Hồ Thầu", "Công đoàn Xã Bình Lư", "Công đoàn Trạm Y tế Sơn Bình",
         "Công đoàn Trường Mầm non Nà Tăm", "Công đoàn Bưu điện huyện"]


# --- the corpus -------------------------------------------------------------
def million_rows(tmp: Path) -> Path:
    path = tmp / "trieu-dong.csv"
    path.write_text("Tên đơn vị,Số đoàn viên\n" + "Công đoàn Xã Bản Bo,12\n" * 1_000_001, encoding="utf-8")
    return path


def damaged_utf8(tmp: Path) -> Path:
    path = tmp / "utf8-hong.csv"
    lines = ["Tên đơn vị,Số đoàn viên", *(f"{n},{10 + i}" for i, n in enumerate(NAMES))]
    data = "\n".join(lines).encode("utf-8")
    # A byte lost in copying: line 4 is cut in the middle of "ạ".
    cut = data.index("Trạm".encode()) + 3
    path.write_bytes(data[:cut] + data[cut + 1:])
    return path


def nul_bytes(tmp: Path) -> Path:
    path = tmp / "ky-tu-nul.csv"
    path.write_bytes("Tên đơn vị,Số đoàn viên\nCông đoàn A\x00\x00,3\n".encode())
    return path


def _long_text(chars: int) -> str:
    # Varied words: a repeated phrase would be refused as a zip bomb first.
    import random

    rng = random.Random(8)
    words = "công đoàn cơ sở trường học bệnh viện ủy ban xã phường đoàn viên nữ lao động kế hoạch báo cáo".split()
    text = " ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(chars // 6))
    return text[:chars]


def megabyte_cell(tmp: Path) -> Path:
    # openpyxl cuts text at Excel's 32,767 characters, so the long cell is
    # put into the sheet by hand.
    book = xlsx(tmp / "o-mot-mb.xlsx", [["Tên đơn vị", "Số đoàn viên"], [NAMES[0], 3], ["DAI-DAI", 4]])
    with zipfile.ZipFile(book) as zf:
        strings = zf.read("xl/worksheets/sheet1.xml").decode()
    return replace_member(book, "xl/worksheets/sheet1.xml", strings.replace("DAI-DAI", _long_text(1_200_000)).encode())


def macros_and_links(tmp: Path) -> Path:
    """An .xlsm-like book: a VBA project, an external link part and a cell
    whose formula points into another workbook (its cached value kept)."""
    book = xlsx(tmp / "co-macro.xlsx", [["Tên đơn vị", "Số đoàn viên"], *([n, 10 + i] for i, n in enumerate(NAMES))])
    with zipfile.ZipFile(book) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace("<v>10</v>", "<f>'[danh-sach-goc.xlsx]Sheet1'!B2</f><v>10</v>", 1)
    replace_member(book, "xl/worksheets/sheet1.xml", sheet.encode())
    with zipfile.ZipFile(book, "a") as zf:
        zf.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Sub AutoOpen() Shell \"cmd\"" * 20)
        zf.writestr(
            "xl/externalLinks/externalLink1.xml",
            '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<externalBook><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>',
        )
    return book


def formula_text(tmp: Path) -> Path:
    path = tmp / "cong-thuc.csv"
    path.write_text(
        "Tên đơn vị,Số đoàn viên\n"
        '"=HYPERLINK(""http://x.example/a"",""Bấm vào"")",3\n'
        "\"+cmd|' /C calc'!A0\",4\n"
        "@SUM(1+1),5\n",
        encoding="utf-8",
    )
    return path


def pdf_with_javascript(tmp: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = pdf_directive(tmp / "plain.pdf", ["Số: 15-KH/ĐUK", "Đà Lạt, ngày 05 tháng 10 năm 2021", "KẾ HOẠCH",
                                              "Báo cáo kết quả trước ngày 30/11/2021."])
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"),
        NameObject("/JS"): TextStringObject("app.alert('xin chao'); this.exportDataObject({cName: 'x', nLaunch: 2});"),
    })
    path = tmp / "co-javascript.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def nul_text(tmp: Path) -> Path:
    path = tmp / "van-ban-nul.txt"
    path.write_bytes("Số: 12/KH-LĐLĐ\n\x00\x00KẾ HOẠCH\n".encode())
    return path


def damaged_utf8_text(tmp: Path) -> Path:
    path = tmp / "van-ban-hong.txt"
    data = ("Số: 12/KH-LĐLĐ\nLai Châu, ngày 16 tháng 02 năm 2022\nKẾ HOẠCH\nTriển khai thực hiện Nghị quyết\n"
            "Báo cáo kết quả trước ngày 30/11/2022.\n").encode()
    cut = data.index("Triển".encode()) + 3
    path.write_bytes(data[:cut] + data[cut + 1:])
    return path


def huge_text(tmp: Path) -> Path:
    path = tmp / "qua-dai.txt"
    path.write_text("Căn cứ Nghị quyết số 02-NQ/TW.\n" * 250_000, encoding="utf-8")
    return path


# Spreadsheets refused by both sheet readers and by both import commands.
REFUSED_SHEETS = {
    "million-row sheet": (million_rows, "vượt giới hạn 1,000,000 dòng"),
    "damaged UTF-8": (damaged_utf8, "dòng 4 có byte không đọc được"),
    "NUL bytes": (nul_bytes, "không phải bảng tính"),
    "1 MB cell": (megabyte_cell, f"ô A3 dài 1,200,000 ký tự, vượt giới hạn {MAX_CELL_CHARS:,}"),
}
REFUSED_DOCUMENTS = {
    "NUL bytes": (nul_text, "không phải tệp văn bản"),
    "damaged UTF-8": (damaged_utf8_text, "dòng 4 có byte không đọc được"),
    "over 5 MB": (huge_text, "lớn quá 5 MB"),
}
# The million-row sheet takes seconds per read; it goes through each
# reader and command once rather than for every combination.
CHEAP = [c for c in REFUSED_SHEETS if c != "million-row sheet"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    made: dict[str, Path] = {}

    def get(make) -> Path:
        if make.__name__ not in made:
            made[make.__name__] = make(tmp)
        return made[make.__name__]

    return get


# --- readers ----------------------------------------------------------------
@pytest.mark.parametrize("case", list(REFUSED_SHEETS))
def test_the_unit_list_reader_refuses_the_hostile_sheet_by_name(corpus, case):
    make, words = REFUSED_SHEETS[case]
    path = corpus(make)
    with pytest.raises(UserError) as refused:
        read_unit_sheet(path)
    assert path.name in refused.value.message and words in refused.value.message


@pytest.mark.parametrize("case", CHEAP)
def test_the_tracking_sheet_reader_refuses_the_hostile_sheet_by_name(corpus, case):
    make, words = REFUSED_SHEETS[case]
    path = corpus(make)
    with pytest.raises(UserError) as refused:
        read_tracking_sheet(path, [{"key": "sessions", "label": "Số buổi"}])
    assert path.name in refused.value.message and words in refused.value.message


@pytest.mark.parametrize("case", list(REFUSED_DOCUMENTS))
def test_the_directive_reader_refuses_the_hostile_text_by_name(corpus, case):
    make, words = REFUSED_DOCUMENTS[case]
    path = corpus(make)
    with pytest.raises(UserError) as refused:
        read_document_text(path)
    assert path.name in refused.value.message and words in refused.value.message


def test_macros_and_external_links_are_never_run_and_the_values_are_read(corpus):
    sheet = read_unit_sheet(corpus(macros_and_links))
    assert [r.values["name"] for r in sheet.rows] == NAMES
    # The linked cell keeps the value it showed; the other workbook is not opened.
    assert sheet.rows[0].values["members"] == 10


def test_text_that_looks_like_a_formula_is_read_as_text(corpus):
    sheet = read_unit_sheet(corpus(formula_text))
    assert [r.values["name"] for r in sheet.rows] == [
        '=HYPERLINK("http://x.example/a","Bấm vào")', "+cmd|' /C calc'!A0", "@SUM(1+1)"]


def test_a_pdf_with_javascript_gives_its_text_and_nothing_else(corpus):
    doc = read_document_text(corpus(pdf_with_javascript))
    assert "15-KH/ĐUK" in doc.text and "30/11/2021" in doc.text
    assert "app.alert" not in doc.text


def test_a_unit_name_longer_than_the_store_takes_is_skipped_with_its_row(tmp_path, session):
    from desktop.core.units import import_units

    sheet = read_unit_sheet(xlsx(tmp_path / "dai.xlsx", [["Tên đơn vị"], [NAMES[0]], ["Công đoàn " + "rất " * 200]]))
    result = import_units(session, sheet.rows)
    assert result.created == 1
    (skipped,) = result.skipped
    assert skipped.row == 3 and "Tên đơn vị" in skipped.reason and "quá 500 ký tự" in skipped.reason


# --- import commands ----------------------------------------------------------
@pytest.fixture
def office(cli, tmp_path):
    assert cli("init", "--office", "LĐLĐ huyện Tam Đường").code == 0
    assert cli("units", "import", xlsx(tmp_path / "dv.xlsx", [["Tên đơn vị"], *([n] for n in NAMES)])).code == 0
    assert cli("directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", "LĐLĐ tỉnh Lai Châu", "--date",
               "16/02/2022", "--subject", "Triển khai Nghị quyết 02").code == 0
    added = cli("requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo kết quả", "--due",
                "30/11/2022", "--json")
    assert added.code == 0
    return added.json["id"]


def _refused_and_unchanged(cli, db_url, args, path, words):
    before = db_snapshot(db_url)
    result = cli(*args)
    assert result.code == 2, result.out + result.err
    assert path.name in result.err and words in result.err and "Traceback" not in result.err
    assert db_snapshot(db_url) == before


@pytest.mark.parametrize("case", list(REFUSED_SHEETS))
def test_units_import_of_a_hostile_sheet_changes_nothing(corpus, cli, db_url, office, case):
    make, words = REFUSED_SHEETS[case]
    path = corpus(make)
    _refused_and_unchanged(cli, db_url, ["units", "import", path], path, words)


@pytest.mark.parametrize("case", CHEAP)
def test_submissions_import_of_a_hostile_sheet_changes_nothing(corpus, cli, db_url, office, case):
    make, words = REFUSED_SHEETS[case]
    path = corpus(make)
    _refused_and_unchanged(cli, db_url, ["submissions", "import", path, "--requirement", office], path, words)


@pytest.mark.parametrize("case", list(REFUSED_DOCUMENTS))
def test_directive_intake_of_a_hostile_text_changes_nothing(corpus, cli, db_url, office, case):
    make, words = REFUSED_DOCUMENTS[case]
    path = corpus(make)
    _refused_and_unchanged(cli, db_url, ["directives", "intake", path, "--save", "--number", "99/KH-X"], path, words)


def test_formula_text_is_stored_as_written(corpus, cli, office):
    assert cli("units", "import", corpus(formula_text)).code == 0
    names = {u["name"] for u in cli("units", "list", "--json").json}
    assert {'=HYPERLINK("http://x.example/a","Bấm vào")', "+cmd|' /C calc'!A0", "@SUM(1+1)"} <= names


def test_a_pdf_with_javascript_is_taken_in_as_text(corpus, cli, office):
    result = cli("directives", "intake", corpus(pdf_with_javascript), "--save", "--json")
    assert result.code == 0, result.err
    assert result.json["number"] == "15-KH/ĐUK" and result.json["saved"] is not None


# --- bounded memory -------------------------------------------------------------
_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (CEILING, CEILING))
from desktop.core.errors import UserError
from desktop.io.document_text import read_document_text
from desktop.io.tracking_sheet import read_tracking_sheet
from desktop.io.unit_sheet import read_unit_sheet
for path in sys.argv[1:]:
    reader = read_document_text if path.endswith((".txt", ".pdf")) else read_unit_sheet
    for read in ([reader] if reader is read_document_text else [read_unit_sheet, read_tracking_sheet]):
        try:
            read(path)
            print("READ", path)
        except UserError:
            print("REFUSED", path)
"""


def test_every_file_of_the_corpus_is_handled_within_one_gigabyte(corpus):
    # A hard address-space ceiling in a child process: a reader that tried to
    # hold a bomb in memory dies there (MemoryError or abort) and fails this test.
    makers = [million_rows, damaged_utf8, nul_bytes, megabyte_cell, macros_and_links, formula_text,
              pdf_with_javascript, nul_text, damaged_utf8_text, huge_text]
    paths = [str(corpus(make)) for make in makers]
    code = _CHILD.replace("CEILING", str(1024 ** 3))
    done = subprocess.run([sys.executable, "-c", code, *paths], capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 0, done.stderr[-3000:]
    outcomes = [line.split(" ", 1)[0] for line in done.stdout.splitlines()]
    assert len(outcomes) == 2 * 6 + 4, done.stdout
