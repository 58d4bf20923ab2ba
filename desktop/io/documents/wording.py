"""The words of the documents, from resources/templates/*.ini, and the
Vietnamese ways of writing numbers and dates in them."""

from __future__ import annotations

import configparser
from functools import lru_cache

from desktop.core.errors import UserError
from desktop.resources import resource


@lru_cache(maxsize=None)
def _templates(name: str) -> configparser.RawConfigParser:
    path = resource("templates", f"{name}.ini")
    parser = configparser.RawConfigParser()
    try:
        with open(path, encoding="utf-8") as fh:
            parser.read_file(fh)
    except (OSError, configparser.Error) as exc:
        raise UserError(f"Không đọc được mẫu văn bản “{path}”: {exc}. Hãy cài lại Theo dõi hoặc sửa tệp mẫu.") from exc
    return parser


def say(section: str, key: str, **values) -> str:
    """The template ``key`` of ``section`` with ``values`` filled in."""
    parser = _templates("bao-cao")
    try:
        return " ".join(parser.get(section, key).split()).format(**values)
    except (configparser.Error, KeyError, IndexError) as exc:
        raise UserError(f"Mẫu văn bản [{section}] “{key}” bị thiếu hoặc sai chỗ cần điền ({exc}).") from exc


def number(value: int | float) -> str:
    """1234 -> "1.234"; 2.5 -> "2,5"."""
    if isinstance(value, float) and not value.is_integer():
        whole, frac = f"{value:.2f}".rstrip("0").split(".")
        return f"{int(whole):,}".replace(",", ".") + "," + frac
    return f"{int(value):,}".replace(",", ".")


def percent(part: int, whole: int) -> str:
    if whole == 0:
        return "0"
    return f"{100 * part / whole:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text
