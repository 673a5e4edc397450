"""The language the kit speaks, and its words looked up in the gettext catalogues.

The choice, first that applies: :func:`choose` (``exback --lang``, or the person's
setting read from the journal), else the system locale (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``) when it names a shipped language, else English.

English is the source: on the English path nothing is looked up and neither Babel nor
a catalogue is loaded. Another language's ``.mo`` file is read once, on first use,
from ``exback_kit/locale/<lang>/LC_MESSAGES/exback_kit.mo``. Catalogue entries carry a
context (``msgctxt``) naming where the English stands (see ``exback_kit/locale/README.md``).
"""

from __future__ import annotations

import os
from datetime import date, datetime

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from collections.abc import Sequence
    from gettext import GNUTranslations
    from typing import Any, Literal

    #: How long a month's or weekday's name is: "wide" (March) or "abbreviated" (Mar).
    Width = Literal["wide", "abbreviated"]

DOMAIN = "exback_kit"
ENGLISH = "en"
#: Every string bracketed and ~30 % longer, generated from the template; for tests only.
PSEUDO = "xx"
#: Languages whose catalogue is complete: the system locale may choose them and the
#: start-here notebook offers them. A language joins once its .po has no untranslated
#: or fuzzy entry (tests/content/test_catalogues.py holds it to that).
SHIPPED: tuple[str, ...] = (ENGLISH, "es")
#: Every language a person can name (``exback --lang``), shipped or not.
NAMES = {ENGLISH: "English", "es": "Español", PSEUDO: "[Pseudo]"}
#: The journal's settings key holding the person's choice (a language code, never a label).
SETTING = "language"
#: English month and weekday names as CLDR writes them (Babel's ``en``, which a test holds
#: them to), here so that the English path loads no Babel. Weekdays run Monday first.
ENGLISH_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("months", "wide"): ("January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"),
    ("months", "abbreviated"): ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                "Oct", "Nov", "Dec"),
    ("weekdays", "wide"): ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                           "Sunday"),
    ("weekdays", "abbreviated"): ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}



class UnknownLanguage(ValueError):
    """A language the kit has no catalogue for; ``known`` lists those it has."""

    def __init__(self, code: str, known: tuple[str, ...]) -> None:
        super().__init__(code)
        self.code = code
        self.known = known


_current: str | None = None
_catalogues: dict[str, GNUTranslations] = {}


def current() -> str:
    """Return the language in force (resolved from the system locale on first use)."""
    global _current
    if _current is None:
        _current = from_system(os.environ)
    return _current


def is_english() -> bool:
    """Return True when the kit speaks its source language (no lookup at all)."""
    return (_current or current()) == ENGLISH


def available() -> tuple[str, ...]:
    """Return the languages with a catalogue in the package (English always)."""
    return tuple(code for code in NAMES if _has_catalogue(code))


def _has_catalogue(code: str) -> bool:
    # English is the source: choosing it looks for no catalogue (see _mo_file's cost).
    return code == ENGLISH or (code in NAMES and _mo_file(code).is_file())


def normalise(code: str) -> str:
    """Return the language part of a locale name: ``es_MX.UTF-8`` -> ``es``."""
    return code.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].strip().lower()


def from_system(environ: Any) -> str:
    """Return the shipped language the system locale names, else English.

    The first of ``LANGUAGE`` (a colon-separated list), ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that is set decides, as gettext does.
    """
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value:
            for part in value.split(":"):
                if normalise(part) in SHIPPED:
                    return normalise(part)
            return ENGLISH
    return ENGLISH


def choose(code: str | None) -> str:
    """Make ``code`` the language in force (None or "": back to the system's choice).

    Returns the language now in force.

    Raises:
        UnknownLanguage: no catalogue for that language.
    """
    global _current
    lang = normalise(code) if code else from_system(os.environ)
    if not _has_catalogue(lang):
        raise UnknownLanguage(code or "", available())
    _current = lang  # what holds words keys by current() (chart cache, texts' own table)
    return lang


def follow(setting: object) -> None:
    """Speak the person's saved choice (the journal's ``language`` setting), when it names
    a shipped language; an empty, unknown or unshipped setting (the pseudo-locale, which
    only ``--lang`` reaches) leaves the choice as it is. The setting can arrive from a sync
    folder, so it is read as a choice among known values, nothing more."""
    if isinstance(setting, str) and setting and normalise(setting) in SHIPPED:
        choose(setting)


def _mo_file(code: str) -> Any:
    # Imported here: importlib.resources brings tempfile, shutil and zipfile (~5 ms), and
    # English, what `exback checkin` speaks by default, never looks for a catalogue.
    from importlib import resources

    return resources.files("exback_kit").joinpath("locale", code, "LC_MESSAGES", f"{DOMAIN}.mo")


def catalogue(code: str) -> GNUTranslations:
    """Return the compiled catalogue of ``code``, read once."""
    found = _catalogues.get(code)
    if found is None:
        from gettext import GNUTranslations  # only off English: `exback checkin` stays light

        with _mo_file(code).open("rb") as fp:
            found = _catalogues[code] = GNUTranslations(fp)
    return found


