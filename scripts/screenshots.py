"""Refresh docs/screenshots/: the main window on the demo office, one PNG
per screen, at 1366×768. Run: .venv/bin/python scripts/screenshots.py"""

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
from desktop.ui.mainwindow import MainWindow  # noqa: E402

NAMES = ["tong-quan", "don-vi", "van-ban", "theo-doi", "cai-dat"]


def main(out: Path = ROOT / "docs" / "screenshots") -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # no remembered geometry
        app = QApplication.instance() or QApplication([])
        app.setOrganizationName("Theo doi screenshots")
        url = resolve_url(Path(tmp) / "demo.sqlite3")
        engine = open_database(url, backup_dir=Path(tmp))
        with unit_of_work(engine, actor="demo") as s:
            build_demo(s, today=date.today())
        window = MainWindow(AppContext(engine, url))
        window.resize(1366, 768)
        window.show()
        for i, name in enumerate(NAMES):
            window.nav.setCurrentRow(i)
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(out / f"{name}.png"))
            print(out / f"{name}.png")
        window.close()
        engine.dispose()


if __name__ == "__main__":
    main()
