"""Backup and restore from the window."""

from __future__ import annotations

from db.backup import backup_kind
from db.session import unit_of_work
from desktop.core.units import UnitRow, import_units, list_units


def test_back_up_then_restore_from_the_window(qtbot, ctx, tmp_path, messages):
    from desktop.ui.dialogs.backups import BackupsDialog

    with unit_of_work(ctx.engine) as s:
        import_units(s, [UnitRow(1, {"name": "Công đoàn A"})])
    folder = tmp_path / "usb"
    dialog = BackupsDialog(ctx, folder=folder)
    qtbot.addWidget(dialog)
    made = dialog._backup(folder)
    assert made is not None and dialog.model.rowCount() == 1
    row = dialog.model.rows[0]  # a pg_dump file does not tell its counts without a restore
    assert row.ok and row.units == (1 if made.suffix == ".sqlite3" else None)
    with unit_of_work(ctx.engine) as s:
        import_units(s, [UnitRow(2, {"name": "Công đoàn B"})])
    assert dialog.restore(made, confirm=False)
    assert [u.name for u in ctx.read(lambda s: list_units(s))] == ["Công đoàn A"]
    assert messages[-1][0] == "information"


def test_a_bad_backup_is_refused_with_a_message(qtbot, ctx, tmp_path, messages):
    from desktop.ui.dialogs.backups import BackupsDialog

    bad = tmp_path / f"theodoi-20260101-000000-thu-cong{backup_kind(ctx.url)}"
    bad.write_text("không phải cơ sở dữ liệu")
    dialog = BackupsDialog(ctx, folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and not dialog.model.rows[0].ok
    assert not dialog.restore(bad, confirm=False)
    assert "Không khôi phục" in messages[-1][1]


def test_a_damaged_database_at_start_is_offered_the_newest_good_backup(qtbot, ctx, db_path, monkeypatch):
    import os

    from PySide6.QtWidgets import QMessageBox

    from db.backup import create_backup
    from db.engine import resolve_url
    from desktop.ui.app import open_or_recover

    with unit_of_work(ctx.engine) as s:
        import_units(s, [UnitRow(i, {"name": f"Công đoàn số {i}"}) for i in range(300)])
    create_backup(db_path)
    ctx.engine.dispose()
    data = bytearray(db_path.read_bytes())
    for offset in range(3 * 4096, len(data) - 4096, 4096):
        data[offset + 100: offset + 400] = os.urandom(300)
    db_path.write_bytes(bytes(data))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes))
    engine, url = open_or_recover(resolve_url(db_path))
    assert url == resolve_url(db_path) and "bị hỏng" in asked[0]
    with unit_of_work(engine, commit=False) as s:
        assert len(list_units(s)) == 300
    engine.dispose()
    assert db_path.with_name(db_path.name + ".hong").exists()
