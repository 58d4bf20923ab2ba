"""A package's report counts as on time by the day this office received it
(the import day, the e-mail's Date header, or the day the clerk says a stick
was handed in), not by the date its sender wrote on it; that date is kept
and shown beside it."""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage

from tests.conftest import TODAY, db_snapshot


def _import(cli, db, *files, extra=()):
    result = cli("package", "import", *files, *extra, "--json", db=db)
    assert result.code in (0, 2), result.err
    return result.code, result.json


def _row(cli, db):
    status = cli("status", "--as-of", "30/04/2022", "--json", db=db).json
    (row,) = status["directives"][0]["requirements"]
    return row


def test_a_package_imported_years_after_the_deadline_is_late_whatever_date_it_bears(lower_office, export, upper, cli):
    package = export(lower_office())  # report dated 20/04/2022, due 30/04/2022
    code, (result,) = _import(cli, upper, package, extra=["--trust-new"])
    assert code == 0 and result["status"] == "accepted"
    assert (result["report_date"], result["received_on"]) == ("2022-04-20", TODAY.isoformat())
    row = _row(cli, upper)
    assert (row["on_time"], row["missing"]) == (0, 3)  # as of 30/04/2022 nothing had arrived


def test_a_clerk_enters_the_day_a_stick_was_handed_in(lower_office, export, upper, cli):
    package = export(lower_office())
    code, (result,) = _import(cli, upper, package, extra=["--trust-new", "--received", "29/04/2022"])
    assert code == 0 and (result["report_date"], result["received_on"]) == ("2022-04-20", "2022-04-29")
    assert _row(cli, upper)["on_time"] == 1


def test_the_text_result_shows_the_report_date_beside_the_received_date(lower_office, export, upper, cli):
    package = export(lower_office())
    result = cli("package", "import", package, "--trust-new", "--received", "29/04/2022", db=upper)
    assert result.code == 0 and "Báo cáo ngày 20/04/2022, nhận ngày 29/04/2022." in result.out


def test_a_received_date_after_today_or_before_the_report_is_refused(lower_office, export, upper, cli):
    package = export(lower_office())
    before = db_snapshot(upper)
    tomorrow = f"{TODAY + timedelta(days=1):%d/%m/%Y}"
    future = cli("package", "import", package, "--trust-new", "--received", tomorrow, db=upper)
    assert future.code == 2 and "ở sau hôm nay" in future.err
    code, (early,) = _import(cli, upper, package, extra=["--trust-new", "--received", "19/04/2022"])
    assert code == 2 and early["status"] == "rejected" and "trước ngày của báo cáo (20/04/2022)" in early["reason"]
    nonsense = cli("package", "import", package, "--trust-new", "--received", "31/02/2022", db=upper)
    assert nonsense.code == 2 and "31/02/2022" in nonsense.err
    assert db_snapshot(upper) == before


def _mail(package, date_header: str, path):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "huyen@example.vn", "tinh@example.vn", "Báo cáo"
    msg["Date"] = date_header
    msg.set_content("Gửi báo cáo.")
    msg.add_attachment(package.read_bytes(), maintype="application", subtype="zip", filename=package.name)
    path.write_bytes(msg.as_bytes())
    return path


def test_a_package_from_a_saved_email_is_received_on_the_emails_day_in_vietnam(lower_office, export, upper, cli,
                                                                               tmp_path):
    package = export(lower_office())
    # 17:30 UTC on 30 April is already 1 May in Vietnam: one day late.
    late = _mail(package, "Sat, 30 Apr 2022 17:30:00 +0000", tmp_path / "thu-muon.eml")
    code, (result,) = _import(cli, upper, late, extra=["--trust-new"])
    assert code == 0 and result["received_on"] == "2022-05-01" and result["report_date"] == "2022-04-20"
    assert _row(cli, upper)["on_time"] == 0


def test_an_emails_date_in_time_counts_the_report_on_time(lower_office, export, upper, cli, tmp_path):
    package = export(lower_office())
    mail = _mail(package, "Fri, 29 Apr 2022 10:00:00 +0700", tmp_path / "thu.eml")
    code, (result,) = _import(cli, upper, mail, extra=["--trust-new"])
    assert code == 0 and result["received_on"] == "2022-04-29"
    assert _row(cli, upper)["on_time"] == 1


def test_an_emails_date_after_today_is_taken_as_today(lower_office, export, upper, cli, tmp_path):
    package = export(lower_office())
    mail = _mail(package, "Fri, 01 Jan 2100 10:00:00 +0700", tmp_path / "thu.eml")
    code, (result,) = _import(cli, upper, mail, extra=["--trust-new"])
    assert code == 0 and result["received_on"] == TODAY.isoformat()


def test_a_correction_received_later_keeps_the_report_on_time(lower_office, export, upper, cli, run):
    office = lower_office()
    first = export(office)
    run(office.db, "report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "15/04/2022", "--date", "25/04/2022",
        "--out", office.folder / "bao-cao")
    second = export(office, report=2)
    assert _import(cli, upper, first, extra=["--trust-new", "--received", "29/04/2022"])[0] == 0
    code, (result,) = _import(cli, upper, second)
    assert code == 0 and result["status"] == "superseded" and result["received_on"] == TODAY.isoformat()
    assert _row(cli, upper)["on_time"] == 1


def test_the_receipt_tells_the_sender_the_day_its_report_was_received(lower_office, export, upper, cli, tmp_path):
    import json
    import zipfile

    from desktop.io.signing import create_office_key
    from tests.exchange.conftest import PASS, UPPER

    office = lower_office()
    package = export(office)
    key = tmp_path / "tinh.p12"
    create_office_key(UPPER, key, PASS.encode())
    code, (result,) = _import(cli, upper, package, extra=["--trust-new", "--received", "29/04/2022", "--receipts",
                                                          tmp_path / "bn", "--key", key, "--passphrase-file",
                                                          office.passfile])
    assert code == 0
    with zipfile.ZipFile(result["receipt"]) as zf:
        assert json.loads(zf.read("bien-nhan.json"))["received_on"] == "2022-04-29"