def word(context: str, english: str) -> str:
    """Return ``english`` in the language in force; ``context`` is its msgctxt."""
    if is_english():
        return english
    return catalogue(current()).pgettext(context, english)


def counted(one: str, many: str, n: int) -> str:
    """Return the noun for ``n`` things (``day``/``days``), by the language's plural rule."""
    if is_english():
        return one if n == 1 else many
    return catalogue(current()).ngettext(one, many, n)


def babel_locale() -> str:
    """Return the Babel locale for dates and numbers (the pseudo-locale reads as English)."""
    lang = current()
    return ENGLISH if lang == PSEUDO else lang


def listing(items: Sequence[str]) -> str:
    """Return ``items`` as a list in a sentence ("A, B, and C"; Spanish "A, B y C"), by Babel;
    under the pseudo-locale with commas only, so no English word stands outside its brackets."""
    if current() == PSEUDO:
        return ", ".join(items)
    from babel.lists import format_list  # Babel only when a list is said: the CLI stays light

    return str(format_list(list(items), locale=babel_locale()))


def first_weekday() -> int:
    """Return the first day of the week in the language's main region (0 = Monday)."""
    if is_english():
        return 0
    from babel import Locale  # Babel only off the English path: `exback checkin` stays light

    return int(Locale.parse(babel_locale()).first_week_day)


def number(value: float) -> str:
    """Return ``value`` with the language's digit grouping (``1,234`` / ``1.234``)."""
    if is_english():
        return f"{value:,}"
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=babel_locale()))


def is_iso_day(value: object) -> bool:
    """True for a string that is exactly an ISO day, ``2026-03-14``."""
    if not (isinstance(value, str) and len(value) == 10 and value[4] == "-" == value[7]):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def day(value: object) -> str:
    """Return a calendar day for a sentence: English keeps the ISO form (``2026-03-14``);
    another language reads it the locale's way (``14 mar 2026``). Anything that is not a
    day (a date, a timestamp, an ISO ``YYYY-MM-DD`` string) comes back as ``str(value)``.
    The pseudo-locale keeps ISO too (Babel would give English month names)."""
    if is_english() or current() == PSEUDO:
        return str(value)
    when: date | None = None
    if isinstance(value, datetime):
        when = value.date()
    elif isinstance(value, date):
        when = value
    elif is_iso_day(value):
        when = date.fromisoformat(str(value))
    if when is None or isinstance(when, datetime):  # pandas' NaT stays as it reads
        return str(value)
    from babel.dates import format_date

    return str(format_date(when, format="medium", locale=babel_locale()))


def pseudo(message: str) -> str:
    """Return the pseudo-locale's form: ``[message ~~~]``, ~30 % longer, placeholders intact,
    leading and trailing whitespace kept outside the brackets."""
    core = message.strip()
    if not core:
        return message
    start = message[:len(message) - len(message.lstrip())]
    end = message[len(message.rstrip()):]
    padding = "~" * max(1, round(len(core) * 0.3) - 3)
    return f"{start}[{core} {padding}]{end}"


def months(width: Width = "abbreviated") -> tuple[str, ...]:
    """Return the twelve month names, January first, in the language in force: CLDR's, from
    Babel (``width`` "wide": "March", "marzo"; "abbreviated": "Mar", "mar"). The
    pseudo-locale brackets the English names."""
    return _names("months", width)


def weekdays(width: Width = "abbreviated") -> tuple[str, ...]:
    """Return the seven weekday names, Monday first, in the language in force (as
    :func:`months`: "wide" "Wednesday", "miércoles"; "abbreviated" "Wed", "mié")."""
    return _names("weekdays", width)


_LOCAL_NAMES: dict[tuple[str, str, str], tuple[str, ...]] = {}


def _names(kind: str, width: Width) -> tuple[str, ...]:
    lang = current()
    english = ENGLISH_NAMES[kind, width]
    if lang == ENGLISH:
        return english
    if lang == PSEUDO:
        return tuple(pseudo(name) for name in english)
    found = _LOCAL_NAMES.get((lang, kind, width))
    if found is None:
        from babel.dates import get_day_names, get_month_names  # off English only

        if kind == "months":
            got = get_month_names(width, context="stand-alone", locale=lang)
            found = tuple(str(got[m]) for m in range(1, 13))
        else:
            got = get_day_names(width, context="stand-alone", locale=lang)
            found = tuple(str(got[d]) for d in range(7))
        _LOCAL_NAMES[lang, kind, width] = found
    return found


def day_month(when: date, width: Width = "wide") -> str:
    """Return a day of the year without its year, the language's way: English "4 March"
    (``width`` "abbreviated": "4 Mar"), Spanish "4 de marzo" ("4 mar"), from Babel's
    day-and-month pattern off English."""
    if is_english() or current() == PSEUDO:
        return f"{when.day} {months(width)[when.month - 1]}"
    from babel.dates import format_skeleton

    skeleton = "MMMMd" if width == "wide" else "MMMd"
    return str(format_skeleton(skeleton, when, locale=babel_locale()))
