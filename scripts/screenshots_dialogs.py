"""Screenshots of the dialogs that run the operations the command line
also has: the urging letter before its number is taken, the indicators of a
requirement as a table of names, the audit log, the outbox with its retry
button. Run: python scripts/screenshots_dialogs.py (make screenshots)."""

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
from desktop.operations import office, status  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.i18n import install_translator  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402
from desktop.ui.worker import DatabaseWorker  # noqa: E402


def _settle(app) -> None:
    import time

    # QPdfView renders its pages on a thread of its own.
    for _ in range(30):
        app.processEvents()
        time.sleep(0.05)


def main(out: Path = ROOT / "docs" / "screenshots") -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp
        app = QApplication.instance() or QApplication([])
        install_translator(app, "vi")
        TaskRunner.inline = DatabaseWorker.inline = True
        url = resolve_url(Path(tmp) / "demo.sqlite3")
        ctx = AppContext(open_database(url, backup_dir=Path(tmp)), url)
        ctx.run(office.demo, today=date(2026, 11, 24))

        from desktop.ui.dialogs.urge import UrgeDialog

        board = ctx.run(status.dashboard, as_of=date(2022, 4, 30))
        owing = next(ps for ps in board.latest if ps.counts.missing)
        dialog = UrgeDialog(ctx, requirement=owing.requirement.id, period=owing.period.number, as_of=date(2022, 4, 30),
                            issued_on=date(2022, 5, 5), out_dir=Path(tmp) / "cv")
        dialog.preview()
        dialog.show()
        _settle(app)
        dialog.grab().save(str(out / "cong-van-don-doc-xem-truoc.png"))

        from desktop.operations import directives
        from desktop.ui.dialogs.requirement_edit import RequirementDialog

        d = ctx.run(directives.listing)[0]
        req = RequirementDialog(ctx, d)
        req.title_edit.setText("Báo cáo kết quả học tập, quán triệt")
        for row, name in enumerate(["Số buổi", "Số người tham dự", "Đoàn viên nữ tham dự"]):
            req.indicators.table.item(row, 0).setText(name)
        req.show()
        _settle(app)
        req.grab().save(str(out / "yeu-cau-chi-tieu-theo-ten.png"))

        from desktop.ui.dialogs.audit_log import AuditLogDialog

        log = AuditLogDialog(ctx)
        log.show()
        _settle(app)
        log.grab().save(str(out / "nhat-ky-thay-doi.png"))
        from desktop.ui.dialogs.key_create import KeyDialog

        key = KeyDialog(ctx)
        key.file.setText(str(Path(tmp) / "khoa-ky-so-van-phong.p12"))
        key.backup.setText("/media/usb/khoa-du-phong")
        key.passphrase.setText("Tam-Duong-2026")
        key.again.setText("Tam-Duong-2026")
        key.show()
        _settle(app)
        key.grab().save(str(out / "tao-khoa-ky-so.png"))

        from desktop.ui.dialogs.trust import TrustDialog

        trust = TrustDialog(ctx)
        trust.show()
        _settle(app)
        trust.grab().save(str(out / "chung-thu-tin-cay.png"))
        for name in ("cong-van-don-doc-xem-truoc", "yeu-cau-chi-tieu-theo-ten", "nhat-ky-thay-doi", "tao-khoa-ky-so",
                     "chung-thu-tin-cay"):
            print(out / f"{name}.png")
        ctx.close()


if __name__ == "__main__":
    main()
