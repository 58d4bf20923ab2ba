"""Cài đặt → Tạo khóa ký số: the passphrase twice with its strength, the
key file and its backup copy where the clerk says, the fingerprint to read
out over the phone; the same operation as ``theodoi keys create``."""

from __future__ import annotations

import stat

import pytest

from desktop.operations import keys


def test_a_key_is_made_with_its_backup_copy_and_its_fingerprint_shown(qtbot, ctx, tmp_path, messages):
    from desktop.ui.dialogs.key_create import KeyDialog

    dialog = KeyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.org.setText("Liên đoàn Lao động huyện Tam Đường")
    dialog.file.setText(str(tmp_path / "khoa" / "van-phong.p12"))
    dialog.backup.setText(str(tmp_path / "usb"))
    dialog.passphrase.setText("ngan")
    assert "quá ngắn" in dialog.strength.text()
    dialog.passphrase.setText("Mat-khau-Tam-Duong-2026")
    dialog.again.setText("Mat-khau-Tam-Duong-2026")
    assert "mạnh" in dialog.strength.text()
    dialog.accept()
    made = dialog.made
    assert made.file.is_file() and made.backup == tmp_path / "usb" / "van-phong.p12"
    assert made.backup.read_bytes() == made.file.read_bytes()
    assert stat.S_IMODE(made.backup.stat().st_mode) == 0o600
    assert len(made.fingerprint) == 64 and messages[-1][0] == "box"  # the fingerprint shown
    assert dialog.passphrase.text() == "" and dialog.again.text() == ""  # never kept in the form


def test_two_different_passphrases_make_no_key(qtbot, ctx, tmp_path, messages):
    from desktop.ui.dialogs.key_create import KeyDialog

    dialog = KeyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.org.setText("Liên đoàn Lao động huyện Tam Đường")
    dialog.file.setText(str(tmp_path / "van-phong.p12"))
    dialog.passphrase.setText("Mat-khau-Tam-Duong-2026")
    dialog.again.setText("Mat-khau-Tam-Duong-2027")
    assert "chưa giống" in dialog.strength.text()
    dialog.accept()
    assert dialog.made is None and not (tmp_path / "van-phong.p12").exists()
    assert "không giống nhau" in messages[-1][1]


@pytest.mark.parametrize("text, score", [("abc", 0), ("abcdefgh", 1), ("abcdefgh12", 2), ("Abcdefgh12!x", 3),
                                         ("một câu rất dài dễ nhớ", 3)])
def test_the_strength_hint(text, score):
    assert keys.passphrase_strength(text)[0] == score
