"""The journal's settings: every key the kit keeps, each with the rule its value must keep.

A setting comes in three ways: the kit saves it (:meth:`Journal.set_setting`), an export
brings it (``exback import``), or another of the person's devices sends it through a sync
folder. A synced folder is written by others, so the check is the same in all three: a key
the kit doesn't keep is refused, and each value is checked by its own key's rule (its type,
its range, its size) before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from exback_kit.content import language, texts
from exback_kit.store import validate
from exback_kit.store.schema import Field

#: The language the person picked (a code of :data:`exback_kit.content.language.NAMES`).
LANGUAGE_SETTING = language.SETTING
#: The habits the daily check-in offers (a list of short names).
HABITS_SETTING = "habits"
MAX_HABITS = 30
#: The person's own crisis contacts (a list of {name, detail}; None: the kit's defaults).
CRISIS_SETTING = "crisis_contacts"
MAX_CONTACTS = 20
#: The most characters one contact's line ("name: detail") may have.
CONTACT_LINE = 200
#: The day the person chose to look back at the road (an ISO date; None: no day).
REVIEW_SETTING = "review_day"
#: Whether the self-concept chart counts "we" and "I" in what the person wrote.
WE_I_SETTING = "count_we_i"
#: Whether a stage shows the latest note the person wrote there.
SHOW_NOTE_SETTING = "show_latest_note"
#: The seed of the calendar's event UIDs, so a calendar imported again updates its events.
UID_SETTING = "calendar_uid"
UID_LENGTH = (16, 64)
#: The notebooks show the demo journal instead of the person's own.
DEMO_SETTING = "notebooks_show_demo"
#: This journal is the synthetic demo journal.
DEMO_JOURNAL_SETTING = "demo"
#: The sync folder on this computer (another computer has its own path).
FOLDER_SETTING = "sync_folder"
PATH_MAX = 4096

#: Settings that belong to one journal on one computer and never travel (sync or import):
#: which journal the notebooks show and where this computer's sync folder is are about
#: this screen and this disk, not about the person's answers.
LOCAL_SETTINGS = frozenset({DEMO_JOURNAL_SETTING, DEMO_SETTING, FOLDER_SETTING})


def _yes_no(key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise validate.fail(texts.BAD_FLAG, key, value)
    return value


def _language(key: str, value: object) -> str:
    return validate.choice(Field(key, "choice", choices=tuple(language.NAMES)), value)


def _habits(key: str, value: object) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(h, str) for h in value):
        raise validate.fail(texts.BAD_LIST, key, value)
    stored = validate.items(Field(key, "list", max_len=MAX_HABITS), value)
    import json

    return [str(h) for h in json.loads(stored)]


def _contacts(key: str, value: object) -> list[dict[str, str]] | None:
    if value is None:
        return None
    allowed = texts.SETTING_CONTACTS.format(most=MAX_CONTACTS)
    if (not isinstance(value, list | tuple) or len(value) > MAX_CONTACTS
            or not all(isinstance(c, dict) and set(c) <= {"name", "detail"} for c in value)):
        raise validate.fail(texts.BAD_VALUE, key, value, allowed=allowed)
    line = Field(key, "text", max_len=CONTACT_LINE)
    return [{part: validate.text(line, text) for part, text in c.items()} for c in value]


def _review_day(key: str, value: object) -> str | None:
    return None if value is None else validate.day(value, key, future_ok=True)


def _calendar_code(key: str, value: object) -> str:
    lo, hi = UID_LENGTH
    if not isinstance(value, str) or not re.fullmatch(f"[0-9a-f]{{{lo},{hi}}}", value):
        raise validate.fail(texts.BAD_VALUE, key, value,
                            allowed=texts.SETTING_CALENDAR_CODE.format(lo=lo, hi=hi))
    return value


def _folder(key: str, value: object) -> str:
    return validate.text(Field(key, "text", max_len=PATH_MAX), value)


#: Every setting the kit keeps -> the check its value must pass (returning the value kept).
RULES: dict[str, Callable[[str, object], object]] = {
    LANGUAGE_SETTING: _language,
    HABITS_SETTING: _habits,
    CRISIS_SETTING: _contacts,
    REVIEW_SETTING: _review_day,
    WE_I_SETTING: _yes_no,
    SHOW_NOTE_SETTING: _yes_no,
    UID_SETTING: _calendar_code,
    DEMO_SETTING: _yes_no,
    DEMO_JOURNAL_SETTING: _yes_no,
    FOLDER_SETTING: _folder,
}
#: The settings another device may send (and this one sends).
SYNCED = frozenset(RULES) - LOCAL_SETTINGS


def check_setting(key: object, value: object) -> tuple[str, str]:
    """Return (key, JSON text) for a setting the kit keeps, its value checked by its key's rule.

    Raises:
        ValidationError: the kit keeps no setting called ``key``, or ``value`` breaks the
            key's rule (the message names the setting and what it allows).
    """
    rule = RULES.get(key) if isinstance(key, str) else None
    if rule is None or not isinstance(key, str):
        raise validate.fail(texts.UNKNOWN_SETTING, "setting", key,
                            allowed=", ".join(sorted(RULES)))
    return key, validate.any_json(Field(key, "json"), rule(key, value))
