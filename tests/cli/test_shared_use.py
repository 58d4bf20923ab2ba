"""Several processes on one database at once (the window and the command
line, several clerks on several PCs): every write goes through once, none
is lost, and nobody sees half of another's import. Runs on SQLite and, with
THEODOI_TEST_PG, on PostgreSQL."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from tests.conftest import query, write_xlsx
from tests.workers import record_every_unit

WORKERS, EACH = 4, 10


def _office(cli, tmp_path, units: int, indicators: int = 0) -> int:
    cli("init", "--office", "LĐLĐ phường Tân Phong")
    book = write_xlsx(tmp_path / "u.xlsx", [["Mã", "Tên đơn vị"]] + [[f"U{i:03d}", f"Công đoàn số {i}"] for i in range(units)])
    assert cli("units", "import", book).code == 0
    cli("directives", "add", "--number", "1/KH-X", "--issuer", "LĐLĐ tỉnh", "--date", "2022-02-01", "--subject", "S")
    extra = [a for k in range(indicators) for a in ("--indicator", f"k{k}:Chỉ tiêu {k}")]
    return cli("requirements", "add", "--directive", "1/KH-X", "--title", "Kế hoạch", "--due", "2022-03-31",
               *extra, "--json").json["id"]


def test_commands_recording_at_once_are_each_counted_exactly_once(cli, db_url, tmp_path):
    rid = _office(cli, tmp_path, WORKERS * EACH)

    def worker(w: int) -> list[int]:
        codes = []
        for i in range(EACH):
            unit = f"U{w * EACH + i:03d}"
            result = subprocess.run(
                [sys.executable, "-m", "desktop.cli", "submissions", "record", "--unit", unit, "--requirement", str(rid),
                 "--received", "2022-03-20", "--db", str(db_url)],
                capture_output=True, text=True, timeout=120,
            )
            codes.append(result.returncode)
        return codes

    with ThreadPoolExecutor(WORKERS) as pool:
        results = [c for codes in pool.map(worker, range(WORKERS)) for c in codes]
    assert results == [0] * (WORKERS * EACH)
    (row,) = cli("status", "--as-of", "2022-04-30", "--json").json["directives"][0]["requirements"]
    assert (row["on_time"], row["missing"]) == (WORKERS * EACH, 0)


def test_workers_recording_the_same_units_at_once_lose_no_update(cli, db_url, tmp_path):
    """N processes each record every unit of the same requirement, each
    with an indicator of its own, all at the same moment: each unit has one
    submission holding every worker's value, and the audit log one create
    and N-1 updates per unit, each naming its clerk."""
    units = 30
    rid = _office(cli, tmp_path, units, indicators=WORKERS)
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=record_every_unit, args=(db_url, rid, w, start, results)) for w in range(WORKERS)]
    for p in procs:
        p.start()
    time.sleep(0.5)
    start.set()
    done = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert sorted(done) == list(range(WORKERS))
    (row,) = cli("status", "--as-of", "2022-04-30", "--json").json["directives"][0]["requirements"]
    assert (row["on_time"], row["missing"]) == (units, 0)
    rows = query(db_url, "SELECT organization_id, indicator_values FROM submission")
    assert len(rows) == units and len({org for org, _ in rows}) == units
    everyone = {f"k{w}": w + 1 for w in range(WORKERS)}
    for _org, values in rows:
        assert (values if isinstance(values, dict) else __import__("json").loads(values)) == everyone
    audit = query(db_url, "SELECT action, actor FROM audit_log WHERE entity = 'submission'")
    assert sum(a == "create" for a, _ in audit) == units
    assert sum(a == "update" for a, _ in audit) == units * (WORKERS - 1)
    assert {actor for _a, actor in audit} == {f"thu-ky-{w}@may-{w}" for w in range(WORKERS)}


def test_nobody_sees_half_of_an_import(cli, db_url, tmp_path):
    _office(cli, tmp_path, 5)
    big = write_xlsx(tmp_path / "lon.xlsx", [["Mã", "Tên đơn vị"]] + [[f"L{i:05d}", f"Công đoàn cơ sở lớn {i}"]
                                                                        for i in range(3000)])
    before = query(db_url, "SELECT COUNT(*) FROM organization")[0][0]
    importer = subprocess.Popen([sys.executable, "-m", "desktop.cli", "units", "import", str(big), "--db", str(db_url)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = set()
    while importer.poll() is None:
        seen.add(query(db_url, "SELECT COUNT(*) FROM organization")[0][0])
    out, err = importer.communicate()
    assert importer.returncode == 0, err
    seen.add(query(db_url, "SELECT COUNT(*) FROM organization")[0][0])
    assert seen <= {before, before + 3000} and before + 3000 in seen
