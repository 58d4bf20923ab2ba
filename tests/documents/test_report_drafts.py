"""The parts of a report people write: prefilled from the figures, saved as
a draft that outlives the program, printed under their headings around the
locked figures, issued only when asked, and kept with the issued report."""

from __future__ import annotations

import json
from datetime import date

import pytest

from db.session import unit_of_work
from desktop.core.drafts import issued_sections
from desktop.core.errors import UserError
from desktop.core.register import list_register
from desktop.io.reporting import default_sections_text, make_report
from tests.conftest import db_snapshot
from tests.documents.conftest import pdf_text

AS_OF, ISSUED = date(2022, 4, 30), date(2022, 5, 5)
CLERK = {
    "results": "Các công đoàn cơ sở khối giáo dục tổ chức 12 buổi quán triệt, lồng ghép sinh hoạt chuyên môn.",
    "shortcomings": "Khối doanh nghiệp ngoài nhà nước còn chậm.\nNguyên nhân: cán bộ công đoàn kiêm nhiệm.",
    "proposals": "Đề nghị LĐLĐ tỉnh mở lớp tập huấn nghiệp vụ báo cáo cho cán bộ công đoàn cơ sở.",
    "closing": "Trên đây là báo cáo của Liên đoàn Lao động huyện Tam Đường./.",
}


def flat(path, first=None, last=None) -> str:
    """The text of the pages, page numbers left out (a paragraph may go on
    over a page, its last lines kept with the signature)."""
    lines = pdf_text(path, first, last).splitlines()
    return " ".join(" ".join(line for line in lines if not line.strip().isdigit()).split())


def test_the_prefilled_sections_say_what_the_figures_say(engine, office_db):
    directive_id, requirement_id = office_db(units=10)
    text = default_sections_text(engine, directive_id=directive_id, requirement_id=requirement_id, period=None,
                                 as_of=AS_OF)
    assert set(text) == {"results", "shortcomings", "proposals", "closing"}
    assert "Tính đến ngày 30/04/2022, đã có 6/8 đơn vị thực hiện (đạt 75%), trong đó 4 đơn vị thực hiện đúng " \
           "thời hạn." in text["results"]
    assert "Còn 2 đơn vị chưa thực hiện và 2 đơn vị thực hiện chậm so với thời hạn." in text["shortcomings"]
    # The sectors with the lowest rate are named, every one of those tied.
    assert ("Tỷ lệ thực hiện thấp nhất là khối Doanh nghiệp nhà nước (1/2 đơn vị); khối Hành chính sự nghiệp "
            "(1/2 đơn vị).") in text["shortcomings"]
    assert "Thực hiện tốt nhất là khối Doanh nghiệp có vốn đầu tư nước ngoài (2/2 đơn vị); khối Doanh nghiệp " \
           "ngoài nhà nước (2/2 đơn vị)." in text["results"]
    assert "Nguyên nhân:" in text["shortcomings"]
    assert "Đề nghị LĐLĐ tỉnh Lai Châu tiếp tục quan tâm chỉ đạo" in text["proposals"]
    assert "tiếp tục đôn đốc 2 đơn vị chưa thực hiện" in text["proposals"]
    assert text["closing"].startswith("Trên đây là báo cáo của Liên đoàn Lao động huyện Tam Đường về kết quả thực "
                                      "hiện Kế hoạch số 314/KH-LĐLĐ")


def test_when_every_unit_reported_on_time_the_draft_says_so(engine, office_db):
    from db.models import Requirement
    from desktop.core.submissions import record_submission
    from desktop.core.units import find_unit

    directive_id, requirement_id = office_db(units=3)  # U001 missing, U002 and U003 on time
    with unit_of_work(engine) as s:
        record_submission(s, find_unit(s, "U001"), s.get(Requirement, requirement_id), received_on=date(2022, 3, 1),
                          values={"sessions": 1}, today=date(2022, 12, 31))
    text = default_sections_text(engine, directive_id=directive_id, requirement_id=requirement_id, period=None,
                                 as_of=AS_OF)
    assert "đã có 3/3 đơn vị thực hiện (đạt 100%), trong đó 3 đơn vị thực hiện đúng thời hạn" in text["results"]
    assert "chưa phát hiện tồn tại, hạn chế đáng kể" in text["shortcomings"]
    assert "Nguyên nhân" not in text["shortcomings"]
    assert "duy trì chế độ thông tin, báo cáo" in text["proposals"] and "đôn đốc" not in text["proposals"]


def test_before_the_deadline_the_draft_judges_nothing_yet(engine, office_db):
    directive_id, requirement_id = office_db(units=10)
    text = default_sections_text(engine, directive_id=directive_id, requirement_id=requirement_id, period=None,
                                 as_of=date(2022, 3, 25))  # the deadline is 31/03/2022
    assert "còn trong thời hạn thực hiện" in text["results"]
    assert "Chưa đến thời hạn báo cáo" in text["shortcomings"] and "đầy đủ, đúng thời hạn" not in text["shortcomings"]
    assert "thực hiện và báo cáo đúng thời hạn" in text["proposals"]


