"""Every setting the kit keeps has its own rule, and the same rule holds when the kit saves a
setting and when a sync folder (written by others) brings one: a value of the wrong type,
range or size, or a key the kit doesn't keep, is refused and nothing is written."""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import time
from pathlib import Path

import pytest

import exback_kit
from exback_kit import Journal
from exback_kit.errors import ValidationError
from exback_kit.store import settings, sync

SENDER = "abc123"
ABSENT = "absent"

#: A good value for every key, as the kit saves it.
GOOD = {
    settings.LANGUAGE_SETTING: "es",
    settings.HABITS_SETTING: ["yoga", "called a friend"],
    settings.CRISIS_SETTING: [{"name": "My sister", "detail": "0123 456 789"}],
    settings.REVIEW_SETTING: "2026-12-24",
    settings.WE_I_SETTING: True,
    settings.SHOW_NOTE_SETTING: False,
    settings.UID_SETTING: "0123456789abcdef",
    settings.DEMO_SETTING: True,
    settings.DEMO_JOURNAL_SETTING: True,
    settings.FOLDER_SETTING: "/home/me/Sync/exback",
}

HUGE = "x" * 1_000_000
#: (key, value) pairs each key's rule refuses: wrong type, out of range, too big, nested.
BAD = [
    (settings.LANGUAGE_SETTING, "fr"),
    (settings.LANGUAGE_SETTING, 42),
    (settings.LANGUAGE_SETTING, ["es"]),
    (settings.LANGUAGE_SETTING, {"code": "es"}),
    (settings.LANGUAGE_SETTING, HUGE),
    (settings.HABITS_SETTING, "yoga"),
    (settings.HABITS_SETTING, [1, 2]),
    (settings.HABITS_SETTING, [["yoga"]]),
    (settings.HABITS_SETTING, [{"name": "yoga"}]),
    (settings.HABITS_SETTING, [""]),
    (settings.HABITS_SETTING, ["yoga"] * (settings.MAX_HABITS + 1)),
    (settings.HABITS_SETTING, [HUGE]),
    (settings.HABITS_SETTING, None),
    (settings.CRISIS_SETTING, "Call me instead"),
    (settings.CRISIS_SETTING, ["my sister"]),
    (settings.CRISIS_SETTING, [{"name": "Sam", "phone": "0123"}]),
    (settings.CRISIS_SETTING, [{"name": {"nested": "object"}}]),
    (settings.CRISIS_SETTING, [{"name": "Sam", "detail": "x" * (settings.CONTACT_LINE + 1)}]),
    (settings.CRISIS_SETTING, [{"name": "Sam"}] * (settings.MAX_CONTACTS + 1)),
    (settings.CRISIS_SETTING, [{"name": "Sam\x00"}]),
    (settings.REVIEW_SETTING, "soon"),
    (settings.REVIEW_SETTING, "2026-13-40"),
    (settings.REVIEW_SETTING, 20261224),
    (settings.REVIEW_SETTING, {"day": "2026-12-24"}),
    (settings.WE_I_SETTING, "true"),
    (settings.WE_I_SETTING, 1),
    (settings.WE_I_SETTING, None),
    (settings.SHOW_NOTE_SETTING, ["yes"]),
    (settings.SHOW_NOTE_SETTING, {"on": True}),
    (settings.UID_SETTING, "abc"),
    (settings.UID_SETTING, "0123456789ABCDEF"),
    (settings.UID_SETTING, "0123456789abcdef\r\nX-INJECTED:1"),
    (settings.UID_SETTING, 123),
    (settings.DEMO_SETTING, "yes"),
    (settings.DEMO_JOURNAL_SETTING, 1),
    (settings.FOLDER_SETTING, 123),
    (settings.FOLDER_SETTING, "x" * (settings.PATH_MAX + 1)),
    (settings.FOLDER_SETTING, "/a\x00b"),
]
UNKNOWN_KEYS = ["__proto__", "constructor", "theme", "", "k" * 65, 123, None, ["language"],
                {"key": "language"}]


def _stamp(seconds_from_now: float = 60) -> str:
    return f"{int((time.time() + seconds_from_now) * 1000):013d}.000000"


def _merge(journal: Journal, key: object, value: object) -> sync.Merged:
    rec = {"kind": "setting", "key": key, "value": value, "version": _stamp(), "device": SENDER}
    return sync.merge(journal, "beef", [(7, rec)], folder="f" * 32, device=SENDER,
                      file="changes.jsonl", state=sync.ReadState(1, b"\n", line=7))


