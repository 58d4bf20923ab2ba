"""The report package format, version 1 (docs/package-format.md): the fixed
member names, and JSON read under limits and checked against its schema."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Any

from desktop.core.errors import UserError
from desktop.io.limits import MAX_JSON_BYTES, MAX_JSON_DEPTH
from desktop.resources import resource

FORMAT = "theodoi-package"
VERSION = "1.1"  # 1.1: answers an assignment by identity, sectors, units of measure
MAJOR = 1

MANIFEST = "manifest.json"
MANIFEST_SIG = "manifest.json.p7s"
PDF = "bao-cao.pdf"
XLSX = "bao-cao.xlsx"
XLSX_SIG = "bao-cao.xlsx.p7s"
DATA = "data.json"
# Every member of a package, and nothing else.
MEMBERS = (MANIFEST, MANIFEST_SIG, PDF, XLSX, XLSX_SIG, DATA)
# The members the manifest lists with their hashes.
HASHED = (PDF, XLSX, XLSX_SIG, DATA)


class PackageProblem(UserError):
    """Why a package is refused, as a Vietnamese clause ("tệp … đã bị sửa")."""


def dumps(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True, default=str).encode("utf-8")


def _depth(data: bytes) -> int:
    # Nesting measured before parsing: a JSON bomb of brackets is refused
    # before the parser recurses into it.
    depth = deepest = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


class _NotANumber(ValueError):
    pass


def _no_constant(text: str) -> Any:
    # NaN and Infinity are not JSON; Python accepts them, a database does not.
    raise _NotANumber(text)


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise _NotANumber(text[:20])
    return value


def load_json(data: bytes, name: str) -> dict[str, Any]:
    if len(data) > MAX_JSON_BYTES:
        raise PackageProblem(f"{name} lớn bất thường ({len(data) // 1024:,} KB)")
    if _depth(data) > MAX_JSON_DEPTH:
        raise PackageProblem(f"{name} lồng nhau quá sâu (có thể là tệp độc hại)")
    try:
        doc = json.loads(data.decode("utf-8"), parse_constant=_no_constant, parse_float=_finite)
    except _NotANumber as exc:
        raise PackageProblem(f"{name} có số không hợp lệ ({exc.args[0]})") from exc
    except ValueError as exc:
        # JSONDecodeError and UnicodeDecodeError are ValueErrors, and so is
        # an integer past Python's digit limit (a 5000-digit "size").
        if "digit" in str(exc):
            raise PackageProblem(f"{name} có số quá dài (có thể là tệp độc hại)") from exc
        raise PackageProblem(f"{name} không đọc được (không phải JSON đúng dạng)") from exc
    except RecursionError as exc:
        raise PackageProblem(f"{name} không đọc được (không phải JSON đúng dạng)") from exc
    if not isinstance(doc, dict):
        raise PackageProblem(f"{name} không đúng dạng")
    return doc


@lru_cache(maxsize=4)
def schema(name: str) -> dict:
    return json.loads(resource("schemas", f"{name}.schema.json").read_text(encoding="utf-8"))


def check_schema(doc: dict, name: str, file_name: str | None = None) -> None:
    """Refuse ``doc`` unless it is valid against ``resources/schemas/<name>.schema.json``."""
    import jsonschema

    # With the format checker, "format": "date" is a rule ("2022-02-30"
    # refused), not a remark: dates the schema passes are dates Python reads.
    validator = jsonschema.Draft202012Validator(schema(name), format_checker=jsonschema.FormatChecker(["date"]))
    errors = sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.path])
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "(gốc)"
        raise PackageProblem(f"{file_name or name + '.json'} không đúng lược đồ ở “{where}”: {_short(errors[0].message)}")


def _short(message: str) -> str:
    # jsonschema quotes the offending value: a 5 MB string must not become the reason.
    return message if len(message) <= 200 else message[:200] + "…"


def check_version(manifest: dict) -> None:
    if manifest.get("format") != FORMAT:
        raise PackageProblem("không phải gói báo cáo Theo dõi (manifest.json không ghi đúng định dạng)")
    version = str(manifest.get("format_version", ""))
    try:
        major = int(version.split(".")[0])
    except ValueError as exc:
        raise PackageProblem(f"phiên bản định dạng “{version}” không hợp lệ") from exc
    if major > MAJOR:
        raise PackageProblem(
            f"gói được tạo bằng phiên bản Theo dõi mới hơn (định dạng {version}, máy này đọc được {VERSION}); "
            "hãy cập nhật Theo dõi rồi nhập lại"
        )
