"""Backups: made with the online backup API, rotated, listed, checked,
restored only when sound, and never leaving half a file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from datetime import datetime, timedelta

import pytest

from db.backup import BackupError, create_backup, daily_backup, inspect_backup, list_backups, restore_backup, rotate
from db.engine import resolve_url
from db.migrate import DatabaseOpenError, known_revisions, open_database
from db.session import unit_of_work
from desktop.core.units import UnitRow, import_units, list_units


def _units(engine, *names):
    with unit_of_work(engine) as s:
        import_units(s, [UnitRow(i, {"name": n}) for i, n in enumerate(names)])


def _names(db_path):
    engine = open_database(resolve_url(db_path))
    try:
        with unit_of_work(engine, commit=False) as s:
            return sorted(u.name for u in list_units(s, include_retired=True))
    finally:
        engine.dispose()


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_is_a_complete_private_copy_even_with_uncommitted_wal(engine, db_path, tmp_path):
    _units(engine, "Công đoàn A", "Công đoàn B")
    made = create_backup(db_path, tmp_path / "b")
    info = inspect_backup(made)
    assert info.ok and info.units == 2 and info.submissions == 0
    assert not made.with_name(made.name + "-wal").exists()
    if os.name == "posix":
        assert stat.S_IMODE(made.stat().st_mode) == 0o600
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_a_full_disk_leaves_no_partial_backup_and_the_database_intact(engine, db_path, tmp_path, monkeypatch):
    _units(engine, "Công đoàn A")
    before = _sha(db_path)

    def full(*_a, **_k):
        raise sqlite3.OperationalError("database or disk is full")

    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda target, *a, **k: real_connect(target, *a, **k) if "mode=ro" in str(target) else full())
    with pytest.raises(BackupError, match="Không sao lưu được"):
        create_backup(db_path, tmp_path / "usb")
    monkeypatch.undo()
    assert list((tmp_path / "usb").iterdir()) == []
    assert _sha(db_path) == before


def test_the_first_start_of_a_day_backs_up_once_and_rotation_keeps_7_daily_4_weekly_12_monthly(engine, db_path, tmp_path):
    _units(engine, "Công đoàn A")
    folder = tmp_path / "b"
    start = datetime(2026, 1, 1, 8, 0)
    for day in range(400):
        now = start + timedelta(days=day)
        assert daily_backup(db_path, folder, now=now) is not None
        assert daily_backup(db_path, folder, now=now + timedelta(hours=3)) is None
    kept = list_backups(folder)
    days = {b.created.date() for b in kept}
    last = (start + timedelta(days=399)).date()
    assert {last - timedelta(days=i) for i in range(7)} <= days
    assert len({b.created.isocalendar()[:2] for b in kept}) >= 4
    assert len({(b.created.year, b.created.month) for b in kept}) == 12
    assert len(kept) <= 7 + 4 + 12


def test_manual_backups_are_never_rotated_away(engine, db_path, tmp_path):
    folder = tmp_path / "b"
    manual = create_backup(db_path, folder, now=datetime(2020, 1, 1))
    for day in range(30):
        daily_backup(db_path, folder, now=datetime(2026, 1, 1) + timedelta(days=day))
    rotate(folder)
    assert manual.exists()


def test_restore_swaps_in_the_backup_and_keeps_the_current_data_aside(engine, db_path, tmp_path):
    _units(engine, "Công đoàn A")
    good = create_backup(db_path, tmp_path / "b")
    _units(engine, "Công đoàn B (thêm sau)")
    engine.dispose()
    kept = restore_backup(good, db_path, tmp_path / "b", known=known_revisions())
    assert _names(db_path) == ["Công đoàn A"]
    assert inspect_backup(kept).units == 2


@pytest.mark.parametrize("damage", ["garbage", "foreign", "newer"])
def test_restore_refuses_a_file_that_is_not_a_sound_theodoi_backup(engine, db_path, tmp_path, damage):
    _units(engine, "Công đoàn A")
    engine.dispose()
    bad = tmp_path / "bad.sqlite3"
    if damage == "garbage":
        bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50 + b"junk" * 1000)
    elif damage == "foreign":
        with sqlite3.connect(bad) as c:
            c.execute("CREATE TABLE customers (id INTEGER)")
    else:
        bad = create_backup(db_path, tmp_path / "b")
        with sqlite3.connect(bad) as c:
            c.execute("UPDATE alembic_version SET version_num = '9999'")
    before = _sha(db_path)
    with pytest.raises(BackupError):
        restore_backup(bad, db_path, tmp_path / "b", known=known_revisions())
    assert _sha(db_path) == before


def test_a_damaged_database_is_not_written_to_and_the_newest_good_backup_is_offered(engine, db_path, tmp_path, monkeypatch):
    _units(engine, *[f"Công đoàn số {i}" for i in range(300)])
    engine.dispose()
    good = create_backup(db_path)  # into the user data folder's backups
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(3 * page, len(data) - page, page):
        data[offset + 100: offset + 400] = os.urandom(300)
    db_path.write_bytes(bytes(data))
    before = _sha(db_path)
    with pytest.raises(DatabaseOpenError, match="bị hỏng") as err:
        open_database(resolve_url(db_path))
    assert str(good) in err.value.message
    assert _sha(db_path) == before


def test_backup_commands_through_the_cli(cli, db_path, tmp_path):
    assert cli("init", "--office", "LĐLĐ phường Tân Phong").code == 0
    made = cli("backup", "create", "--to", tmp_path / "usb", "--json")
    assert made.code == 0, made.err
    listed = cli("backup", "list", "--from", tmp_path / "usb", "--json").json
    assert [b["file"] for b in listed] == [made.json["file"]] and listed[0]["ok"]
    refused = cli("backup", "restore", made.json["file"])
    assert refused.code == 2 and "--yes" in refused.err
    restored = cli("backup", "restore", made.json["file"], "--yes", "--json")
    assert restored.code == 0, restored.err
    assert restored.json["previous_kept_as"]


def test_the_audit_log_is_listed_with_who_and_what(cli):
    cli("init", "--office", "LĐLĐ phường Tân Phong")
    cli("directives", "add", "--number", "1/KH-X", "--issuer", "LĐLĐ tỉnh", "--date", "01/02/2022", "--subject", "Quán triệt")
    entries = cli("audit", "list", "--entity", "directive", "--json").json
    assert [(e["action"], e["entity"], e["after"]["number"]) for e in entries] == [("create", "directive", "1/KH-X")]
    assert "@" in entries[0]["actor"]
