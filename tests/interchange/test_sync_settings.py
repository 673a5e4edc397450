"""A synced folder is written by others: a setting line signed with the folder's key (a
device of the person's that was tampered with, say) is still checked by its key's own rule,
refused by its line and told, and the good lines beside it are merged."""

from __future__ import annotations

import json
from pathlib import Path

from exback_kit import Journal
from exback_kit.interchange import sync_folder
from exback_kit.interchange.exports import export, import_file
from exback_kit.interchange.sync_folder import signing
from exback_kit.store import clock, settings, sync_folders
from exback_kit.store.device import device_id
from tests.interchange.sync_kit import join, own_file


def _signed_settings(journal: Journal, folder: Path, pairs: list[tuple[object, object]]) -> None:
    """Append one signed setting line per (key, value) to ``journal``'s own file."""
    claim = json.loads((folder / "exback-sync.json").read_text())
    member = sync_folders.membership(journal, claim["folder"])
    assert member is not None
    key = signing.folder_key(member.code, claim["folder"])
    me = device_id(journal.path)
    lines = [signing.sign(key, me, {"kind": "setting", "key": k, "value": v,
                                    "version": f"{clock.now_ms():013d}.000000", "device": me})
             for k, v in pairs]
    with open(own_file(folder, journal), "ab") as fh:
        fh.write(b"".join(lines))


def test_crafted_setting_lines_are_refused_by_line_and_the_good_one_merged(pair):
    a, b, folder = pair
    a.set_setting(settings.CRISIS_SETTING, [{"name": "My sister", "detail": "0123"}])
    sync_folder.sync(a, folder)
    crafted = [
        (settings.HABITS_SETTING, ["x" * 1_000] * 1_000),  # huge
        (settings.WE_I_SETTING, "yes"),  # wrong type
        (settings.CRISIS_SETTING, [{"name": {"nested": {"deeper": "Call me instead"}}}]),
        ("__proto__", {"polluted": True}),  # a key the kit doesn't keep
        (settings.REVIEW_SETTING, "2026-12-24"),  # the one good line
    ]
    _signed_settings(a, folder, crafted)
    result = join(b, folder, a)
    said = "\n".join(result.problems)
    for key, _ in crafted[:4]:
        assert key in said
    assert said.count("That line was left out; the rest was merged.") == 4
    assert b.get_setting(settings.REVIEW_SETTING) == "2026-12-24"
    assert b.get_setting(settings.CRISIS_SETTING) == [{"name": "My sister", "detail": "0123"}]
    assert b.get_setting(settings.HABITS_SETTING) is None
    assert b.get_setting(settings.WE_I_SETTING) is None
    assert b.get_setting("__proto__") is None


def test_showing_the_demo_on_one_computer_never_switches_another(pair):
    a, b, folder = pair
    a.set_setting(settings.DEMO_SETTING, True)
    a.set_setting(settings.WE_I_SETTING, True)
    sync_folder.sync(a, folder)
    result = join(b, folder, a)
    assert result.problems == []
    assert b.get_setting(settings.WE_I_SETTING) is True
    assert b.get_setting(settings.DEMO_SETTING) is None


def test_an_import_brings_the_persons_settings_but_not_this_computers_own(tmp_path):
    with Journal.open(tmp_path / "a.sqlite3", backup=False) as a:
        a.set_setting(settings.HABITS_SETTING, ["swimming"])
        a.set_setting(settings.DEMO_SETTING, True)
        a.set_setting(settings.FOLDER_SETTING, "/their/sync/folder")
        out = export(a, tmp_path / "a.json")
    with Journal.open(tmp_path / "b.sqlite3", backup=False) as b:
        import_file(b, out)
        assert b.get_setting(settings.HABITS_SETTING) == ["swimming"]
        assert b.get_setting(settings.DEMO_SETTING) is None
        assert b.get_setting(settings.FOLDER_SETTING) is None