def test_the_clerks_sections_print_under_their_headings_around_the_locked_figures(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=10)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=AS_OF,
                       issued_on=ISSUED, out_dir=tmp_path, sections=CLERK)
    text = flat(made.files["pdf"])
    order = ["I. KẾT QUẢ ĐẠT ĐƯỢC", CLERK["results"],
             "Đã có 6/8 đơn vị thực hiện (đạt 75%)",  # the figures, generated and not editable
             "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "Khối doanh nghiệp ngoài nhà nước còn chậm.",
             "Nguyên nhân: cán bộ công đoàn kiêm nhiệm.", "III. ĐỀ XUẤT, KIẾN NGHỊ", CLERK["proposals"],
             CLERK["closing"], "Nơi nhận:", "Lò Văn Minh"]
    at = [text.find(piece) for piece in order]
    assert -1 not in at, [p for p, i in zip(order, at) if i == -1]
    assert at == sorted(at)
    assert "ĐÁNH GIÁ CHUNG" not in text


def test_missing_sections_keep_the_generated_text(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=10)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=AS_OF,
                       issued_on=ISSUED, out_dir=tmp_path, sections={"proposals": CLERK["proposals"]})
    text = flat(made.files["pdf"])
    assert CLERK["proposals"] in text
    assert "Tính đến ngày 30/04/2022, đã có 6/8 đơn vị thực hiện" in text  # generated results
    assert "về kết quả thực hiện Kế hoạch số 314/KH-LĐLĐ" in text  # generated closing


def test_the_issued_report_keeps_the_text_it_was_issued_with(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=10)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=AS_OF,
                       issued_on=ISSUED, out_dir=tmp_path, sections=CLERK)
    with unit_of_work(engine, commit=False) as s:
        kept = issued_sections(s, made.report_id)
    assert kept["proposals"] == CLERK["proposals"]
    assert kept["shortcomings"] == "Khối doanh nghiệp ngoài nhà nước còn chậm.\n\nNguyên nhân: cán bộ công đoàn kiêm nhiệm."


def _write(tmp_path, value, name="muc.json"):
    path = tmp_path / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_draft_is_saved_survives_a_restart_and_the_report_is_issued_from_it(office_db, cli, tmp_path, db_url):
    office_db(units=10)
    base = ["--directive", "314/KH-LĐLĐ", "--requirement", "1"]
    fresh = cli("report", "draft", "show", *base, "--as-of", "30/04/2022", "--json")
    assert fresh.code == 0, fresh.err
    assert fresh.json["saved"] is False and fresh.json["edited"] == []
    saved = cli("report", "draft", "save", *base, "--as-of", "30/04/2022", "--date", "05/05/2022",
                "--sections", _write(tmp_path, {"results": CLERK["results"], "proposals": CLERK["proposals"]}), "--json")
    assert saved.code == 0, saved.err
    assert saved.json["edited"] == ["proposals", "results"]
    assert cli("register", "list", "--json").json == []  # a draft takes no number
    # Each command opens the database anew: the draft is in it, as after a restart.
    shown = cli("report", "draft", "show", *base, "--json").json
    assert shown["saved"] and shown["as_of"] == "2022-04-30" and shown["sections"]["results"] == CLERK["results"]
    made = cli("report", "make", *base, "--date", "05/05/2022", "--out", tmp_path / "out", "--json")
    assert made.code == 0, made.err
    text = flat(made.json["pdf"], 1, 2)
    assert CLERK["results"] in text and CLERK["proposals"] in text
    assert "tính đến ngày 30/04/2022" in text  # the draft's date, not today's
    # Issued: the draft went with the report; the next one starts from the figures.
    assert cli("report", "draft", "show", *base, "--json").json["saved"] is False


def test_sections_win_over_the_assessment_with_a_warning_and_docx_is_in_the_json(office_db, cli, tmp_path):
    office_db(units=10)
    assessment = tmp_path / "danh-gia.txt"
    assessment.write_text("Đánh giá cũ không được dùng.", encoding="utf-8")
    made = cli("report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "30/04/2022", "--date", "05/05/2022",
               "--sections", _write(tmp_path, {"shortcomings": CLERK["shortcomings"]}), "--assessment-file", assessment,
               "--docx", "--out", tmp_path / "out", "--json")
    assert made.code == 0, made.err
    assert "--sections" in made.err and "--assessment-file" in made.err
    assert set(made.json) >= {"report_id", "number", "pdf", "xlsx", "docx", "pages"}
    assert made.json["docx"].endswith(".docx")
    text = flat(made.json["pdf"], 1, 3)
    assert "Khối doanh nghiệp ngoài nhà nước còn chậm." in text and "Đánh giá cũ" not in text
    listed = cli("register", "list", "--json").json
    assert listed[0]["files"][-1].endswith(".docx")


