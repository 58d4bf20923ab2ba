"""The demo office and what `make run` shows, tried as a new user would:
through the installed console command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from db.session import unit_of_work
from desktop.core.demo import build_demo
from desktop.core.errors import UserError
from desktop.core.status import Status, status_overview

THEODOI = Path(sys.executable).with_name("theodoi")


def _run(*args, db, stdin=subprocess.DEVNULL):
    env = {**os.environ, "THEODOI_DB": str(db)}
    return subprocess.run([str(THEODOI), *map(str, args)], capture_output=True, text=True, env=env, stdin=stdin, timeout=120)


def test_the_demo_has_the_seed_directives_and_submissions_in_every_state(engine):
    with unit_of_work(engine) as s:
        made = build_demo(s, today=date(2026, 11, 24))
    assert made["units"] == 20 and made["submissions"] > 100
    with unit_of_work(engine) as s:
        overview = status_overview(s, date(2026, 11, 24), upcoming=True)
        numbers = {d.directive.number for d in overview}
        seen = {u.status for d in overview for p in d.periods for u in p.units}
    assert numbers == {"462/TB-TLĐ", "314/KH-LĐLĐ"}
    assert {Status.ON_TIME, Status.LATE, Status.MISSING, Status.EXEMPT, Status.PENDING} <= seen


def test_the_demo_is_the_same_every_time(tmp_path):
    from db.engine import resolve_url
    from db.migrate import open_database
    from tests.conftest import db_snapshot

    dumps = []
    for name in ("a.sqlite3", "b.sqlite3"):
        eng = open_database(resolve_url(tmp_path / name))
        with unit_of_work(eng, actor="demo") as s:
            build_demo(s, today=date(2026, 11, 24))
        eng.dispose()
        dumps.append([line for line in db_snapshot(tmp_path / name) if "audit_log" not in line and "_at" not in line])
    strip = lambda lines: [l.split("VALUES")[1].split("'20")[0] for l in lines if "VALUES" in l]  # noqa: E731
    assert strip(dumps[0]) == strip(dumps[1])


def test_the_demo_refuses_a_database_with_data_unless_forced(engine):
    with unit_of_work(engine) as s:
        build_demo(s, today=date(2026, 11, 24))
    with pytest.raises(UserError, match="--force"):
        with unit_of_work(engine) as s:
            build_demo(s, today=date(2026, 11, 24))
    with unit_of_work(engine) as s:
        again = build_demo(s, today=date(2026, 11, 24), force=True)
    assert again["units"] == 20


@pytest.mark.skipif(not THEODOI.exists(), reason="console script not installed in this environment")
class TestInstalledCommand:
    def test_version(self, tmp_path):
        result = _run("--version", db=tmp_path / "x.sqlite3")
        assert result.returncode == 0 and result.stdout.startswith("theodoi ")

    def test_first_start_on_an_empty_database_explains_how_to_begin(self, tmp_path):
        result = _run(db=tmp_path / "new.sqlite3")
        assert result.returncode == 0
        assert "theodoi demo" in result.stdout

    def test_the_demo_then_the_dashboard(self, tmp_path):
        db = tmp_path / "demo.sqlite3"
        made = _run("demo", db=db)
        assert made.returncode == 0, made.stderr
        board = _run(db=db)
        assert board.returncode == 0, board.stderr
        assert "Liên đoàn Lao động huyện Tam Đường" in board.stdout
        assert "462/TB-TLĐ" in board.stdout and "đơn vị đã nộp" in board.stdout

    def test_bad_input_never_shows_a_traceback(self, tmp_path):
        db = tmp_path / "demo.sqlite3"
        _run("demo", db=db)
        result = _run("submissions", "record", "--unit", "TD01", "--requirement", "1", "--received", "30/02/2022", db=db)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr and "ngày hợp lệ" in result.stderr

    def test_a_broken_database_file_is_explained_not_dumped(self, tmp_path):
        db = tmp_path / "hong.sqlite3"
        db.write_bytes(b"garbage" * 500)
        result = _run("status", db=db)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr and "hong.sqlite3" in result.stderr


def test_the_window_opens_on_the_demo_every_time(tmp_path):
    """The window shown on a database with data, as `make run` does after
    the first start: the first screen's figures were asked for while Qt was
    still showing the window's widgets, and a nested event loop there
    crashed the program in most starts (so: several starts, every one
    whole)."""
    db = tmp_path / "demo.db"
    assert _run("demo", db=db).returncode == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(4):
        env["THEODOI_BENCH_START"] = "0"  # show the window, say when, and quit
        shown = subprocess.run([str(THEODOI), "--db", str(db), "gui"], capture_output=True, text=True, env=env,
                               stdin=subprocess.DEVNULL, timeout=120)
        assert shown.returncode == 0, (shown.returncode, shown.stderr[-2000:])
        assert float(shown.stdout.strip().splitlines()[-1]) > 0
