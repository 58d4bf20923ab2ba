"""Two PCs on one database: a writer waits its turn instead of failing, a
unit of work that lost a race runs again, work that already committed is
never run twice, and text too long for its column is refused alike on
every back end."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from db.session import ConflictError, retrying, run_transaction, unit_of_work
from desktop.core.units import UnitRow, import_units, member_units


def test_work_that_already_committed_is_not_run_again(engine):
    calls = []

    def work():
        calls.append(1)
        with unit_of_work(engine) as s:
            import_units(s, [UnitRow(len(calls), {"name": f"Công đoàn {len(calls)}"})])
        raise ConflictError()

    with pytest.raises(ConflictError):
        retrying(work)
    assert calls == [1]


def test_a_lost_race_is_run_again_until_it_goes_through(engine):
    calls = []

    def work(session):
        calls.append(1)
        if len(calls) < 3:
            raise ConflictError()
        import_units(session, [UnitRow(1, {"name": "Công đoàn Trường Tiểu học Bình Lư"})])

    run_transaction(engine, work)
    assert len(calls) == 3
    with unit_of_work(engine, commit=False) as s:
        assert [u.name for u in member_units(s)] == ["Công đoàn Trường Tiểu học Bình Lư"]


@pytest.mark.sqlite_only
def test_a_save_waits_for_another_pcs_long_write_instead_of_failing(engine):
    """Another process holds SQLite's write lock for 7 s (longer than all
    retries' pauses together): a read-then-write unit of work waits for it
    and goes through."""
    from db.engine import sqlite_path

    path = sqlite_path(str(engine.url))
    with unit_of_work(engine) as s:
        import_units(s, [UnitRow(1, {"name": "Công đoàn A"})])
    held = threading.Event()

    def other_pc():
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        held.set()
        time.sleep(7)
        conn.execute("ROLLBACK")
        conn.close()

    t = threading.Thread(target=other_pc)
    t.start()
    held.wait(10)
    started = time.monotonic()
    with unit_of_work(engine) as s:
        units = member_units(s)  # read first, then write
        import_units(s, [UnitRow(2, {"name": f"Công đoàn B sau {len(units)}"})])
    t.join()
    assert time.monotonic() - started >= 6
    with unit_of_work(engine, commit=False) as s:
        assert len(member_units(s)) == 2


def test_a_note_too_long_for_its_column_is_refused_in_words(cli, tmp_path):
    from tests.conftest import write_xlsx

    cli("init", "--office", "LĐLĐ huyện Tam Đường")
    cli("units", "import", write_xlsx(tmp_path / "dv.xlsx", [["Tên đơn vị"], ["Công đoàn Trường số 1"]]))
    cli("directives", "add", "--number", "1/KH-X", "--issuer", "LĐLĐ tỉnh", "--date", "2022-02-01", "--subject", "S")
    cli("requirements", "add", "--directive", "1/KH-X", "--title", "Kế hoạch", "--due", "2022-03-31")
    result = cli("submissions", "record", "--unit", "Công đoàn Trường số 1", "--requirement", "1",
                 "--received", "2022-03-20", "--note", "x" * 2500)
    assert result.code == 2 and "ghi chú" in result.err and "2000" in result.err and "Traceback" not in result.err
    status = cli("status", "--as-of", "2022-04-30", "--json").json["directives"][0]["requirements"][0]
    assert status["on_time"] == 0


def test_a_tracking_sheet_row_too_long_is_skipped_and_named(cli, tmp_path):
    from tests.conftest import write_xlsx

    cli("init", "--office", "LĐLĐ huyện Tam Đường")
    cli("units", "import", write_xlsx(tmp_path / "dv.xlsx", [["Tên đơn vị"], ["Công đoàn A"], ["Công đoàn B"]]))
    cli("directives", "add", "--number", "1/KH-X", "--issuer", "LĐLĐ tỉnh", "--date", "2022-02-01", "--subject", "S")
    cli("requirements", "add", "--directive", "1/KH-X", "--title", "Kế hoạch", "--due", "2022-03-31")
    sheet = write_xlsx(tmp_path / "td.xlsx", [["Tên đơn vị", "Ngày nhận", "Số văn bản"],
                                              ["Công đoàn A", "20/03/2022", "01/BC"],
                                              ["Công đoàn B", "21/03/2022", "01/BC-" + "CĐCS" * 30]])
    doc = cli("submissions", "import", sheet, "--requirement", "1", "--json").json
    assert doc["created"] == 1
    (skipped,) = doc["skipped"]
    assert skipped["row"] == 3 and "số văn bản" in skipped["reason"] and "100" in skipped["reason"]