def test_the_assessment_alone_still_stands_for_the_results(office_db, cli, tmp_path):
    office_db(units=10)
    assessment = tmp_path / "danh-gia.txt"
    assessment.write_text("Các đơn vị thực hiện nghiêm túc.\n\nMột số đơn vị còn chậm.", encoding="utf-8")
    made = cli("report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "30/04/2022", "--date", "05/05/2022",
               "--assessment-file", assessment, "--out", tmp_path, "--json")
    assert made.code == 0, made.err
    text = flat(made.json["pdf"], 1, 3)
    assert text.find("I. KẾT QUẢ ĐẠT ĐƯỢC") < text.find("Các đơn vị thực hiện nghiêm túc.") < text.find("1. Báo cáo")


@pytest.mark.parametrize("content, message", [
    ({"ketqua": "x"}, "có mục “ketqua” không dùng được"),
    ({"results": 5}, "phải là văn bản"),
    (["x"], "phải là một đối tượng JSON"),
    ("{not json", "không phải JSON đúng dạng"),
])
def test_a_bad_sections_file_is_refused_naming_it_and_takes_no_number(office_db, cli, tmp_path, db_url, content,
                                                                      message):
    office_db(units=4)
    path = tmp_path / "muc.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    before = db_snapshot(db_url)
    result = cli("report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "30/04/2022", "--sections", path,
                 "--out", tmp_path)
    assert result.code == 2 and message in result.err and "muc.json" in result.err, result.err
    assert "--" not in result.err.split("muc.json")[-1]  # says what to do in words, not by a flag
    assert db_snapshot(db_url) == before


def test_annex_is_passed_from_the_command_line_to_the_renderer(office_db, cli, tmp_path, monkeypatch):
    import desktop.io.reporting as reporting

    office_db(units=4)
    seen = []
    real = reporting.render_report_pdf
    monkeypatch.setattr(reporting, "render_report_pdf", lambda *a, **k: seen.append(k["annex"]) or real(*a, **k))
    for extra in ([], ["--annex"]):
        made = cli("report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "30/04/2022", *extra,
                   "--out", tmp_path)
        assert made.code == 0, made.err
    assert seen == [None, True]


def test_a_draft_text_emptied_goes_back_to_the_figures_and_discard_forgets_the_draft(office_db, cli, tmp_path):
    office_db(units=10)
    base = ["--directive", "314/KH-LĐLĐ", "--requirement", "1", "--as-of", "30/04/2022"]
    cli("report", "draft", "save", *base, "--sections", _write(tmp_path, CLERK))
    again = cli("report", "draft", "save", *base, "--sections", _write(tmp_path, {"results": ""}), "--json").json
    assert "results" not in again["edited"] and "proposals" in again["edited"]
    assert cli("report", "draft", "discard", "--directive", "314/KH-LĐLĐ", "--requirement", "1", "--json").json == {
        "discarded": True}
    assert cli("report", "draft", "show", *base, "--json").json["edited"] == []


def test_a_draft_as_docx_takes_no_number(office_db, cli, tmp_path, db_url):
    office_db(units=4)
    cli("report", "draft", "save", "--directive", "314/KH-LĐLĐ", "--as-of", "30/04/2022",
        "--sections", _write(tmp_path, {"proposals": CLERK["proposals"]}))
    before = [l for l in db_snapshot(db_url) if "outgoing_document" in l]
    out = cli("report", "draft", "docx", "--directive", "314/KH-LĐLĐ", "--date", "05/05/2022", "--out", tmp_path,
              "--json")
    assert out.code == 0, out.err
    from docx import Document

    text = "\n".join(p.text for p in Document(out.json["docx"]).paragraphs)
    assert CLERK["proposals"] in text
    assert [l for l in db_snapshot(db_url) if "outgoing_document" in l] == before == []


def test_a_requirement_of_another_directive_is_refused_for_a_draft(engine, office_db):
    from desktop.core.drafts import save_draft

    directive_id, requirement_id = office_db(units=2)
    with pytest.raises(UserError, match="không thuộc văn bản"):
        with unit_of_work(engine) as s:
            save_draft(s, directive_id, 999, sections={})
    with unit_of_work(engine, commit=False) as s:
        assert list_register(s) == []


def test_the_office_above_typed_in_header_capitals_is_named_in_normal_case_in_the_proposals(engine, office_db):
    from desktop.core.office import get_office

    directive_id, requirement_id = office_db(units=4)
    with unit_of_work(engine) as s:
        get_office(s).parent_name = "LĐLĐ TỈNH LAI CHÂU"  # as the header prints it
    text = default_sections_text(engine, directive_id=directive_id, requirement_id=requirement_id, period=None,
                                 as_of=AS_OF)
    assert "Đề nghị LĐLĐ tỉnh Lai Châu tiếp tục" in text["proposals"]
    assert "TỈNH" not in text["proposals"]
