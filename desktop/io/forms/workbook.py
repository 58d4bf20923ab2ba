"""The Excel form: one sheet the chair fills in (only the figure cells and
the note open, each figure cell checked as a whole number ≥ 0 with a
Vietnamese prompt) and a hidden, protected sheet naming the form."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

from db.files import atomic_path
from desktop.core.dates import format_date
from desktop.core.forms import FORM_FORMAT, MAX_FIGURE, FormSpec
from desktop.io.forms import layout as L

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_OPEN = PatternFill("solid", fgColor="FFF2CC")  # the cells to fill in
_HEAD = PatternFill("solid", fgColor="D9E1F2")
_FONT = "Times New Roman"


def instructions(spec: FormSpec) -> list[str]:
    return [
        f"1. Chỉ điền vào các ô màu vàng ở cột “Số liệu”: số nguyên từ 0 trở lên (không có thì ghi 0).",
        "2. Không thêm, xóa, chuyển dòng hay đổi tên chỉ tiêu; các ô khác đã được khóa.",
        f"3. Lưu tệp (giữ dạng .xlsx) và gửi lại trước ngày {format_date(spec.due)} qua Zalo hoặc thư điện tử. "
        "Không cần đổi tên tệp.",
        "4. Không dùng được máy tính: in phiếu giấy, điền tay, chụp ảnh rõ nét rồi gửi lại.",
    ]


def identity_rows(spec: FormSpec) -> list[tuple[str, str]]:
    """The hidden sheet's key/value pairs."""
    return [
        ("format", FORM_FORMAT),
        ("version", str(spec.version)),
        ("unit_code", spec.unit_code),
        ("requirement", str(spec.requirement_id)),
        ("period", str(spec.period)),
        ("due", spec.due.isoformat()),
        ("indicators", ",".join(i.key for i in spec.indicators)),
        ("template", spec.template_hash),
    ]


