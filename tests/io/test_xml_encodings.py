"""An XML part of a workbook or a Word document written in UTF-16 or UTF-32
(with a byte-order mark or without, or in any encoding its declaration
names) is checked for DTDs and entities like a UTF-8 one: an entity bomb
or an external entity (XXE) is refused by name whatever its encoding."""

from __future__ import annotations

import zipfile

import pytest

from desktop.core.errors import UserError
from desktop.io import safety
from desktop.io.document_text import read_document_text
from desktop.io.unit_sheet import read_unit_sheet
from tests.io.files import docx_directive, replace_member, xlsx

BOMB = (
    '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)
XXE = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'

# How a hostile part can spell itself: (codec, byte-order mark written or not,
# declared encoding).
ENCODINGS = {
    "UTF-16 LE with BOM": ("utf-16-le", b"\xff\xfe", "UTF-16"),
    "UTF-16 BE with BOM": ("utf-16-be", b"\xfe\xff", "UTF-16"),
    "UTF-16 LE without BOM": ("utf-16-le", b"", "UTF-16"),
    "UTF-16 BE without BOM": ("utf-16-be", b"", "UTF-16"),
    "UTF-32 LE with BOM": ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32"),
    "UTF-32 BE without BOM": ("utf-32-be", b"", "UTF-32"),
    "UTF-7 declared": ("utf-7", b"", "UTF-7"),
    "EBCDIC": ("cp500", b"", "IBM500"),
}


def _hostile(xml: str, doctype: str, case: str) -> bytes:
    codec, bom, declared = ENCODINGS[case]
    body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
    text = f'<?xml version="1.0" encoding="{declared}"?>{doctype}{body}'
    return bom + text.encode(codec)


def _book(tmp_path, doctype, case):
    book = xlsx(tmp_path / "ma-hoa.xlsx", [["Tên đơn vị"], ["x"]])
    with zipfile.ZipFile(book) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    return replace_member(book, "xl/worksheets/sheet1.xml", _hostile(xml, doctype, case))


def _document(tmp_path, doctype, case):
    path = docx_directive(tmp_path / "ma-hoa.docx", ["LĐLĐ TỈNH"], ["CỘNG HÒA"], ["KẾ HOẠCH", "Nội dung"], ["Như trên"],
                          ["CHỦ TỊCH"])
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("word/document.xml").decode()
    return replace_member(path, "word/document.xml", _hostile(xml, doctype, case))


@pytest.mark.parametrize("doctype", [BOMB, XXE], ids=["entity bomb", "XXE"])
@pytest.mark.parametrize("case", list(ENCODINGS))
def test_a_dtd_in_a_workbook_part_is_refused_whatever_its_encoding(tmp_path, case, doctype):
    book = _book(tmp_path, doctype, case)
    with pytest.raises(UserError, match="DTD/thực thể XML") as refused:
        safety.check_zip(book)
    assert "ma-hoa.xlsx" in refused.value.message and "xl/worksheets/sheet1.xml" in refused.value.message
    with pytest.raises(UserError, match="DTD/thực thể XML"):
        read_unit_sheet(book)


@pytest.mark.parametrize("doctype", [BOMB, XXE], ids=["entity bomb", "XXE"])
@pytest.mark.parametrize("case", ["UTF-16 LE with BOM", "UTF-16 BE without BOM", "UTF-32 LE with BOM"])
def test_a_dtd_in_a_word_document_is_refused_whatever_its_encoding(tmp_path, case, doctype):
    path = _document(tmp_path, doctype, case)
    with pytest.raises(UserError, match="DTD/thực thể XML") as refused:
        read_document_text(path)
    assert "ma-hoa.docx" in refused.value.message and "word/document.xml" in refused.value.message


@pytest.mark.parametrize("case", ["UTF-16 LE with BOM", "UTF-16 BE without BOM", "UTF-32 LE with BOM"])
def test_a_clean_part_in_utf16_or_utf32_is_not_taken_for_a_dtd(tmp_path, case):
    assert "xl/worksheets/sheet1.xml" in safety.check_zip(_book(tmp_path, "", case))


def test_a_doctype_cut_across_two_read_chunks_is_still_found(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "_CHUNK", 64)
    book = xlsx(tmp_path / "ma-hoa.xlsx", [["Tên đơn vị"], ["x"]])
    for pad in range(0, 40, 2):
        text = '<?xml version="1.0" encoding="UTF-16"?>' + " " * pad + XXE + "<worksheet/>"
        replace_member(book, "xl/worksheets/sheet1.xml", b"\xff\xfe" + text.encode("utf-16-le"))
        with pytest.raises(UserError, match="DTD/thực thể XML"):
            safety.check_zip(book)
