"""The four parts of a report the clerk writes, one tab each, prefilled with
the text the figures suggest. A tab whose text differs from the prefilled
one is marked, and only such texts are handed on: an untouched part keeps
following the figures."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QTabWidget

KEYS = ("results", "shortcomings", "proposals", "closing")


def _same(a: str, b: str) -> bool:
    # Compared as printed: paragraphs, whitespace aside.
    return [" ".join(p.split()) for p in a.splitlines() if p.strip()] == \
        [" ".join(p.split()) for p in b.splitlines() if p.strip()]


class SectionsEditor(QTabWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        # Short tab titles; the headings the report prints are in the tooltips.
        self.titles = {
            "results": self.tr("Kết quả"),
            "shortcomings": self.tr("Tồn tại, nguyên nhân"),
            "proposals": self.tr("Đề xuất, kiến nghị"),
            "closing": self.tr("Kết thúc"),
        }
        self.headings = {
            "results": self.tr("I. Kết quả đạt được"),
            "shortcomings": self.tr("II. Tồn tại, hạn chế và nguyên nhân"),
            "proposals": self.tr("III. Đề xuất, kiến nghị"),
            "closing": self.tr("Câu kết thúc, trước chữ ký"),
        }
        self.edits: dict[str, QPlainTextEdit] = {}
        self.defaults: dict[str, str] = {k: "" for k in KEYS}
        self.dirty = False  # typed into since shown or saved
        self._loading = False
        for key in KEYS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"section_{key}")
            edit.setAccessibleName(self.headings[key])
            edit.setPlaceholderText(self.tr("Mỗi dòng một đoạn; để trống sẽ dùng lời văn tạo từ số liệu."))
            edit.textChanged.connect(self._typed)
            self.edits[key] = edit
            self.setTabToolTip(self.addTab(edit, self.titles[key]), self.headings[key])
        self.setMinimumHeight(150)

    def set_texts(self, texts: dict[str, str], defaults: dict[str, str]) -> None:
        """Show ``texts``; ``defaults`` are the prefilled ones they are
        compared with."""
        self.defaults = {k: defaults.get(k, "") for k in KEYS}
        self._loading = True
        for key in KEYS:
            self.edits[key].setPlainText(texts.get(key, ""))
        self._loading = False
        self.dirty = False
        self._mark()

    def follow(self, defaults: dict[str, str]) -> None:
        """New prefilled texts (the figures changed): untouched parts take
        them, the clerk's own stay."""
        self._loading = True
        for key in KEYS:
            if not self.edited(key):
                self.edits[key].setPlainText(defaults.get(key, ""))
        self._loading = False
        self.defaults = {k: defaults.get(k, "") for k in KEYS}
        self._mark()

    def edited(self, key: str) -> bool:
        text = self.edits[key].toPlainText()
        return bool(text.strip()) and not _same(text, self.defaults[key])

    def texts(self) -> dict[str, str]:
        """The clerk's texts, "" for a part left as prefilled (or emptied)."""
        return {k: self.edits[k].toPlainText() if self.edited(k) else "" for k in KEYS}

    def _typed(self) -> None:
        if not self._loading:
            self.dirty = True
        self._mark()

    def _mark(self) -> None:
        for i, key in enumerate(KEYS):
            self.setTabText(i, self.titles[key] + (" ✎" if self.edited(key) else ""))
