"""A PDF shown for checking before it is issued or printed, with zoom:
smaller, larger, the page's width, the whole page."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


class PdfPreview(QWidget):
    def __init__(self, document: QPdfDocument, parent=None):
        super().__init__(parent)
        self.view = QPdfView()
        self.view.setDocument(document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.zoom_out_button = self._button(self.tr("Thu nhỏ"), "−", QKeySequence.ZoomOut, lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button = self._button(self.tr("Phóng to"), "+", QKeySequence.ZoomIn, lambda: self.zoom_by(ZOOM_STEP))
        self.fit_width_button = self._button(self.tr("Vừa chiều rộng"), self.tr("Vừa chiều rộng"), None,
                                             lambda: self.fit(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_button = self._button(self.tr("Cả trang"), self.tr("Cả trang"), None,
                                            lambda: self.fit(QPdfView.ZoomMode.FitInView))
        self.zoom_label = QLabel()
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(self.tr("Xem trước:")))
        bar.addStretch()
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_width_button, self.fit_page_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.view.zoomFactorChanged.connect(self._show_zoom)
        self.view.zoomModeChanged.connect(self._show_zoom)
        self._show_zoom()

    def _button(self, tooltip: str, text: str, shortcut, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tooltip)
        if shortcut is not None:
            button.setShortcut(shortcut)
        button.clicked.connect(slot)
        return button

    def zoom_by(self, factor: float) -> None:
        """Zoom from what is shown now (also from a fitted page)."""
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._fitted_factor()
        low, high = ZOOM_RANGE
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, low), high))

    def fit(self, mode) -> None:
        self.view.setZoomMode(mode)

    def _fitted_factor(self) -> float:
        # In a fitted mode zoomFactor() keeps the last custom value; the
        # factor on screen is the viewport's width over the page's.
        document = self.view.document()
        if document is None or document.pageCount() == 0:
            return self.view.zoomFactor()
        page = document.pagePointSize(0)
        points_to_pixels = self.view.logicalDpiX() / 72.0
        width = self.view.viewport().width() - 2 * self.view.documentMargins().left()
        return max(width / (page.width() * points_to_pixels), ZOOM_RANGE[0]) if page.width() else self.view.zoomFactor()

    def _show_zoom(self, *_args) -> None:
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.FitToWidth:
            self.zoom_label.setText(self.tr("vừa chiều rộng"))
        elif mode == QPdfView.ZoomMode.FitInView:
            self.zoom_label.setText(self.tr("cả trang"))
        else:
            self.zoom_label.setText(f"{round(self.view.zoomFactor() * 100)}%")
