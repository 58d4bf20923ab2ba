"""Indicators are named as the clerk names them; the key that travels in
files and packages is derived from the name, never typed."""

from __future__ import annotations

import pytest

from desktop.core.directives import Indicator, indicator_key, parse_indicator, parse_indicators
from desktop.core.errors import UserError


@pytest.mark.parametrize("label, key", [
    ("Số buổi", "so_buoi"),
    ("Số người tham dự", "so_nguoi_tham_du"),
    ("Đoàn viên nữ (người)", "doan_vien_nu_nguoi"),
    ("3 tháng đầu năm", "chi_tieu_3_thang_dau_nam"),
    ("Tỷ lệ %", "ty_le"),
])
def test_a_name_alone_gives_its_key(label, key):
    assert indicator_key(label) == key
    assert parse_indicator(label) == Indicator(key, label)


def test_a_key_chosen_by_hand_is_kept():
    assert parse_indicator("sessions:Số buổi") == Indicator("sessions", "Số buổi")


def test_a_name_with_a_colon_that_is_no_key_stays_whole():
    assert parse_indicator("Kết quả: số buổi") == Indicator("ket_qua_so_buoi", "Kết quả: số buổi")


def test_names_giving_the_same_key_are_told_apart_and_blank_rows_left_out():
    found = parse_indicators(["Số buổi", "", "  ", "Số buổi.", "Số  buổi"])
    assert [i.key for i in found] == ["so_buoi", "so_buoi_2", "so_buoi_3"]


def test_an_empty_name_is_refused_in_words():
    with pytest.raises(UserError, match="Tên chỉ tiêu"):
        parse_indicator("   ")


def test_the_command_line_takes_names_alone(cli):
    assert cli("directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", "LĐLĐ tỉnh", "--date", "16/02/2022",
               "--subject", "Quán triệt").code == 0
    doc = cli("requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo", "--due", "31/03/2022",
              "--indicator", "Số buổi", "--indicator", "participants:Số người tham dự", "--json").json
    assert doc["indicators"] == [{"key": "so_buoi", "label": "Số buổi"},
                                 {"key": "participants", "label": "Số người tham dự"}]
