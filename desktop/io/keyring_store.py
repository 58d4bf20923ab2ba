"""Passwords in the system's keyring (Windows Credential Manager, Secret
Service, macOS Keychain): the only place Theo dõi keeps one. The keyring
library loads only when a password is read or saved."""

from __future__ import annotations

from desktop.core.errors import UserError


def save_secret(service: str, account: str, secret: str, what: str) -> None:
    """Keep ``secret``; ``what`` names it in the message when this PC has
    no keyring ("mật khẩu thư")."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(service, account, secret)
    except (KeyringError, RuntimeError) as exc:
        raise UserError(f"Máy này chưa có nơi cất mật khẩu an toàn (keyring); không lưu được {what}. "
                        "Trên Linux hãy cài gnome-keyring hoặc kwallet.") from exc


def load_secret(service: str, account: str) -> str | None:
    """The kept secret, or None (none kept, or no keyring on this PC)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(service, account)
    except (KeyringError, RuntimeError):
        return None
