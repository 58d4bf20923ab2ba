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
sys.path.insert(0, str(ROOT / "scripts"))

from benchlib import header, line  # noqa: E402

OFFICES = int(os.environ.get("BENCH_OFFICES", 83))
PASS = b"mat-khau-bench"


def bare_package(key: Path, out: Path) -> tuple[float, float]:
    """(render + sign, sign alone) with the bare libraries: a one-page
    reportlab PDF of a 40-row table, an openpyxl sheet of the same rows, a
    PAdES signature on the PDF (pyHanko) and detached CMS signatures on the
    workbook and a manifest, written to ``out``."""
    import asyncio
    import hashlib
    import io
    import json

    import openpyxl
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    pdf = io.BytesIO()
    c = canvas.Canvas(pdf, pagesize=A4)
    for i in range(40):
        c.drawString(60, 800 - 18 * i, f"{i + 1}. Cong doan co so so {i}: 2 buoi, 20/03/2022")
    c.showPage()
    c.save()
    wb = openpyxl.Workbook()
    ws = wb.active
    for i in range(40):
        ws.append([i + 1, f"Công đoàn cơ sở số {i}", "20/03/2022", 2])
    book = io.BytesIO()
    wb.save(book)
    t1 = time.perf_counter()
    signer = signers.SimpleSigner.load_pkcs12(str(key), passphrase=PASS)
    meta = signers.PdfSignatureMetadata(field_name="Sig", md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES)
    signed = io.BytesIO()
    signers.PdfSigner(meta, signer=signer).sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf.getvalue())), output=signed)
    manifest = json.dumps({"report.pdf": hashlib.sha256(signed.getvalue()).hexdigest(),
                           "report.xlsx": hashlib.sha256(book.getvalue()).hexdigest()}).encode()
    p7s = [asyncio.run(signer.async_sign_general_data(data, "sha256", detached=True)).dump()
           for data in (book.getvalue(), manifest)]
    for name, data in (("report.pdf", signed.getvalue()), ("report.xlsx", book.getvalue()), ("manifest.json", manifest),
                       ("report.xlsx.p7s", p7s[0]), ("manifest.json.p7s", p7s[1])):
        (out / name).write_bytes(data)
    t2 = time.perf_counter()
    return t2 - t0, t2 - t1


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

        packages, sign_times, fingerprints, full_times, bare_full, bare_sign = [], [], [], [], [], []
        for i in range(OFFICES):
            with unit_of_work(lower, actor="bench") as s:
                office = s.exec(select(Organization).where(Organization.kind == OrgKind.OFFICE)).one()
                office.name = f"Công đoàn xã số {i}"
            key = tmp / "keys" / f"{i}.p12"
            create_office_key(f"Công đoàn xã số {i}", key, PASS)
            t_report = time.perf_counter()
            made = make_report(lower, directive_id=directive_id, as_of=date(2022, 4, 15), issued_on=date(2022, 4, 20),
                               out_dir=tmp / "bc" / str(i))
            t0 = time.perf_counter()
            path, fp = export_package(lower, made.report_id, Pkcs12Key(key, PASS), tmp / "goi")
            sign_times.append(time.perf_counter() - t0)
            full_times.append(time.perf_counter() - t_report)
            if i < 15:  # the bare figure, measured in the same run
                full, sign = bare_package(key, tmp / "bare" / str(i))
                bare_full.append(full)
                bare_sign.append(sign)
            fingerprints.append(fp)
            packages.append(path)
        print(header("packages, a 40-unit report (medians):"))
        print(line("report made and exported (bare: reportlab + openpyxl + 3 signatures)",
                   statistics.median(full_times), statistics.median(bare_full), goal=1.5))
        print(line("export alone: sign, write, read back, verify (bare: 3 signatures)",
                   statistics.median(sign_times), statistics.median(bare_sign)), flush=True)

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
        print(line(f"import of {OFFICES} packages (verify, pin, record), {elapsed / OFFICES * 1000:.0f} ms each",
                   elapsed, None), flush=True)


if __name__ == "__main__":
    main()
