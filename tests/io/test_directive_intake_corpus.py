"""Field-by-field accuracy of ``directives intake --json`` over the corpus
of tests/io/directive_corpus.py (eight documents, each in six layouts)
and the three real seed documents: at least 95% of the fields right."""

from __future__ import annotations

import pytest

from desktop.core.intake import extract_directive
from desktop.io.document_text import read_document_text
from tests.io.directive_corpus import (
    DOCS,
    FIELDS,
    as_json_fields,
    counted,
    docx_file,
    fields_of,
    office_pdf_files,
    pdf_file,
    pdf_words_file,
    printed_text,
    score,
    web_text,
)
from tests.io.test_directive_intake import SEEDS
from tests.io.test_directive_scans_and_word97 import need

# The seed documents labelled by hand, field by field as a clerk records
# them (None: not in the document).
SEED_FIELDS = {
    "ke-hoach-314-KH-LDLD-lai-chau.txt": {
        "number": "314/KH-LĐLĐ", "kind": "KH", "issuer": None, "parent_issuer": None, "place": "Lai Châu",
        "issued_on": "2022-02-16",
        "subject": "Đẩy mạnh công tác tuyên truyền, quán triệt, triển khai thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 "
                   "của Bộ Chính trị về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”",
        "signer_name": "Đồng Thị Nghĩa", "signer_title": "PHÓ CHỦ TỊCH", "signing_authority": "TM. BAN THƯỜNG VỤ",
        "recipients": ["Thường trực Tỉnh ủy, UBND tỉnh", "Tổng LĐLĐ Việt Nam", "Ban Dân Vận, Ban Tuyên giáo Tỉnh ủy",
                       "Các Ban LĐLĐ tỉnh", "LĐLĐ các huyện, thành phố, CDN, CĐVC"],
        "referenced_documents": ["02-NQ/TW", "20/CTr-LĐLĐ", "12-CTr/TU", "02/CTr-BCH", "276/KH-LĐLĐ"],
        "deadlines": [], "recurrence": None,
    },
    "thong-bao-462-TB-TLD.txt": {
        "number": "462/TB-TLĐ", "kind": "TB", "issuer": None, "parent_issuer": None, "place": "Hà Nội",
        "issued_on": "2021-11-16",
        "subject": "Kết luận cuộc họp đôn đốc triển khai Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu toàn "
                   "quốc lần thứ XIII của Đảng và Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị về “Đổi mới tổ "
                   "chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”",
        "signer_name": "Nguyễn Xuân Hùng", "signer_title": "CHÁNH VĂN PHÒNG", "signing_authority": "TL. ĐOÀN CHỦ TỊCH",
        "recipients": ["Đ/c Chủ tịch và các đ/c PCT TLD (để b/c)", "Các ban, đơn vị trực thuộc TLD (để t/h)",
                       "Các LĐLĐ tỉnh, thành phố; các CĐ Ngành TW và tương đương, CĐ TCty trực thuộc TLD (để t/h)"],
        "referenced_documents": ["02-NQ/TW", "02/Ctr-BCH"],
        "deadlines": ["2021-11-30", "2021-12-10", "2021-12-31", "2021-12-31"], "recurrence": 6,
    },
    "ke-hoach-dang-uy-khoi-lam-dong.txt": {
        "number": None, "kind": "KH", "issuer": None, "parent_issuer": None, "place": None, "issued_on": None,
        "subject": "Thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị (khóa XIII) về đổi mới tổ chức và "
                   "hoạt động của Công đoàn Việt Nam trong tình hình mới",
        "signer_name": "Phạm Thanh Quan", "signer_title": "BÍ THƯ", "signing_authority": "T/M BAN THƯỜNG VỤ",
        "recipients": ["Ban Thường vụ Tỉnh ủy (báo cáo)", "Ban Dân vận Tỉnh ủy (báo cáo)", "Đảng đoàn LĐLĐ tỉnh",
                       "Các TCCSĐ trực thuộc", "Các Đoàn thể Khối"],
        "referenced_documents": ["02-NQ/TW", "21-KH/TU", "20-NQ/TW", "57-CTr/TU", "19-CT/TU", "01-KL/TW", "05-CT/TW"],
        "deadlines": ["2021-11-20"], "recurrence": None,
    },
}


def _layouts(tmp_path):
    for doc in DOCS:
        yield doc, "văn bản in", extract_directive(printed_text(doc))
        yield doc, "chép từ trang web", extract_directive(web_text(doc))
        for made in (pdf_file(doc, tmp_path / f"{doc.name}.pdf"), pdf_words_file(doc, tmp_path / f"{doc.name}-words.pdf"),
                     docx_file(doc, tmp_path / f"{doc.name}.docx"),
                     docx_file(doc, tmp_path / f"{doc.name}-formatted.docx", formatted=True)):
            text = read_document_text(made)
            yield doc, made.suffix, extract_directive(text.text, wrapped=text.wrapped)


def test_at_least_95_percent_of_the_fields_are_read_right_in_every_layout(tmp_path):
    total = right = 0
    wrong: list[str] = []
    for doc, layout, fields in _layouts(tmp_path):
        got = fields_of(fields)
        misses = score(doc.expected, got)
        total += counted(doc.expected, got)
        right += counted(doc.expected, got) - len(misses)
        wrong += [f"{doc.name} ({layout}) {name}: cần {want!r}, đọc được {have!r}" for name, want, have in misses]
    for name, expected in SEED_FIELDS.items():
        text = read_document_text(SEEDS / name)
        got = fields_of(extract_directive(text.text, wrapped=text.wrapped))
        misses = score(expected, got)
        total += counted(expected, got)
        right += counted(expected, got) - len(misses)
        wrong += [f"{name} {field}: cần {want!r}, đọc được {have!r}" for field, want, have in misses]
    assert total > 300  # the corpus is not empty, nor shrunk unnoticed
    assert right / total >= 0.95, "\n".join(wrong)


@pytest.mark.parametrize("doc", DOCS[:3], ids=lambda d: d.name)
def test_the_json_of_intake_gives_plain_values_and_a_confidence_per_field(cli, tmp_path, doc):
    path = docx_file(doc, tmp_path / f"{doc.name}.docx")
    result = cli("directives", "intake", path, "--json")
    assert result.code == 0, result.err
    out = result.json
    assert score(doc.expected, as_json_fields(out)) == []
    for name in ("number", "kind", "issuer", "place", "issued_on", "subject", "signer_name", "signer_title"):
        assert isinstance(out[name], str)
    assert all(isinstance(x, str) for x in out["recipients"] + out["referenced_documents"])
    assert set(FIELDS) <= set(out["confidence"])
    assert all(0.0 <= v <= 1.0 for v in out["confidence"].values())
    assert out["confidence"]["number"] >= 0.9 and out["confidence"]["parent_issuer"] == (0.0 if not doc.expected["parent_issuer"] else out["confidence"]["parent_issuer"])
    assert out["file_format"] == "docx" and out["doubtful"] == []


def test_pdfs_exported_by_an_office_suite_are_read_as_well(tmp_path):
    need("soffice")
    total = right = 0
    wrong: list[str] = []
    for doc, path in office_pdf_files(DOCS, tmp_path):
        name = path.name
        text = read_document_text(path)
        got = fields_of(extract_directive(text.text, wrapped=text.wrapped))
        misses = score(doc.expected, got)
        total += counted(doc.expected, got)
        right += counted(doc.expected, got) - len(misses)
        wrong += [f"{name} {field}: cần {want!r}, đọc được {have!r}" for field, want, have in misses]
    assert total > 100
    assert right / total >= 0.95, "\n".join(wrong)
