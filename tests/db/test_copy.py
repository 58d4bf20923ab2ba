"""theodoi db copy: an office's data from its SQLite file to a server and
back, checked by counts and a hash per table, all or nothing."""

from __future__ import annotations

import pytest

from db.copy import CopyError, copy_office_data, digests
from db.engine import resolve_url
from tests.conftest import db_snapshot, query, write_xlsx


@pytest.fixture
def demo_file(tmp_path, cli):
    source = tmp_path / "xa.sqlite3"
    assert cli("demo", db=source).code == 0
    return source


def test_every_row_arrives_and_comes_back_with_the_same_hash(cli, demo_file, new_db, tmp_path):
    there = new_db("may-chu", empty=True)
    result = cli("db", "copy", "--from", demo_file, "--to", there, "--json", db=None)
    assert result.code == 0, result.err
    doc = result.json
    assert doc["to_backend"] in ("sqlite", "postgresql") and doc["rows"] > 300
    assert {t["table"] for t in doc["tables"]} >= {"organization", "submission", "audit_log", "setting"}
    back = tmp_path / "tro-ve.sqlite3"
    assert cli("db", "copy", "--from", there, "--to", back, "--json", db=None).code == 0
    assert digests(resolve_url(demo_file)) == digests(there) == digests(resolve_url(back))
    # What the clerk sees is the same on every copy.
    status = [cli("status", "--as-of", "2022-06-30", "--json", db=d).json for d in (demo_file, there, back)]
    assert status[0] == status[1] == status[2]
    units = [cli("units", "list", "--json", db=d).json for d in (demo_file, there)]
    assert [u["name"] for u in units[0]] == [u["name"] for u in units[1]]


def test_after_a_copy_new_rows_get_new_ids(cli, demo_file, new_db, tmp_path):
    there = new_db("may-chu", empty=True)
    assert cli("db", "copy", "--from", demo_file, "--to", there, db=None).code == 0
    highest = query(there, "SELECT MAX(id) FROM organization")[0][0]
    book = write_xlsx(tmp_path / "moi.xlsx", [["Tên đơn vị"], ["Công đoàn Trường Mầm non Hoa Sen"]])
    added = cli("units", "import", book, db=there)
    assert added.code == 0, added.err
    assert query(there, "SELECT id FROM organization WHERE name = 'Công đoàn Trường Mầm non Hoa Sen'") == [(highest + 1,)]


def test_a_target_that_holds_data_is_refused_and_left_as_it_was(cli, demo_file, new_db):
    there = new_db("co-du-lieu")
    assert cli("init", "--office", "LĐLĐ tỉnh Lai Châu", db=there).code == 0
    before = db_snapshot(there)
    result = cli("db", "copy", "--from", demo_file, "--to", there, db=None)
    assert result.code == 2 and "đã có dữ liệu" in result.err and "Traceback" not in result.err
    assert db_snapshot(there) == before


def test_a_table_that_does_not_match_writes_nothing(demo_file, new_db, monkeypatch):
    import db.copy as copying

    there = new_db("may-chu", empty=True)
    real = copying.table_digest

    def wrong(conn, table):
        found = real(conn, table)
        return copying.TableCopy(found.table, found.rows - 1, found.sha256) if table.name == "submission" else found

    monkeypatch.setattr(copying, "table_digest", wrong)
    with pytest.raises(CopyError, match="submission.*không khớp"):
        copy_office_data(resolve_url(demo_file), there)
    monkeypatch.undo()
    if there.startswith("sqlite"):  # a file made for the copy is taken away again
        from db.engine import sqlite_path

        assert not sqlite_path(there).exists()
    else:
        assert query(there, "SELECT COUNT(*) FROM organization") == [(0,)]


def test_a_missing_source_is_named(cli, tmp_path, new_db):
    result = cli("db", "copy", "--from", tmp_path / "khong-co.sqlite3", "--to", new_db("dich", empty=True), db=None)
    assert result.code == 2 and "khong-co.sqlite3" in result.err and "--from" in result.err


def test_attachments_travel_with_the_copy(cli, tmp_path, new_db):
    source = tmp_path / "nguon" / "office.sqlite3"
    source.parent.mkdir()
    cli("init", "--office", "LĐLĐ huyện Tam Đường", db=source)
    cli("units", "import", write_xlsx(tmp_path / "dv.xlsx", [["Tên đơn vị"], ["Công đoàn Trường số 1"]]), db=source)
    cli("directives", "add", "--number", "1/KH-X", "--issuer", "LĐLĐ tỉnh", "--date", "2022-02-01", "--subject", "S",
        db=source)
    cli("requirements", "add", "--directive", "1/KH-X", "--title", "Kế hoạch", "--due", "2022-03-31", db=source)
    scan = tmp_path / "ke-hoach.pdf"
    scan.write_bytes(b"%PDF-1.4 ban scan")
    assert cli("submissions", "record", "--unit", "Công đoàn Trường số 1", "--requirement", "1", "--received",
               "2022-03-20", "--attach", scan, db=source).code == 0
    there = new_db("may-chu", empty=True)
    doc = cli("db", "copy", "--from", source, "--to", there, "--json", db=None).json
    assert doc["attachment_files"] == 1
    from desktop.io.attachments import store_dir_for

    (sha,) = query(there, "SELECT sha256 FROM attachment")[0]
    assert (store_dir_for(there) / sha[:2] / sha).read_bytes() == scan.read_bytes()
