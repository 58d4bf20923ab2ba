"""The register of outgoing documents: numbers typed by hand outside the
series, and numbers a crash left unfinished, never reused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from db.models import OutgoingDocument
from db.session import unit_of_work
from desktop.core.errors import UserError
from desktop.core.register import list_register, take_number
from desktop.io.pending import settle_pending


def _take(session, number=None, day=date(2022, 5, 5)):
    return take_number(session, kind="BC", issued_on=day, title="Báo cáo", symbol="LĐLĐ", number=number)


def test_two_numbers_typed_outside_the_series_are_both_accepted(session):
    first = _take(session, "BC-LĐLĐ/2022/A")
    second = _take(session, "BC-LĐLĐ/2022/B")
    assert (first.seq, second.seq) == (None, None)
    assert _take(session).number == "01/BC-LĐLĐ"


def test_a_number_typed_twice_is_still_refused_in_or_out_of_the_series(session):
    _take(session, "BC-LĐLĐ/2022/A")
    _take(session, "03/BC-LĐLĐ")
    with pytest.raises(UserError, match="không được dùng lại"):
        _take(session, "bc-ldld/2022/a")
    with pytest.raises(UserError, match="không được dùng lại"):
        _take(session, "03/BC-LĐLĐ")


def _crashed(engine, folder, number, seq):
    """A row as a power cut leaves it: pending, its files not all there."""
    with unit_of_work(engine) as s:
        doc = OutgoingDocument(year=2022, kind="BC", seq=seq, number=number, number_key=number.lower(),
                               issued_on=date(2022, 5, 5), title="Báo cáo dở", state="pending", folder=str(folder),
                               files=["a.pdf", "a.xlsx"])
        s.add(doc)
        s.flush()
        return doc.id


def test_a_number_a_crash_left_unfinished_is_kept_as_void_and_never_handed_out_again(engine, tmp_path, cli):
    assert cli("init", "--office", "LĐLĐ huyện Tam Đường").code == 0
    with unit_of_work(engine) as s:
        _take(s)  # 01
    crashed = _crashed(engine, tmp_path, "02/BC-LĐLĐ", 2)
    (tmp_path / "a.pdf").write_bytes(b"%PDF half")
    assert settle_pending(engine, min_age=timedelta(0)) == ["02/BC-LĐLĐ"]
    assert not (tmp_path / "a.pdf").exists()
    with unit_of_work(engine) as s:
        assert s.get(OutgoingDocument, crashed).state == "void"
        assert _take(s).number == "03/BC-LĐLĐ"
        with pytest.raises(UserError, match="số đã hủy"):
            _take(s, "02/BC-LĐLĐ")
        assert [d.number for d in list_register(s, 2022)] == ["01/BC-LĐLĐ", "03/BC-LĐLĐ"]
        assert [d.number for d in list_register(s, 2022, include_void=True)] == ["01/BC-LĐLĐ", "02/BC-LĐLĐ", "03/BC-LĐLĐ"]

    listed = cli("register", "list", "--year", "2022", "--json")
    assert listed.code == 0, listed.err
    assert [(d["number"], d["state"], d["void"]) for d in listed.json] == [
        ("01/BC-LĐLĐ", "issued", False), ("02/BC-LĐLĐ", "void", True), ("03/BC-LĐLĐ", "issued", False)
    ]
    text = cli("register", "list", "--year", "2022")
    line = next(l for l in text.out.splitlines() if l.startswith("02/BC-LĐLĐ"))
    assert "SỐ ĐÃ HỦY" in line
    assert "2 văn bản, 1 số đã hủy" in text.out

    exported = cli("register", "export", "--year", "2022", "--out", tmp_path / "so", "--json")
    assert exported.code == 0, exported.err
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(exported.json["xlsx"]).get_sheet_by_index(0).to_python()
    by_number = {r[0]: r for r in rows}
    assert "đã hủy" in by_number["02/BC-LĐLĐ"][-1]
    assert by_number["01/BC-LĐLĐ"][-1] == "đã ban hành"
