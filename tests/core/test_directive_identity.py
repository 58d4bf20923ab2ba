"""A directive is identified by issuer, year and number: numbers restart
every year and differ by issuer. A number alone still names a directive
when only one holds it."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.directives import add_directive, find_directive
from desktop.core.errors import NotFound, UserError


def _kh05(session, year, issuer="Liên đoàn Lao động tỉnh Lai Châu"):
    return add_directive(session, number="05/KH-LĐLĐ", issuer=issuer, issued_on=date(year, 1, 10), subject=f"Kế hoạch {year}")


def test_the_same_number_next_year_or_from_another_issuer_is_another_directive(session):
    a = _kh05(session, 2022)
    b = _kh05(session, 2023)
    c = _kh05(session, 2023, issuer="Liên đoàn Lao động tỉnh Điện Biên")
    assert len({a.id, b.id, c.id}) == 3


def test_the_same_issuer_year_and_number_is_refused_however_it_is_spelled(session):
    _kh05(session, 2022)
    with pytest.raises(UserError, match="đã có trong sổ theo dõi"):
        add_directive(session, number="05/kh-ldld", issuer="LIEN DOAN LAO DONG TINH LAI CHAU",
                      issued_on=date(2022, 6, 1), subject="x")


def test_a_number_held_by_one_directive_means_it(session):
    a = _kh05(session, 2022)
    add_directive(session, number="06/KH-LĐLĐ", issuer="X", issued_on=date(2022, 1, 1), subject="y")
    assert find_directive(session, "05/KH-LDLD").id == a.id


def test_a_number_held_by_several_is_refused_with_the_list_and_year_issuer_or_id_pick_one(session):
    a, b = _kh05(session, 2022), _kh05(session, 2023)
    c = _kh05(session, 2023, issuer="Liên đoàn Lao động tỉnh Điện Biên")
    with pytest.raises(UserError) as refused:
        find_directive(session, "05/KH-LĐLĐ")
    message = refused.value.message
    assert not isinstance(refused.value, NotFound)
    for d in (a, b, c):
        assert f"mã {d.id}" in message
    assert "ngày 10/01/2022" in message and "Điện Biên" in message
    assert find_directive(session, "05/KH-LĐLĐ", year=2022).id == a.id
    assert find_directive(session, "05/KH-LĐLĐ", issuer="dien bien").id == c.id
    assert find_directive(session, "05/KH-LĐLĐ", year=2023, issuer="Lai Châu").id == b.id
    assert find_directive(session, f"#{b.id}").id == b.id
    with pytest.raises(UserError, match="Có 2 văn bản"):
        find_directive(session, "05/KH-LĐLĐ", year=2023)
    with pytest.raises(NotFound, match="năm 2024"):
        find_directive(session, "05/KH-LĐLĐ", year=2024)


def test_refusals_of_directives_and_requirements_name_no_command_line_option(session):
    from desktop.core.directives import add_requirement
    from desktop.core.submissions import exempt_unit
    from desktop.core.units import save_unit

    d = _kh05(session, 2022)
    unit = save_unit(session, {"name": "Công đoàn Trường A"})
    refusals = []
    for attempt in (
        lambda: add_directive(session, number=" ", issuer=None, issued_on=None, subject=None),
        lambda: add_requirement(session, d, title=" ", due=date(2022, 3, 1)),
        lambda: add_requirement(session, d, title="T"),
        lambda: add_requirement(session, d, title="T", every_months=6),
        lambda: add_requirement(session, d, title="T", every_months=6, first_due=date(2022, 6, 30), until=date(2022, 1, 1)),
        lambda: exempt_unit(session, unit, add_requirement(session, d, title="T", due=date(2022, 3, 1)), reason=" "),
    ):
        with pytest.raises(UserError) as refused:
            attempt()
        refusals.append(refused.value.message)
    assert not [m for m in refusals if "--" in m], refusals
