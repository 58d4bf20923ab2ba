"""The main window: a list of screens on the left, the screen on the right;
geometry and the last screen are remembered. A screen (and its module) is
built the first time it is shown, so the window opens with one screen's
work, not seven."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QMainWindow, QStackedWidget, QWidget

from db.engine import display_url
from desktop.ui.context import AppContext

# (attribute, module, class, title as the screen's own title() says it)
SCREENS = (
    ("dashboard", "desktop.ui.screens.dashboard", "DashboardScreen", "Tổng quan"),
    ("units", "desktop.ui.screens.units", "UnitsScreen", "Đơn vị"),
    ("directives", "desktop.ui.screens.directives", "DirectivesScreen", "Văn bản"),
    ("tracking", "desktop.ui.screens.tracking", "TrackingScreen", "Theo dõi"),
    ("reports", "desktop.ui.screens.reports", "ReportsScreen", "Báo cáo"),
    ("exchange", "desktop.ui.screens.exchange", "ExchangeScreen", "Trao đổi"),
    ("settings", "desktop.ui.screens.settings", "SettingsScreen", "Cài đặt"),
)


def _screen_property(index: int):
    return property(lambda self: self.screen_at(index))


class MainWindow(QMainWindow):
    dashboard = _screen_property(0)
    units = _screen_property(1)
    directives = _screen_property(2)
    tracking = _screen_property(3)
    reports = _screen_property(4)
    exchange = _screen_property(5)
    settings = _screen_property(6)

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Theo dõi"))
        self._built: dict[int, QWidget] = {}

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(170)
        self.stack = QStackedWidget()
        for i, (_attr, _module, cls, title) in enumerate(SCREENS, 1):
            self.nav.addItem(QCoreApplication.translate(cls, title))
            self.nav.item(i - 1).setToolTip(f"Ctrl+{i}")
            self.stack.addWidget(QWidget())  # a place kept for the screen until it is first shown
        self.nav.currentRowChanged.connect(self._show_screen)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._menus()
        # Never the password of a server URL.
        self.statusBar().showMessage(self.tr("Dữ liệu: {path}").format(path=display_url(ctx.url)))
        self._restore()

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        act = QAction(self.tr("&Nhập danh sách đơn vị…"), self)
        act.setShortcut(QKeySequence("Ctrl+I"))
        act.triggered.connect(lambda: (self.go(self.units), self.units.import_units()))
        file_menu.addAction(act)
        file_menu.addSeparator()
        quit_act = QAction(self.tr("&Thoát"), self)
        quit_act.setShortcut(QKeySequence.Quit)
        quit_act.triggered.connect(self.close)
        file_menu.addAction(quit_act)

        view = self.menuBar().addMenu(self.tr("&Xem"))
        for i, (_attr, _module, cls, title) in enumerate(SCREENS, 1):
            act = QAction(QCoreApplication.translate(cls, title), self)
            act.setShortcut(QKeySequence(f"Ctrl+{i}"))
            act.triggered.connect(lambda _c=False, row=i - 1: self.nav.setCurrentRow(row))
            view.addAction(act)
            self.addAction(act)
        refresh = QAction(self.tr("&Làm mới"), self)
        refresh.setShortcut(QKeySequence.Refresh)
        refresh.triggered.connect(lambda: self.stack.currentWidget().refresh())
        view.addAction(refresh)

        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        guide = QAction(self.tr("&Hướng dẫn sử dụng"), self)
        guide.setShortcut(QKeySequence.HelpContents)
        guide.triggered.connect(self.open_guide)
        help_menu.addAction(guide)
        check = QAction(self.tr("&Kiểm tra máy"), self)
        check.triggered.connect(self.check_pc)
        help_menu.addAction(check)
        audit = QAction(self.tr("&Nhật ký thay đổi"), self)
        audit.triggered.connect(self.audit_log)
        help_menu.addAction(audit)
        help_menu.addSeparator()
        about = QAction(self.tr("&Giới thiệu Theo dõi"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def screen_at(self, index: int):
        """The screen in row ``index`` of the list, built (and put in its
        place) the first time it is asked for."""
        screen = self._built.get(index)
        if screen is None:
            _attr, module, cls, _title = SCREENS[index]
            screen = getattr(importlib.import_module(module), cls)(self.ctx)
            self._built[index] = screen
            placeholder = self.stack.widget(index)
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, screen)
            self.stack.removeWidget(placeholder)
            # Gone at once, not by deleteLater: a screen's first refresh waits
            # for the database in a nested event loop, which would delete it
            # while Qt is still showing the stack's children.
            placeholder.setParent(None)
            self.stack.setCurrentIndex(current)
            if index == 0:
                screen.show_missing.connect(self.open_missing)
        return screen

    @property
    def screens(self) -> list:
        """Every screen, in the order of the list (builds those not yet shown)."""
        return [self.screen_at(i) for i in range(len(SCREENS))]

    def _show_screen(self, index: int) -> None:
        if index >= 0:
            self.screen_at(index)
            self.stack.setCurrentIndex(index)

    def go(self, screen) -> None:
        self.nav.setCurrentRow(next(i for i, s in self._built.items() if s is screen))

    def open_missing(self, requirement_id: int, period: int) -> None:
        self.go(self.tracking)
        self.tracking.show_period(requirement_id, period)

    def open_guide(self) -> None:
        from desktop.ui.dialogs.help import open_guide

        open_guide(self)

    def check_pc(self) -> None:
        from desktop.ui.dialogs.help import DoctorDialog

        DoctorDialog(self.ctx, self).exec()

    def audit_log(self) -> None:
        from desktop.ui.dialogs.audit_log import AuditLogDialog

        AuditLogDialog(self.ctx, self).exec()

    def about(self) -> None:
        from desktop.ui.dialogs.help import AboutDialog

        AboutDialog(self).exec()

    def _restore(self) -> None:
        s = QSettings()
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 720)
        self.nav.setCurrentRow(int(s.value("window/screen", 0)) % len(SCREENS))

    def closeEvent(self, event) -> None:
        self.reports.keep_unsaved_draft()  # words typed in a report draft outlive the window
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/screen", self.nav.currentRow())
        super().closeEvent(event)
