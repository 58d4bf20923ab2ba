"""Add or edit a member unit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit

from db.models import Organization
from desktop.core.units import sectors
from desktop.operations import units
from desktop.ui.actions import window_action
from desktop.ui.dialogs.form import FormDialog, count_spin, count_value, date_edit, date_value


class UnitDialog(FormDialog):
    def __init__(self, ctx, unit: Organization | None, parent=None):
        super().__init__(
            QCoreApplication.translate("UnitDialog", "Sửa đơn vị") if unit else QCoreApplication.translate("UnitDialog", "Thêm đơn vị"),
            parent,
        )
        self.ctx, self.unit = ctx, unit
        u = unit or Organization(name="", name_key="", sort_key="")
        self.name = QLineEdit(u.name)
        self.code = QLineEdit(u.code or "")
        self.sector = QComboBox()
        self.sector.setEditable(True)
        self.sector.addItems(ctx.read(sectors))
        self.sector.setCurrentText(u.sector or "")
        self.chair = QLineEdit(u.chair or "")
        self.phone = QLineEdit(u.phone or "")
        self.email = QLineEdit(u.email or "")
        self.address = QLineEdit(u.address or "")
        self.members = count_spin(u.members)
        self.female = count_spin(u.female_members)
        self.workers = count_spin(u.workers)
        self.founded = date_edit(u.active_from, optional=True)
        self.name.setMinimumWidth(380)
        for label, widget in (
            (self.tr("Tên đơn vị (*)"), self.name),
            (self.tr("Mã"), self.code),
            (self.tr("Khối"), self.sector),
            (self.tr("Chủ tịch"), self.chair),
            (self.tr("Điện thoại"), self.phone),
            (self.tr("Thư điện tử"), self.email),
            (self.tr("Địa chỉ"), self.address),
            (self.tr("Số đoàn viên"), self.members),
            (self.tr("Trong đó nữ"), self.female),
            (self.tr("Số lao động"), self.workers),
            (self.tr("Ngày thành lập"), self.founded),
        ):
            self.form.addRow(label, widget)

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "code": self.code.text(),
            "sector": self.sector.currentText(),
            "chair": self.chair.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "address": self.address.text(),
            "members": count_value(self.members),
            "female_members": count_value(self.female),
            "workers": count_value(self.workers),
            "active_from": date_value(self.founded),
        }

    @window_action("units.save")
    def save(self) -> None:
        self.ctx.run(units.save, self.values(), self.unit.id if self.unit else None, parent=self)
