"""Screenshots of report forms (issue 20): the form as LibreOffice shows it
(its page converted by LibreOffice itself, beside what LibreOffice reports
of the form's locks and figure checks), the forms dialog after making the
forms for 83 units, and the preview of returned forms with every fate.
Run: python scripts/screenshots_forms.py (make screenshots)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("THEODOI_TODAY", "2026-11-24")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from db.engine import resolve_url  # noqa: E402
from db.migrate import open_database  # noqa: E402
from desktop.io.forms import layout as L  # noqa: E402
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.i18n import install_translator  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402
from desktop.ui.worker import DatabaseWorker  # noqa: E402
from tests.forms.conftest import fill, make_office, unit_code  # noqa: E402
from tests.forms.libreoffice import fill_with_libreoffice, inspect, soffice, to_pdf  # noqa: E402


def _settle(app) -> None:
    import time

    for _ in range(10):
        app.processEvents()
        time.sleep(0.03)


def libreoffice_view(form: Path, out_png: Path, work: Path) -> None:
    """The page as LibreOffice prints the filled form, and beside it what
    LibreOffice says of the form it opened (locks, checks, prompts)."""
    from PIL import Image, ImageDraw, ImageFont

    pdf = to_pdf(form, work, work)
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", str(pdf), str(work / "page")], check=True)
    page = Image.open(work / "page.png").convert("RGB")
    page = page.crop((0, 0, page.width, min(page.height, int(page.width * 0.85))))
    cells = [f"C{L.CODE_ROW}", f"C{L.FIRST_ROW}", f"C{L.FIRST_ROW + 1}"]
    seen = inspect(form, cells, work)
    fonts = ROOT / "resources" / "fonts"
    regular = ImageFont.truetype(str(fonts / "LiberationSerif-Regular.ttf"), 22)
    bold = ImageFont.truetype(str(fonts / "LiberationSerif-Bold.ttf"), 24)
    yes = {"True": "có", "False": "không"}
    lines = [
        ("LibreOffice Calc mở phiếu này và cho biết:", bold),
        ("", regular),
        (f"Trang “{L.SHEET}” được khóa: {yes.get(seen['sheet'].get('protected'), '?')}", regular),
        (f"Số trang tính: {seen['sheet'].get('sheets')}; trang nhận dạng hiện: "
         f"{yes.get(seen['sheet'].get('second_visible'), '?')}", regular),
        ("", regular),
    ]
    for cell in cells:
        c = seen[cell]
        kind = "số nguyên" if c["type"] == "1" else "không kiểm tra"
        lines.append((f"Ô {cell}: {'khóa' if c['locked'] == 'True' else 'mở để điền'}; {kind}"
                      + (f" từ {c['f1']} đến {int(c['f2']):,}".replace(",", ".") if c["type"] == "1" else ""), regular))
        if c.get("title"):
            lines.append((f"   lời nhắc “{c['title']}”:", regular))
            words, row = c["message"].split(), ""
            for w in words:
                if len(row) + len(w) > 46:
                    lines.append((f"   {row}", regular))
                    row = ""
                row = f"{row} {w}".strip()
            lines.append((f"   {row}", regular))
    panel = Image.new("RGB", (620, page.height), "white")
    draw = ImageDraw.Draw(panel)
    y = 40
    for text, font in lines:
        draw.text((24, y), text, fill="black", font=font)
        y += 34
    draw.rectangle((8, 20, 612, y + 10), outline="#1F4E79", width=2)
    shot = Image.new("RGB", (page.width + panel.width, page.height), "white")
    shot.paste(page, (0, 0))
    shot.paste(panel, (page.width, 0))
    shot.save(out_png)


def returned_forms(made, folder: Path) -> None:
    """A morning's returns: good forms, one by e-mail, and one of each kind
    that goes wrong."""
    files = {f.unit_code: f.xlsx for f in made.files}
    for n in range(1, 9):
        fill(files[unit_code(n)], [n % 4 + 1, 20 + 3 * n], out=folder / files[unit_code(n)].name)
    fill(files[unit_code(9)], [2, 45], out=folder / "Phieu bao cao (1).xlsx")  # renamed on a phone
    fill(files[unit_code(1)], [3, 28], out=folder / "cd001-dinh-chinh.xlsx")  # a correction
    fill(files[unit_code(2)], [3, 26], out=folder / "cd002-gui-lai.xlsx")  # the same again
    fill(files[unit_code(10)], ["=2+3", 40], out=folder / "cd010-co-cong-thuc.xlsx")
    fill(files[unit_code(11)], [-2, 40], out=folder / "cd011-so-am.xlsx")
    shutil.copy(files[unit_code(12)], folder / "cd012-chua-dien.xlsx")
    other = openpyxl.load_workbook(fill(files[unit_code(13)], [1, 30], out=folder / "cd013-cua-don-vi-khac.xlsx"))
    other[L.SHEET].cell(L.CODE_ROW, L.VALUE_COL, unit_code(14))
    other.save(folder / "cd013-cua-don-vi-khac.xlsx")
    edited = openpyxl.load_workbook(fill(files[unit_code(15)], [1, 30], out=folder / "cd015-them-dong.xlsx"))
    edited[L.SHEET].insert_rows(L.FIRST_ROW)
    edited.save(folder / "cd015-them-dong.xlsx")
    stray = openpyxl.Workbook()
    stray.active.append(["Báo cáo của trường"])
    stray.active.append(["STT", "Chỉ tiêu", "Số liệu"])
    stray.active.append([1, "Số buổi học tập", 2])
    stray.active.append([2, "Số người tham dự", 37])
    stray.save(folder / "Book1.xlsx")
    (folder / "anh-phieu-giay.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo of the paper form")


def main(out: Path = ROOT / "docs" / "screenshots") -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-forms-shots-") as tmp:
        tmp = Path(tmp)
        os.environ["XDG_CONFIG_HOME"] = str(tmp)
        app = QApplication.instance() or QApplication([])
        install_translator(app, "vi")
        TaskRunner.inline = DatabaseWorker.inline = True
        url = resolve_url(tmp / "office.sqlite3")
        engine = open_database(url, backup_dir=tmp)
        _store, rid = make_office(engine, url)
        ctx = AppContext(engine, url)

        from desktop.operations import forms
        from desktop.ui.dialogs.forms_import import FormsImportDialog
        from desktop.ui.dialogs.forms_make import FormsMakeDialog

        dialog = FormsMakeDialog(ctx, rid, None, out_dir=tmp / "phieu")
        dialog.email.setChecked(True)
        dialog.make_forms()
        dialog.table.selectRow(0)
        dialog.show()
        _settle(app)
        dialog.grab().save(str(out / "phieu-bao-cao-lam-phieu.png"))

        made = dialog.made
        if soffice():
            first = made.files[0].xlsx
            filled = fill_with_libreoffice(first, tmp / f"{first.stem}-libreoffice.xlsx", [3, 85], tmp)
            libreoffice_view(filled, out / "phieu-bao-cao-libreoffice.png", tmp)
        else:
            print("LibreOffice is not installed: phieu-bao-cao-libreoffice.png not refreshed", file=sys.stderr)

        earlier = tmp / "earlier"
        earlier.mkdir()
        for n in (1, 2):
            f = made.files[[m.unit_code for m in made.files].index(unit_code(n))].xlsx
            fill(f, [2, 25] if n == 1 else [3, 26], out=earlier / f.name)
        ctx.run(forms.import_forms, [earlier], received=None)
        back = tmp / "tra-ve"
        back.mkdir()
        returned_forms(made, back)
        with zipfile.ZipFile(tmp / "cum-truong.zip", "w") as zf:
            for n in (16, 17):
                f = made.files[[m.unit_code for m in made.files].index(unit_code(n))].xlsx
                zf.write(fill(f, [1, 19 + n], out=tmp / f.name), f.name)
        importer = FormsImportDialog(ctx, rid, 1)
        importer.resize(1280, 720)
        importer.add([back, tmp / "cum-truong.zip"])
        importer.show()
        _settle(app)
        importer.grab().save(str(out / "phieu-bao-cao-nhan-xem-truoc.png"))
        ctx.close()
        engine.dispose()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
