"""A package is booked against the office it names (code and name) and the
requirement of the directive it answers, never another's."""

from __future__ import annotations

from desktop.io.signing import Pkcs12Key, open_signer
from tests.conftest import db_snapshot, write_xlsx
from tests.exchange.conftest import LOWER, PASS, make_cert, package_signed_by


def _import(cli, db, *files, extra=()):
    result = cli("package", "import", *files, *extra, "--json", db=db)
    assert result.code in (0, 2), result.err
    return result.code, result.json


def test_a_sender_with_a_units_code_but_another_name_is_not_that_unit(lower_office, export, upper, cli, run, tmp_path):
    run(upper, "units", "import", write_xlsx(tmp_path / "ma.xlsx", [["Tên đơn vị", "Mã đơn vị"], [LOWER[0], "TD"]]))
    office = lower_office()
    export(office)
    # "TD" of another province: its own key, its own name, this office's code.
    elsewhere = package_signed_by(office, make_cert("Liên đoàn Lao động huyện Tân Dương").signer(), tmp_path / "khac",
                                  change=lambda d: d.update(sender={"name": "Liên đoàn Lao động huyện Tân Dương",
                                                                     "code": "TD", "parent_name": "LĐLĐ tỉnh khác"}))
    before = db_snapshot(upper)
    code, (result,) = _import(cli, upper, elsewhere, extra=["--trust-new"])
    assert code == 2 and "mã TD ở văn phòng này là “Liên đoàn Lao động huyện Tam Đường”" in result["reason"]
    assert db_snapshot(upper) == before
    assert cli("trust", "list", "--json", db=upper).json == []

    with open_signer(Pkcs12Key(office.key, PASS.encode())) as signer:
        coded = package_signed_by(office, signer, tmp_path / "dung",
                                  change=lambda d: d["sender"].update(code="TD"))
    code, (result,) = _import(cli, upper, coded, extra=["--trust-new"])
    assert code == 0 and result["sender"] == LOWER[0]


def test_a_requirement_of_another_directive_is_refused(lower_office, export, upper, cli, run):
    run(upper, "directives", "add", "--number", "99/KH-LĐLĐ", "--issuer", "Liên đoàn Lao động tỉnh Lai Châu",
        "--date", "01/03/2022", "--subject", "Vận động quỹ")
    run(upper, "requirements", "add", "--directive", "99/KH-LĐLĐ", "--title", "Báo cáo quỹ", "--due", "30/06/2022",
        "--indicator", "sessions:Số tiền")
    package = export(lower_office())
    before = db_snapshot(upper)
    code, (result,) = _import(cli, upper, package, extra=["--trust-new", "--requirement", "2"])
    assert code == 2 and "báo cáo theo văn bản số 314/KH-LĐLĐ" in result["reason"] and "99/KH-LĐLĐ" in result["reason"]
    assert db_snapshot(upper) == before


def test_indicators_the_requirement_does_not_have_are_refused(lower_office, export, upper, cli, run):
    run(upper, "requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo kinh phí",
        "--due", "30/06/2022", "--indicator", "amount:Số tiền")
    package = export(lower_office())
    before = db_snapshot(upper)
    code, (result,) = _import(cli, upper, package, extra=["--trust-new", "--requirement", "2"])
    assert code == 2 and "chỉ tiêu sessions" in result["reason"]
    assert db_snapshot(upper) == before
    code, (result,) = _import(cli, upper, package, extra=["--trust-new", "--requirement", "1"])
    assert code == 0 and result["status"] == "accepted"


def test_a_requirement_collecting_no_figures_takes_the_report_without_them(lower_office, export, upper, cli, run):
    run(upper, "requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Nộp báo cáo", "--due", "30/06/2022")
    package = export(lower_office())
    code, (result,) = _import(cli, upper, package, extra=["--trust-new", "--requirement", "2"])
    assert code == 0 and result["status"] == "accepted"
    from tests.conftest import query

    assert query(upper, "SELECT requirement_id, indicator_values FROM submission") in ([(2, None)], [(2, "null")])
