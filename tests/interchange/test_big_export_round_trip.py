"""An export the kit wrote always imports: a JSON export over the old 64 MB cap comes back."""

from __future__ import annotations

import pytest

from exback_kit import Journal, ValidationError
from exback_kit.interchange import import_limits
from exback_kit.interchange.exports import export, import_file
from exback_kit.store.schema import LONG_TEXT

OLD_CAP = 64 * 1024 * 1024


@pytest.mark.slow
def test_a_json_export_over_64_mb_imports_into_a_fresh_journal(tmp_path):
    rows = OLD_CAP // LONG_TEXT + 50
    with Journal.open(tmp_path / "long.sqlite3") as j:
        for i in range(rows):  # years of long evening notes
            j.add_checkin(mood=1 + i % 10, note=f"{i:06d} " + "words of a long evening " *
                          (LONG_TEXT // 24 - 1), at=f"2020-01-01T00:{i % 60:02d}")
        out = export(j, tmp_path / "all.json")
    assert out.stat().st_size > OLD_CAP
    with Journal.open(tmp_path / "fresh.sqlite3") as fresh:
        added = import_file(fresh, out)
        assert added["checkins"] == rows == fresh.count("checkins")


def test_an_export_the_import_could_not_read_is_refused_before_it_is_written(
        journal, tmp_path, monkeypatch):
    journal.add_checkin(mood=5, note="a short one")
    monkeypatch.setattr(import_limits, "MAX_IMPORT_BYTES", 100)
    with pytest.raises(ValidationError, match=r"more than the .* the kit can read back"):
        export(journal, tmp_path / "all.json")
    assert not (tmp_path / "all.json").exists()
    assert not list(tmp_path.glob(".exback-*"))
