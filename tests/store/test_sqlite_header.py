"""The header read without opening the file says what SQLite itself says of it."""

from __future__ import annotations

import sqlite3

import pytest

from exback_kit.store.sqlite_header import APPLICATION_ID, looks_complete, read_header


@pytest.mark.parametrize(("page_size", "user_version", "app_id"), [
    (4096, 11, APPLICATION_ID), (65536, -5, 0), (512, 2**31 - 1, 2**32 - 1),
    (1024, -(2**31), 1),
])
def test_the_header_matches_sqlites_own_pragmas(tmp_path, page_size, user_version, app_id):
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA page_size = {page_size}")
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 300,)] * 40)
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.execute(f"PRAGMA application_id = {app_id - 2**32 if app_id >= 2**31 else app_id}")
    conn.commit()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    head = read_header(path)
    assert head is not None
    assert (head.page_size, head.page_count, head.user_version, head.application_id) == (
        page_size, pages, user_version, app_id)
    assert head.counter == head.valid_for
    assert path.stat().st_size == page_size * pages
    assert looks_complete(path) is (app_id == APPLICATION_ID)


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 50, b"x" * 100])
def test_a_file_too_short_or_not_sqlite_has_no_header(tmp_path, content):
    path = tmp_path / "db.sqlite3"
    path.write_bytes(content)
    assert read_header(path) is None
    assert not looks_complete(path)
