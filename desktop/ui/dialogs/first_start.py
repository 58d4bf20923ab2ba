"""The first start: set up this office in a few steps, or open the demo
office to look around first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop.core.errors import UserError
from desktop.operations import office
from desktop.ui.actions import window_action
from desktop.ui.errors import show_error


class FirstStartWizard(QWizard):
    """On accept, ``use_demo``, ``office`` (init_office arguments) and
    ``data_path`` (the chosen database file) say what to do. With
    ``data_path`` None (the data is on a shared server) there is no file to
    choose and that page is left out."""

    def __init__(self, data_path: Path | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bắt đầu dùng Theo dõi"))
        self.setWizardStyle(QWizard.ModernStyle)
        self.setButtonText(QWizard.NextButton, self.tr("Tiếp >"))
        self.setButtonText(QWizard.BackButton, self.tr("< Quay lại"))
        self.setButtonText(QWizard.FinishButton, self.tr("Bắt đầu"))
        self.setButtonText(QWizard.CancelButton, self.tr("Hủy"))
        self.data_path = data_path
        self._closing = False

        welcome = QWizardPage()
        welcome.setTitle(self.tr("Chào mừng đến với Theo dõi"))
        welcome.setSubTitle(self.tr("Sổ theo dõi văn bản chỉ đạo, yêu cầu và báo cáo của các công đoàn cơ sở."))
        self.own = QRadioButton(self.tr("Khai báo văn phòng của tôi"))
        self.demo = QRadioButton(self.tr("Mở văn phòng mẫu để xem thử (dữ liệu demo)"))
        self.own.setChecked(True)
        v = QVBoxLayout(welcome)
        v.addWidget(self.own)
        v.addWidget(self.demo)
        v.addStretch()

        office = QWizardPage()
        office.setTitle(self.tr("Văn phòng của bạn"))
        office.setSubTitle(self.tr("Thông tin này in trên phần đầu các văn bản đi."))
        self.name = QLineEdit()
        self.name.setPlaceholderText("Liên đoàn Lao động huyện Tam Đường")
        self.parent_name = QLineEdit()
        self.parent_name.setPlaceholderText("LĐLĐ TỈNH LAI CHÂU")
        self.place = QLineEdit()
        self.place.setPlaceholderText("Tam Đường")
        self.symbol = QLineEdit()
        self.symbol.setPlaceholderText("LĐLĐ")
        f = QFormLayout(office)
        f.addRow(self.tr("Tên văn phòng (*)"), self.name)
        f.addRow(self.tr("Cơ quan cấp trên"), self.parent_name)
        f.addRow(self.tr("Địa danh"), self.place)
        f.addRow(self.tr("Ký hiệu trong số văn bản"), self.symbol)
        office.registerField("name*", self.name)

        signer = QWizardPage()
        signer.setTitle(self.tr("Người ký văn bản"))
        self.authority = QLineEdit("TM. BAN THƯỜNG VỤ")
        self.signer_title = QLineEdit("CHỦ TỊCH")
        self.signer_name = QLineEdit()
        f = QFormLayout(signer)
        f.addRow(self.tr("Thẩm quyền ký"), self.authority)
        f.addRow(self.tr("Chức vụ"), self.signer_title)
        f.addRow(self.tr("Họ và tên"), self.signer_name)

        data = QWizardPage()
        data.setTitle(self.tr("Nơi lưu dữ liệu"))
        data.setSubTitle(self.tr("Toàn bộ dữ liệu nằm trong một tệp trên máy này. Nên sao lưu thường xuyên."))
        self.path_edit = QLineEdit(str(data_path or ""))
        self.path_edit.setReadOnly(True)
        choose = QPushButton(self.tr("Chọn thư mục khác…"))
        choose.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        v = QVBoxLayout(data)
        v.addWidget(QLabel(self.tr("Tệp dữ liệu:")))
        v.addLayout(row)
        v.addStretch()

        self.welcome_id = self.addPage(welcome)
        self.office_id = self.addPage(office)
        self.signer_id = self.addPage(signer)
        self.data_id = self.addPage(data) if data_path is not None else -1

    def nextId(self) -> int:
        if self.currentId() == self.welcome_id and self.demo.isChecked():
            return -1
        return super().nextId()

    def validateCurrentPage(self) -> bool:
        if self.currentId() == self.welcome_id and self.demo.isChecked() and not self._closing:
            # "Tiếp >" pressed on the demo choice: nothing more to ask. The
            # wizard closes after this click returns, not inside it.
            QTimer.singleShot(0, self.accept)
            return True
        if self.currentId() == self.signer_id:
            missing = [label for label, edit in ((self.tr("Chức vụ"), self.signer_title), (self.tr("Họ và tên"), self.signer_name))
                       if not edit.text().strip()]
            if missing:
                show_error(self, UserError(self.tr("Người ký văn bản: hãy nhập {fields} (in ở khối chữ ký của văn bản đi).")
                                           .format(fields=self.tr(" và ").join(f"“{m}”" for m in missing))))
                (self.signer_title if not self.signer_title.text().strip() else self.signer_name).setFocus()
                return False
        return super().validateCurrentPage()

    def done(self, result: int) -> None:
        self._closing = True
        super().done(result)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu dữ liệu"), str(self.data_path.parent))
        if folder:
            self.data_path = Path(folder) / self.data_path.name
            self.path_edit.setText(str(self.data_path))

    @property
    def use_demo(self) -> bool:
        return self.demo.isChecked()

    @window_action("demo", "init")
    def apply(self, ctx) -> None:
        """Open the demo office, or declare this office, as the user chose."""
        if self.use_demo:
            ctx.run(office.demo, parent=self)
            return
        ctx.run(
            office.declare,
            self.name.text(),
            parent_name=self.parent_name.text(),
            place=self.place.text(),
            symbol=self.symbol.text(),
            signing_authority=self.authority.text(),
            signer_title=self.signer_title.text(),
            signer_name=self.signer_name.text(),
            parent=self,
        )
