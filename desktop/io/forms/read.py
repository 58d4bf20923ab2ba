"""Reading a returned form: what its hidden sheet claims, what its visible
cells show, which figure cells hold formulas. The file is checked first
(real format, size, zip bomb, entity bomb, far-away cells) with the
readers' own limits; nothing here trusts the file, and nothing is
written."""

from __future__ import annotations

import hashlib
import re
import zipfile
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
    except OSError as exc:  # unreadable (permissions, a USB stick pulled out)
        form.problem = f"không đọc được tệp ({exc.strerror or type(exc).__name__}); hãy chép tệp vào máy rồi thử lại"
    return form


class _Cell:
    """One cell as the sheet's XML has it: its value (None, str, int,
    float, bool) and whether a formula makes it."""

    __slots__ = ("row", "col", "value", "formula")

    def __init__(self, row: int, col: int, value: Any = None, formula: bool = False):
        self.row, self.col, self.value, self.formula = row, col, value, formula

    @property
    def coordinate(self) -> str:
        return f"{_letters(self.col)}{self.row}"


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml(zf: zipfile.ZipFile, name: str):
    from defusedxml.ElementTree import fromstring

    return fromstring(zf.read(name))


def _text_of(element) -> str:
    # A rich-text string is runs of <t>; phonetic runs (<rPh>) are not text.
    parts = []
    for child in element.iter():
        if _local(child.tag) == "t" and child.text:
            parts.append(child.text)
    return "".join(parts)


def _shared_strings(zf: zipfile.ZipFile, names: list[str]) -> list[str]:
    if "xl/sharedStrings.xml" not in names:
        return []
    out = []
    for si in _xml(zf, "xl/sharedStrings.xml"):
        if _local(si.tag) == "si":
            kept = [c for c in si if _local(c.tag) != "rPh"]
            out.append("".join(_text_of(c) for c in kept)[:_MAX_TEXT])
    return out


def _sheets(zf: zipfile.ZipFile) -> list[tuple[str, str, str]]:
    """(name, state, part) of each sheet, in the workbook's order."""
    rels = {}
    for rel in _xml(zf, "xl/_rels/workbook.xml.rels"):
        target = rel.get("Target", "").lstrip("/")
        rels[rel.get("Id")] = target if target.startswith("xl/") else "xl/" + target
    out = []
    for element in _xml(zf, "xl/workbook.xml").iter():
        if _local(element.tag) == "sheet":
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
            out.append((element.get("name", ""), element.get("state", "visible"), rels.get(rid, "")))
    return out


_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _grid(zf: zipfile.ZipFile, part: str, strings: list[str]) -> dict[int, dict[int, _Cell]]:
    """The cells of the first ``MAX_FORM_ROWS`` rows and 8 columns."""
    grid: dict[int, dict[int, _Cell]] = {}
    row_no = 0
    for row in (e for e in _xml(zf, part).iter() if _local(e.tag) == "row"):
        row_no = int(row.get("r") or row_no + 1)
        if row_no > MAX_FORM_ROWS:
            break
        col_no = 0
        for c in row:
            if _local(c.tag) != "c":
                continue
            ref = _REF.match(c.get("r") or "")
            col_no = _col(ref.group(1)) if ref else col_no + 1
            if col_no > 8:
                continue
            kind = c.get("t", "n")
            raw = formula = None
            for part_ in c:
                name = _local(part_.tag)
                if name == "v":
                    raw = part_.text
                elif name == "f":
                    formula = part_.text or ""
                elif name == "is":
                    raw = _text_of(part_)
            value: Any = None
            if kind == "s" and raw is not None:
                index = int(raw) if raw.strip().isdigit() else -1
                value = strings[index] if 0 <= index < len(strings) else None
            elif kind in ("inlineStr", "str", "e"):
                value = raw
            elif kind == "b":
                value = raw == "1"
            elif raw is not None:
                try:
                    number = float(raw)
                    value = int(number) if number.is_integer() and abs(number) < 2**53 else number
                except ValueError:
                    value = raw
            if formula is not None:
                value = "=" + formula[:_MAX_TEXT]
            grid.setdefault(row_no, {})[col_no] = _Cell(row_no, col_no, value, formula is not None)
    return grid


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _read_workbook(path: Path, form: FilledForm) -> None:
    """The identity sheet's pairs and the visible sheet's cells, read from
    the workbook's XML (the file already checked: no DTD, within budget)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            sheets = _sheets(zf)
            strings = _shared_strings(zf, list(names))
            ident = next((s for s in sheets if s[0] == L.IDENTITY_SHEET and s[2] in names), None)
            if ident is not None:
                form.identity = {}
                rows = _grid(zf, ident[2], strings)
                for r in sorted(rows)[:30]:
                    key, value = (_text(rows[r][c].value) if c in rows[r] else None for c in (1, 2))
                    if key:
                        form.identity[key] = value or ""
            visible = next((s for s in sheets if s[0] == L.SHEET and s[2] in names), None) or next(
                (s for s in sheets if s is not ident and s[1] == "visible" and s[2] in names), None)
            if visible is None:
                raise UserError(f"Tệp “{path.name}” không có trang phiếu nào để đọc.")
            grid = _grid(zf, visible[2], strings)
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken workbook, whatever the parser says
        raise UserError(damaged_message(path, "không đọc được bảng tính")) from exc
    _read_visible(grid, form)


def _rows(grid: dict[int, dict[int, _Cell]], width: int = 8):
    for r in range(1, (max(grid) if grid else 0) + 1):
        cells = grid.get(r, {})
        yield [cells.get(c) or _Cell(r, c) for c in range(1, width + 1)]


def _read_visible(grid: dict[int, dict[int, _Cell]], form: FilledForm) -> None:
    rows = _rows(grid)
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
        form.rows.append(FormRow(label=label, value=cell.value, cell=cell.coordinate, formula=cell.formula))
    # Where the form put it: the header in its row, the figures right under
    # it one per row; a line added, removed or moved is an edited form.
    expected = [f"{_letters(vc + 1)}{L.FIRST_ROW + n}" for n in range(len(form.rows))]
    form.table_at_layout = ((first, lc, vc) == (L.HEADER_ROW, L.LABEL_COL - 1, L.VALUE_COL - 1)
                            and [r.cell for r in form.rows] == expected)