def build_form(spec: FormSpec) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = L.SHEET
    ws.sheet_properties.tabColor = "1F4E79"
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions["C"].width = 34
    normal, bold = Font(name=_FONT, size=12), Font(name=_FONT, size=12, bold=True)

    def line(row: int, text: str, font=normal, *, center=False, height=None):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        cell = ws.cell(row, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center" if center else "left", vertical="center", wrap_text=True)
        if height:
            ws.row_dimensions[row].height = height

    line(1, spec.office.upper(), bold, height=20)
    line(2, "PHIẾU BÁO CÁO", Font(name=_FONT, size=14, bold=True), center=True, height=30)
    line(3, spec.requirement_title, Font(name=_FONT, size=12, italic=True), center=True, height=32)
    line(4, f"Thực hiện văn bản {spec.directive}" if spec.directive else "", normal, center=True)
    line(5, "Hướng dẫn điền phiếu:", bold)
    for n, text in enumerate(instructions(spec)):
        line(6 + n, text, Font(name=_FONT, size=11))

    shown = {
        L.CODE_ROW: (L.LABELS["code"], spec.unit_code),
        L.NAME_ROW: (L.LABELS["name"], spec.unit_name),
        L.REQUIREMENT_ROW: (L.LABELS["requirement"], spec.requirement_id),
        L.PERIOD_ROW: (L.LABELS["period"], spec.period),
        L.DUE_ROW: (L.LABELS["due"], format_date(spec.due)),
    }
    for row, (label, value) in shown.items():
        ws.cell(row, L.LABEL_COL, label).font = bold
        cell = ws.cell(row, L.VALUE_COL, value)
        cell.font = normal
        cell.alignment = Alignment(horizontal="left", wrap_text=True)
    for col, text in enumerate(L.HEADERS, 1):
        cell = ws.cell(L.HEADER_ROW, col, text)
        cell.font, cell.fill, cell.border = bold, _HEAD, _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center")

    check = DataValidation(
        type="whole", operator="between", formula1="0", formula2=str(MAX_FIGURE), allow_blank=True,
        showInputMessage=True, showErrorMessage=True, errorStyle="stop",
        promptTitle="Nhập số liệu",
        prompt="Gõ một số nguyên từ 0 trở lên (ví dụ 12). Không gõ chữ, dấu chấm, dấu phẩy hay công thức.",
        errorTitle="Số liệu không hợp lệ",
        error="Ô này chỉ nhận số nguyên từ 0 trở lên. Hãy gõ lại, ví dụ 12.",
    )
    ws.add_data_validation(check)
    for n, indicator in enumerate(spec.indicators):
        row = L.FIRST_ROW + n
        for col, value in ((1, n + 1), (2, indicator.label)):
            cell = ws.cell(row, col, value)
            cell.font, cell.border = normal, _BOX
            cell.alignment = Alignment(vertical="center", wrap_text=True, horizontal="center" if col == 1 else None)
        ws.row_dimensions[row].height = 24  # a finger's height on a phone
        figure = ws.cell(row, L.VALUE_COL)
        figure.font, figure.border, figure.fill = Font(name=_FONT, size=12, bold=True), _BOX, _OPEN
        figure.protection = Protection(locked=False)
        figure.number_format = "#,##0"
        check.add(figure.coordinate)
    note_row = L.FIRST_ROW + len(spec.indicators) + 1
    ws.cell(note_row, L.LABEL_COL, L.LABELS["note"]).font = bold
    note = ws.cell(note_row, L.VALUE_COL)
    note.fill, note.border, note.protection = _OPEN, _BOX, Protection(locked=False)
    note.alignment = Alignment(wrap_text=True, vertical="top")
    notes = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="500", allow_blank=True,
                           showInputMessage=True, promptTitle="Ghi chú",
                           prompt="Ghi chú ngắn nếu cần (tối đa 500 ký tự).")
    ws.add_data_validation(notes)
    notes.add(note.coordinate)
    ws.protection.sheet = True
    ws.protection.formatCells = ws.protection.formatColumns = ws.protection.formatRows = True
    ws.protection.insertRows = ws.protection.deleteRows = True
    ws.protection.selectLockedCells = False
    ws.print_options.horizontalCentered = True
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = f"A1:C{note_row}"
    ws.freeze_panes = None

    hidden = wb.create_sheet(L.IDENTITY_SHEET)
    for row, (key, value) in enumerate(identity_rows(spec), 1):
        hidden.cell(row, 1, key)
        hidden.cell(row, 2, value)
    hidden.sheet_state = "hidden"
    hidden.protection.sheet = True
    # The workbook's structure locked: the identity sheet cannot be shown,
    # renamed or deleted, nor sheets added, without unprotecting it.
    wb.security.lockStructure = True
    wb.active = 0
    wb.properties.title = f"Phiếu báo cáo — {spec.unit_name}"
    wb.properties.creator = spec.office or "Theo dõi"
    return wb


def write_form_xlsx(spec: FormSpec, path: Path) -> Path:
    """Write ``spec``'s form to ``path`` (atomically)."""
    wb = build_form(spec)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


# Stand-ins for what differs from one unit's form to the next: the forms of
# one requirement and period are made once by openpyxl and then copied with
# the unit put in (a hundredth of the time for 5,000 forms).
_CODE, _NAME = "THEODOI-UNIT-CODE-7f3e9a", "THEODOI-UNIT-NAME-7f3e9a"
_NOT_XML = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


class FormTemplate:
    """The form of one requirement and period with the unit left blank;
    ``write(spec, path)`` writes one unit's form from it."""

    def __init__(self, spec: FormSpec):
        import io
        import zipfile

        from dataclasses import replace

        self.template_hash = spec.template_hash
        buffer = io.BytesIO()
        build_form(replace(spec, unit_code=_CODE, unit_name=_NAME)).save(buffer)
        with zipfile.ZipFile(buffer) as zf:
            self.members = [(info, zf.read(info)) for info in zf.infolist()]
        if not any(_CODE.encode() in data for _info, data in self.members):
            raise RuntimeError("the form template lost its unit stand-in")

    def write(self, spec: FormSpec, path: Path) -> Path:
        import zipfile
        from xml.sax.saxutils import escape

        if spec.template_hash != self.template_hash:
            raise ValueError("a form of another requirement, period or template")
        code = escape(spec.unit_code.translate(_NOT_XML)).encode()
        name = escape(spec.unit_name.translate(_NOT_XML)).encode()
        with atomic_path(path) as tmp:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                for info, data in self.members:
                    if b"THEODOI-UNIT-" in data:
                        data = data.replace(_CODE.encode(), code).replace(_NAME.encode(), name)
                    zf.writestr(info, data)
        return path
