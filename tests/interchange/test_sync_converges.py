"""Several devices, synced in any order, with repeats, cut-short files and conflicted copies,
all end with the same journal: same rows, no duplicates, nothing lost."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exback_kit import Journal
from exback_kit.interchange import sync_folder
from exback_kit.store import reads
from exback_kit.store.schema import TABLES

DEVICE = st.integers(0, 2)
NOTE = st.text("abcxyzé✓", min_size=1, max_size=8)  # the kit trims spaces: none here
EDIT = st.tuples(st.just("edit"), DEVICE, st.integers(0, 20), NOTE)
SYNC = st.tuples(st.just("sync"), DEVICE)
OPS = st.lists(st.one_of(
    st.tuples(st.just("checkin"), DEVICE, st.integers(1, 10), NOTE),
    st.tuples(st.just("milestone"), DEVICE, NOTE),
    EDIT, EDIT, SYNC,  # edits of records other devices sent are the interesting part
    st.tuples(st.just("setting"), DEVICE, st.just("review_day"),
              st.integers(1, 9).map(lambda d: f"2026-02-0{d}")),
    st.tuples(st.just("setting"), DEVICE, st.just("habits"),
              st.integers(0, 9).map(lambda i: [f"habit {i}"])),
    st.tuples(st.just("sync"), DEVICE),
    st.tuples(st.just("sync_cut"), DEVICE, DEVICE, st.integers(1, 200)),
    st.tuples(st.just("sync_older"), DEVICE, DEVICE),
    st.tuples(st.just("conflicted_copy"), DEVICE),
), min_size=5, max_size=40)


def _own_file(folder: Path, journal: Journal) -> Path | None:
    from exback_kit.store.device import device_id

    path = folder / "devices" / device_id(journal.path) / "changes.jsonl"
    return path if path.exists() else None


def _snapshot(journal: Journal) -> tuple[dict[str, list[tuple[object, ...]]], dict[str, object]]:
    rows = {kind: sorted(tuple(r.values()) for r in reads.stored_rows(journal, kind))
            for kind in TABLES}
    return rows, reads.all_settings(journal)


def _sync_with(journal: Journal, folder: Path, other: Path | None, cut: bytes | None,
               code: str | None) -> None:
    """Sync while a sync tool shows ``other`` as ``cut`` (a shorter copy), then put it back."""
    if other is None or cut is None:
        sync_folder.sync(journal, folder, join=code)
        return
    full = other.read_bytes()
    other.write_bytes(cut)
    try:
        sync_folder.sync(journal, folder, join=code)
    finally:
        other.write_bytes(full)


def run_scenario(ops: list[tuple[object, ...]], n_devices: int, root: Path) -> None:
    folder = root / "DIR"
    devices = [Journal.open(root / f"dev{k}" / "journal.sqlite3", backup=False)
               for k in range(n_devices)]
    added: set[str] = set()
    edits: dict[str, set[str]] = {}
    try:
        code = sync_folder.sync(devices[0], folder).code  # the first device claims the folder
        for op in ops:
            kind, dev = op[0], devices[int(op[1]) % n_devices]  # type: ignore[call-overload]
            if kind == "checkin":
                dev.add_checkin(mood=op[2], note=op[3])
                added.add(f"checkin:{op[3]}:{op[2]}")
            elif kind == "milestone":
                dev.add("milestones", title=op[2])
            elif kind == "edit":
                mine = dev.records("milestones")
                if mine:
                    target = mine[int(op[2]) % len(mine)]  # type: ignore[call-overload]
                    dev.update("milestones", target["id"], note=op[3])
                    edits.setdefault(target["title"], set()).add(str(op[3]))
            elif kind == "setting":
                dev.set_setting(str(op[2]), op[3])
            elif kind == "sync":
                sync_folder.sync(dev, folder, join=code)
            elif kind in ("sync_cut", "sync_older"):
                other = _own_file(folder, devices[int(op[2]) % n_devices])  # type: ignore[call-overload]
                cut = None
                if other is not None:
                    data = other.read_bytes()
                    if kind == "sync_cut":  # cut anywhere: the last line arrives incomplete
                        cut = data[:max(0, len(data) - int(op[3]))]  # type: ignore[call-overload]
                    else:  # an older copy: whole lines, fewer of them
                        lines = data.splitlines(keepends=True)
                        cut = b"".join(lines[:max(1, len(lines) // 2)])
                _sync_with(dev, folder, other, cut, code)
            elif kind == "conflicted_copy":
                own = _own_file(folder, dev)
                if own is not None:
                    shutil.copy(own, own.with_name("changes (conflicted copy 2026-12-01).jsonl"))
        for _ in range(2):  # everyone syncs, twice round
            for dev in devices:
                result = sync_folder.sync(dev, folder, join=code)
                assert result.problems == []
        first = _snapshot(devices[0])
        for dev in devices[1:]:
            assert _snapshot(dev) == first  # row by row (journal ids aside)
        for kind in TABLES:
            ids = [r["uuid"] for r in reads.stored_rows(devices[0], kind)]
            assert len(ids) == len(set(ids)), kind  # no duplicates
        checkins = {f"checkin:{r['note']}:{r['mood']}" for r in devices[0].records("checkins")}
        assert checkins == added  # nothing lost
        assert devices[0].count("checkins") == sum(1 for op in ops if op[0] == "checkin")
        assert devices[0].count("milestones") == sum(1 for op in ops if op[0] == "milestone")
        for row in devices[0].records("milestones"):
            if row["title"] in edits and row["note"]:
                assert row["note"] in edits[row["title"]]  # an edit someone made, not noise
    finally:
        for dev in devices:
            dev.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=OPS, n_devices=st.integers(2, 3))
def test_any_order_of_syncs_repeats_and_cuts_converges_without_loss(ops, n_devices):
    with tempfile.TemporaryDirectory() as root:
        run_scenario(ops, n_devices, Path(root))


def test_an_edit_made_later_wins_on_every_device(tmp_path, monkeypatch):
    import time

    from exback_kit.store import clock

    a = Journal.open(tmp_path / "a" / "j.sqlite3", backup=False)
    b = Journal.open(tmp_path / "b" / "j.sqlite3", backup=False)
    a.add("milestones", title="Walk")
    code = sync_folder.sync(a, tmp_path / "DIR").code
    sync_folder.sync(b, tmp_path / "DIR", join=code)
    a.update("milestones", a.records("milestones")[0]["id"], note="first")
    later = time.time() + 1  # a whole second later (within one millisecond, device id decides)
    with monkeypatch.context() as m:
        m.setattr(clock.time, "time", lambda: later)
        b.update("milestones", b.records("milestones")[0]["id"], note="second, later")
    for dev in (a, b, a):
        sync_folder.sync(dev, tmp_path / "DIR")
    assert a.records("milestones")[0]["note"] == b.records("milestones")[0]["note"] \
        == "second, later"
    a.close()
    b.close()
