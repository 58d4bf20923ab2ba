"""The main window: a list of screens on the left, the screen on the right;
geometry and the last screen are remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QMainWindow, QStackedWidget, QWidget

from db.engine import display_url
from desktop.ui.context import AppContext
from desktop.ui.screens.dashboard import DashboardScreen
from desktop.ui.screens.directives import DirectivesScreen
from desktop.ui.screens.exchange import ExchangeScreen
from desktop.ui.screens.reports import ReportsScreen
from desktop.ui.screens.settings import SettingsScreen
from desktop.ui.screens.tracking import TrackingScreen
from desktop.ui.screens.units import UnitsScreen


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Theo dõi"))
        self.dashboard = DashboardScreen(ctx)
        self.units = UnitsScreen(ctx)
        self.directives = DirectivesScreen(ctx)
        self.tracking = TrackingScreen(ctx)
        self.reports = ReportsScreen(ctx)
        self.exchange = ExchangeScreen(ctx)
        self.settings = SettingsScreen(ctx)
        self.screens = [self.dashboard, self.units, self.directives, self.tracking, self.reports, self.exchange,
                        self.settings]

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(170)
        self.stack = QStackedWidget()
        for i, screen in enumerate(self.screens, 1):
            self.nav.addItem(f"{screen.title()}")
            self.nav.item(i - 1).setToolTip(f"Ctrl+{i}")
            self.stack.addWidget(screen)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.dashboard.show_missing.connect(self.open_missing)

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
        for i, screen in enumerate(self.screens, 1):
            act = QAction(screen.title(), self)
            act.setShortcut(QKeySequence(f"Ctrl+{i}"))
            act.triggered.connect(lambda _c=False, s=screen: self.go(s))
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

    def go(self, screen) -> None:
        self.nav.setCurrentRow(self.screens.index(screen))

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
        self.nav.setCurrentRow(int(s.value("window/screen", 0)) % len(self.screens))

    def closeEvent(self, event) -> None:
        self.reports.keep_unsaved_draft()  # words typed in a report draft outlive the window
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/screen", self.nav.currentRow())
        super().closeEvent(event)
