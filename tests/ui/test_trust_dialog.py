"""Cài đặt → Chứng thư tin cậy: the list of whom the office trusts, a
member office's own certificate pinned for that office alone, a CA root
refused unless it is one, trust withdrawn; the same operations as
``theodoi trust``."""

from __future__ import annotations

from desktop.io.signing import Pkcs12Key, create_office_key, open_signer
from desktop.operations import exchange, units


def test_an_office_key_is_pinned_listed_and_withdrawn_and_a_non_ca_refused_as_root(qtbot, ctx, tmp_path, messages):
    from desktop.ui.dialogs.trust import TrustDialog

    unit = ctx.run(units.save, {"name": "Liên đoàn Lao động huyện Tam Đường", "code": "TD", "kind": "upper"})
    create_office_key("Liên đoàn Lao động huyện Tam Đường", tmp_path / "td.p12", b"mat-khau-12345")
    with open_signer(Pkcs12Key(tmp_path / "td.p12", b"mat-khau-12345")) as signer:
        pem = tmp_path / "td.cer"
        pem.write_bytes(signer.certificate_der)
    dialog = TrustDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    dialog.add_root(pem)  # an office's own certificate is no CA
    assert messages and "trust pin" not in messages[-1][1] and dialog.table.rowCount() == 0
    dialog.pin(unit.id, pem)
    assert dialog.table.rowCount() == 1 and "Tam Đường" in dialog.table.item(0, 2).text()
    dialog.table.selectRow(0)
    dialog.remove_selected(confirm=False)
    assert dialog.table.rowCount() == 0 and ctx.run(exchange.trusted) == []