def _stored_keys(journal: Journal) -> list[str]:
    return [row[0] for row in journal.execute_read("SELECT key FROM settings")]


def test_every_setting_the_kit_keeps_has_a_rule_and_a_good_value_here():
    assert set(GOOD) == set(settings.RULES)
    assert set(settings.RULES) - settings.LOCAL_SETTINGS == settings.SYNCED


def _keys_used_in_the_package() -> set[str]:
    """Return every key passed to get_setting/set_setting anywhere in exback_kit, resolved
    from the module that names it (a literal, a constant, or a constant of another module)."""
    found = set()
    root = Path(exback_kit.__file__).parent
    for info in pkgutil.walk_packages([str(root)], "exback_kit."):
        path = root.joinpath(*info.name.split(".")[1:])
        source = path / "__init__.py" if info.ispkg else path.with_suffix(".py")
        tree = ast.parse(source.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
                 and isinstance(n.func, ast.Attribute)
                 and n.func.attr in {"get_setting", "set_setting"} and n.args]
        if not calls:
            continue
        module = importlib.import_module(info.name)
        for call in calls:
            arg = call.args[0]
            if isinstance(arg, ast.Constant):
                found.add(arg.value)
                continue
            names = []
            while isinstance(arg, ast.Attribute):
                names.insert(0, arg.attr)
                arg = arg.value
            assert isinstance(arg, ast.Name) and arg.id in vars(module), (
                f"{info.name}: a key this test can't resolve")
            value = vars(module)[arg.id]
            for name in names:
                value = getattr(value, name)
            found.add(value)
    return found


def test_every_key_the_kit_reads_or_writes_has_a_rule():
    used = _keys_used_in_the_package()
    assert used <= set(settings.RULES), used - set(settings.RULES)
    assert len(used) >= 8  # the walk finds the kit's keys (a broken walk finds none)


@pytest.mark.parametrize("key", sorted(GOOD))
def test_a_good_value_is_saved_and_read_back(journal, key):
    journal.set_setting(key, GOOD[key])
    assert journal.get_setting(key) == GOOD[key]


@pytest.mark.parametrize("key", sorted(settings.SYNCED))
def test_every_synced_key_with_a_good_value_merges(journal, key):
    merged = _merge(journal, key, GOOD[key])
    assert (merged.changed, merged.refused) == (1, [])
    assert journal.get_setting(key) == GOOD[key]


@pytest.mark.parametrize("key", sorted(settings.LOCAL_SETTINGS))
def test_this_computers_own_settings_neither_merge_nor_go_out(journal, key):
    journal.set_setting(key, GOOD[key])
    assert [r for r in sync.outgoing(journal, "beef") if r.get("key") == key] == []
    other = {bool: False, str: "/their/folder"}[type(GOOD[key])]
    merged = _merge(journal, key, other)
    assert merged.changed == 0
    assert journal.get_setting(key) == GOOD[key]


def test_showing_the_demo_is_this_screens_choice_and_stays_on_this_computer():
    assert settings.DEMO_SETTING in settings.LOCAL_SETTINGS


@pytest.mark.parametrize(("key", "value"), BAD, ids=[f"{k}-{i}" for i, (k, _) in enumerate(BAD)])
def test_a_bad_value_is_refused_when_the_kit_saves_it(journal, key, value):
    with pytest.raises(ValidationError) as refused:
        journal.set_setting(key, value)
    assert key in str(refused.value) and len(str(refused.value)) < 600
    assert journal.get_setting(key, ABSENT) == ABSENT


@pytest.mark.parametrize(("key", "value"), BAD, ids=[f"{k}-{i}" for i, (k, _) in enumerate(BAD)])
def test_a_bad_value_from_the_folder_is_refused_by_its_line_and_nothing_written(journal, key,
                                                                                value):
    merged = _merge(journal, key, value)
    assert merged.changed == 0
    assert [n for n, _ in merged.refused] == [7]
    assert key in merged.refused[0][1] and len(merged.refused[0][1]) < 600
    assert _stored_keys(journal) == []


