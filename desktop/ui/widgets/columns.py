"""Column widths that never clip a column's title: a header cut to
"ơ quan ban hàn" reads as a different word in Vietnamese."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView


def fit_columns(table: QTableView, stretch: int) -> None:
    """Every column as wide as its title and its cells, ``stretch`` taking
    the room left. For tables of tens or hundreds of rows, where measuring
    the cells costs nothing noticeable."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.Stretch)
