"""Directives that have no text to copy: a scanned PDF read by OCR (with a
confidence per field, progress and cancel), an old Word .doc read through
LibreOffice; and a PDF built to exhaust the reader, bounded as a whole."""

from __future__ import annotations

import os
import shutil

import pytest

from desktop.core.errors import UserError
from desktop.core.intake import extract_directive
from desktop.io import ocr, word97
from desktop.io.child import run_bounded
from desktop.io.document_text import read_document_text
from desktop.io.pdf_text import read_pdf_text
from tests.io.directive_corpus import DOCS, doc_file, fields_of, scanned_pdf, score
from tests.io.files import compound_file

HEADER_FIELDS = ["number", "kind", "issuer", "parent_issuer", "place", "issued_on", "subject", "deadlines", "recurrence"]


def need(tool: str) -> None:
    """Skipped where the tool is missing, except in CI, which installs it
    (.ci/run) and must not pass by skipping."""
    if shutil.which(tool) is None:
        message = f"{tool} is not installed (apt-get install tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


# --- OCR ------------------------------------------------------------------------------------
def test_a_scanned_one_page_plan_is_read_by_ocr_with_its_fields(tmp_path):
    need("tesseract")
    need("pdftoppm")
    doc = DOCS[1]
    path = scanned_pdf(doc, tmp_path)
    steps = []
    text = read_document_text(path, progress=lambda f, m: steps.append((f, m)), cancelled=lambda: False)
    assert text.file_format == "ocr" and text.word_confidence
    assert any("nhận dạng chữ trang 1/1" in m for _f, m in steps) and steps[-1][0] == 1.0
    assert any("bản quét" in w for w in text.warnings)
    fields = extract_directive(text.text, wrapped=text.wrapped, word_confidence=text.word_confidence)
    expected = {k: doc.expected[k] for k in HEADER_FIELDS}
    got = {k: fields_of(fields)[k] for k in HEADER_FIELDS}
    assert score(expected, got) == []
    assert all(0.0 <= fields.confidence[k] <= 1.0 for k in HEADER_FIELDS)


def test_ocr_stops_when_the_clerk_cancels(tmp_path):
    need("tesseract")
    need("pdftoppm")
    path = scanned_pdf(DOCS[2], tmp_path)
    with pytest.raises(UserError, match="Đã dừng"):
        read_document_text(path, cancelled=lambda: True)


def test_a_doubtful_ocr_word_makes_its_field_doubtful():
    # Tesseract's TSV for two lines: the number read with 31% certainty.
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"]

    def line(n, top, words):
        rows.append(f"4\t1\t1\t1\t{n}\t0\t100\t{top}\t1500\t50\t-1\t")
        x = 100
        for i, (word, conf) in enumerate(words, 1):
            rows.append(f"5\t1\t1\t1\t{n}\t{i}\t{x}\t{top}\t{len(word) * 25}\t50\t{conf}\t{word}")
            x += len(word) * 25 + 20

    line(1, 100, [("LĐLĐ", 96), ("HUYỆN", 95), ("TAM", 96), ("ĐƯỜNG", 93)])
    line(2, 170, [("Số:", 95), ("12/KH-LĐLĐ", 31)])
    line(3, 240, [("Tam", 96), ("Đường,", 95), ("ngày", 96), ("02", 90), ("tháng", 96), ("12", 92), ("năm", 96), ("2023", 91)])
    line(4, 310, [("KẾ", 97), ("HOẠCH", 97)])
    line(5, 380, [("Về", 96), ("một", 96), ("việc", 96)])
    lines, sure = ocr.tsv_lines("\n".join(rows) + "\n", 2480)
    fields = extract_directive("\n".join(lines), word_confidence=sure)
    assert (fields.number, fields.issuer, fields.place) == ("12/KH-LĐLĐ", "LĐLĐ HUYỆN TAM ĐƯỜNG", "Tam Đường")
    assert fields.confidence["number"] <= 0.35 and fields.confidence["issuer"] >= 0.8
    assert "number" in fields.doubtful() and "issuer" not in fields.doubtful()


