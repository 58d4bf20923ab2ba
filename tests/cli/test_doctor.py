"""theodoi doctor: each check OK or what to do, as text and JSON."""

from __future__ import annotations

import os



def test_doctor_reports_every_check_with_a_test_signature(cli):
    assert cli("init", "--office", "LĐLĐ huyện Tam Đường").code == 0
    assert cli("backup", "create").code == 0
    result = cli("doctor", "--json")
    doc = result.json
    names = [c["name"] for c in doc["checks"]]
    assert names == ["Phiên bản", "Thư mục dữ liệu", "Cơ sở dữ liệu", "Bản sao lưu", "Phông chữ văn bản", "Máy in",
                     "USB token (PKCS#11)", "Ký số thử"]
    by = {c["name"]: c for c in doc["checks"]}
    assert by["Ký số thử"]["ok"] and by["Phông chữ văn bản"]["ok"] and by["Bản sao lưu"]["ok"]
    assert "phiên bản lược đồ" in by["Cơ sở dữ liệu"]["detail"]
    assert result.code == (0 if doc["ok"] else 2)
    assert all(c["ok"] or c["advice"] for c in doc["checks"])  # nothing wrong without what to do


def test_a_data_folder_that_cannot_be_written_is_reported(cli, tmp_path, monkeypatch):
    locked = tmp_path / "khoa"
    locked.mkdir(mode=0o500)
    monkeypatch.setenv("XDG_DATA_HOME", str(locked))
    if os.geteuid() == 0:  # root writes anywhere: the folder refuses as it would refuse a clerk
        import desktop.io.doctor

        def refused(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(locked))

        monkeypatch.setattr(desktop.io.doctor.tempfile, "NamedTemporaryFile", refused)
    doc = cli("doctor", "--json", db=tmp_path / "x.sqlite3").json
    (folder,) = [c for c in doc["checks"] if c["name"] == "Thư mục dữ liệu"]
    assert not folder["ok"] and "quyền" in folder["advice"]


def test_a_data_folder_that_is_a_file_is_reported(cli, tmp_path, monkeypatch):
    blocker = tmp_path / "la-tep"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    result = cli("doctor", "--json", db=tmp_path / "x.sqlite3")
    (folder,) = [c for c in result.json["checks"] if c["name"] == "Thư mục dữ liệu"]
    assert result.code == 2 and not folder["ok"] and folder["advice"]


def test_a_pc_without_a_printer_gets_a_note_not_a_failure(cli, monkeypatch):
    from desktop.cli import doctor

    monkeypatch.setattr(doctor, "_printers", lambda: [])
    assert cli("init", "--office", "LĐLĐ huyện Tam Đường").code == 0
    assert cli("backup", "create").code == 0
    doc = cli("doctor", "--json").json
    (printer,) = [c for c in doc["checks"] if c["name"] == "Máy in"]
    assert printer["ok"] and printer["warning"] and "PDF" in printer["advice"]
    text = cli("doctor")
    assert "[LƯU Ý] Máy in: chưa cài máy in nào" in text.out
    failing = [c["name"] for c in doc["checks"] if not c["ok"]]
    assert text.code == (2 if failing else 0) and "Máy in" not in failing
