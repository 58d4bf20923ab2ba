"""Every command that takes ``--directive`` picks one among directives
sharing a number with ``--year`` / ``--issuer`` (or the id), the same way."""

from __future__ import annotations

import argparse

import pytest

from desktop.cli import build_parser


def _directive_commands():
    """Every (sub)command that has a ``--directive`` option."""
    found = []

    def walk(parser, path):
        for action in parser._actions:
            if action.dest == "directive" and "--directive" in action.option_strings:
                found.append((path, parser))
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, path + [name])

    walk(build_parser(), [])
    return found


def test_every_command_taking_a_directive_also_takes_its_year_and_issuer():
    commands = _directive_commands()
    assert len(commands) >= 4  # requirements add/list, status, report make
    for path, parser in commands:
        options = {o for a in parser._actions for o in a.option_strings}
        assert {"--year", "--issuer"} <= options, path


@pytest.fixture
def two_plans(cli):
    assert cli("init", "--office", "LĐLĐ huyện Tam Đường").code == 0
    for year in (2022, 2023):
        r = cli("directives", "add", "--number", "05/KH-LĐLĐ", "--issuer", "LĐLĐ tỉnh Lai Châu",
                "--date", f"10/01/{year}", "--subject", f"Kế hoạch {year}", "--json")
        assert r.code == 0, r.err
    r = cli("directives", "add", "--number", "05/KH-LĐLĐ", "--issuer", "LĐLĐ tỉnh Điện Biên",
            "--date", "12/01/2023", "--subject", "Kế hoạch Điện Biên", "--json")
    assert r.code == 0, r.err
    return cli


def test_a_shared_number_is_refused_with_the_list_then_year_or_issuer_pick_one(two_plans):
    cli = two_plans
    refused = cli("requirements", "add", "--directive", "05/KH-LĐLĐ", "--title", "Báo cáo", "--due", "2023-03-31")
    assert refused.code == 2
    assert "Có 3 văn bản cùng số" in refused.err and "Điện Biên" in refused.err
    added = cli("requirements", "add", "--directive", "05/KH-LĐLĐ", "--year", "2023", "--issuer", "Lai Châu",
                "--title", "Báo cáo", "--due", "2023-03-31", "--json")
    assert added.code == 0, added.err
    listed = cli("requirements", "list", "--directive", "05/KH-LDLD", "--issuer", "dien bien", "--json")
    assert listed.code == 0 and listed.json == []
    listed = cli("requirements", "list", "--directive", "05/KH-LDLD", "--year", "2023", "--issuer", "lai chau", "--json")
    assert [r["title"] for r in listed.json] == ["Báo cáo"]
    status = cli("status", "--directive", "05/KH-LĐLĐ", "--year", "2022", "--json")
    assert status.code == 0 and [d["subject"] for d in status.json["directives"]] == ["Kế hoạch 2022"]
    assert status.json["directives"][0]["date"] == "2022-01-10"
    assert "05/KH-LĐLĐ (10/01/2023)" in cli("status").out
    ids = {d["subject"]: d["id"] for d in cli("directives", "list", "--json").json}
    status = cli("status", "--directive", f"#{ids['Kế hoạch Điện Biên']}", "--json")
    assert [d["subject"] for d in status.json["directives"]] == ["Kế hoạch Điện Biên"]
    refused = cli("status", "--year", "2023")
    assert refused.code == 2 and "--directive" in refused.err
