"""``units retire --carry-over`` and the ``expected`` count, as a user runs
them: the merged unit's successor owes what it owed only when told so."""

from __future__ import annotations

import pytest

from tests.conftest import write_xlsx

HEADER = ["Mã", "Tên đơn vị", "Ngày thành lập"]
UNITS = [
    ["A", "Công đoàn Trường Tiểu học A", None],
    ["B", "Công đoàn Trường Tiểu học B", None],
    ["C", "Công đoàn Trường Tiểu học C", None],
    ["N", "Công đoàn Trường Liên cấp", "01/03/2022"],
]


@pytest.fixture
def office(cli, tmp_path):
    assert cli("init", "--office", "LĐLĐ huyện Tam Đường").code == 0
    imported = cli("units", "import", write_xlsx(tmp_path / "don-vi.xlsx", [HEADER] + UNITS))
    assert imported.code == 0, imported.err
    assert cli("directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", "LĐLĐ tỉnh Lai Châu",
               "--date", "16/02/2022", "--subject", "Quán triệt").code == 0
    assert cli("requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Kế hoạch", "--due", "31/03/2022").code == 0
    return cli


def _period(cli):
    doc = cli("status", "--as-of", "30/04/2022", "--json").json
    (period,) = doc["directives"][0]["requirements"]
    return period


def test_without_carry_over_what_the_merged_unit_owed_drops_out(office):
    assert office("units", "retire", "A", "--on", "10/03/2022", "--merged-into", "N").code == 0
    period = _period(office)
    assert (period["applicable"], period["expected"], period["missing"]) == (2, 2, 2)
    assert sorted(period["missing_units"]) == ["Công đoàn Trường Tiểu học B", "Công đoàn Trường Tiểu học C"]


def test_with_carry_over_the_successor_owes_it_and_says_so(office):
    retired = office("units", "retire", "A", "--on", "10/03/2022", "--merged-into", "N", "--carry-over", "--json")
    assert retired.code == 0, retired.err
    assert retired.json["carry_over"] is True and retired.json["merged_into_id"] is not None
    period = _period(office)
    assert (period["applicable"], period["expected"], period["missing"]) == (3, 3, 3)
    assert "Công đoàn Trường Liên cấp" in period["missing_units"]
    for sector in period["by_sector"]:
        assert sector["expected"] == sector["applicable"] - sector["exempt"]


def test_carry_over_without_a_unit_to_carry_to_is_refused_and_nothing_is_written(office):
    refused = office("units", "retire", "A", "--on", "10/03/2022", "--carry-over")
    assert refused.code == 2 and "sáp nhập" in refused.err
    units = {u["code"]: u for u in office("units", "list", "--json", "--as-of", "30/04/2022").json}
    assert units["A"]["active_to"] is None and units["A"]["carry_over"] is False
