"""Screenshots of the two-way exchange across levels: a province assigns a
directive to two district offices, they take it in and set their own
deadline, report up, the province returns one report for correction and
sees each member office's state on its dashboard and its units in the
tracking grid. Run: python scripts/screenshots_exchange.py (make screenshots)."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from db.engine import resolve_url  # noqa: E402
from db.migrate import open_database  # noqa: E402
from desktop.cli import main as cli  # noqa: E402
from desktop.core.clock import fixed_today  # noqa: E402
from desktop.io.signing import Pkcs12Key  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.i18n import install_translator  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402
from desktop.ui.worker import DatabaseWorker  # noqa: E402

PASS = "mat-khau-van-phong"
PROVINCE = "Liên đoàn Lao động tỉnh Lai Châu"
DISTRICTS = ["Liên đoàn Lao động huyện Tam Đường", "Liên đoàn Lao động huyện Sìn Hồ"]
UNITS = {
    DISTRICTS[0]: [("Công đoàn Trường Tiểu học Bình Lư", "Hành chính sự nghiệp", 2, 40),
                   ("Công đoàn Công ty Điện lực Tam Đường", "Doanh nghiệp nhà nước", 3, 60)],
    DISTRICTS[1]: [("Công đoàn Trường Mầm non Sìn Hồ", "Hành chính sự nghiệp", 1, 20),
                   ("Công đoàn Công ty TNHH Chè Sìn Hồ", "Ngoài nhà nước", 4, 80)],
}
DIRECTIVE = "15/KH-LĐLĐ"


def run(db: Path, *args) -> None:
    code = cli([str(a) for a in args] + ["--db", str(db)])
    if code:
        raise SystemExit(f"theodoi {' '.join(map(str, args))} failed ({code})")


def office(tmp: Path, name: str, parent: str, units: list[list]) -> tuple[Path, Path, Path]:
    import openpyxl

    folder = tmp / name.split()[-1].lower()
    folder.mkdir()
    db = folder / "office.sqlite3"
    run(db, "init", "--office", name, "--parent", parent, "--symbol", "LĐLĐ", "--signer-name", "Lò Văn Minh",
        "--signer-title", "CHỦ TỊCH")
    wb = openpyxl.Workbook()
    for row in units:
        wb.active.append(row)
    wb.save(folder / "dv.xlsx")
    run(db, "units", "import", folder / "dv.xlsx")
    (folder / "pass.txt").write_text(PASS + "\n", encoding="utf-8")
    run(db, "keys", "create", "--org", name, "--out", folder / "khoa.p12", "--passphrase-file", folder / "pass.txt")
    return db, folder / "khoa.p12", folder


def screen_for(db: Path):
    from desktop.ui.screens.exchange import ExchangeScreen

    url = resolve_url(db)
    screen = ExchangeScreen(AppContext(open_database(url), url))
    screen.resize(1150, 760)
    screen.refresh()
    return screen


def shoot(app, widget, path: Path) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))


def main(out: Path = ROOT / "docs" / "screenshots") -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name, fixed_today(date(2026, 11, 24)):
        tmp = Path(tmp_name)
        os.environ["XDG_CONFIG_HOME"] = tmp_name
        app = QApplication.instance() or QApplication([])
        install_translator(app, "vi")
        TaskRunner.inline = DatabaseWorker.inline = True
        QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.Yes)  # the fingerprint was compared

        p_db, p_key, p_dir = office(tmp, PROVINCE, "Tổng Liên đoàn Lao động Việt Nam",
                                    [["Tên đơn vị", "Khối"], *([d, "Liên đoàn Lao động cấp huyện"] for d in DISTRICTS)])
        lower = {d: office(tmp, d, PROVINCE, [["Tên đơn vị", "Khối"], *([u, s] for u, s, _n, _p in UNITS[d])])
                 for d in DISTRICTS}
        run(p_db, "directives", "add", "--number", DIRECTIVE, "--issuer", PROVINCE, "--date", "01/11/2026",
            "--subject", "Tuyên truyền Nghị quyết Đại hội Công đoàn")
        run(p_db, "requirements", "add", "--directive", DIRECTIVE, "--title", "Báo cáo kết quả quán triệt",
            "--due", "30/11/2026", "--indicator", "Số buổi|buổi", "--indicator", "Số người tham dự|người")
        run(p_db, "requirements", "add", "--directive", DIRECTIVE, "--title", "Xây dựng kế hoạch thực hiện",
            "--due", "15/12/2026")
        above = screen_for(p_db)
        key = Pkcs12Key(p_key, PASS.encode())
        assignment = above.levels.issue(DIRECTIVE, str(tmp / "usb-tinh"), key).package

        packages = []
        below = {}
        for d, (db, d_key, folder) in lower.items():
            screen = below[d] = screen_for(db)
            screen.levels.take_assignments([assignment])
            screen.levels.set_deadline(1, date(2026, 11, 25))
            for unit, _s, n, p in UNITS[d]:
                run(db, "submissions", "record", "--unit", unit, "--requirement", 1, "--received", "20/11/2026",
                    "--set", f"so_buoi={n}", "--set", f"so_nguoi_tham_du={p}")
            run(db, "report", "make", "--directive", DIRECTIVE, "--requirement", 1, "--as-of", "24/11/2026",
                "--date", "24/11/2026", "--out", folder / "bao-cao")
            run(db, "package", "export", "--report", 1, "--key", d_key, "--passphrase-file", folder / "pass.txt",
                "--out", folder / "goi")
            packages.extend((folder / "goi").glob("*.zip"))
        sin_ho = below[DISTRICTS[1]]
        sin_ho.refresh()
        sin_ho.levels.setCurrentIndex(1)
        shoot(app, sin_ho, out / "trao-doi-nhan-giao-nhiem-vu-tu-cap-tren.png")

        above.take_in(packages)
        above.refresh()
        above.levels.setCurrentIndex(2)
        shoot(app, above, out / "trao-doi-giao-xuong.png")
        above.levels.setCurrentIndex(4)
        above.levels.waiting.selectRow(1)
        shoot(app, above, out / "trao-doi-bao-cao-cho-duyet.png")

        from desktop.ui.dialogs.return_report import ReturnDialog

        dialog = ReturnDialog(DISTRICTS[1], "01/BC-LĐLĐ", above)
        dialog.reason.setPlainText("Thiếu số liệu của Công đoàn Công ty TNHH Chè Sìn Hồ; đề nghị bổ sung số buổi.")
        shoot(app, dialog, out / "tra-lai-bao-cao-de-bo-sung.png")
        dialog.close()

        ids = {above.levels.waiting.item(i, 1).text(): int(above.levels.waiting.item(i, 0).text()) for i in range(2)}
        above.levels.accept_report(ids[DISTRICTS[0]])
        returned = above.levels.return_report(ids[DISTRICTS[1]], "Thiếu số liệu của Công đoàn Công ty TNHH Chè Sìn Hồ",
                                              date(2026, 11, 28), str(tmp / "tra-lai"), key)
        sin_ho.take_in([returned.notice])
        sin_ho.refresh()
        sin_ho.levels.setCurrentIndex(3)
        shoot(app, sin_ho, out / "trao-doi-da-gui-len-bi-tra-lai.png")

        db, d_key, folder = lower[DISTRICTS[1]]
        run(db, "submissions", "record", "--unit", UNITS[DISTRICTS[1]][1][0], "--requirement", 1, "--received",
            "20/11/2026", "--set", "so_buoi=5")
        run(db, "report", "make", "--directive", DIRECTIVE, "--requirement", 1, "--as-of", "24/11/2026",
            "--date", "24/11/2026", "--out", folder / "bao-cao-2")
        run(db, "package", "export", "--report", 2, "--key", d_key, "--passphrase-file", folder / "pass.txt",
            "--out", folder / "goi-2")
        above.take_in(list((folder / "goi-2").glob("*.zip")))
        above.refresh()
        above.levels.setCurrentIndex(5)
        shoot(app, above, out / "trao-doi-da-tra-lai.png")

        from desktop.ui.screens.dashboard import DashboardScreen
        from desktop.ui.screens.tracking import TrackingScreen

        board = DashboardScreen(above.ctx)
        board.resize(1150, 760)
        board.refresh()
        shoot(app, board, out / "tong-quan-van-phong-truc-thuoc.png")
        grid = TrackingScreen(above.ctx)
        grid.resize(1150, 760)
        grid.refresh()
        names = [grid.proxy.index(i, 0).data() for i in range(grid.proxy.rowCount())]
        grid.table.setCurrentIndex(grid.proxy.index(names.index(DISTRICTS[1]), 1))
        shoot(app, grid, out / "theo-doi-don-vi-cua-van-phong-truc-thuoc.png")
        for w in (above, *below.values(), board, grid):
            w.close()
            w.ctx.shutdown() if hasattr(w.ctx, "shutdown") else None


if __name__ == "__main__":
    main()