def test_without_tesseract_a_scan_is_refused_saying_what_to_install(tmp_path, monkeypatch):
    from reportlab.pdfgen import canvas

    path = tmp_path / "ban-quet.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 300, 300, fill=1)
    pdf.save()
    monkeypatch.setattr(ocr, "_program", lambda name: None)
    with pytest.raises(UserError) as refused:
        read_document_text(path)
    assert "ban-quet.pdf" in refused.value.message and "không có lớp chữ" in refused.value.message
    assert "Tesseract" in refused.value.message


# --- .doc -----------------------------------------------------------------------------------
def test_an_old_word_document_is_read_through_libreoffice(tmp_path):
    need("soffice")
    doc = DOCS[2]
    path = doc_file(doc, tmp_path)
    text = read_document_text(path)
    assert text.file_format == "doc"
    assert score(doc.expected, fields_of(extract_directive(text.text, wrapped=text.wrapped))) == []


def test_without_libreoffice_a_doc_is_refused_with_what_to_do(tmp_path, monkeypatch):
    path = tmp_path / "cong-van.doc"
    path.write_bytes(compound_file({"WordDocument": b"\xec\xa5" + bytes(600), "1Table": bytes(600)}))
    monkeypatch.setattr(word97, "libreoffice", lambda: None)
    with pytest.raises(UserError) as refused:
        read_document_text(path)
    assert "cong-van.doc" in refused.value.message and "LibreOffice" in refused.value.message
    assert ".docx" in refused.value.message


# --- a PDF built to exhaust the reader (issue 18) ---------------------------------------------
def heavy_pdf(path, pages: int, operators: int):
    """Every page the same small compressed stream of many text operators:
    a few dozen kilobytes that take seconds a page to read."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 9 Tf " + b"1 0 0 1 10 700 Tm (ab) Tj " * operators + b"ET")
    contents = writer._add_object(stream.flate_encode())
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    for _ in range(pages):
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Contents")] = contents
        page[NameObject("/Resources")] = resources
    with open(path, "wb") as f:
        writer.write(f)
    return path


def test_a_300_page_pdf_made_to_be_slow_is_cut_short_by_the_budget(tmp_path):
    # About a tenth of a second a page: 300 pages would take half a minute.
    path = heavy_pdf(tmp_path / "nang.pdf", 300, 1_000)
    assert path.stat().st_size < 100_000
    pdf = read_pdf_text(path, seconds=3)
    assert 0 < len(pdf.pages) < 300 and pdf.page_count == 300
    assert any("nang.pdf" in w and f"/{pdf.page_count} trang" in w and "bỏ qua" in w for w in pdf.warnings)


def test_a_pdf_whose_first_page_outlasts_the_budget_is_refused(tmp_path):
    path = heavy_pdf(tmp_path / "nang.pdf", 300, 40_000)
    with pytest.raises(UserError, match="nang.pdf.*quá nhiều thời gian"):
        read_pdf_text(path, seconds=0.5)


def _allocate(megabytes: int):
    yield ("started",)
    hog = bytearray(megabytes * 1024 * 1024)
    yield ("allocated", len(hog))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the address-space limit is a POSIX one")
def test_a_reader_that_outgrows_its_memory_budget_is_stopped():
    run = run_bounded(_allocate, (400,), seconds=30, memory_bytes=100 * 1024 * 1024)
    assert run.messages[0] == ("started",)
    assert ("error", "memory", "") in run.messages or run.crashed
    assert not any(m[0] == "allocated" for m in run.messages)
    fine = run_bounded(_allocate, (20,), seconds=30, memory_bytes=100 * 1024 * 1024)
    assert fine.finished and fine.messages[-1] == ("allocated", 20 * 1024 * 1024)