@pytest.mark.parametrize("key", UNKNOWN_KEYS, ids=repr)
def test_a_key_the_kit_does_not_keep_is_refused_from_the_folder_and_the_kit(journal, key):
    merged = _merge(journal, key, "dark")
    assert merged.changed == 0 and [n for n, _ in merged.refused] == [7]
    assert "no setting called" in merged.refused[0][1]
    with pytest.raises(ValidationError, match="no setting called"):
        journal.set_setting(key, "dark")  # type: ignore[arg-type]
    assert _stored_keys(journal) == []


def test_a_refused_setting_leaves_the_good_one_already_here_and_the_rest_of_the_file(journal):
    journal.set_setting(settings.HABITS_SETTING, ["yoga"])
    good = {"kind": "setting", "key": settings.REVIEW_SETTING, "value": "2026-12-24",
            "version": _stamp(), "device": SENDER}
    bad = {**good, "key": settings.HABITS_SETTING, "value": {"__proto__": {"admin": True}}}
    merged = sync.merge(journal, "beef", [(1, bad), (2, good)], folder="f" * 32, device=SENDER,
                        file="changes.jsonl", state=sync.ReadState(1, b"\n", line=2))
    assert merged.changed == 1 and [n for n, _ in merged.refused] == [1]
    assert journal.get_setting(settings.HABITS_SETTING) == ["yoga"]
    assert journal.get_setting(settings.REVIEW_SETTING) == "2026-12-24"


def test_outgoing_never_sends_a_key_this_kit_does_not_keep(journal, unchecked_setting):
    unchecked_setting(journal, "theme", "dark")  # from a journal before settings were checked
    journal.set_setting(settings.WE_I_SETTING, True)
    sent = {r["key"] for r in sync.outgoing(journal, "beef") if r["kind"] == "setting"}
    assert sent == {settings.WE_I_SETTING}


def test_what_is_stored_is_the_checked_value(journal):
    journal.set_setting(settings.HABITS_SETTING, ("  yoga  ", "tea"))
    journal.set_setting(settings.CRISIS_SETTING, [{"name": "Sam", "detail": "   "}])
    stored = dict(journal.execute_read("SELECT key, value FROM settings"))
    assert json.loads(stored[settings.HABITS_SETTING]) == ["yoga", "tea"]
    assert json.loads(stored[settings.CRISIS_SETTING]) == [{"name": "Sam", "detail": ""}]


@pytest.mark.parametrize("stored", [
    '"es"', '""', '"C:\\\\Users\\\\Ana \\"Ana\\" Ruiz\\\\sync"', '"line\\nbreak\\ttab"',
    '"caf\\u00e9 \\ud83d\\udc99 日本 e\\u0301 \\u2028"', '"\\/slash"', "true", "false", "null",
    "0", "-12", "3.5", "1e400", "12345678901234567890123", '["yoga", "called a friend"]',
    '[{"name": "My sister", "detail": "0123"}]', '{"a": [1, {"b": null}]}', "[]", "{}",
    '"a\\u0000b"', '"\\ud800"', '"\\ud83d"', ' true ', '"trailing" ', '"a\u00adb"',
    '"\u2028"', '"  spaced  "', "true\n",
])
def test_a_stored_value_reads_back_as_json_reads_it(journal, stored):
    """A plain string, true, false or null is read without the json module (every command
    reads the language and the sync folder, and json costs a check-in its import); what
    is read is exactly what json reads, type and all, whatever the value holds."""
    from exback_kit.store import queries

    journal._conn.execute("INSERT OR REPLACE INTO settings (key, value, at) VALUES (?, ?, ?)",
                          ("probe", stored, "2026-12-07T00:00:00+00:00"))
    got = queries.setting(journal._conn, "probe")
    assert got == json.loads(stored)
    assert type(got) is type(json.loads(stored))


@pytest.mark.parametrize("stored", ["not json", "{'single': 1}", '"unterminated', "NaN", "[1,]",
                                    "'en'", '"a\tb"', '"a"b"', '"', "", "True", '"\\"'])
def test_a_stored_value_that_is_not_json_fails_as_json_fails(journal, stored):
    from exback_kit.store import queries

    journal._conn.execute("INSERT OR REPLACE INTO settings (key, value, at) VALUES (?, ?, ?)",
                          ("probe", stored, "2026-12-07T00:00:00+00:00"))
    try:
        expected: object = json.loads(stored)
    except ValueError as exc:
        expected = type(exc)
    try:
        got: object = queries.setting(journal._conn, "probe")
    except ValueError as exc:
        got = type(exc)
    assert repr(got) == repr(expected)  # NaN, which json reads, is not equal to itself
