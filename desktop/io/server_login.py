"""The password of a shared database server: kept in the system keyring
(Windows Credential Manager, Secret Service), never in the settings file,
and put into the URL only when a connection is made."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from desktop.io.keyring_store import load_secret, save_secret

KEYRING_SERVICE = "Theo dõi: cơ sở dữ liệu"


def _account(url: str) -> str:
    u = make_url(url)
    return f"{u.username}@{u.host}:{u.port or 5432}/{u.database}"


def without_password(url: str) -> str:
    """The URL to keep in the settings file."""
    return make_url(url).set(password=None).render_as_string(hide_password=False)


def save_server_password(url: str, password: str) -> None:
    save_secret(KEYRING_SERVICE, _account(url), password, "mật khẩu máy chủ (hoặc đặt biến THEODOI_DB)")


def with_saved_password(url: str) -> str:
    """``url`` with the password kept for it, if any (a URL that carries
    one already, or a SQLite file, is returned as it is)."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite" or u.password:
        return url
    password = load_secret(KEYRING_SERVICE, _account(url))
    return u.set(password=password).render_as_string(hide_password=False) if password else url
