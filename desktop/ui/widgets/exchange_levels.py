"""The Trao đổi screen's views of the levels around this office: what came
down (assignments from the office above, with this office's own
deadline), what it assigns down, what went up (and whether the office
above received, returned or accepted it), what waits for review and what
was returned for correction."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exchange import grouped
from desktop.operations import assignments as ops
from desktop.ui.actions import window_action
from desktop.ui.context import Changed
from desktop.ui.errors import show_error
from desktop.ui.widgets.columns import fit_columns


def _date(d) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def _table(headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectRows)
    table.setSelectionMode(QTableWidget.SingleSelection)
    table.verticalHeader().hide()
    fit_columns(table, stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], data: list) -> None:
    table.setRowCount(len(rows))
    for i, (row, value) in enumerate(zip(rows, data)):
        for j, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setData(Qt.UserRole, value)
            table.setItem(i, j, item)


def _picked(table: QTableWidget):
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(Qt.UserRole) if item is not None else None


class LevelsPanel(QTabWidget):
    """Tabs: Nhận từ cấp trên, Giao xuống, Đã gửi lên, Chờ duyệt, Đã trả lại.
    ``key()`` gives the signing key the screen's controls name; ``folder()``
    the USB stick or folder chosen there (None: ask); ``unseal_key(files)``
    asks for the office's key when sealed packages came (None: cancelled)."""

    def __init__(self, ctx, key: Callable, folder: Callable[[], str | None], parent=None, *,
                 unseal_key: Callable[[list[str]], object] | None = None):
        super().__init__(parent)
        self.ctx, self._key, self._folder, self._unseal_key = ctx, key, folder, unseal_key
        self.last_results: list = []
        self.states = {"waiting": self.tr("chờ duyệt"), "accepted": self.tr("đã chấp nhận"),
                       "returned": self.tr("trả lại để bổ sung")}

        # -- what came down
        down = QWidget()
        self.assigned = _table([self.tr("Văn bản"), self.tr("Yêu cầu"), self.tr("Cấp trên giao"),
                                self.tr("Hạn cấp trên"), self.tr("Hạn của văn phòng"), self.tr("Chỉ tiêu")], 1)
        take = QPushButton(self.tr("Nhận gói &giao nhiệm vụ…"))
        take.clicked.connect(self._pick_assignments)
        deadline = QPushButton(self.tr("Đặt &hạn riêng cho đơn vị…"))
        deadline.clicked.connect(lambda: self.set_deadline())
        self.down_state = QLabel()
        self.down_state.setWordWrap(True)
        self._box(down, self.assigned, [take, deadline], self.down_state)
        self.addTab(down, self.tr("Nhận từ cấp trên"))

        # -- what this office assigns down
        issue = QWidget()
        self.directive = QComboBox()
        self.directive.setPlaceholderText(self.tr("Chưa có văn bản nào"))
        send = QPushButton(self.tr("&Ký và ghi gói giao nhiệm vụ"))
        send.clicked.connect(lambda: self.issue())
        self.issued = _table([self.tr("Ngày"), self.tr("Chiều"), self.tr("Văn bản"), self.tr("Phiên bản"),
                              self.tr("Văn phòng ký"), self.tr("Tệp")], 5)
        self.issue_state = QLabel()
        self.issue_state.setWordWrap(True)
        self._box(issue, self.issued, [self.directive, send], self.issue_state)
        self.addTab(issue, self.tr("Giao xuống"))

        # -- what went up
        up = QWidget()
        self.sent = _table([self.tr("Ngày gửi"), self.tr("Báo cáo số"), self.tr("Cấp trên"), self.tr("Lý do"),
                            self.tr("Gửi lại trước")], 3)
        self._box(up, self.sent, [], None)
        self.addTab(up, self.tr("Đã gửi lên"))

        # -- waiting for review
        review = QWidget()
        self.waiting = _table([self.tr("Mã"), self.tr("Văn phòng gửi"), self.tr("Yêu cầu"), self.tr("Kỳ"),
                               self.tr("Báo cáo số"), self.tr("Ngày nhận"), self.tr("Trạng thái")], 2)
        accept = QPushButton(self.tr("&Chấp nhận"))
        accept.clicked.connect(lambda: self.accept_report())
        give_back = QPushButton(self.tr("&Trả lại để bổ sung…"))
        give_back.clicked.connect(lambda: self.return_report())
        rule = QPushButton(self.tr("Ngày nhận của bản &sửa…"))
        rule.clicked.connect(lambda: self.set_rule())
        self.review_state = QLabel()
        self.review_state.setWordWrap(True)
        self._box(review, self.waiting, [accept, give_back, rule], self.review_state)
        self.addTab(review, self.tr("Chờ duyệt"))
        self._review_page = review

        # -- returned, with the trail
        back = QWidget()
        self.returned = _table([self.tr("Văn phòng gửi"), self.tr("Báo cáo số"), self.tr("Trả lại ngày"),
                                self.tr("Lý do"), self.tr("Gửi lại trước"), self.tr("Bản sửa")], 3)
        self._box(back, self.returned, [], None)
        self.addTab(back, self.tr("Đã trả lại"))

    def _box(self, page: QWidget, table: QTableWidget, buttons: list[QWidget], state: QLabel | None) -> None:
        layout = QVBoxLayout(page)
        if buttons:
            row = QHBoxLayout()
            for b in buttons:
                row.addWidget(b)
            row.addStretch()
            layout.addLayout(row)
        layout.addWidget(table, 1)
        if state is not None:
            layout.addWidget(state)

    # -- showing ------------------------------------------------------------------
    @window_action("assign.list", "review.list", "package.sent")
    def refresh(self) -> None:
        from desktop.core.directives import list_directives
        from desktop.core.levels import assigned_requirements

        assigned = self.ctx.read(assigned_requirements)
        _fill(self.assigned, [[a.directive, a.title, a.assigned_by, _date(a.upper_due), _date(a.own_due),
                               ", ".join(a.indicators)] for a in assigned], [a.id for a in assigned])
        chosen = self.directive.currentData()
        self.directive.clear()
        for d in self.ctx.read(list_directives)[::-1]:
            self.directive.addItem(f"{d.number} — {d.subject or ''}", d.number)
        self.directive.setCurrentIndex(max(self.directive.findData(chosen), 0))
        listed = self.ctx.run(ops.listed)
        ways = {"in": self.tr("nhận từ cấp trên"), "out": self.tr("giao xuống")}
        _fill(self.issued, [[_date(a.recorded_on), ways[a.direction], a.directive, str(a.version), a.issuer,
                             a.file_name] for a in listed], listed)
        sent = self.ctx.run(ops.sent)
        _fill(self.sent, [[_date(s.created_on), s.report_number, self._sent_state(s), s.reason or "",
                           _date(s.correct_by)] for s in sent], sent)
        every = self.ctx.run(ops.waiting, every=True)
        waiting = [r for r in every if r.state == "waiting" and not r.superseded]
        _fill(self.waiting, [[str(r.id), r.office, r.requirement, str(r.period or ""), r.report_number,
                              _date(r.received_on), self.states[r.state]] for r in waiting], waiting)
        back = [r for r in every if r.state == "returned"]
        _fill(self.returned, [[r.office, r.report_number, _date(r.reviewed_on), r.reason or "", _date(r.correct_by),
                               self.tr("đã nhận bản sửa") if r.superseded else self.tr("chưa có")] for r in back], back)
        self.setTabText(self.indexOf(self._review_page), self.tr("Chờ duyệt ({n})").format(n=len(waiting)) if waiting else self.tr("Chờ duyệt"))

    def _sent_state(self, s) -> str:
        if s.review == "returned":
            return self.tr("trả lại ngày {d}").format(d=_date(s.reviewed_on))
        if s.review == "accepted":
            return self.tr("đã chấp nhận ngày {d}").format(d=_date(s.reviewed_on))
        if s.received_on:
            return self.tr("đã nhận ngày {d}").format(d=_date(s.received_on))
        return self.tr("chưa có biên nhận")

    # -- what came down ------------------------------------------------------------
    def _pick_assignments(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn gói giao nhiệm vụ"), "",
                                                self.tr("Gói giao nhiệm vụ (*.zip *.p7m);;Tất cả các tệp (*)"))
        if names:
            self.take_assignments([Path(n) for n in names])

    @window_action("assign.import")
    def take_assignments(self, paths: list[Path], *, trust_new: bool = False, ask: bool = True,
                         unseal_key=None) -> list:
        """Take in assignment packages; a first one from the office above
        asks to compare its fingerprint before trusting it, a sealed one
        asks for the office's key."""
        try:
            results = self.ctx.run(ops.take_in, paths, trust_new=trust_new, unseal_key=unseal_key, parent=self)
        except Exception as exc:
            show_error(self, exc)
            return []
        self.last_results = results
        words = {"accepted": self.tr("Đã vào sổ"), "updated": self.tr("Đã cập nhật"), "duplicate": self.tr("Đã có"),
                 "rejected": self.tr("Từ chối")}
        self.down_state.setText("\n".join(f"{words[r.status]}: {r.file} — {r.reason or ''}" for r in results))
        sealed = [r.file for r in results if r.status == "rejected" and r.needs == "key"]
        if sealed and ask and unseal_key is None and self._unseal_key is not None:
            key = self._unseal_key(sealed)
            if key is not None:
                return self.take_assignments([p for p in paths if Path(p).name in set(sealed)], trust_new=trust_new,
                                             unseal_key=key)
        new = [r for r in results if r.status == "rejected" and r.needs == "trust_new"]
        if new and ask and not trust_new:
            answer = QMessageBox.question(
                self, self.tr("Văn phòng cấp trên giao nhiệm vụ lần đầu"),
                self.tr("Gói giao nhiệm vụ của “{office}”, vân tay:\n{fp}\n\nHãy gọi điện cho văn phòng cấp trên và so "
                        "từng nhóm ký tự. Đúng hết thì mới tin cậy. Tin cậy và nhận?").format(
                    office=new[0].issuer, fp=grouped(new[0].fingerprint or "")))
            if answer == QMessageBox.Yes:
                return self.take_assignments([p for p in paths if Path(p).name in {r.file for r in new}],
                                             trust_new=True, unseal_key=unseal_key)
        self.ctx.changed.emit(Changed.DIRECTIVES)
        return results

    @window_action("assign.deadline")
    def set_deadline(self, requirement: int | None = None, due=None) -> None:
        requirement = requirement or _picked(self.assigned)
        if requirement is None:
            QMessageBox.information(self, self.tr("Hạn riêng"), self.tr("Hãy chọn một yêu cầu cấp trên giao."))
            return
        if due is None:
            text, ok = QInputDialog.getText(self, self.tr("Hạn riêng của văn phòng"),
                                            self.tr("Hạn cho các đơn vị trực thuộc (dd/mm/yyyy), không sau hạn cấp trên:"))
            if not ok:
                return
            from desktop.core.dates import parse_date

            try:
                due = parse_date(text)
            except Exception as exc:
                show_error(self, exc)
                return
        try:
            self.ctx.run(ops.deadline, requirement, due, parent=self)
        except Exception as exc:
            show_error(self, exc)

    # -- assigning down ---------------------------------------------------------------
    @window_action("assign.export")
    def issue(self, directive: str | None = None, folder: str | None = None, key=None):
        directive = directive or self.directive.currentData()
        folder = folder or self._folder() or QFileDialog.getExistingDirectory(self, self.tr("Ghi gói giao nhiệm vụ vào"))
        if not directive or not folder:
            QMessageBox.information(self, self.tr("Giao xuống"), self.tr("Hãy chọn văn bản và nơi ghi gói."))
            return None
        try:
            done = self.ctx.run(ops.export, directive, key or self._key(), Path(folder), parent=self)
        except Exception as exc:
            show_error(self, exc)
            return None
        self.issue_state.setText(self.tr("Đã ghi và kiểm tra {name} (phiên bản {v}, {n} yêu cầu) — an toàn để rút USB."
                                         "\nVân tay người ký: {fp}").format(name=done.package.name, v=done.version,
                                                                            n=done.requirements,
                                                                            fp=grouped(done.fingerprint)))
        return done

    # -- review -----------------------------------------------------------------------
    def _waiting_row(self):
        row = _picked(self.waiting)
        if row is None:
            QMessageBox.information(self, self.tr("Duyệt báo cáo"), self.tr("Hãy chọn một báo cáo chờ duyệt."))
        return row

    @window_action("review.accept")
    def accept_report(self, package: int | None = None) -> None:
        row = None if package is not None else self._waiting_row()
        package = package if package is not None else (row.id if row else None)
        if package is None:
            return
        try:
            done = self.ctx.run(ops.accept, package, parent=self)
        except Exception as exc:
            show_error(self, exc)
            return
        self.review_state.setText(self.tr("Đã chấp nhận báo cáo số {n} của “{o}”.").format(n=done.report_number,
                                                                                          o=done.office))

    @window_action("review.return")
    def return_report(self, package: int | None = None, reason: str | None = None, correct_by=None,
                      folder: str | None = None, key=None):
        row = _picked(self.waiting) if package is None else None
        if package is None:
            if row is None:
                self._waiting_row()
                return None
            package = row.id
        if reason is None:
            from desktop.ui.dialogs.return_report import ReturnDialog

            dialog = ReturnDialog(row.office if row else "", row.report_number if row else "", self)
            if not dialog.exec():
                return None
            reason, correct_by = dialog.values()
        folder = folder or self._folder() or QFileDialog.getExistingDirectory(self, self.tr("Ghi thông báo trả lại vào"))
        if not folder:
            return None
        try:
            done = self.ctx.run(ops.give_back, package, reason=reason, correct_by=correct_by, key=key or self._key(),
                                out_dir=Path(folder), parent=self)
        except Exception as exc:
            show_error(self, exc)
            return None
        self.review_state.setText(self.tr("Đã trả lại báo cáo số {n} của “{o}”; thông báo ký số để gửi đơn vị: {p}")
                                  .format(n=done.report_number, o=done.office, p=done.notice))
        return done

    @window_action("review.rule")
    def set_rule(self, requirement: int | None = None, rule: str | None = None) -> None:
        row = _picked(self.waiting) if requirement is None else None
        requirement = requirement or (row.requirement_id if row else None)
        if requirement is None:
            self._waiting_row()
            return
        rules = {self.tr("Ngày nhận bản đầu, nếu bản sửa đến đúng hạn gửi lại"): "by_date",
                 self.tr("Luôn tính ngày nhận bản đầu"): "first", self.tr("Tính ngày nhận bản sửa"): "correction"}
        if rule is None:
            label, ok = QInputDialog.getItem(self, self.tr("Ngày nhận của báo cáo sửa lại"),
                                             self.tr("Báo cáo bị trả lại rồi sửa, tính đúng hạn theo:"), list(rules),
                                             0, False)
            if not ok:
                return
            rule = rules[label]
        try:
            self.ctx.run(ops.correction_rule, requirement, rule, parent=self)
        except Exception as exc:
            show_error(self, exc)
