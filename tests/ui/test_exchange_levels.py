"""The three-level chain from the window: the province assigns from Trao
đổi, the districts take the assignment in (comparing the fingerprint),
set their own deadline, send their reports up from the same screen; the
province accepts one, returns the other with a signed notice, the district
sees it returned, corrects and resends, and the province's totals are the
grassroots units' figures."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from db.engine import resolve_url
from db.migrate import open_database
from desktop.io.signing import Pkcs12Key
from desktop.ui.context import AppContext
from desktop.ui.screens.exchange import ExchangeScreen
from tests.conftest import query
from tests.exchange.conftest import PASS
from tests.exchange.test_assignments import DIRECTIVE, DISTRICTS, PROVINCE, TLD, UNITS, _office


def _screen(qtbot, office) -> ExchangeScreen:
    url = resolve_url(office.db)
    screen = ExchangeScreen(AppContext(open_database(url), url))
    qtbot.addWidget(screen)
    screen.refresh()
    return screen


def _send_up(screen: ExchangeScreen, office, usb: Path) -> Path:
    screen.refresh()
    screen.report.setCurrentIndex(0)
    screen.drive.addItem(str(usb), str(usb))
    screen.drive.setCurrentIndex(screen.drive.count() - 1)
    screen.key_file.setText(str(office.key))
    screen.passphrase.setText(PASS)
    before = set(usb.glob("*.zip"))
    screen.export()
    assert "an toàn để rút USB" in screen.export_state.text(), screen.export_state.text()
    (package,) = set(usb.glob("*.zip")) - before
    return package


def test_the_three_level_chain_runs_from_the_window(qtbot, cli, tmp_path, monkeypatch, messages):
    def run(db, *args):
        result = cli(*args, db=db)
        assert result.code == 0, result.err
        return result

    new_db = lambda name: tmp_path / f"{name}.sqlite3"  # noqa: E731
    province = _office(run, tmp_path, new_db, PROVINCE, TLD, "tinh", [["Tên đơn vị"], *([d] for d in DISTRICTS)])
    districts = [_office(run, tmp_path, new_db, d, PROVINCE, d.split()[-1].lower(),
                         [["Tên đơn vị", "Khối"], *([u, s] for u, s, _n, _p in UNITS[d])]) for d in DISTRICTS]
    run(province.db, "directives", "add", "--number", DIRECTIVE, "--issuer", PROVINCE, "--date", "01/11/2026",
        "--subject", "Tuyên truyền Nghị quyết Đại hội Công đoàn")
    run(province.db, "requirements", "add", "--directive", DIRECTIVE, "--title", "Báo cáo kết quả quán triệt",
        "--due", "30/11/2026", "--indicator", "Số buổi|buổi", "--indicator", "Số người tham dự|người")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes))

    above = _screen(qtbot, province)
    key = Pkcs12Key(province.key, PASS.encode())
    usb = tmp_path / "usb-tinh"
    usb.mkdir()
    done = above.levels.issue(DIRECTIVE, str(usb), key)
    assert done is not None and "an toàn để rút USB" in above.levels.issue_state.text()

    screens = {}
    for d in districts:
        screen = screens[d.name] = _screen(qtbot, d)
        results = screen.levels.take_assignments([done.package])
        assert results[0].status == "accepted", results
        screen.levels.refresh()
        assert screen.levels.assigned.rowCount() == 1
        assert screen.levels.assigned.item(0, 3).text() == "30/11/2026"
        requirement = screen.levels.assigned.item(0, 0).data(0x0100)
        screen.levels.set_deadline(requirement, date(2026, 11, 25))
        screen.levels.refresh()
        assert screen.levels.assigned.item(0, 4).text() == "25/11/2026"
    assert "so từng nhóm ký tự" in asked[0] and PROVINCE in asked[0]

    packages = []
    for d in districts:
        for unit, _sector, n, p in UNITS[d.name]:
            run(d.db, "submissions", "record", "--unit", unit, "--requirement", 1, "--received", "20/11/2026",
                "--set", f"so_buoi={n}", "--set", f"so_nguoi_tham_du={p}")
        run(d.db, "report", "make", "--directive", DIRECTIVE, "--requirement", 1, "--as-of", "24/11/2026",
            "--date", "24/11/2026", "--out", d.folder / "bao-cao")
        packages.append(_send_up(screens[d.name], d, tmp_path / f"usb-{d.folder.name}"))

    above.take_in(packages)
    assert [r.status for r in above.last_results] == ["accepted", "accepted"], above.last_results
    above.refresh()
    waiting = above.levels.waiting
    assert waiting.rowCount() == 2 and waiting.item(0, 6).text() == "chờ duyệt"
    ids = {waiting.item(i, 1).text(): int(waiting.item(i, 0).text()) for i in range(2)}
    above.levels.accept_report(ids[DISTRICTS[0]])
    notices = tmp_path / "tra-lai"
    returned = above.levels.return_report(ids[DISTRICTS[1]], "Thiếu số liệu của Công đoàn Công ty TNHH Chè Sìn Hồ",
                                          date(2026, 11, 28), str(notices), key)
    assert returned is not None and returned.notice.is_file()
    above.refresh()
    assert above.levels.waiting.rowCount() == 0 and above.levels.returned.rowCount() == 1
    assert above.levels.returned.item(0, 3).text().startswith("Thiếu số liệu")

    sin_ho = districts[1]
    below = screens[sin_ho.name]
    below.take_in([returned.notice])
    assert below.last_results[0].status == "accepted"
    below.refresh()
    assert below.levels.sent.item(0, 2).text() == "trả lại ngày 24/11/2026"
    assert below.levels.sent.item(0, 4).text() == "28/11/2026"

    run(sin_ho.db, "submissions", "record", "--unit", UNITS[sin_ho.name][1][0], "--requirement", 1, "--received",
        "20/11/2026", "--set", "so_buoi=5")
    run(sin_ho.db, "report", "make", "--directive", DIRECTIVE, "--requirement", 1, "--as-of", "24/11/2026",
        "--date", "24/11/2026", "--out", sin_ho.folder / "bao-cao-2")
    corrected = _send_up(below, sin_ho, tmp_path / f"usb-{sin_ho.folder.name}")
    above.take_in([corrected])
    assert above.last_results[0].status == "superseded"
    above.refresh()
    assert above.levels.waiting.rowCount() == 1 and above.levels.returned.item(0, 5).text() == "đã nhận bản sửa"
    above.levels.accept_report(int(above.levels.waiting.item(0, 0).text()))

    run(province.db, "report", "make", "--directive", DIRECTIVE, "--requirement", 1, "--as-of", "24/11/2026",
        "--date", "24/11/2026", "--out", province.folder / "bao-cao")
    up = _send_up(above, province, tmp_path / "usb-tinh")
    with zipfile.ZipFile(up) as zf:
        section = json.loads(zf.read("data.json"))["sections"][0]
    assert {i["key"]: i["total"] for i in section["indicators"]} == {"so_buoi": 11, "so_nguoi_tham_du": 200}
    assert query(province.db, "SELECT count(*) FROM received_package WHERE review = 'accepted'")[0][0] == 2

    # The province's dashboard: each member office's state per requirement it assigned.
    from desktop.ui.screens.dashboard import DashboardScreen
    from desktop.ui.screens.tracking import TrackingScreen

    ctx = above.ctx
    board = DashboardScreen(ctx)
    qtbot.addWidget(board)
    board.refresh()
    table = board.members.table
    assert not board.members.isHidden() and table.rowCount() == 2
    assert {(table.item(i, 0).text(), table.item(i, 3).text()) for i in range(2)} == {
        (DISTRICTS[0], "đã chấp nhận"), (DISTRICTS[1], "đã chấp nhận")}
    # The tracking grid: a member office's own units, from its package.
    grid = TrackingScreen(ctx)
    qtbot.addWidget(grid)
    grid.refresh()
    names = [grid.proxy.index(i, 0).data() for i in range(grid.proxy.rowCount())]
    grid.table.setCurrentIndex(grid.proxy.index(names.index(DISTRICTS[1]), 1))
    panel = grid.member_units
    assert not panel.isHidden() and panel.table.rowCount() == 2
    assert {panel.table.item(i, 0).text() for i in range(2)} == {u[0] for u in UNITS[DISTRICTS[1]]}
    assert "Số buổi (buổi): 6" in panel.note.text()


def test_an_indicators_unit_of_measure_is_typed_beside_its_name(qtbot):
    from PySide6.QtWidgets import QTableWidgetItem

    from desktop.core.directives import Indicator, parse_indicators
    from desktop.ui.widgets.indicator_table import IndicatorTable

    table = IndicatorTable()
    qtbot.addWidget(table)
    table.table.setItem(0, 0, QTableWidgetItem("Số buổi"))
    table.table.setItem(0, 2, QTableWidgetItem("buổi"))
    table.table.setItem(1, 0, QTableWidgetItem("Số người tham dự"))
    assert parse_indicators(table.names()) == [Indicator("so_buoi", "Số buổi", "buổi"),
                                               Indicator("so_nguoi_tham_du", "Số người tham dự")]
