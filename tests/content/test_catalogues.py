"""The catalogues: current with the English, compiled as committed, complete for every
shipped language; the language choice; English unchanged by the machinery."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from exback_kit.content import extract, language, load, texts
from exback_kit.content.instruments import default_contacts, instrument

ROOT = Path(__file__).resolve().parents[2]
#: Where texts.py's constants end and the catalogue's machinery begins.
MACHINERY = "# --- the catalogue: reading a name above"
CATALOGUES = sorted(extract.LOCALE.glob("*/LC_MESSAGES/exback_kit.po"))


def unfinished(po_file: Path) -> list[str]:
    """Return the entries of a .po that are untranslated or fuzzy, by context and msgid."""
    with po_file.open("rb") as fp:
        catalog = read_po(fp)
    bad = []
    for m in catalog:
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, tuple | list) else (m.string,)
        if m.fuzzy or not all(strings):
            bad.append(f"{m.context or ''} {m.id!r}" + (" (fuzzy)" if m.fuzzy else ""))
    return bad


# --- the files ----------------------------------------------------------------------

def test_the_template_and_catalogues_are_current():
    """After an English edit, `python -m exback_kit.content.extract` must be run (and the
    changed entries translated): --check names the stale files."""
    assert extract.main(["--check"]) == 0


@pytest.mark.parametrize("po_file", CATALOGUES, ids=lambda p: p.parts[-3])
def test_each_committed_mo_is_its_po_compiled(po_file: Path):
    assert po_file.with_suffix(".mo").read_bytes() == extract.mo_bytes(po_file)


@pytest.mark.parametrize("lang", [*language.SHIPPED, language.PSEUDO])
def test_a_shipped_language_has_no_untranslated_or_fuzzy_entry(lang: str):
    if lang == language.ENGLISH:
        return  # the source itself
    assert unfinished(extract.po_path(lang)) == []


def test_the_completeness_check_finds_untranslated_and_fuzzy_entries(tmp_path: Path):
    po = tmp_path / "t.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                  'msgctxt "texts.A"\nmsgid "Save"\nmsgstr ""\n\n'
                  '#, fuzzy\nmsgctxt "texts.B"\nmsgid "Saved."\nmsgstr "Guardado."\n\n'
                  'msgctxt "texts.C"\nmsgid "Back"\nmsgstr "Volver"\n\n'
                  'msgid "day"\nmsgid_plural "days"\nmsgstr[0] "día"\nmsgstr[1] ""\n',
                  encoding="utf-8")
    assert unfinished(po) == ["texts.A 'Save'", "texts.B 'Saved.' (fuzzy)",
                              " ('day', 'days')"]


def test_babel_cfg_names_the_same_extractors_for_the_same_files():
    """``pybabel extract -F babel.cfg`` runs what ``python -m exback_kit.content.extract``
    runs (the mapping read as Babel reads it: a section name ends at its first colon)."""
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open(encoding="utf-8") as fp:
        methods, _ = parse_mapping_cfg(fp, "babel.cfg")
    assert methods == extract.METHODS


def test_every_english_word_is_in_the_template():
    """Every texts constant (into its dicts and tuples) and every TOML string is an entry."""
    with extract.TEMPLATE.open("rb") as fp:
        template = read_po(fp)
    keys = {(m.context, m.id) for m in template}
    for name, value in texts.english().items():
        for context, message in extract.flat(f"texts.{name}", value):
            assert (context, message) in keys, context
    assert ("steps_00_start_here:step.0.question.who_ended.choices.me.label", "I did") in keys
    assert (None, ("day", "days")) in {(m.context, tuple(m.id) if isinstance(m.id, list | tuple)
                                        else m.id) for m in template}


def test_entries_carry_translator_comments_naming_place_and_placeholders():
    with extract.TEMPLATE.open("rb") as fp:
        entry = read_po(fp).get("{field}: {value} isn't allowed here. Please use {allowed}.",
                                context="texts.BAD_VALUE")
    assert entry is not None
    comments = " ".join(entry.auto_comments)
    assert "exback_kit.store.validate" in comments
    assert "{field} {value} {allowed}" in comments


@pytest.mark.parametrize(("message", "made"), [
    ("Saved.", "[Saved. ~]"),
    (" (this computer)", " [(this computer) ~]"),
    ("{field}: {value} isn't allowed.", "[{field}: {value} isn't allowed. ~~~~~~]"),
])
def test_the_pseudo_locale_brackets_and_lengthens_keeping_placeholders(message, made):
    assert extract.pseudo(message) == made
    assert extract.placeholders(made) == extract.placeholders(message)
    long = "A sentence of about sixty characters, to be made a third longer."
    assert round(len(extract.pseudo(long)) / len(long), 1) == 1.3


def test_the_pseudo_catalogue_is_about_a_third_longer():
    with extract.po_path(language.PSEUDO).open("rb") as fp:
        entries = [m for m in read_po(fp) if m.id and isinstance(m.id, str)]
    source = sum(len(m.id) for m in entries)
    assert 1.25 <= sum(len(m.string) for m in entries) / source <= 1.4


# --- English is the source, unchanged -------------------------------------------------

def _written(path: str, before: str | None = None) -> dict[str, object]:
    """Return the constants a words file assigns, run as plain Python (up to ``before``)."""
    source = (ROOT / path).read_text(encoding="utf-8")
    plain: dict[str, object] = {}
    exec(compile(source.split(before)[0] if before else source, path, "exec"), plain)  # noqa: S102
    return {k: v for k, v in plain.items() if k.isupper()}


def test_english_reads_exactly_the_source_constants():
    """The constants as written in texts.py (run without the catalogue's machinery at its
    end) and in page_texts.py are exactly what English reads, each name written once."""
    core = _written("exback_kit/content/texts.py", MACHINERY)
    pages = _written("exback_kit/content/page_texts.py")
    assert set(core) & set(pages) == set()
    literal = {**core, **pages}
    assert len(core) > 200 and len(pages) > 600
    assert len(literal) == len(texts.english()) > 1000
    language.choose(language.ENGLISH)
    for name, value in literal.items():
        assert getattr(texts, name) == value, name
        assert type(getattr(texts, name)) is type(value), name
    assert texts.say("{days:n:day}, {n:n:new entry|new entries}, {k:n:day}", days=1, n=1234,
                     k=2) == "1 day, 1,234 new entries, 2 days"


def test_every_message_is_above_the_catalogue_machinery():
    """A constant added after the machinery at the end of texts.py stays a plain global:
    English in every language. None may be left there."""
    assert [n for n in vars(texts) if n.isupper() and not n.startswith("_")] == []


def test_the_pages_words_are_read_on_the_first_name_the_store_and_cli_words_lack():
    """``exback checkin`` never reads page_texts.py; the first page word reads it, in the
    language in force; a name in neither file is an AttributeError, and a lower-case or
    dunder name (what ``hasattr`` probes ask) never reads the pages."""
    code = ("import sys; from exback_kit.content import texts; "
            "t = 'exback_kit.content.page_texts'; "
            "a = texts.CLI_SAVED_CHECKIN; assert t not in sys.modules; "
            "assert not hasattr(texts, '__wrapped__') and t not in sys.modules; "
            "assert texts.CONTACT_SAVED_ORDER.startswith('Saved.') and t in sys.modules; "
            "assert not hasattr(texts, 'NO_SUCH_WORDS'); print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, env={**os.environ, "LANGUAGE": "en", "LC_ALL": "C",
                                          "PYTHONPATH": str(ROOT)})
    assert out.stdout.strip() == "ok", out.stderr
    english = _written("exback_kit/content/page_texts.py")["CONTACT_SAVED_ORDER"]
    language.choose("es")
    try:
        assert texts.CONTACT_SAVED_ORDER.startswith("Guardado") and english.startswith("Saved")
    finally:
        language.choose(language.ENGLISH)


def test_an_unknown_name_is_still_an_attribute_error():
    with pytest.raises(AttributeError):
        texts.NO_SUCH_MESSAGE  # noqa: B018


def test_the_command_line_starts_without_babel_or_a_catalogue():
    code = ("import sys; from exback_kit.cli import commands; from exback_kit.content import texts;"
            "texts.SAVE; texts.say('{d:n:day}', d=2); "
            "print(sorted(m for m in sys.modules if m.startswith('babel')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"LANG": "en_GB.UTF-8", "PATH": "/usr/bin:/bin"}, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


# --- the language in force ------------------------------------------------------------

@pytest.mark.parametrize(("environ", "lang"), [
    ({}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "es_MX.UTF-8"}, "es" if "es" in language.SHIPPED else "en"),
    ({"LANGUAGE": "de:en", "LANG": "de_DE.UTF-8"}, "en"),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "es_ES.UTF-8"}, "en"),
    ({"LANG": "xx"}, "en"),  # the pseudo-locale is never the system's choice
])
def test_the_system_locale_chooses_only_a_shipped_language(environ, lang):
    assert language.from_system(environ) == lang


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(language.UnknownLanguage) as caught:
        language.choose("zz")
    assert caught.value.known[0] == "en" and "xx" in caught.value.known


def test_a_saved_setting_is_followed_and_a_bad_one_ignored(pseudo):
    language.follow("en")
    assert language.current() == "en"
    language.follow("zz")
    language.follow(None)
    assert language.current() == "en"
    language.follow("xx_XX")  # the pseudo-locale is for --lang only, never a saved setting
    assert language.current() == "en"
    language.follow("es_ES")
    assert language.current() == "es"


def test_texts_dicts_tuples_and_counted_nouns_follow_the_language(pseudo):
    assert texts.CONTACT_CHANNELS["call"] == "[Call ~]"
    assert texts.WEEKDAYS_RECURRING[0] == "[Mondays ~]"
    assert texts.READINESS_MARKS[True] == "[✓ ~]"
    assert texts.say("{days:n:day}", days=3) == "3 [days ~]"
    language.choose(language.ENGLISH)
    assert texts.CONTACT_CHANNELS["call"] == "Call"


def test_content_follows_the_language_and_keeps_its_ids(pseudo):
    start = load().start
    assert start.title.startswith("[About you") and start.questions[1].id == "who_ended"
    assert [c.id for c in start.questions[1].choices][:2] == ["me", "them"]
    assert start.questions[1].choices[0].label == "[I did ~]"
    assert instrument("who5").items[0].id == "cheerful"
    assert instrument("who5").items[0].text.startswith("[I have felt")
    assert default_contacts()[0].kind == "emergency"
    language.choose(language.ENGLISH)
    assert load().start.questions[1].choices[0].label == "I did"


def test_dates_and_numbers_off_english_come_from_babel(pseudo):
    assert language.number(1234567) == "1,234,567"  # xx reads dates and numbers as English
    assert language.first_weekday() == 0


def test_the_first_weekday_follows_the_locale(monkeypatch):
    monkeypatch.setattr(language, "babel_locale", lambda: "en_US")
    monkeypatch.setattr(language, "is_english", lambda: False)
    assert language.first_weekday() == 6  # Sunday in the United States


# --- the wheel ------------------------------------------------------------------------

@pytest.mark.slow
def test_the_wheel_carries_every_compiled_catalogue(tmp_path: Path):
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=600)
    names = zipfile.ZipFile(next(tmp_path.glob("exback_kit-*.whl"))).namelist()
    for po_file in CATALOGUES:
        lang = po_file.parts[-3]
        assert f"exback_kit/locale/{lang}/LC_MESSAGES/exback_kit.mo" in names, lang
    assert "exback_kit/locale/exback_kit.pot" in names
    assert not [n for n in names if re.search(r"__pycache__|\.pyc$", n)]


def test_the_urge_heatmap_starts_the_week_on_the_locales_first_day(monkeypatch):
    from exback_kit.charts.contact import week_order

    assert week_order() == [0, 1, 2, 3, 4, 5, 6]  # English: Monday first, as before
    monkeypatch.setattr(language, "first_weekday", lambda: 6)
    assert week_order() == [6, 0, 1, 2, 3, 4, 5]
