"""When a command fails after its changes were committed (only printing
the result failed), the user is told what was saved, never that nothing
was: running it again would record it twice."""

from __future__ import annotations

import json

import pytest

import desktop.cli.directives as directives_cli


@pytest.fixture
def office(cli):
    assert cli("init", "--office", "LĐLĐ huyện Tam Đường").code == 0
    return cli


def _printing_breaks(monkeypatch, module):
    def broken(*_a, **_k):
        raise OSError(32, "Broken pipe")

    monkeypatch.setattr(module, "say", broken)
    monkeypatch.setattr(module, "emit_json", broken)


def test_a_printing_failure_after_the_commit_says_what_was_saved(office, monkeypatch):
    _printing_breaks(monkeypatch, directives_cli)
    result = office("directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", "LĐLĐ tỉnh",
                    "--date", "16/02/2022", "--subject", "Quán triệt")
    assert result.code == 1
    assert "không có thay đổi nào được ghi" not in result.err.lower()
    assert "không có gì được ghi" not in result.err.lower()
    assert "ĐÃ được ghi: thêm 1 văn bản chỉ đạo (mã 1)" in result.err
    monkeypatch.undo()
    assert [d["number"] for d in office("directives", "list", "--json").json] == ["314/KH-LĐLĐ"]


def test_the_json_error_lists_what_was_saved(office, monkeypatch):
    assert office("directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", "LĐLĐ tỉnh",
                  "--date", "16/02/2022", "--subject", "Quán triệt").code == 0
    _printing_breaks(monkeypatch, directives_cli)
    result = office("requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Kế hoạch", "--due", "31/03/2022", "--json")
    assert result.code == 1
    doc = json.loads(result.out)
    assert doc["exit_code"] == 1
    assert {"action": "create", "entity": "requirement", "id": "1"} in doc["saved"]


def test_a_failure_before_any_commit_still_says_nothing_was_saved(office, monkeypatch):
    import desktop.operations.units as unit_ops

    def broken(*_a, **_k):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(unit_ops, "retire_unit", broken)
    result = office("units", "retire", "X", "--on", "01/03/2022")
    assert result.code == 2  # no such unit: refused before anything
    monkeypatch.setattr(unit_ops, "unit_ref", lambda *_a: object())
    result = office("units", "retire", "X", "--on", "01/03/2022")
    assert result.code == 1 and "Không có thay đổi nào được ghi" in result.err
