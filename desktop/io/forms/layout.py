"""Where things sit on the Excel form: the writer puts them there, the
reader looks for them there first and by their labels after."""

from __future__ import annotations

SHEET = "Phiếu báo cáo"
IDENTITY_SHEET = "TheoDoi"  # hidden, protected: the form's identity

LABEL_COL = 2  # B
VALUE_COL = 3  # C
# Rows of the visible identity cells (label in B, value in C).
CODE_ROW, NAME_ROW, REQUIREMENT_ROW, PERIOD_ROW, DUE_ROW = 10, 11, 12, 13, 14
HEADER_ROW = 16  # "STT | Chỉ tiêu | Số liệu"
FIRST_ROW = HEADER_ROW + 1

LABELS = {
    "code": "Mã đơn vị",
    "name": "Tên đơn vị",
    "requirement": "Yêu cầu số",
    "period": "Kỳ báo cáo",
    "due": "Hạn gửi lại",
    "note": "Ghi chú (nếu có)",
}
HEADERS = ("STT", "Chỉ tiêu", "Số liệu")


def figure_cell(index: int) -> str:
    """The address of the figure of the ``index``-th indicator (0-based)."""
    return f"C{FIRST_ROW + index}"
