"""Refresh docs/screenshots/bao-cao-bang-theo-khoi.png: the page of the demo
office's report that holds the first table by sector (khối), at 80 dpi.
Run: python scripts/screenshots_report_tables.py (needs poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.engine import resolve_url  # noqa: E402
from db.migrate import open_database  # noqa: E402
from db.session import unit_of_work  # noqa: E402
from desktop.core.demo import build_demo  # noqa: E402
from desktop.core.directives import list_directives  # noqa: E402
from desktop.io.reporting import make_report  # noqa: E402

TARGET = ROOT / "docs" / "screenshots" / "bao-cao-bang-theo-khoi.png"


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        tmp = Path(work)
        engine = open_database(resolve_url(tmp / "demo.sqlite3"), backup_dir=tmp)
        with unit_of_work(engine, actor="demo") as s:
            build_demo(s, today=date(2022, 5, 5))
            directive = next(d for d in list_directives(s) if d.number.startswith("314/KH-LĐLĐ"))
            directive_id = directive.id
        made = make_report(engine, directive_id=directive_id, as_of=date(2022, 4, 30), issued_on=date(2022, 5, 5),
                           out_dir=tmp / "out")
        engine.dispose()
        for page in range(1, made.pages + 1):
            text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(made.files["pdf"]), "-"],
                                  capture_output=True, text=True, check=True).stdout
            if "STT" in text and "Khối" in text and "Phải" in text:
                break
        subprocess.run(["pdftoppm", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", "-png",
                        str(made.files["pdf"]), str(tmp / "page")], check=True)
        shutil.copy(tmp / "page.png", TARGET)
        print(TARGET, "page", page)


if __name__ == "__main__":
    main()
