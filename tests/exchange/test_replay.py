"""Which of two packages of one report counts is decided by what their
signer wrote, never by the zip around it or the order they arrive in."""

from __future__ import annotations


from tests.conftest import db_snapshot, query
from tests.exchange.conftest import members, resign_manifest, write_members


def _import(cli, db, *files, extra=()):
    result = cli("package", "import", *files, *extra, "--json", db=db)
    assert result.code in (0, 2), result.err
    return result.code, result.json


def _same_day_reports(lower_office, export, run):
    """Reports 01 and 02 of one office, both dated 20/04/2022."""
    office = lower_office()
    first = export(office)
    run(office.db, "report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "15/04/2022", "--date", "20/04/2022",
        "--out", office.folder / "bao-cao")
    return office, first, export(office, report=2)


def _held(db):
    return query(db, "SELECT doc_number FROM submission")


def test_an_older_report_re_zipped_is_a_duplicate_and_the_figures_stay(lower_office, export, upper, cli, run, tmp_path):
    office, first, second = _same_day_reports(lower_office, export, run)
    assert _import(cli, upper, first, extra=["--trust-new"])[1][0]["status"] == "accepted"
    code, (newer,) = _import(cli, upper, second)
    assert code == 0 and newer["status"] == "superseded"
    assert _held(upper) == [("02/BC-LĐLĐ",)]

    # The same signed members in a new zip: other bytes, same package.
    files = members(first)
    rezipped = write_members(tmp_path / "goi-cu-nen-lai.zip", dict(reversed(list(files.items()))))
    assert rezipped.read_bytes() != first.read_bytes()
    before = db_snapshot(upper)
    code, (replay,) = _import(cli, upper, rezipped)
    assert code == 0 and replay["status"] == "duplicate"
    assert db_snapshot(upper) == before and _held(upper) == [("02/BC-LĐLĐ",)]


def test_an_older_report_arriving_after_the_newer_is_refused_whatever_its_zip(lower_office, export, upper, cli, run,
                                                                             tmp_path):
    office, first, second = _same_day_reports(lower_office, export, run)
    assert _import(cli, upper, second, extra=["--trust-new"])[0] == 0
    rezipped = write_members(tmp_path / "goi-cu.zip", members(first))
    before = db_snapshot(upper)
    code, (old,) = _import(cli, upper, rezipped)
    assert code == 2 and old["status"] == "rejected" and "không mới hơn" in old["reason"] and "02/BC-LĐLĐ" in old["reason"]
    assert db_snapshot(upper) == before


def test_a_tie_in_signed_creation_time_does_not_go_to_the_later_arrival(lower_office, export, upper, cli, run,
                                                                       tmp_path):
    import json

    office, first, second = _same_day_reports(lower_office, export, run)
    created = json.loads(members(first)["manifest.json"])["created_at"]
    tied = write_members(tmp_path / "goi-02-cung-luc.zip",
                         resign_manifest(members(second), office, lambda m: m.update(created_at=created)))
    assert _import(cli, upper, first, extra=["--trust-new"])[0] == 0
    before = db_snapshot(upper)
    code, (result,) = _import(cli, upper, tied)
    assert code == 2 and "không mới hơn" in result["reason"]
    assert db_snapshot(upper) == before


def test_a_creation_time_that_is_not_a_time_is_refused(lower_office, export, upper, cli, tmp_path):
    office = lower_office()
    package = export(office)
    for bad in ("hôm qua", "2022-04-20T08:12:03", "2022-02-30T08:00:00+07:00"):
        forged = write_members(tmp_path / "goi.zip",
                               resign_manifest(members(package), office, lambda m, bad=bad: m.update(created_at=bad)))
        verified = cli("package", "verify", forged, "--json")
        assert verified.code == 2 and "manifest" in verified.json[0]["reason"], (bad, verified.json)
        code, (result,) = _import(cli, upper, forged, extra=["--trust-new"])
        assert code == 2 and result["status"] == "rejected", bad


def test_supersession_duplicates_and_received_dates_hold_on_either_database(lower_office, export, cli, run, db_url,
                                                                           tmp_path):
    """The upper office on this test's back end (SQLite or PostgreSQL)."""
    from tests.conftest import write_xlsx
    from tests.exchange.conftest import LOWER, UPPER

    run(db_url, "init", "--office", UPPER, "--symbol", "LĐLĐ")
    run(db_url, "units", "import", write_xlsx(tmp_path / "dv.xlsx", [["Tên đơn vị"], *([n] for n in LOWER)]))
    run(db_url, "directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", UPPER, "--date", "16/02/2022",
        "--subject", "Tuyên truyền Nghị quyết 02")
    run(db_url, "requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo kết quả của LĐLĐ huyện",
        "--due", "30/04/2022", "--indicator", "sessions:Số buổi")
    office, first, second = _same_day_reports(lower_office, export, run)
    code, (taken,) = _import(cli, db_url, first, extra=["--trust-new", "--received", "29/04/2022"])
    assert code == 0 and taken["received_on"] == "2022-04-29"
    assert _import(cli, db_url, second)[1][0]["status"] == "superseded"
    before = db_snapshot(db_url)
    assert _import(cli, db_url, write_members(tmp_path / "lai.zip", members(first)))[1][0]["status"] == "duplicate"
    assert db_snapshot(db_url) == before
    status = cli("status", "--as-of", "30/04/2022", "--json", db=db_url).json
    assert status["directives"][0]["requirements"][0]["on_time"] == 1
