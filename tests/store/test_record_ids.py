"""Every record has a stable uuid: old journals get one, exports and imports keep it,
and every local write gets a version newer than anything the journal has seen."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from exback_kit import Journal
from exback_kit.errors import ValidationError
from exback_kit.interchange.exports import export, import_file
from exback_kit.store import clock
from exback_kit.store.schema import TABLES

DATA = Path(__file__).resolve().parent.parent / "data"


def test_the_migration_gives_every_old_row_its_own_uuid(tmp_path):
    path = tmp_path / "journal.sqlite3"
    shutil.copy(DATA / "journal_v1.sqlite3", path)
    with Journal.open(path, backup=False) as j:
        ids = [row[0] for kind in TABLES for row in j.execute_read(f"SELECT uuid FROM {kind}")]
        assert ids and all(uuid.UUID(i).version == 4 for i in ids)
        assert len(set(ids)) == len(ids)
        unsent = sum(j.execute_read(f"SELECT count(*) FROM {kind} WHERE origin IS NULL")[0][0]
                     for kind in TABLES)
        assert unsent == len(ids)  # nothing old has been sent to any device yet


@pytest.mark.parametrize("suffix", [".zip", ".json"])
def test_an_export_imported_elsewhere_keeps_each_records_uuid(tmp_path, suffix):
    with Journal.open(tmp_path / "a.sqlite3") as a, Journal.open(tmp_path / "b.sqlite3") as b:
        a.add_checkin(mood=4, note="same")
        a.add_checkin(mood=4, note="same")  # equal values, two entries
        out = export(a, tmp_path / f"e{suffix}")
        assert import_file(b, out)["checkins"] == 2
        assert sorted(a.execute_read("SELECT uuid FROM checkins")) == \
            sorted(b.execute_read("SELECT uuid FROM checkins"))
        assert import_file(b, out)["checkins"] == 0


def test_a_bad_uuid_in_an_import_is_refused_by_field(tmp_path):
    import json

    with Journal.open(tmp_path / "a.sqlite3") as a:
        a.add_checkin(mood=4)
        out = export(a, tmp_path / "e.json")
        doc = json.loads(out.read_text())
        doc["tables"]["checkins"][0]["uuid"] = "not-an-id"
        out.write_text(json.dumps(doc))
        with pytest.raises(ValidationError, match="uuid"):
            import_file(a, out)


def test_edits_get_a_newer_version_and_wait_to_be_sent(journal):
    entry = journal.add("milestones", title="Call a friend")
    (before,) = journal.execute_read("SELECT version FROM milestones")[0]
    journal.update("milestones", entry, note="done")
    (after, origin) = journal.execute_read("SELECT version, origin FROM milestones")[0]
    assert clock.newer((after, None), (before, None)) and origin is None


def test_the_clock_moves_past_versions_seen_from_a_device_running_ahead(journal):
    ahead = f"{clock.now_ms() + 3_600_000:013d}.000003"  # a device whose clock is an hour fast
    with journal.transaction() as conn:
        clock.observe(conn, [ahead])
        (mine,) = clock.tick(conn)
    assert mine == ahead[:-1] + "4"
    assert clock.newer(("1.000000", "b"), ("1.000000", "a"))  # ties: the larger device id


def test_the_clock_never_follows_a_stamp_from_far_in_the_future(journal):
    with journal.transaction() as conn:
        clock.observe(conn, ["9999999999999.000003"])
        (mine,) = clock.tick(conn)
    assert not clock.ahead_of_clock(mine) and int(mine[:13]) <= clock.now_ms() + clock.OWN_AHEAD_MS


def test_new_record_ids_are_canonical_random_version_4_uuids():
    ids = [clock.new_uuid() for _ in range(2000)]
    for i in ids[:200]:
        u = uuid.UUID(i)
        assert (u.version, u.variant, str(u)) == (4, uuid.RFC_4122, i)
    assert len(set(ids)) == len(ids)
    # every one of the 122 random bits takes both values somewhere in 2000 ids
    bits = [int(uuid.UUID(i)) for i in ids]
    either = 0
    for b in bits:
        either |= b
    both = ~0
    for b in bits:
        both &= b
    random_mask = (1 << 128) - 1 & ~(0xF << 76) & ~(0x3 << 62)
    assert either & random_mask == random_mask and both & random_mask == 0
