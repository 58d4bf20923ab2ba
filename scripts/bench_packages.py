"""Benchmark (not a test): signing one report into a package, and the office
above importing 83 packages from 83 member offices (a province's communes).
Run with `make bench`."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OFFICES = 83
PASS = b"mat-khau-bench"


def main() -> None:
    from sqlmodel import select

    from db.engine import resolve_url
    from db.migrate import open_database
    from db.models import Organization, OrgKind
    from db.session import unit_of_work
    from desktop.core.directives import Indicator, add_directive, add_requirement
    from desktop.core.office import init_office
    from desktop.core.submissions import record_submission
    from desktop.core.units import UnitRow, import_units, member_units
    from desktop.io.package.exchange import export_package, import_packages
    from desktop.io.reporting import make_report
    from desktop.io.signing import Pkcs12Key, create_office_key

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")
        lower = open_database(resolve_url(tmp / "xa.sqlite3"), backup_dir=tmp)
        with unit_of_work(lower, actor="bench") as s:
            init_office(s, "Công đoàn xã số 0", parent_name="Liên đoàn Lao động tỉnh Lai Châu", symbol="CĐ",
                        signer_name="Lò Văn Minh", signer_title="CHỦ TỊCH")
            import_units(s, [UnitRow(i, {"name": f"Công đoàn cơ sở số {i}"}) for i in range(40)])
            d = add_directive(s, number="314/KH-LĐLĐ", issuer="LĐLĐ tỉnh", issued_on=date(2022, 2, 16), subject="Quán triệt")
            r = add_requirement(s, d, title="Báo cáo kết quả", due=date(2022, 3, 31), indicators=[Indicator("sessions", "Số buổi")])
            for u in member_units(s):
                record_submission(s, u, r, received_on=date(2022, 3, 20), values={"sessions": 2})
            directive_id = d.id

        packages, sign_times, fingerprints = [], [], []
        for i in range(OFFICES):
            with unit_of_work(lower, actor="bench") as s:
                office = s.exec(select(Organization).where(Organization.kind == OrgKind.OFFICE)).one()
                office.name = f"Công đoàn xã số {i}"
            made = make_report(lower, directive_id=directive_id, as_of=date(2022, 4, 15), issued_on=date(2022, 4, 20),
                               out_dir=tmp / "bc" / str(i))
            key = tmp / "keys" / f"{i}.p12"
            create_office_key(f"Công đoàn xã số {i}", key, PASS)
            t0 = time.perf_counter()
            path, fp = export_package(lower, made.report_id, Pkcs12Key(key, PASS), tmp / "goi")
            sign_times.append(time.perf_counter() - t0)
            fingerprints.append(fp)
            packages.append(path)
        print(f"package export (sign PDF + workbook + manifest, write, read back and verify), 40-unit report: "
              f"median {statistics.median(sign_times):.2f} s over {OFFICES}", flush=True)

        upper = open_database(resolve_url(tmp / "tinh.sqlite3"), backup_dir=tmp)
        with unit_of_work(upper, actor="bench") as s:
            init_office(s, "Liên đoàn Lao động tỉnh Lai Châu", symbol="LĐLĐ")
            import_units(s, [UnitRow(i, {"name": f"Công đoàn xã số {i}"}) for i in range(OFFICES)])
            d = add_directive(s, number="314/KH-LĐLĐ", issuer="LĐLĐ tỉnh", issued_on=date(2022, 2, 16), subject="Quán triệt")
            add_requirement(s, d, title="Báo cáo của các xã", due=date(2022, 4, 30), indicators=[Indicator("sessions", "Số buổi")])
        t0 = time.perf_counter()
        # Every office is new: each key named, as after the phone calls.
        results = import_packages(upper, packages, store_dir=tmp / "nhan", fingerprints=fingerprints)
        elapsed = time.perf_counter() - t0
        assert [r.status for r in results] == ["accepted"] * OFFICES, [r.reason for r in results if r.status != "accepted"]
        print(f"import of {OFFICES} packages (verify every signature and hash, pin, record): {elapsed:.2f} s "
              f"({elapsed / OFFICES * 1000:.0f} ms each)", flush=True)


if __name__ == "__main__":
    main()
