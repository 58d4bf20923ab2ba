"""The report as a Word document: the Decree-30 layout read back from the
.docx itself, and the file as LibreOffice opens and prints it."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from docx import Document
from docx.shared import Pt

from desktop.io.reporting import make_report
from tests.documents.conftest import need, pdf_fonts, pdf_pages, pdf_text

AS_OF, ISSUED = date(2022, 4, 30), date(2022, 5, 5)
OWN = {"results": "Tổ chức 25 buổi quán triệt cho 1.200 đoàn viên.",
       "proposals": "Đề nghị LĐLĐ tỉnh hỗ trợ tài liệu tuyên truyền."}
ROOT = Path(__file__).resolve().parents[2]


def _docx(engine, office_db, tmp_path, units=10, **kw):
    directive_id, requirement_id = office_db(units=units)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=AS_OF, issued_on=ISSUED,
                       out_dir=tmp_path, sections=OWN, docx=True, **kw)
    return made


def _mm(*lengths) -> list[float]:
    return [round(v.mm, 1) for v in lengths]  # Word keeps twentieths of a point


def _runs(doc):
    for p in doc.paragraphs:
        yield from p.runs
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    yield from p.runs


def test_the_docx_has_the_decree_layout(engine, office_db, tmp_path):
    made = _docx(engine, office_db, tmp_path)
    assert made.files["docx"].name == "bao-cao-01-bc-ldld-2022-05-05.docx"
    doc = Document(made.files["docx"])
    first = doc.sections[0]
    assert _mm(first.page_width, first.page_height) == [210, 297]
    assert _mm(first.top_margin, first.bottom_margin, first.left_margin, first.right_margin) == [20, 20, 30, 15]
    runs = [r for r in _runs(doc) if r.text.strip()]
    assert {r.font.name for r in runs} == {"Times New Roman"}
    body = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert {r.font.size for r in body} <= {Pt(13), Pt(14), Pt(12)}
    # The header: office left, Quốc hiệu right, in one borderless table.
    left, right = doc.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == ["LĐLĐ TỈNH LAI CHÂU", "LIÊN ĐOÀN LAO ĐỘNG HUYỆN TAM ĐƯỜNG",
                                                          "Số: 01/BC-LĐLĐ"]
    assert [p.text for p in right.paragraphs if p.text] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                           "Độc lập - Tự do - Hạnh phúc",
                                                           "Tam Đường, ngày 05 tháng 5 năm 2022"]
    assert right.paragraphs[-1].runs[0].italic
    text = [p.text for p in doc.paragraphs]
    at = [text.index(t) for t in ["BÁO CÁO", "I. KẾT QUẢ ĐẠT ĐƯỢC", OWN["results"],
                                  "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III. ĐỀ XUẤT, KIẾN NGHỊ", OWN["proposals"]]]
    assert at == sorted(at)
    assert any(t.startswith("Tổng số đơn vị phải thực hiện: 10 đơn vị") for t in text)  # the figures, as in the PDF
    # The body's tables (by sector) come before the signature, a two-column table.
    sectors = doc.tables[1]
    assert [c.text for c in sectors.rows[0].cells][:3] == ["STT", "Khối", "Phải nộp"]
    assert sectors.rows[-1].cells[1].text == "Tổng cộng" and sectors.rows[-1].cells[2].text == "8"
    signature = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    sign_left, sign_right = signature.rows[0].cells
    assert sign_left.paragraphs[0].text == "Nơi nhận:" and sign_left.paragraphs[1].text == "- LĐLĐ tỉnh Lai Châu (để b/c);"
    assert [p.text for p in sign_right.paragraphs if p.text] == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lò Văn Minh"]
    # Page numbers from page 2: a PAGE field in the header, none on the first page.
    assert first.different_first_page_header_footer
    assert "PAGE" in first.header._element.xml and "PAGE" not in first.first_page_header._element.xml
    # The annex: landscape (indicator columns), its header row repeated on every page.
    annex = doc.sections[-1]
    assert annex.page_width > annex.page_height
    assert "w:tblHeader" in doc.tables[-1].rows[0]._tr.xml
    assert doc.tables[-1].rows[-1].cells[1].text == "Tổng cộng"


def test_the_annex_leaves_the_docx_above_three_hundred_units_unless_asked(engine, office_db, tmp_path):
    from desktop.io.documents import report

    made = _docx(engine, office_db, tmp_path, units=4, annex=False)
    assert len(Document(made.files["docx"]).sections) == 1
    assert report.ANNEX_LIMIT == 300  # the PDF's rule, which the .docx follows


def test_libreoffice_opens_the_docx_and_prints_it_in_the_shipped_serif(engine, office_db, tmp_path):
    soffice = need("soffice")
    made = _docx(engine, office_db, tmp_path / "out")
    # The shipped Liberation Serif 2 (full Vietnamese) stands in for Times
    # New Roman, as on an office PC with Times New Roman installed.
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<dir>{ROOT / 'resources' / 'fonts'}</dir><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<cachedir>{tmp_path / 'fc'}</cachedir></fontconfig>""", encoding="utf-8")
    import os

    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "lo-out"), str(made.files["docx"])],
        capture_output=True, text=True, timeout=240, env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "lo-out" / made.files["docx"].with_suffix(".pdf").name
    flat = " ".join(pdf_text(pdf).split())
    for piece in ["LIÊN ĐOÀN LAO ĐỘNG HUYỆN TAM ĐƯỜNG", "Số: 01/BC-LĐLĐ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Tam Đường, ngày 05 tháng 5 năm 2022", OWN["results"], "III. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:",
                  "Lò Văn Minh", "PHỤ LỤC"]:
        assert piece in flat, piece
    assert {f[0].split("+")[-1] for f in pdf_fonts(pdf)} <= {"LiberationSerif", "LiberationSerif-Bold",
                                                             "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}
    sizes = pdf_pages(pdf)
    assert abs(sizes[0][0] - 595.3) < 1 and abs(sizes[0][1] - 841.9) < 1
    assert sizes[-1][0] > sizes[-1][1]  # the annex in landscape
    second = pdf_text(pdf, 2, 2).strip().splitlines()
    assert second[0].strip() == "2"


def test_properties_written_by_hand_stand_in_the_order_word_requires(engine, office_db, tmp_path):
    import re
    import zipfile

    made = _docx(engine, office_db, tmp_path, units=3)
    xml = zipfile.ZipFile(made.files["docx"]).read("word/document.xml").decode()
    tables = re.findall(r"<w:tblPr>.*?</w:tblPr>", xml, re.S)
    rules = [m for m in re.findall(r"<w:pPr>.*?</w:pPr>", xml, re.S) if "w:pBdr" in m]
    assert tables and rules
    for props, order in [(t, ["w:tblW", "w:jc", "w:tblBorders", "w:tblLayout", "w:tblCellMar", "w:tblLook"])
                         for t in tables] + [(r, ["w:pBdr", "w:spacing", "w:ind", "w:jc"]) for r in rules]:
        top = re.findall(r"<(w:\w+)", props)
        seen = [tag for tag in order if tag in top]
        assert sorted(seen, key=top.index) == seen, top
