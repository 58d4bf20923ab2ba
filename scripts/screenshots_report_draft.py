"""Refresh the report-draft pictures in docs/screenshots/: the Báo cáo screen
with the clerk's own sections in the draft editor and its preview, the first
pages of the report issued from it (pdftoppm), and its .docx as LibreOffice
prints it. Run: make screenshots (needs poppler-utils and LibreOffice).

bao-cao-truoc-ban-thao.png is kept as it was: the report before drafts, its
only human text one "Đánh giá chung"."""

from __future__ import annotations

import os
import shutil
import subprocess
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
from db.session import unit_of_work  # noqa: E402
from desktop.core import clock  # noqa: E402
from desktop.core.demo import build_demo  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.i18n import install_translator  # noqa: E402
from desktop.ui.mainwindow import MainWindow  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402
from desktop.ui.worker import DatabaseWorker  # noqa: E402

# What a clerk of LĐLĐ huyện Tam Đường writes over the prefilled draft.
CLERK = {
    "results": (
        "Ngay sau khi nhận được Kế hoạch số 314/KH-LĐLĐ, Ban Thường vụ LĐLĐ huyện đã ban hành văn bản chỉ đạo, "
        "giao Ban Tuyên giáo hướng dẫn các công đoàn cơ sở tổ chức quán triệt gắn với sinh hoạt chuyên môn.\n"
        "Các công đoàn cơ sở khối giáo dục chủ động lồng ghép nội dung Nghị quyết số 02-NQ/TW vào hội nghị cán bộ, "
        "công chức, viên chức đầu năm; nhiều đơn vị tổ chức thi tìm hiểu, thu hút đông đảo đoàn viên tham gia."
    ),
    "shortcomings": (
        "Một số công đoàn cơ sở khối doanh nghiệp ngoài nhà nước chưa tổ chức quán triệt, báo cáo còn chậm, "
        "nội dung sơ sài, chưa có số liệu cụ thể.\n"
        "Nguyên nhân: cán bộ công đoàn cơ sở hoạt động kiêm nhiệm, thường xuyên thay đổi; một số chủ doanh nghiệp "
        "chưa tạo điều kiện về thời gian để người lao động tham gia học tập."
    ),
    "proposals": (
        "Đề nghị LĐLĐ tỉnh tiếp tục cấp tài liệu tuyên truyền ngắn gọn, dễ hiểu cho công nhân lao động; mở lớp "
        "tập huấn nghiệp vụ công tác tuyên giáo cho cán bộ công đoàn cơ sở khối doanh nghiệp trong quý III/2022."
    ),
}


def pump(app, times: int = 5) -> None:
    for _ in range(times):
        app.processEvents()


def lo_fonts(folder: Path) -> Path:
    """A fontconfig file putting the shipped Liberation Serif 2 (full
    Vietnamese) before the system's, as Times New Roman is on an office PC."""
    conf = folder / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<dir>{ROOT / 'resources' / 'fonts'}</dir><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<cachedir>{folder / 'fc'}</cachedir></fontconfig>""", encoding="utf-8")
    return conf


def pages(pdf: Path, out: Path, name: str, last: int) -> None:
    for old in out.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", str(last), str(pdf), str(out / name)], check=True)
    for png in sorted(out.glob(f"{name}-*.png")):
        print(png)


def main(out: Path = ROOT / "docs" / "screenshots") -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["XDG_CONFIG_HOME"] = str(tmp)  # no remembered geometry
        app = QApplication.instance() or QApplication([])
        app.setOrganizationName("Theo doi screenshots")
        install_translator(app, "vi")
        url = resolve_url(tmp / "demo.sqlite3")
        engine = open_database(url, backup_dir=tmp)
        with unit_of_work(engine, actor="demo") as s:
            build_demo(s, today=clock.today())
        TaskRunner.inline = True  # the preview is ready before the picture
        DatabaseWorker.inline = True  # operations in turn on this thread: the pictures never race a worker
        QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.Yes)  # the clerk confirms the issue
        window = MainWindow(AppContext(engine, url))
        window.resize(1366, 900)
        window.show()
        screen = window.reports
        window.nav.setCurrentRow(window.stack.indexOf(screen))
        pump(app)
        screen.directive.setCurrentIndex(next(i for i in range(screen.directive.count())
                                              if screen.directive.itemText(i).startswith("314/KH-LĐLĐ")))
        screen.as_of.setDate(date(2022, 4, 30))
        screen.issued_on.setDate(date(2022, 5, 5))
        screen.out_dir.setText(str(tmp / "out"))
        for key, text in CLERK.items():
            screen.sections.edits[key].setPlainText(text)
        screen.sections.setCurrentIndex(1)
        screen.with_docx.setChecked(True)
        screen.preview()
        pump(app)
        window.grab().save(str(out / "ban-thao-man-hinh.png"))
        print(out / "ban-thao-man-hinh.png")

        screen.issue()
        pump(app)
        issued = screen.issued
        window.close()
        engine.dispose()
        if shutil.which("pdftoppm") is None:
            print("pdftoppm not found: pages skipped (apt-get install poppler-utils)")
            return
        pages(issued["pdf"], out, "bao-cao-ban-thao", 3)
        soffice = shutil.which("soffice")
        if soffice is None:
            print("soffice not found: the Word file's pages skipped (apt-get install libreoffice-writer)")
            return
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/lo", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp / "lo"), str(issued["docx"])], check=True, capture_output=True,
                       env={**os.environ, "FONTCONFIG_FILE": str(lo_fonts(tmp))}, timeout=300)
        pages(tmp / "lo" / issued["docx"].with_suffix(".pdf").name, out, "bao-cao-word-libreoffice", 3)


if __name__ == "__main__":
    main()
