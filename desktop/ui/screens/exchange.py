"""Trao đổi: sign a report into a package and write it to a USB stick (safe
to remove only once it was read back and checked) or queue it for e-mail;
take in packages and receipts from files, folders or saved e-mails, with
the fingerprint of a new office to compare over the phone; the outbox."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exchange import grouped
from desktop.operations import exchange, mail
from desktop.ui.actions import window_action
from desktop.core.register import list_register
from desktop.ui.context import Changed
from desktop.ui.errors import show_error
from desktop.ui.screens.base import Screen
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.columns import fit_columns
from desktop.ui.widgets.exchange_levels import LevelsPanel


def removable_drives() -> list[tuple[str, str]]:
    """(label, folder) of writable drives other than the system's: USB
    sticks and memory cards, as the window offers them."""
    system = QStorageInfo.root().rootPath()
    drives = []
    for v in QStorageInfo.mountedVolumes():
        root = v.rootPath()
        if not (v.isValid() and v.isReady()) or v.isReadOnly() or root == system:
            continue
        if not (root.startswith(("/media/", "/run/media/", "/Volumes/", "/mnt/")) or (len(root) <= 3 and root[1:2] == ":")):
            continue
        free = v.bytesAvailable() / 2**30
        drives.append((f"{v.displayName() or root} ({root}, trống {free:.1f} GB)", root))
    return drives


class ExchangeScreen(Screen):
    watches = (Changed.ALL,)

    def __init__(self, ctx, parent=None, runner: TaskRunner | None = None):
        super().__init__(ctx, parent)
        self.runner = runner or TaskRunner(self)
        self.last_results: list = []
        self.setAcceptDrops(True)

        self.report = QComboBox()
        self.report.setPlaceholderText(self.tr("Chưa có báo cáo nào đã ban hành (làm ở màn hình Báo cáo)"))
        self.key_file = QLineEdit()
        self.key_file.setPlaceholderText(self.tr("tệp khóa .p12 của văn phòng"))
        pick_key = QPushButton(self.tr("Chọn…"))
        pick_key.clicked.connect(self._pick_key)
        self.key_kind = QComboBox()
        self.key_kind.addItem(self.tr("Tệp khóa .p12"), "p12")
        self.key_kind.addItem(self.tr("USB token (PKCS#11)"), "token")
        self.module = QComboBox()
        self.module.setEditable(True)
        self.module.lineEdit().setPlaceholderText(self.tr("tệp thư viện PKCS#11 của token (.dll/.so)"))
        self._modules_listed = False
        self.token_cert = QComboBox()
        read_token = QPushButton(self.tr("Đọc token"))
        read_token.clicked.connect(self.read_token)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.Password)
        self.drive = QComboBox()
        self.drive.setPlaceholderText(self.tr("Chưa thấy USB: cắm USB rồi bấm F5, hoặc chọn thư mục khác"))
        other = QPushButton(self.tr("Thư mục khác…"))
        other.clicked.connect(self._pick_folder)
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("địa chỉ thư của cấp trên (không bắt buộc)"))
        # Sealed (encrypted) for one recipient: a certificate file, or the
        # office above's key pinned from its receipts.
        self.seal_for = QComboBox()
        pick_seal = QPushButton(self.tr("Niêm phong cho…"))
        pick_seal.clicked.connect(self._pick_seal_certificate)
        seal_row = QHBoxLayout()
        seal_row.addWidget(self.seal_for, 1)
        seal_row.addWidget(pick_seal)
        self.export_button = QPushButton(self.tr("&Ký và ghi gói báo cáo"))
        self.export_button.clicked.connect(self.export)
        self.export_state = QLabel()
        self.export_state.setWordWrap(True)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_kind)
        key_row.addWidget(self.key_file, 1)
        key_row.addWidget(pick_key)
        token_row = QHBoxLayout()
        token_row.addWidget(self.module, 1)
        token_row.addWidget(self.token_cert, 1)
        token_row.addWidget(read_token)
        self.token_box = QWidget()
        self.token_box.setLayout(token_row)
        token_row.setContentsMargins(0, 0, 0, 0)
        self.key_kind.currentIndexChanged.connect(self._key_kind_changed)
        drive_row = QHBoxLayout()
        drive_row.addWidget(self.drive, 1)
        drive_row.addWidget(other)
        send = QGroupBox(self.tr("Gửi báo cáo lên"))
        form = QFormLayout(send)
        form.addRow(self.tr("Báo cáo:"), self.report)
        form.addRow(self.tr("Khóa ký:"), key_row)
        form.addRow(self.tr("Token, chứng thư:"), self.token_box)
        form.addRow(self.tr("Mật khẩu khóa / PIN:"), self.passphrase)
        form.addRow(self.tr("Ghi ra:"), drive_row)
        form.addRow(self.tr("Gửi thư tới:"), self.email)
        form.addRow(self.tr("Niêm phong:"), seal_row)
        form.addRow(self.export_button)
        form.addRow(self.export_state)

        take = QGroupBox(self.tr("Nhận gói báo cáo và biên nhận (kéo thả tệp, thư mục hoặc thư .eml vào đây)"))
        take_layout = QVBoxLayout(take)
        choose = QPushButton(self.tr("Chọn &gói hoặc thư…"))
        choose.clicked.connect(self._pick_packages)
        self.results = QTableWidget(0, 4)
        self.results.setHorizontalHeaderLabels([self.tr("Tệp"), self.tr("Kết quả"), self.tr("Văn phòng gửi"), self.tr("Lý do")])
        fit_columns(self.results, 3)
        self.results.setEditTriggers(QTableWidget.NoEditTriggers)
        verify = QPushButton(self.tr("&Kiểm tra gói (không nhận)…"))
        verify.clicked.connect(self._pick_to_verify)
        # The receipt (biên nhận) goes back signed with the key chosen above.
        self.send_receipts = QCheckBox(self.tr("Ký biên nhận gửi lại cho mỗi báo cáo nhận được, ghi vào"))
        self.receipts_dir = QLineEdit(str(Path.home() / "bien-nhan"))
        receipts_row = QHBoxLayout()
        receipts_row.addWidget(self.send_receipts)
        receipts_row.addWidget(self.receipts_dir, 1)
        take_buttons = QHBoxLayout()
        take_buttons.addWidget(choose)
        take_buttons.addWidget(verify)
        take_buttons.addStretch()
        take_layout.addLayout(take_buttons)
        take_layout.addLayout(receipts_row)
        take_layout.addWidget(self.results)

        box = QGroupBox(self.tr("Hộp thư đi"))
        out_layout = QVBoxLayout(box)
        self.outbox = QTableWidget(0, 3)
        self.outbox.setHorizontalHeaderLabels([self.tr("Thư"), self.tr("Tình trạng"), self.tr("Gửi tới")])
        fit_columns(self.outbox, 0)
        self.outbox.setEditTriggers(QTableWidget.NoEditTriggers)
        self.send_button = QPushButton(self.tr("Gửi &ngay"))
        self.send_button.clicked.connect(self.send_mail)
        self.retry_button = QPushButton(self.tr("Gửi &lại thư lỗi"))
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self.retry_mail)
        self.outbox.itemSelectionChanged.connect(self._outbox_selection_changed)
        out_layout.addWidget(self.outbox)
        mail_buttons = QHBoxLayout()
        mail_buttons.addWidget(self.send_button)
        mail_buttons.addWidget(self.retry_button)
        mail_buttons.addStretch()
        out_layout.addLayout(mail_buttons)

        self._key_kind_changed()
        # The levels around this office (assignments down, reports up, their
        # review) share the key and the stick chosen under "Gửi báo cáo lên".
        self.levels = LevelsPanel(ctx, self._key, lambda: self.drive.currentData(), self,
                                  unseal_key=self._ask_unseal_key)
        packages = QWidget()
        inner = QVBoxLayout(packages)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(take, 1)
        inner.addWidget(box)
        self.levels.insertTab(0, packages, self.tr("Gói nhận về, hộp thư đi"))
        self.levels.setCurrentIndex(0)
        layout = QVBoxLayout(self)
        layout.addWidget(send)
        layout.addWidget(self.levels, 1)

    def title(self) -> str:
        return self.tr("Trao đổi")

    def refresh(self) -> None:
        chosen = self.report.currentData()
        self.report.clear()
        for d in self.ctx.read(lambda s: [d for d in list_register(s) if d.kind == "BC"])[::-1]:
            self.report.addItem(f"{d.number} — {d.title}", d.id)
        self.report.setCurrentIndex(max(self.report.findData(chosen), 0))
        picked = self.drive.currentData()
        self.drive.clear()
        for label, root in removable_drives():
            self.drive.addItem(label, root)
        if picked and self.drive.findData(picked) < 0:
            self.drive.addItem(picked, picked)
        self.drive.setCurrentIndex(max(self.drive.findData(picked), 0))
        self._list_seal_recipients()
        self._show_outbox()
        self.levels.refresh()

    # -- sending up ---------------------------------------------------------
    def _pick_key(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khóa"), "", self.tr("Khóa ký (*.p12 *.pfx)"))
        if name:
            self.key_file.setText(name)

    def _key_kind_changed(self) -> None:
        token = self.key_kind.currentData() == "token"
        if token and not self._modules_listed:
            # Looked for only when a token is chosen: the search touches the disk.
            from desktop.io.signing import find_pkcs11_modules

            self._modules_listed = True
            for path in find_pkcs11_modules():
                self.module.addItem(str(path))
        self.token_box.setEnabled(token)
        self.key_file.setEnabled(not token)

    def read_token(self) -> None:
        """List the certificates on the plugged-in token (no PIN needed)."""
        from desktop.io.signing import list_token_certificates

        self.token_cert.clear()
        try:
            for c in list_token_certificates(Path(self.module.currentText())):
                self.token_cert.addItem(f"{c.subject} ({c.cert_label})", (c.token_label, c.cert_label))
        except Exception as exc:
            show_error(self, exc)
            return
        if not self.token_cert.count():
            QMessageBox.information(self, self.tr("USB token"), self.tr("Không thấy chứng thư số nào trên token."))

    def _key(self):
        from desktop.io.signing import Pkcs12Key, TokenKey

        secret = self.passphrase.text()
        self.passphrase.clear()  # used once, never kept
        if self.key_kind.currentData() == "token":
            token_label, cert_label = self.token_cert.currentData() or (None, None)
            return TokenKey(Path(self.module.currentText()), token_label, cert_label, secret)
        return Pkcs12Key(Path(self.key_file.text()), secret.encode("utf-8"))

    # -- sealing ------------------------------------------------------------------
    def _list_seal_recipients(self) -> None:
        chosen = self.seal_for.currentData()
        self.seal_for.clear()
        self.seal_for.addItem(self.tr("Không niêm phong"), None)
        above = [r for r in self.ctx.run(exchange.trusted) if r.kind == "pin" and r.office is None]
        if above:
            self.seal_for.addItem(self.tr("Văn phòng cấp trên — {subject}").format(subject=above[0].subject), "upper")
        if chosen and chosen != "upper":
            self.seal_for.addItem(Path(chosen).name, chosen)
        self.seal_for.setCurrentIndex(max(self.seal_for.findData(chosen), 0))

    def _pick_seal_certificate(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn chứng thư số của nơi nhận"), "",
                                              self.tr("Chứng thư số (*.cer *.crt *.pem *.der);;Tất cả các tệp (*)"))
        if name:
            self.seal_for.addItem(Path(name).name, name)
            self.seal_for.setCurrentIndex(self.seal_for.count() - 1)

    def _ask_unseal_key(self, files: list[str]):
        """The office's key file and its passphrase, asked when sealed
        packages came in; None when the clerk cancels."""
        from desktop.io.signing import Pkcs12Key, TokenKey

        if self.key_kind.currentData() == "token" and self.token_cert.currentData():
            pin, ok = QInputDialog.getText(
                self, self.tr("Gói niêm phong"),
                self.tr("Các gói sau được niêm phong cho văn phòng này:\n{files}\n\nNhập mã PIN của USB token để "
                        "mở:").format(files="\n".join(f"• {f}" for f in files)), QLineEdit.Password)
            token_label, cert_label = self.token_cert.currentData()
            return TokenKey(Path(self.module.currentText()), token_label, cert_label, pin) if ok else None
        key_file = self.key_file.text()
        if not key_file:
            key_file, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khóa của văn phòng để mở gói niêm phong"),
                                                      "", self.tr("Khóa ký (*.p12 *.pfx)"))
            if not key_file:
                return None
        secret, ok = QInputDialog.getText(
            self, self.tr("Gói niêm phong"),
            self.tr("Các gói sau được niêm phong cho văn phòng này:\n{files}\n\nNhập mật khẩu của tệp khóa {key} để "
                    "mở:").format(files="\n".join(f"• {f}" for f in files), key=Path(key_file).name),
            QLineEdit.Password)
        if not ok:
            return None
        return Pkcs12Key(Path(key_file), secret.encode("utf-8"))

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục ghi gói báo cáo"))
        if folder:
            self.drive.addItem(folder, folder)
            self.drive.setCurrentIndex(self.drive.count() - 1)

    @window_action("package.export")
    def export(self) -> None:
        report_id, folder = self.report.currentData(), self.drive.currentData()
        has_key = self.token_cert.currentData() if self.key_kind.currentData() == "token" else self.key_file.text()
        if report_id is None or not folder or not has_key:
            QMessageBox.information(self, self.tr("Gửi báo cáo lên"),
                                    self.tr("Hãy chọn báo cáo, khóa ký (tệp .p12 hoặc chứng thư trên token) và nơi ghi "
                                            "(USB hoặc thư mục)."))
            return
        key = self._key()
        email = self.email.text().strip()
        sealing = self.seal_for.currentData()
        self.export_button.setEnabled(False)
        self.export_state.setText(self.tr("Đang ký, ghi và đọc lại để kiểm tra…"))
        store = self.ctx.store

        def work(_progress, _cancelled):
            done = exchange.export(store, report_id, key, Path(folder), seal_for_upper=sealing == "upper",
                                   seal_for=sealing if sealing not in (None, "upper") else None)
            return done.package, done.fingerprint, done.sealed_for

        self.runner.start(work, lambda result: self._exported(result, report_id, email), self._export_failed)

    def _exported(self, result, report_id: int, email: str) -> None:
        path, fingerprint, sealed_for = result
        self.export_button.setEnabled(True)
        text = self.tr("Đã ghi và kiểm tra gói {name} — an toàn để rút USB.\nVân tay người ký: {fp}").format(
            name=path.name, fp=grouped(fingerprint))
        if sealed_for:
            text += "\n" + self.tr("Gói đã được niêm phong: chỉ “{who}” mở được.").format(who=sealed_for)
        if email:
            try:
                self.queue_mail(path, email, report_id)
                text += "\n" + self.tr("Đã đưa vào hộp thư đi, gửi tới {to}.").format(to=email)
            except Exception as exc:  # a bad address: the package itself is fine
                show_error(self, exc)
        self.export_state.setText(text)
        self._show_outbox()

    @window_action("mail.queue")
    def queue_mail(self, package: Path, email: str, report_id: int) -> None:
        # A sealed package's e-mail says nothing of the report.
        subject = (self.tr("Gói niêm phong {name}").format(name=package.name) if package.suffix == ".p7m"
                   else self.report.currentText())
        self.ctx.run(mail.queue, package, to=[email], report=report_id, subject=subject, parent=self)

    def _export_failed(self, exc, details) -> None:
        self.export_button.setEnabled(True)
        self.export_state.setText(self.tr("Chưa ghi được gói báo cáo; xem thông báo lỗi."))
        show_error(self, exc, details)

    # -- taking in --------------------------------------------------------------
    def _pick_packages(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn gói báo cáo, biên nhận hoặc thư"), "",
                                                self.tr("Gói báo cáo, thư (*.zip *.p7m *.eml);;Tất cả các tệp (*)"))
        if names:
            self.take_in([Path(n) for n in names])

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.take_in(paths)

    @window_action("package.import")
    def take_in(self, paths: list[Path], *, trust_new: bool = False, only: set[str] | None = None,
                earlier: list | None = None, fingerprints: list[str] | None = None, receipt_key=None,
                unseal_key=None) -> None:
        """Import ``paths`` in the background (``only``: just the files of
        these names); a first package from an office asks whether to trust
        its key, showing the fingerprint to compare; sealed packages ask
        for the passphrase of the office's key. Results land in
        ``last_results`` and the table."""
        store = self.ctx.store
        receipts = self.receipts_dir.text().strip() if self.send_receipts.isChecked() else ""
        # The key is opened once: a second round (offices trusted after the
        # fingerprint check) signs its receipts with the same key.
        key = (receipt_key or self._key()) if receipts else None
        self._receipt_key = key
        unseal = unseal_key or key
        self._unseal_key = unseal

        def work(_progress, _cancelled):
            # A package from a saved e-mail counts as received on the e-mail's day.
            return exchange.import_packages(store, paths, trust_new=trust_new, fingerprints=fingerprints or (),
                                            only=only, receipt_key=key, receipt_dir=receipts or None,
                                            unseal_key=unseal)

        self.runner.start(work, lambda results: self._taken_in(paths, results, trust_new or bool(fingerprints),
                                                               earlier),
                          lambda exc, details: show_error(self, exc, details))

    def _taken_in(self, paths: list[Path], results: list, trust_new: bool, earlier: list | None) -> None:
        if earlier is not None:  # the second round, with the new offices trusted
            done = {r.file for r in results}
            results = [r for r in earlier if r.file not in done] + results
        self.last_results = results
        self._show_results(results)
        self.ctx.changed.emit(Changed.SUBMISSIONS)
        locked = [r for r in results if r.status == "rejected" and r.needs == "key"]
        if locked and self._unseal_key is None:
            key = self._ask_unseal_key([r.file for r in locked])
            if key is not None:
                self.take_in(paths, only={r.file for r in locked}, earlier=results, receipt_key=self._receipt_key,
                             unseal_key=key, trust_new=trust_new)
            return
        new = [r for r in results if r.status == "rejected" and r.needs == "trust_new"]
        if not new or trust_new:
            return
        offices = "\n".join(f"• {r.sender}: {grouped(r.fingerprint)}" for r in new)
        answer = QMessageBox.question(
            self, self.tr("Văn phòng gửi lần đầu"),
            self.tr("Lần đầu nhận gói của:\n{offices}\n\nHãy gọi điện cho văn phòng đó và so từng nhóm ký tự "
                    "của dấu vân tay. Đúng hết thì mới tin cậy. Tin cậy và nhận các gói này?").format(offices=offices),
        )
        if answer == QMessageBox.Yes:
            # The keys the user compared, each by its fingerprint: bare
            # trust-new pins nothing when several offices are new.
            self.take_in(paths, fingerprints=[r.fingerprint for r in new], only={r.file for r in new},
                         earlier=results, receipt_key=self._receipt_key, unseal_key=self._unseal_key)

    def _show_results(self, results) -> None:
        words = {"accepted": self.tr("Đã nhận"), "superseded": self.tr("Đã nhận, thay gói cũ"),
                 "duplicate": self.tr("Đã có"), "rejected": self.tr("Từ chối"), "valid": self.tr("Hợp lệ (chưa nhận)")}
        self.results.setRowCount(len(results))
        for i, r in enumerate(results):
            r = r if isinstance(r, dict) else r.as_json()
            reason = r.get("reason") or ""
            if r.get("receipt"):
                reason = (reason + " " if reason else "") + self.tr("Biên nhận: {path}").format(path=r["receipt"])
            if r["status"] == "valid":
                reason = self.tr("Người ký: {signer}; vân tay {fp}").format(signer=r.get("signer") or "",
                                                                          fp=grouped(r.get("fingerprint") or ""))
            name = self.tr("{file} (niêm phong)").format(file=r["file"]) if r.get("sealed") else r["file"]
            for j, text in enumerate([name, words.get(r["status"], r["status"]), r.get("sender") or "", reason]):
                self.results.setItem(i, j, QTableWidgetItem(text))
        self.results.resizeColumnsToContents()

    def _pick_to_verify(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn gói cần kiểm tra"), "",
                                                self.tr("Gói báo cáo (*.zip *.p7m);;Tất cả các tệp (*)"))
        if names:
            self.verify([Path(n) for n in names])

    @window_action("package.verify")
    def verify(self, paths: list[Path], *, unseal_key=None) -> None:
        """Check packages as an import would, writing nothing; sealed
        packages ask for the passphrase of the office's key."""
        try:
            self.last_results = self.ctx.run(exchange.verify, paths, key=unseal_key, parent=self)
            locked = [r["file"] for r in self.last_results if r["status"] == "rejected" and r.get("needs") == "key"]
            if locked and unseal_key is None:
                key = self._ask_unseal_key(locked)
                if key is not None:
                    again = {r["file"]: r for r in self.ctx.run(
                        exchange.verify, [p for p in paths if Path(p).name in locked], key=key, parent=self)}
                    self.last_results = [again.get(r["file"], r) for r in self.last_results]
        except Exception as exc:
            show_error(self, exc)
            return
        self._show_results(self.last_results)

    # -- outbox -------------------------------------------------------------------
    @window_action("mail.list")
    def _show_outbox(self) -> None:
        states = {"queued": self.tr("chờ gửi"), "sending": self.tr("đang gửi (bị ngắt?)"), "sent": self.tr("đã gửi"),
                  "failed": self.tr("lỗi")}
        messages = self.ctx.run(mail.outbox)
        self.outbox.setRowCount(len(messages))
        for i, m in enumerate(messages):
            label = states.get(m.state, m.state) + (f" — {m.last_error}" if m.last_error and m.state != "sent" else "")
            for j, text in enumerate([m.subject, label, ", ".join(m.recipients)]):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, (m.id, m.state))
                self.outbox.setItem(i, j, item)
        self.retry_button.setEnabled(False)

    def _outbox_selection_changed(self) -> None:
        item = self.outbox.item(self.outbox.currentRow(), 0) if self.outbox.currentRow() >= 0 else None
        self.retry_button.setEnabled(bool(item) and item.data(Qt.UserRole)[1] in ("failed", "sending"))

    @window_action("mail.retry")
    def retry_mail(self) -> None:
        item = self.outbox.item(self.outbox.currentRow(), 0) if self.outbox.currentRow() >= 0 else None
        if item is None:
            QMessageBox.information(self, self.tr("Hộp thư đi"), self.tr("Hãy chọn trong hộp thư đi thư bị lỗi cần gửi lại."))
            return
        try:
            self.ctx.run(mail.retry, item.data(Qt.UserRole)[0], parent=self)
        except Exception as exc:
            show_error(self, exc)
        self._show_outbox()

    @window_action("mail.send")
    def send_mail(self) -> None:
        self.send_button.setEnabled(False)
        self.ctx.start(mail.send, on_done=self._sent, on_error=self._send_failed)

    def _sent(self, results) -> None:
        self.send_button.setEnabled(True)
        self._show_outbox()
        if not results:
            QMessageBox.information(self, self.tr("Hộp thư đi"), self.tr("Không có thư nào cần gửi lúc này."))

    def _send_failed(self, exc, details) -> None:
        self.send_button.setEnabled(True)
        show_error(self, exc, details)
