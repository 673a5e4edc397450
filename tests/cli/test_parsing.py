"""argparse as the kit sets it up: its own words ("usage:", "options", its usage errors)
follow the kit's language through the kit's catalogue (English keeps argparse's words, and
nothing asks gettext); its help is laid out to the terminal's width as shutil would find it."""

from __future__ import annotations

import argparse
import ast
import contextlib
import gettext
import io
import re
import shutil
from pathlib import Path

import pytest

from exback_kit.cli import main, parsing
from exback_kit.content import language, texts

#: argparse's messages that only a programming mistake in the kit could raise (a parser
#: built wrong), never a person's typing: left in argparse's English, on purpose.
PROGRAMMING_ONLY = {
    ".__call__() not defined", "conflicting subparser: %s", "conflicting subparser alias: %s",
    'argument "-" with mode %r', "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r", "invalid conflict_resolution value: %r",
    "conflicting option string: %s", "conflicting option strings: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments", "%r is not callable",
    "%(prog)s: error: %(message)s\n",  # the kit's own parser says its errors (CLI_USAGE_ERROR)
    "expected %s argument", "expected %s arguments",  # no kit option takes a fixed count
    "subcommands",  # a title the kit never gives its subcommands
}
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sr]")


@pytest.fixture(autouse=True)
def english_after():
    yield
    language.choose(language.ENGLISH)


def _argparse_messages() -> set[str]:
    """Every message the running Python's argparse hands gettext, read from its source."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")):
            found |= {a.value for a in node.args
                      if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return found


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as stop:  # --help
            status = int(stop.code or 0)
    return status, out.getvalue(), err.getvalue()


def test_the_table_holds_every_message_a_person_can_meet_in_this_pythons_argparse():
    """A Python whose argparse words a message differently fails here, naming it."""
    messages = _argparse_messages()
    assert len(messages) > 25  # the reading itself works
    assert set(texts.english()["ARGPARSE"]) <= messages
    assert messages - PROGRAMMING_ONLY - set(texts.english()["ARGPARSE"]) == set()


def test_english_is_argparses_own_words():
    assert all(key == value for key, value in texts.english()["ARGPARSE"].items())


@pytest.mark.parametrize("lang", [code for code in language.available() if code != "en"])
def test_each_translation_keeps_argparses_placeholders(lang):
    language.choose(lang)
    for key, said in texts.ARGPARSE.items():
        assert sorted(PLACEHOLDER.findall(said)) == sorted(PLACEHOLDER.findall(key)), key
        assert said != key, key  # translated, not left English


def test_help_and_usage_mistakes_speak_spanish(tmp_path: Path):
    journal = str(tmp_path / "j.sqlite3")
    status, out, _ = run("--lang", "es", "checkin", "--help")
    assert status == 0
    assert out.startswith("uso: exback checkin") and "\nopciones:\n" in out
    assert "muestra esta ayuda" in out and "usage" not in out and "options" not in out
    status, _, err = run("--lang", "es", "contact", "--journal", journal)
    assert status == 2 and "falta esto, que es necesario: --by" in err and "required" not in err
    status, _, err = run("--lang", "es", "checkin", "--mood", "6", "--bogus", "--journal", journal)
    assert status == 2 and "esto no es una opción de esta orden: --bogus" in err
    status, _, err = run("--lang", "es", "contact", "--by", "nadie", "--journal", journal)
    assert status == 2 and "'nadie' no es una de las opciones" in err and "invalid" not in err
    assert not Path(journal).exists()


def test_english_usage_mistakes_read_as_argparse_writes_them(tmp_path: Path):
    status, _, err = run("contact", "--journal", str(tmp_path / "j.sqlite3"))
    assert status == 2 and "the following arguments are required: --by" in err


def test_argparse_no_longer_asks_gettext(monkeypatch, tmp_path: Path):
    """The look-ups are the kit's: gettext's own search for a catalogue never runs."""
    def no_search(*args: object, **kwargs: object) -> None:
        raise AssertionError("argparse asked gettext")

    monkeypatch.setattr(gettext, "find", no_search)
    assert run("checkin", "--mood", "6", "--journal", str(tmp_path / "j.sqlite3"))[0] == 0
    assert run("contact", "--journal", str(tmp_path / "j.sqlite3"))[0] == 2
    assert argparse._ is parsing.word  # type: ignore[attr-defined]


@pytest.mark.parametrize("environ", [{"COLUMNS": "60"}, {"COLUMNS": "200"}, {"COLUMNS": "0"},
                                     {"COLUMNS": "wide"}, {}])
def test_the_width_is_the_one_shutil_finds(monkeypatch, environ):
    """COLUMNS when it is a positive number, else the terminal (none under pytest: 80)."""
    monkeypatch.delenv("COLUMNS", raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert parsing.columns() == shutil.get_terminal_size().columns


def test_help_wraps_at_the_width_and_reads_as_argparses_own_layout(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    kit = parsing.KitParser(prog="exback", description="x " * 60)
    plain = argparse.ArgumentParser(prog="exback", description="x " * 60)
    for parser in (kit, plain):
        parser.add_argument("--mood", help="how the day felt, " * 6)
    assert kit.format_help() == plain.format_help()
    assert max(map(len, kit.format_help().splitlines())) <= 58


@pytest.mark.parametrize(("text", "read"), [("7", 7), ("-2", -2), (" 10 ", 10)])
def test_a_whole_number_is_read(text, read):
    assert parsing.whole_number(text) == read


@pytest.mark.parametrize(("text", "read"), [("6.5", 6.5), ("6,5", 6.5), ("7", 7.0)])
def test_a_number_is_read_with_a_decimal_point_or_comma(text, read):
    assert parsing.number(text) == read


@pytest.mark.parametrize(("args", "english", "spanish"), [
    (["checkin", "--mood", "seven"], "argument --mood: 'seven' isn't a whole number",
     "--mood: 'seven' no es un número entero"),
    (["checkin", "--mood", "6", "--sleep", "1,2,3"], "argument --sleep: '1,2,3' isn't a number",
     "--sleep: '1,2,3' no es un número"),
    (["urge", "--intensity", "6.5"], "argument --intensity: '6.5' isn't a whole number",
     "--intensity: '6.5' no es un número entero"),
])
def test_a_value_that_isnt_a_number_is_named_in_the_kits_words(tmp_path: Path, args, english,
                                                                spanish):
    journal = ["--journal", str(tmp_path / "j.sqlite3")]
    status, _, err = run(*args, *journal)
    assert status == 2 and english in err and "invalid" not in err
    status, _, err = run("--lang", "es", *args, *journal)
    assert status == 2 and spanish in err and "invalid" not in err and "argument" not in err
    assert not (tmp_path / "j.sqlite3").exists()


def test_sleep_with_a_decimal_comma_is_saved(tmp_path: Path):
    from exback_kit import Journal

    path = tmp_path / "j.sqlite3"
    assert run("--lang", "es", "checkin", "--mood", "6", "--sleep", "6,5",
               "--journal", str(path))[0] == 0
    with Journal.open(path) as journal:
        assert journal.records("checkins")[0]["sleep_hours"] == 6.5
