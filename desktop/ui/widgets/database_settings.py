"""The "Dữ liệu" part of the Cài đặt screen: where the data lives (this
PC's file, or a PostgreSQL server the office's PCs share), a trial
connection that explains a refusal in Vietnamese, and backups."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

from db.engine import display_url, sqlite_path, with_driver
from desktop.operations import database
from desktop.ui.actions import window_action
from desktop.ui.errors import show_error
from desktop.ui.open_file import open_with_system
from desktop.ui.tasks import TaskRunner

SETTING = "database/url"  # a server URL without its password; absent: the file on this PC
LOCAL, SERVER = "local", "server"


class DatabaseBox(QGroupBox):
    def __init__(self, ctx, parent=None, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Dữ liệu"))
        self.ctx, self.runner = ctx, runner or TaskRunner(self)
        path = sqlite_path(ctx.url)
        self.current = QLabel(display_url(ctx.url))
        self.current.setWordWrap(True)
        open_folder = QPushButton(self.tr("Mở thư mục dữ liệu"))
        open_folder.setEnabled(path is not None)
        open_folder.clicked.connect(lambda: open_with_system(self, path.parent, self.tr("Mở thư mục dữ liệu")))
        here = QHBoxLayout()
        here.addWidget(self.current, 1)
        here.addWidget(open_folder)

        self.kind = QComboBox()
        self.kind.addItem(self.tr("Tệp trên máy này (SQLite)"), LOCAL)
        self.kind.addItem(self.tr("Máy chủ PostgreSQL dùng chung cho cả văn phòng"), SERVER)
        self.host, self.database, self.user = QLineEdit(), QLineEdit(), QLineEdit()
        self.host.setPlaceholderText("192.168.1.10")
        self.database.setPlaceholderText("theodoi")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("để trống nếu không đổi"))
        self.server_rows = QWidget()
        server = QFormLayout(self.server_rows)
        server.setContentsMargins(0, 0, 0, 0)
        server.addRow(self.tr("Máy chủ"), self.host)
        server.addRow(self.tr("Cổng"), self.port)
        server.addRow(self.tr("Tên cơ sở dữ liệu"), self.database)
        server.addRow(self.tr("Tên đăng nhập"), self.user)
        server.addRow(self.tr("Mật khẩu"), self.password)
        self.test_button = QPushButton(self.tr("&Kiểm tra kết nối"))
        self.use_button = QPushButton(self.tr("Dùng nơi lưu này"))
        self.copy_button = QPushButton(self.tr("&Chép dữ liệu lên máy chủ này…"))
        self.copy_button.clicked.connect(lambda: self.copy_to_server())
        # Lambdas: a clicked signal would hand its "checked" flag to ``then``.
        self.test_button.clicked.connect(lambda: self.test())
        self.use_button.clicked.connect(lambda: self.use())
        self.result = QLabel()
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch()
        backups = QPushButton(self.tr("Sao lưu và &khôi phục…"))
        backups.clicked.connect(self.open_backups)

        form = QFormLayout(self)
        form.addRow(self.tr("Đang dùng"), here)
        form.addRow(self.tr("Nơi lưu dữ liệu"), self.kind)
        form.addRow(self.server_rows)
        form.addRow("", buttons)
        form.addRow("", self.result)
        form.addRow(self.tr("Sao lưu"), backups)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.load()

    def load(self) -> None:
        saved = QSettings().value(SETTING)
        if saved:
            u = make_url(saved)
            self.host.setText(u.host or "")
            self.port.setValue(u.port or 5432)
            self.database.setText(u.database or "")
            self.user.setText(u.username or "")
        self.kind.setCurrentIndex(self.kind.findData(SERVER if saved else LOCAL))
        self._kind_changed()

    def _kind_changed(self) -> None:
        server = self.kind.currentData() == SERVER
        self.server_rows.setVisible(server)
        self.test_button.setVisible(server)
        self.copy_button.setVisible(server)
        self.result.clear()

    def server_url(self, *, password: bool = True) -> str:
        """The server the fields name (the password from the field, or the
        one kept in the keyring)."""
        from desktop.io.server_login import with_saved_password

        url = URL.create("postgresql", username=self.user.text().strip() or None,
                         password=(self.password.text() or None) if password else None,
                         host=self.host.text().strip() or None, port=self.port.value(),
                         database=self.database.text().strip() or None)
        text = with_driver(url.render_as_string(hide_password=False))
        return with_saved_password(text) if password and not self.password.text() else text

    def _missing(self) -> str | None:
        for edit, label in ((self.host, self.tr("Máy chủ")), (self.database, self.tr("Tên cơ sở dữ liệu")),
                            (self.user, self.tr("Tên đăng nhập"))):
            if not edit.text().strip():
                return self.tr("Hãy điền “{field}” của máy chủ.").format(field=label)
        return None

    def test(self, then=None) -> None:
        """Connect once in the background; say what was found or why it
        failed. ``then(check)`` runs after a successful trial."""
        from db.migrate import check_connection

        problem = self._missing()
        if problem:
            self.result.setText(problem)
            return
        url = self.server_url()
        self.result.setText(self.tr("Đang kết nối…"))
        self.test_button.setEnabled(False)

        def done(check) -> None:
            self.test_button.setEnabled(True)
            if check.foreign:
                self.result.setText(self.tr("Kết nối được, nhưng cơ sở dữ liệu này đang chứa bảng của chương trình khác; "
                                            "hãy dùng một cơ sở dữ liệu riêng cho Theo dõi."))
                return
            if check.newer:
                self.result.setText(self.tr("Kết nối được, nhưng dữ liệu trên máy chủ do một phiên bản Theo dõi mới hơn "
                                            "tạo ra (lược đồ {rev}); hãy cài phiên bản mới nhất trên máy này trước.").format(
                                                rev=check.revision))
                return
            state = (self.tr("còn trống: Theo dõi sẽ tạo các bảng khi mở lần đầu") if check.revision is None
                     else self.tr("đã có dữ liệu Theo dõi (lược đồ {rev})").format(rev=check.revision))
            self.result.setText(self.tr("Kết nối được tới {server}; cơ sở dữ liệu {state}.").format(
                server=check.server, state=state))
            if then is not None:
                then(check)

        def failed(exc, details) -> None:
            self.test_button.setEnabled(True)
            self.result.setText(getattr(exc, "message", None) or str(exc))
            if not getattr(exc, "message", None):
                show_error(self, exc, details)

        self.runner.start(lambda _progress, _cancelled: check_connection(url), done, failed)

    @window_action("db.copy")
    def copy_to_server(self, *, confirm: bool = True) -> None:
        """Copy every table of the data in use (and its attached files) into
        the server named, which must be empty; counted and hashed on both
        sides before the server commits."""
        problem = self._missing()
        if problem:
            self.result.setText(problem)
            return
        if confirm and QMessageBox.question(
                self, self.tr("Chép dữ liệu lên máy chủ"),
                self.tr("Chép toàn bộ dữ liệu đang dùng sang máy chủ {server}? Cơ sở dữ liệu trên máy chủ phải còn trống.")
                .format(server=display_url(self.server_url(password=False)))) != QMessageBox.Yes:
            return
        try:
            done = self.ctx.run(database.copy, self.server_url(), parent=self,
                                title=self.tr("Đang chép dữ liệu lên máy chủ…"))
        except Exception as exc:
            self.result.setText(getattr(exc, "message", None) or str(exc))
            show_error(self, exc)
            return
        self.result.setText(self.tr("Đã chép {rows} dòng của {tables} bảng và {files} tệp đính kèm; số dòng và mã băm "
                                    "từng bảng khớp ở cả hai đầu. Bấm “Dùng nơi lưu này” để làm việc trên máy chủ.")
                            .format(rows=done.rows, tables=len(done.tables), files=done.attachment_files))

    def use(self) -> None:
        if self.kind.currentData() == LOCAL:
            QSettings().remove(SETTING)
            self._restart_note(self.tr("Theo dõi sẽ dùng tệp dữ liệu trên máy này từ lần mở sau."))
            return
        self.test(then=self._save_server)

    def _save_server(self, check) -> None:
        from desktop.io.server_login import save_server_password, without_password

        url = self.server_url(password=False)
        try:
            if self.password.text():
                save_server_password(url, self.password.text())
        except Exception as exc:  # no keyring: told, nothing saved
            show_error(self, exc)
            return
        finally:
            self.password.clear()
        QSettings().setValue(SETTING, without_password(url))
        self._restart_note(self.tr("Theo dõi sẽ dùng máy chủ {server} từ lần mở sau. Dữ liệu đang có trên máy này "
                                   "không tự chuyển sang: hãy chép dữ liệu lên máy chủ trước khi mở lại.").format(
                                       server=display_url(url)))

    def _restart_note(self, text: str) -> None:
        QMessageBox.information(self, self.tr("Nơi lưu dữ liệu"), text)

    def open_backups(self) -> None:
        from desktop.ui.dialogs.backups import BackupsDialog

        BackupsDialog(self.ctx, self).exec()
