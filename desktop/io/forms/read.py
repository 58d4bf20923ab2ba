"""Reading a returned form: what its hidden sheet claims, what its visible
cells show, which figure cells hold formulas. The file is checked first
(real format, size, zip bomb, entity bomb, far-away cells) with the
readers' own limits; nothing here trusts the file, and nothing is
written."""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from pathlib import Path
from typing import Any

from desktop.core.errors import UserError
from desktop.core.forms import FilledForm, FormRow
from desktop.core.vntext import clean, fold
from desktop.io import xlsx_structure
from desktop.io.forms import layout as L
from desktop.io.limits import FORM_ZIP, MAX_FORM_BYTES, MAX_FORM_ROWS
from desktop.io.safety import check_zip, damaged_message, sniff

_LABEL_KEYS = {fold(v): k for k, v in L.LABELS.items()}
_MAX_TEXT = 500


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _not_a_form(path: Path, kind: str) -> str:
    if kind == "pdf" or path.suffix.lower() in (".jpg", ".jpeg", ".png", ".heic", ".pdf"):
        return ("là ảnh chụp hoặc PDF, không phải phiếu Excel; hãy xem ảnh và ghi nhận số liệu bằng tay "
                "(Ghi nhận… trên màn hình Theo dõi)")
    if kind == "ole":
        return "là tệp Excel cũ (.xls); hãy mở bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi nhập lại"
    return "không phải phiếu báo cáo Excel (.xlsx)"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value)[:_MAX_TEXT]) or None


def read_form(path: Path | str) -> FilledForm:
    """What ``path`` says as a returned form. A file that is not a readable
    form comes back with ``problem`` set (a reason in Vietnamese), never
    as an exception."""
    path = Path(path)
    form = FilledForm(file=path.name, sha256="")
    try:
        sniffed = sniff(path, max_bytes=MAX_FORM_BYTES)
        form.sha256 = _sha256(path)
        if sniffed.kind != "zip":
            form.problem = f"tệp {_not_a_form(path, sniffed.kind)}"
            return form
        names = check_zip(path, budget=FORM_ZIP)
        if "xl/workbook.xml" not in names:
            if "content.xml" in names:
                form.problem = ("là bảng tính OpenDocument (.ods); hãy lưu lại dạng Excel (.xlsx) rồi gửi lại "
                                "(LibreOffice: Lưu thành → Excel 2007-365)")
            else:
                form.problem = f"tệp {_not_a_form(path, 'zip')}"
            return form
        with zipfile.ZipFile(path) as zf:
            xlsx_structure.check_extent(path, zf, names)
        _read_workbook(path, form)
    except UserError as exc:
        form.problem = exc.message
    return form


def _read_workbook(path: Path, form: FilledForm) -> None:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, data_only=False, keep_links=False, rich_text=False)
    except UserError:
        raise
    except (KeyError, ValueError, TypeError, IndexError, AttributeError, zipfile.BadZipFile, zlib.error, EOFError,
            OSError, SyntaxError) as exc:
        raise UserError(damaged_message(path, "không mở được bảng tính")) from exc
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise UserError(damaged_message(path, f"không mở được bảng tính ({type(exc).__name__})")) from exc
    try:
        sheets = wb.worksheets
        ident = next((ws for ws in sheets if ws.title == L.IDENTITY_SHEET), None)
        if ident is not None:
            form.identity = {}
            for row in ident.iter_rows(min_row=1, max_row=30, max_col=2, values_only=True):
                key, value = (_text(v) for v in (list(row) + [None, None])[:2])
                if key:
                    form.identity[key] = value or ""
        visible = next((ws for ws in sheets if ws.title == L.SHEET), None) or next(
            (ws for ws in sheets if ws is not ident and ws.sheet_state == "visible"), None)
        if visible is None:
            raise UserError(f"Tệp “{path.name}” không có trang phiếu nào để đọc.")
        _read_visible(visible, form)
    finally:
        wb.close()


def _is_formula(cell) -> bool:
    value = cell.value
    return cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")) or type(value).__name__ in (
        "ArrayFormula", "DataTableFormula")


def _read_visible(ws, form: FilledForm) -> None:
    height = min(ws.max_row or 0, MAX_FORM_ROWS)
    width = min(max(ws.max_column or 0, 3), 8)
    rows = ws.iter_rows(min_row=1, max_row=height, max_col=width)
    header = None
    for cells in rows:
        texts = [fold(_text(c.value)) for c in cells]
        if "chi tieu" in texts and "so lieu" in texts:
            header = (cells[0].row, texts.index("chi tieu"), texts.index("so lieu"))
            break
        for c, t in enumerate(texts[:3]):
            key = _LABEL_KEYS.get(t)
            if key in ("code", "name", "requirement", "period"):
                value = next((x.value for x in cells[c + 1:] if x.value not in (None, "")), None)
                setattr(form, f"visible_{key}", _text(value))
    if header is None:
        return
    first, lc, vc = header
    for cells in rows:
        label = _text(cells[lc].value)
        if label is None:
            continue  # a blank line (before the note), a stray cell beside the table
        if fold(label).startswith("ghi chu"):
            form.note = _text(cells[vc].value)
            break
        cell = cells[vc]
        form.rows.append(FormRow(label=label, value=_value(cell), cell=cell.coordinate, formula=_is_formula(cell)))
    # Where the form put it: the header in its row, the figures right under
    # it one per row; a line added, removed or moved is an edited form.
    expected = [f"{cells_col(vc)}{L.FIRST_ROW + n}" for n in range(len(form.rows))]
    form.table_at_layout = ((first, lc, vc) == (L.HEADER_ROW, L.LABEL_COL - 1, L.VALUE_COL - 1)
                            and [r.cell for r in form.rows] == expected)


def cells_col(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _value(cell) -> Any:
    value = cell.value
    if isinstance(value, str):
        return value[:_MAX_TEXT]
    if isinstance(value, (int, float)) or value is None:
        return value
    return str(value)[:_MAX_TEXT]  # a date, a bool: shown as typed, refused as a figure
