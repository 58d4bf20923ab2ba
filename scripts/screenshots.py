"""Refresh docs/screenshots/: the main window on the demo office, one PNG
per screen, at 1366×768, and the first pages of the demo's report and urging
letter (needs poppler's pdftoppm). Run: make screenshots"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from db.engine import resolve_url  # noqa: E402
from db.migrate import open_database  # noqa: E402
from db.session import unit_of_work  # noqa: E402
from desktop.core.demo import build_demo  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.i18n import install_translator  # noqa: E402
from desktop.ui.mainwindow import MainWindow  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402
from desktop.core import clock  # noqa: E402

NAMES = ["tong-quan", "don-vi", "van-ban", "theo-doi", "bao-cao-man-hinh", "trao-doi", "cai-dat"]


def main(out: Path = ROOT / "docs" / "screenshots") -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # no remembered geometry
        app = QApplication.instance() or QApplication([])
        app.setOrganizationName("Theo doi screenshots")
        install_translator(app, "vi")
        url = resolve_url(Path(tmp) / "demo.sqlite3")
        engine = open_database(url, backup_dir=Path(tmp))
        with unit_of_work(engine, actor="demo") as s:
            build_demo(s, today=clock.today())
        TaskRunner.inline = True  # the preview is ready before the picture
        window = MainWindow(AppContext(engine, url))
        window.resize(1366, 768)
        window.show()
        for i, name in enumerate(NAMES):
            window.nav.setCurrentRow(i)
            if window.stack.currentWidget() is window.reports:
                window.reports.preview()
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(out / f"{name}.png"))
            print(out / f"{name}.png")
        from desktop.ui.dialogs.backups import BackupsDialog, backup_now

        backup_now(window.ctx)
        dialog = BackupsDialog(window.ctx, window)
        dialog.show()
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(out / "sao-luu-khoi-phuc.png"))
        print(out / "sao-luu-khoi-phuc.png")
        dialog.close()
        window.close()
        documents(engine, Path(tmp), out)
        engine.dispose()


def documents(engine, tmp: Path, out: Path) -> None:
    import shutil
    import subprocess

    from desktop.io.reporting import make_report, make_urge

    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: document previews skipped (apt-get install poppler-utils)")
        return
    today = clock.today()
    report = make_report(engine, directive_id=2, as_of=date(2022, 4, 30), issued_on=date(2022, 5, 5), out_dir=tmp / "docs")
    letter = make_urge(engine, requirement_id=2, as_of=today, issued_on=today, out_dir=tmp / "docs")
    for pdf, name, pages in ((report.files["pdf"], "bao-cao-demo", 3), (letter.files["pdf"], "cong-van-don-doc-demo", 1)):
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", str(pages), str(pdf), str(out / name)], check=True)
        for png in sorted(out.glob(f"{name}*.png")):
            print(png)


if __name__ == "__main__":
    main()
