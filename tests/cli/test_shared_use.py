"""Several processes on one database at once (the window and the command
line, two clerks): WAL and the busy timeout let every write through, none
lost."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

WORKERS, EACH = 4, 10


def test_processes_recording_at_once_are_each_counted_exactly_once(cli, db_url, tmp_path):
    from tests.conftest import write_xlsx

    cli("init", "--office", "LĐLĐ phường Tân Phong")
    book = write_xlsx(tmp_path / "u.xlsx", [["Mã", "Tên đơn vị"]] + [[f"U{i:03d}", f"Công đoàn số {i}"] for i in range(WORKERS * EACH)])
    assert cli("units", "import", book).code == 0
    cli("directives", "add", "--number", "1/KH-X", "--issuer", "LĐLĐ tỉnh", "--date", "2022-02-01", "--subject", "S")
    rid = cli("requirements", "add", "--directive", "1/KH-X", "--title", "Kế hoạch", "--due", "2022-03-31", "--json").json["id"]

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
