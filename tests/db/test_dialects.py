"""What a refused connection means, in the clerk's words: each message the
server or libpq gives is recognised."""

from __future__ import annotations

import pytest

from db.dialects import explain_connection_error, is_conflict


@pytest.mark.parametrize("server_says, words", [
    ('FATAL:  password authentication failed for user "thuky"', "mật khẩu"),
    ("fe_sendauth: no password supplied", "mật khẩu"),
    ('connection to server at "127.0.0.1", port 1 failed: Connection refused', "từ chối kết nối"),
    ('FATAL:  database "theodoi" does not exist', "không có cơ sở dữ liệu"),
    ('could not translate host name "may-chu" to address: Name or service not known', "Không tìm thấy máy chủ"),
    ("connection timeout expired", "không trả lời"),
    ('FATAL:  no pg_hba.conf entry for host "10.0.0.5"', "pg_hba.conf"),
    ("permission denied for schema public", "không có quyền"),
])
def test_each_refusal_is_explained(server_says, words):
    assert words in explain_connection_error(RuntimeError(server_says), "postgresql://thuky@may-chu/theodoi")


def test_an_unknown_refusal_keeps_the_server_words():
    text = explain_connection_error(RuntimeError("something new"), "x")
    assert "something new" in text


def test_only_database_errors_are_conflicts():
    assert not is_conflict(RuntimeError("database is locked"))


def test_an_address_that_cannot_be_read_is_named_without_its_password(cli):
    result = cli("status", db="postgresql://thu_ky:bi-mat@may-chu:cong/theodoi")
    assert result.code == 2 and "không đọc được" in result.err and "bi-mat" not in result.err
