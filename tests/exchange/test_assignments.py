"""Two-way exchange across three levels in one chain: the province assigns
a directive to two district offices (which pass it further down with
their own earlier deadline), their grassroots units answer, the districts
report up by identity, the province returns one report and counts its
correction, and the province's own report carries totals that equal the
sum of the grassroots units' figures, by member office and by sector.
Replays, stale versions and forged documents are refused with their
reason and write nothing."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.io.package.assignment import ASSIGNMENT, write_assignment
from desktop.io.package.notice import write_notice
from desktop.io.signing import Pkcs12Key, open_signer
from tests.conftest import db_snapshot, query, write_xlsx
from tests.exchange.conftest import PASS

PROVINCE = "Liên đoàn Lao động tỉnh Lai Châu"
TLD = "Tổng Liên đoàn Lao động Việt Nam"
DISTRICTS = ["Liên đoàn Lao động huyện Tam Đường", "Liên đoàn Lao động huyện Sìn Hồ"]
# Each district's grassroots units: (name, sector, sessions, participants).
UNITS = {
    DISTRICTS[0]: [("Công đoàn Trường Tiểu học Bình Lư", "Hành chính sự nghiệp", 2, 40),
                   ("Công đoàn Công ty Điện lực Tam Đường", "Doanh nghiệp nhà nước", 3, 60)],
    DISTRICTS[1]: [("Công đoàn Trường Mầm non Sìn Hồ", "Hành chính sự nghiệp", 1, 20),
                   ("Công đoàn Công ty TNHH Chè Sìn Hồ", "Ngoài nhà nước", 4, 80)],
}
DIRECTIVE = "15/KH-LĐLĐ"


@dataclass
class Office:
    name: str
    db: object
    key: Path
    passfile: Path
    folder: Path


def _office(run, tmp: Path, new_db, name: str, parent: str | None, slug: str, units: list[list]) -> Office:
    folder = tmp / slug
    folder.mkdir()
    db = new_db(slug)
    run(db, "init", "--office", name, *(["--parent", parent] if parent else []), "--symbol", "LĐLĐ", "--signer-name",
        "Lò Văn Minh", "--signer-title", "CHỦ TỊCH")
    run(db, "units", "import", write_xlsx(folder / "dv.xlsx", units))
    passfile = folder / "pass.txt"
    passfile.write_text(PASS + "\n", encoding="utf-8")
    key = folder / "khoa.p12"
    run(db, "keys", "create", "--org", name, "--out", key, "--passphrase-file", passfile)
    return Office(name, db, key, passfile, folder)


def _sign(office: Office, *args):
    return [*args, "--key", office.key, "--passphrase-file", office.passfile]


def _doc(package: Path, member: str) -> dict:
    with zipfile.ZipFile(package) as zf:
        return json.loads(zf.read(member))


def test_three_levels_assign_down_report_up_return_and_roll_up(run, cli, tmp_path, new_db):
    province = _office(run, tmp_path, new_db, PROVINCE, TLD, "tinh", [["Tên đơn vị"], *([d] for d in DISTRICTS)])
    districts = [_office(run, tmp_path, new_db, d, PROVINCE, d.split()[-1].lower(),
                         [["Tên đơn vị", "Khối"], *([u, s] for u, s, _n, _p in UNITS[d])]) for d in DISTRICTS]
    tam_duong, sin_ho = districts

    # --- the province assigns: two requirements, indicators with units of measure
    run(province.db, "directives", "add", "--number", DIRECTIVE, "--issuer", PROVINCE, "--date", "01/11/2026",
        "--subject", "Tuyên truyền Nghị quyết Đại hội Công đoàn")
    run(province.db, "requirements", "add", "--directive", DIRECTIVE, "--title", "Báo cáo kết quả quán triệt",
        "--due", "30/11/2026", "--indicator", "Số buổi|buổi", "--indicator", "Số người tham dự|người")
    run(province.db, "requirements", "add", "--directive", DIRECTIVE, "--title", "Xây dựng kế hoạch thực hiện",
        "--due", "15/12/2026")
    out = run(province.db, *_sign(province, "assign", "export", "--directive", DIRECTIVE, "--out",
                                  province.folder / "giao", "--json")).json
    assignment = Path(out["package"])
    assert out["version"] == 1 and out["requirements"] == 2
    sent_doc = _doc(assignment, ASSIGNMENT)
    uids = [r["uid"] for r in sent_doc["requirements"]]
    assert sent_doc["requirements"][0]["indicators"] == [
        {"key": "so_buoi", "label": "Số buổi", "unit": "buổi"},
        {"key": "so_nguoi_tham_du", "label": "Số người tham dự", "unit": "người"}]

    # --- each district takes it in after comparing the province's fingerprint
    first = cli("assign", "import", assignment, "--json", db=tam_duong.db)
    assert first.code == 2 and first.json[0]["status"] == "rejected" and "so dấu vân tay" in first.json[0]["reason"]
    assert "--trust-new" in first.json[0]["reason"]
    for d in districts:
        taken = run(d.db, "assign", "import", assignment, "--trust-new", "--json").json[0]
        assert taken["status"] == "accepted" and taken["directive"] == DIRECTIVE and taken["pinned"]
    reqs = query(tam_duong.db, "SELECT id, uid, first_due, upper_due FROM requirement ORDER BY id")
    assert [r[1] for r in reqs] == uids and str(reqs[0][3]) == "2026-11-30"
    # Tam Đường's own, earlier deadline for its units; not after the province's.
    late = cli("assign", "deadline", "--requirement", reqs[0][0], "--due", "05/12/2026", db=tam_duong.db)
    assert late.code != 0 and "không được sau hạn cấp trên" in late.err
    run(tam_duong.db, "assign", "deadline", "--requirement", reqs[0][0], "--due", "25/11/2026")
    # ... and passes the assignment further down: same identities, its own deadline, its own signature.
    down = run(tam_duong.db, *_sign(tam_duong, "assign", "export", "--directive", DIRECTIVE, "--out",
                                    tam_duong.folder / "giao", "--json")).json
    down_doc = _doc(Path(down["package"]), ASSIGNMENT)
    assert down_doc["directive"]["uid"] == sent_doc["directive"]["uid"]
    assert [r["uid"] for r in down_doc["requirements"]] == uids
    assert down_doc["requirements"][0]["first_due"] == "2026-11-25" and down_doc["issuer"]["name"] == DISTRICTS[0]

    # --- grassroots units answer each district; the districts report up by identity
    packages = {}
    for d in districts:
        rid = query(d.db, "SELECT id FROM requirement WHERE uid = :u", u=uids[0])[0][0]
        for unit, _sector, sessions, people in UNITS[d.name]:
            run(d.db, "submissions", "record", "--unit", unit, "--requirement", rid, "--received", "20/11/2026",
                "--set", f"so_buoi={sessions}", "--set", f"so_nguoi_tham_du={people}")
        run(d.db, "report", "make", "--directive", DIRECTIVE, "--requirement", rid, "--as-of", "24/11/2026",
            "--date", "24/11/2026", "--out", d.folder / "bao-cao")
        packages[d.name] = Path(run(d.db, *_sign(d, "package", "export", "--report", 1, "--out", d.folder / "goi",
                                                 "--json")).json["package"])
        manifest = _doc(packages[d.name], "manifest.json")
        assert manifest["format_version"] == "1.1" and manifest["answers"]["requirement_uid"] == uids[0]

    # The province's directive has two requirements: no --requirement, matched by identity.
    for d in districts:
        result = run(province.db, "package", "import", packages[d.name], "--trust-new", "--json").json[0]
        assert result["status"] == "accepted", result
    waiting = run(province.db, "review", "list", "--json").json
    assert [(w["office"], w["requirement"], w["period"], w["state"]) for w in waiting] == [
        (DISTRICTS[0], "Báo cáo kết quả quán triệt", 1, "waiting"), (DISTRICTS[1], "Báo cáo kết quả quán triệt", 1,
                                                                       "waiting")]
    assert all(w["received_on"] == "2026-11-24" for w in waiting)
    ids = {w["office"]: w["id"] for w in waiting}

    # Replay of a report: nothing written.
    before = db_snapshot(province.db)
    again = run(province.db, "package", "import", packages[DISTRICTS[0]], "--json").json[0]
    assert again["status"] == "duplicate" and db_snapshot(province.db) == before

    # --- review: accept Tam Đường, return Sìn Hồ with a reason and a date
    run(province.db, "review", "accept", ids[DISTRICTS[0]])
    returned = run(province.db, *_sign(province, "review", "return", ids[DISTRICTS[1]], "--reason",
                                       "Thiếu số liệu của Công đoàn Công ty TNHH Chè Sìn Hồ", "--by", "28/11/2026",
                                       "--out", province.folder / "tra-lai", "--json")).json
    notice = Path(returned["package"])
    assert returned["state"] == "returned" and notice.is_file()
    assert run(province.db, "review", "list", "--json").json == []
    # A returned report stops counting until its correction arrives.
    counted = query(province.db, "SELECT o.name FROM submission s JOIN organization o ON o.id = s.organization_id")
    assert counted == [(DISTRICTS[0],)]

    # A return forged by a member office (Tam Đường's key) is refused at Sìn Hồ; nothing written.
    with open_signer(Pkcs12Key(tam_duong.key, PASS.encode())) as signer:
        forged = write_notice(tmp_path / "gia", signer, decision="returned", package=_doc(notice, "thong-bao-duyet.json")
                              ["package"], reviewer=PROVINCE, reason="Trả lại giả", correct_by=None,
                              reviewed_on=date(2026, 11, 24))
    before = db_snapshot(sin_ho.db)
    refused = cli("package", "import", forged, "--json", db=sin_ho.db)
    assert refused.code == 2 and refused.json[0]["status"] == "rejected"
    assert "khóa khác với khóa của văn phòng cấp trên" in refused.json[0]["reason"]
    assert db_snapshot(sin_ho.db) == before

    # Sìn Hồ takes the genuine notice in: its sent report shows returned, with the reason.
    taken = run(sin_ho.db, "package", "import", notice, "--json").json[0]
    assert taken["status"] == "accepted" and "Thiếu số liệu" in taken["reason"]
    sent = run(sin_ho.db, "package", "sent", "--json").json
    assert sent[0]["review"] == "returned" and sent[0]["reason"].startswith("Thiếu số liệu")
    assert sent[0]["correct_by"] == "2026-11-28"
    before = db_snapshot(sin_ho.db)
    assert run(sin_ho.db, "package", "import", notice, "--json").json[0]["status"] == "duplicate"
    assert db_snapshot(sin_ho.db) == before

    # --- Sìn Hồ corrects (5 sessions, not 4) and resends; the correction arrives by the date the return gave.
    rid = query(sin_ho.db, "SELECT id FROM requirement WHERE uid = :u", u=uids[0])[0][0]
    run(sin_ho.db, "submissions", "record", "--unit", UNITS[DISTRICTS[1]][1][0], "--requirement", rid, "--received",
        "20/11/2026", "--set", "so_buoi=5")
    run(sin_ho.db, "report", "make", "--directive", DIRECTIVE, "--requirement", rid, "--as-of", "24/11/2026",
        "--date", "24/11/2026", "--out", sin_ho.folder / "bao-cao-2")
    corrected = Path(run(sin_ho.db, *_sign(sin_ho, "package", "export", "--report", 2, "--out",
                                          sin_ho.folder / "goi-2", "--json")).json["package"])
    result = run(province.db, "package", "import", corrected, "--json").json[0]
    assert result["status"] == "superseded"
    # The stale first version, offered again, is a replay: nothing changes.
    before = db_snapshot(province.db)
    assert run(province.db, "package", "import", packages[DISTRICTS[1]], "--json").json[0]["status"] == "duplicate"
    assert db_snapshot(province.db) == before
    trail = run(province.db, "review", "list", "--all", "--json").json
    sin_ho_trail = [(t["state"], t["reason"], t["superseded"]) for t in trail if t["office"] == DISTRICTS[1]]
    assert sin_ho_trail == [("returned", "Thiếu số liệu của Công đoàn Công ty TNHH Chè Sìn Hồ", True),
                            ("waiting", None, False)]
    # Accepted, with a signed notice of acceptance going down: the trail is on both sides.
    accepted = run(province.db, *_sign(province, "review", "accept", [t for t in trail if t["office"] == DISTRICTS[1]]
                                       [-1]["id"], "--out", province.folder / "chap-nhan", "--json")).json
    assert accepted["state"] == "accepted"
    assert run(sin_ho.db, "package", "import", accepted["package"], "--json").json[0]["status"] == "accepted"
    sent = run(sin_ho.db, "package", "sent", "--json").json
    assert [(s["report_number"], s["review"]) for s in sent] == [("02/BC-LĐLĐ", "accepted"), ("01/BC-LĐLĐ", "returned")]
    received = query(province.db, "SELECT o.name, s.received_on, s.indicator_values FROM submission s JOIN organization"
                     " o ON o.id = s.organization_id ORDER BY o.name")
    assert [(n, str(r)) for n, r, _v in received] == [(DISTRICTS[1], "2026-11-24"), (DISTRICTS[0], "2026-11-24")]
    audit = query(province.db, "SELECT after FROM audit_log WHERE entity = 'received_package' AND action = 'update'")
    assert any("returned" in str(a) for (a,) in audit) and any("accepted" in str(a) for (a,) in audit)

    # --- roll-up: the province's report to the Tổng LĐLĐ equals the grassroots units' figures
    run(province.db, "report", "make", "--directive", DIRECTIVE, "--requirement", 1, "--as-of", "24/11/2026",
        "--date", "24/11/2026", "--out", province.folder / "bao-cao")
    up = Path(run(province.db, *_sign(province, "package", "export", "--report", 1, "--out", province.folder / "goi",
                                      "--json")).json["package"])
    section = _doc(up, "data.json")["sections"][0]
    figures = {d: [(u, s, n, p) for u, s, n, p in rows] for d, rows in UNITS.items()}
    figures[DISTRICTS[1]][1] = (*figures[DISTRICTS[1]][1][:2], 5, 80)
    units = [row for rows in figures.values() for row in rows]
    totals = {i["key"]: i["total"] for i in section["indicators"]}
    assert totals == {"so_buoi": sum(u[2] for u in units), "so_nguoi_tham_du": sum(u[3] for u in units)}
    assert totals == {"so_buoi": 11, "so_nguoi_tham_du": 200}
    assert {i["key"]: i["unit"] for i in section["indicators"]} == {"so_buoi": "buổi", "so_nguoi_tham_du": "người"}
    by_office = {u["name"]: u["values"] for u in section["units"]}
    assert by_office == {d: {"so_buoi": sum(u[2] for u in rows), "so_nguoi_tham_du": sum(u[3] for u in rows)}
                         for d, rows in figures.items()}
    expected_sectors: dict = {}
    for _name, sector, n, p in units:
        bucket = expected_sectors.setdefault(sector, {"so_buoi": 0, "so_nguoi_tham_du": 0})
        bucket["so_buoi"] += n
        bucket["so_nguoi_tham_du"] += p
    assert section["by_sector"] == expected_sectors
    assert section["by_sector"]["Hành chính sự nghiệp"] == {"so_buoi": 3, "so_nguoi_tham_du": 60}

    # One level more: the Tổng LĐLĐ takes the province's report in (a directive the province registered
    # itself: matched by number) and its own report keeps the grassroots units' sectors.
    tld = _office(run, tmp_path, new_db, TLD, None, "tld", [["Tên đơn vị"], [PROVINCE]])
    run(tld.db, "directives", "add", "--number", DIRECTIVE, "--issuer", PROVINCE, "--date", "01/11/2026",
        "--subject", "Tuyên truyền Nghị quyết Đại hội Công đoàn")
    run(tld.db, "requirements", "add", "--directive", DIRECTIVE, "--title", "Báo cáo của LĐLĐ tỉnh", "--due",
        "30/11/2026", "--indicator", "so_buoi:Số buổi|buổi", "--indicator", "so_nguoi_tham_du:Số người tham dự|người")
    assert run(tld.db, "package", "import", up, "--trust-new", "--json").json[0]["status"] == "accepted"
    run(tld.db, "report", "make", "--directive", DIRECTIVE, "--requirement", 1, "--as-of", "24/11/2026",
        "--date", "24/11/2026", "--out", tld.folder / "bao-cao")
    top = Path(run(tld.db, *_sign(tld, "package", "export", "--report", 1, "--out", tld.folder / "goi",
                                  "--json")).json["package"])
    national = _doc(top, "data.json")["sections"][0]
    assert {i["key"]: i["total"] for i in national["indicators"]} == {"so_buoi": 11, "so_nguoi_tham_du": 200}
    assert national["by_sector"] == expected_sectors


def test_stale_and_forged_assignments_are_refused_and_write_nothing(run, cli, tmp_path, new_db):
    province = _office(run, tmp_path, new_db, PROVINCE, TLD, "tinh", [["Tên đơn vị"], *([d] for d in DISTRICTS)])
    district, sibling = [_office(run, tmp_path, new_db, d, PROVINCE, d.split()[-1].lower(),
                                 [["Tên đơn vị"], [f"Công đoàn cơ sở {d.split()[-1]}"]]) for d in DISTRICTS]
    run(province.db, "directives", "add", "--number", DIRECTIVE, "--issuer", PROVINCE, "--date", "01/11/2026",
        "--subject", "Tuyên truyền")
    run(province.db, "requirements", "add", "--directive", DIRECTIVE, "--title", "Báo cáo kết quả",
        "--due", "30/11/2026", "--indicator", "Số buổi|buổi")
    export = ["assign", "export", "--directive", DIRECTIVE, "--out", province.folder / "giao", "--json"]
    v1 = Path(run(province.db, *_sign(province, *export)).json["package"])
    run(province.db, "requirements", "add", "--directive", DIRECTIVE, "--title", "Kế hoạch", "--due", "15/12/2026")
    v2 = Path(run(province.db, *_sign(province, *export)).json["package"])
    assert _doc(v2, ASSIGNMENT)["version"] == 2

    assert run(district.db, "assign", "import", v2, "--trust-new", "--json").json[0]["status"] == "accepted"
    run(sibling.db, "assign", "import", v1, "--trust-new", "--json")

    # The older version, after the newer one: refused, nothing written.
    before = db_snapshot(district.db)
    stale = cli("assign", "import", v1, "--json", db=district.db)
    assert stale.code == 2 and "phiên bản 1 cũ hơn phiên bản 2" in stale.json[0]["reason"]
    # The same version again: a replay, nothing written.
    assert run(district.db, "assign", "import", v2, "--json").json[0]["status"] == "duplicate"
    assert db_snapshot(district.db) == before

    # A sibling office forges the province's assignment with its own key.
    doc = _doc(v2, ASSIGNMENT)
    content = {k: doc[k] for k in ("issuer", "directive", "requirements")}
    content["version"] = 3
    content["requirements"][0]["first_due"] = "2026-11-25"
    with open_signer(Pkcs12Key(sibling.key, PASS.encode())) as signer:
        forged = write_assignment(tmp_path / "gia", signer, content)
    refused = cli("assign", "import", forged, "--json", db=district.db)
    assert refused.code == 2 and "khóa khác với khóa của văn phòng cấp trên" in refused.json[0]["reason"]
    # ... and where nothing is pinned yet, its certificate does not name the province.
    fresh = _office(run, tmp_path, new_db, "Liên đoàn Lao động huyện Phong Thổ", PROVINCE, "tho", [["Tên đơn vị"], ["X"]])
    refused = cli("assign", "import", forged, "--trust-new", "--json", db=fresh.db)
    assert refused.code == 2 and "không phải của văn phòng cấp trên" in refused.json[0]["reason"]
    assert db_snapshot(district.db) == before
    # The updated version moves a deadline this office had not changed.
    assert query(district.db, "SELECT count(*) FROM requirement")[0][0] == 2


def test_which_received_date_a_correction_counts_by_is_the_requirements_rule():
    from types import SimpleNamespace

    from desktop.core.review import counted_on

    class Rows:
        def exec(self, _stmt):
            return [SimpleNamespace(received_on=date(2026, 11, 20)), SimpleNamespace(received_on=date(2026, 12, 3))]

    returned = SimpleNamespace(organization_id=1, requirement_id=1, period=1, correct_by=date(2026, 11, 28))
    rule = lambda name: SimpleNamespace(correction_rule=name)  # noqa: E731
    # Default: the first version's date, if the correction came by the date the return gave.
    assert counted_on(Rows(), returned, rule(None), date(2026, 11, 27)) == date(2026, 11, 20)
    assert counted_on(Rows(), returned, rule(None), date(2026, 12, 3)) == date(2026, 12, 3)
    assert counted_on(Rows(), returned, rule("first"), date(2026, 12, 3)) == date(2026, 11, 20)
    assert counted_on(Rows(), returned, rule("correction"), date(2026, 11, 27)) == date(2026, 11, 27)
    no_date = SimpleNamespace(**{**vars(returned), "correct_by": None})
    assert counted_on(Rows(), no_date, rule(None), date(2026, 12, 3)) == date(2026, 11, 20)


def test_a_package_of_format_1_0_still_imports_by_the_directives_number(lower_office, export, upper, cli, tmp_path,
                                                                         monkeypatch):
    from desktop.io.package import build
    from tests.exchange.conftest import package_signed_by

    office = lower_office()
    export(office)

    def old(data):
        data["format_version"] = "1.0"
        for section in data["sections"]:
            section.pop("by_sector", None)
            for i in section["indicators"]:
                i.pop("unit", None)
            for u in section["units"]:
                u.pop("sector", None)

    monkeypatch.setattr(build, "VERSION", "1.0")
    with open_signer(Pkcs12Key(office.key, PASS.encode())) as signer:
        package = package_signed_by(office, signer, tmp_path / "cu", change=old)
    assert _doc(package, "manifest.json")["format_version"] == "1.0"
    assert "answers" not in _doc(package, "manifest.json")
    result = cli("package", "import", package, "--trust-new", "--json", db=upper)
    assert result.code == 0 and result.json[0]["status"] == "accepted", result.json
    assert query(upper, "SELECT indicator_values FROM submission")[0][0] in ('{"sessions": 5}', {"sessions": 5})


def test_an_altered_or_unknown_assignment_is_refused_with_its_reason(run, cli, tmp_path, new_db):
    from desktop.io.package.signed_doc import write_signed
    from tests.exchange.conftest import members, write_members

    province = _office(run, tmp_path, new_db, PROVINCE, TLD, "tinh", [["Tên đơn vị"], [DISTRICTS[0]]])
    district = _office(run, tmp_path, new_db, DISTRICTS[0], PROVINCE, "duong", [["Tên đơn vị"], ["Công đoàn A"]])
    run(province.db, "directives", "add", "--number", DIRECTIVE, "--issuer", PROVINCE, "--date", "01/11/2026",
        "--subject", "Tuyên truyền")
    run(province.db, "requirements", "add", "--directive", DIRECTIVE, "--title", "Báo cáo", "--due", "30/11/2026")
    good = Path(run(province.db, *_sign(province, "assign", "export", "--directive", DIRECTIVE, "--out",
                                        province.folder / "giao", "--json")).json["package"])
    files = members(good)
    doc = json.loads(files[ASSIGNMENT])
    altered = write_members(tmp_path / "sua.zip", {**files, ASSIGNMENT: files[ASSIGNMENT].replace(b"30", b"31", 1)})
    extra = write_members(tmp_path / "them.zip", {**files, "khac.txt": b"x"})
    with open_signer(Pkcs12Key(province.key, PASS.encode())) as signer:
        newer = write_signed(tmp_path / "moi", "moi", ASSIGNMENT, {**doc, "format_version": "2.0"}, signer)
        bad_date = write_signed(tmp_path / "ngay", "ngay", ASSIGNMENT,
                                {**doc, "requirements": [{**doc["requirements"][0], "first_due": "2026-02-30"}]}, signer)
    before = db_snapshot(district.db)
    reasons = {}
    for path in (altered, extra, newer, bad_date):
        result = cli("assign", "import", path, "--trust-new", "--json", db=district.db)
        assert result.code == 2 and result.json[0]["status"] == "rejected", result.json
        reasons[path.name] = result.json[0]["reason"]
    assert "chữ ký của gói giao nhiệm vụ không hợp lệ" in reasons["sua.zip"]
    assert "phải có đúng hai tệp" in reasons["them.zip"]
    assert "phiên bản Theo dõi mới hơn" in reasons["moi.zip"]
    assert "first_due" in reasons["ngay.zip"]
    assert db_snapshot(district.db) == before
    # A report package handed to assign import, or an assignment to package import, says where it goes.
    wrong = cli("package", "import", good, "--json", db=district.db)
    assert wrong.code == 2 and "gói giao nhiệm vụ" in wrong.json[0]["reason"]


def test_a_sealed_assignment_is_opened_by_assign_import_with_the_office_key(run, cli, tmp_path, new_db):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    from desktop.io.package.seal import seal

    province = _office(run, tmp_path, new_db, PROVINCE, TLD, "tinh", [["Tên đơn vị"], *([d] for d in DISTRICTS)])
    district, sibling = [_office(run, tmp_path, new_db, d, PROVINCE, d.split()[-1].lower(),
                                 [["Tên đơn vị"], [f"Công đoàn cơ sở {d.split()[-1]}"]]) for d in DISTRICTS]
    run(province.db, "directives", "add", "--number", DIRECTIVE, "--issuer", PROVINCE, "--date", "01/11/2026",
        "--subject", "Tuyên truyền")
    run(province.db, "requirements", "add", "--directive", DIRECTIVE, "--title", "Báo cáo kết quả",
        "--due", "30/11/2026", "--indicator", "Số buổi|buổi")
    plain = Path(run(province.db, *_sign(province, "assign", "export", "--directive", DIRECTIVE, "--out",
                                         province.folder / "giao", "--json")).json["package"])
    _key, cert, _ = pkcs12.load_key_and_certificates(district.key.read_bytes(), PASS.encode())
    sealed = tmp_path / "giao-niem-phong.p7m"
    sealed.write_bytes(seal(plain.read_bytes(), cert.public_bytes(serialization.Encoding.DER)))

    # Without the key: refused, asking for it; at the sibling: not its package.
    before = db_snapshot(district.db)
    asked = cli("assign", "import", sealed, "--trust-new", "--json", db=district.db)
    assert asked.code == 2 and asked.json[0]["needs"] == "key"
    assert db_snapshot(district.db) == before
    other = cli("assign", "import", sealed, "--trust-new", "--json", *_sign(sibling), db=sibling.db)
    assert other.code == 2 and other.json[0]["needs"] == "other"
    # With the district's own key it opens, verifies and registers as a plain one would.
    taken = run(district.db, "assign", "import", sealed, "--trust-new", "--json", *_sign(district)).json[0]
    assert taken["status"] == "accepted" and taken["directive"] == DIRECTIVE
    assert query(district.db, "SELECT count(*) FROM requirement")[0][0] == 1
