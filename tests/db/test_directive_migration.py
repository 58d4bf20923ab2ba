"""Migration 0005: directives already recorded get their issuer and year
keys; afterwards the same number may come back in another year."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from db.engine import make_engine
from db.migrate import open_database
from db.session import unit_of_work
from desktop.core.directives import add_directive
from tests.conftest import upgrade_to


def test_directives_of_an_older_database_get_their_identity_and_numbers_may_repeat_by_year(new_db):
    url = new_db("old", empty=True)
    upgrade_to(url, "0004")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO directive (number, number_key, issuer, issued_on, created_at) VALUES "
            "('05/KH-LĐLĐ', '05/kh-ldld', 'LĐLĐ tỉnh Lai Châu', '2022-01-10', CURRENT_TIMESTAMP), "
            "('07/CV-LĐLĐ', '07/cv-ldld', NULL, NULL, CURRENT_TIMESTAMP)"
        ))
    engine.dispose()
    engine = open_database(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT number, issuer_key, year FROM directive ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [("05/KH-LĐLĐ", "ldld tinh lai chau", 2022), ("07/CV-LĐLĐ", "", 0)]
        with unit_of_work(engine) as s:
            add_directive(s, number="05/KH-LĐLĐ", issuer="LĐLĐ tỉnh Lai Châu", issued_on=date(2023, 1, 9), subject="2023")
        with engine.connect() as conn:
            units = conn.execute(text("SELECT carry_over FROM organization")).all()
        assert units == []
    finally:
        engine.dispose()
