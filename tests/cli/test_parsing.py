"""argparse as the kit sets it up: its own words ("usage:", "options", its usage errors)
follow the kit's language through the kit's catalogue (English keeps argparse's words, and
nothing asks gettext); its help is laid out to the terminal's width as shutil would find it."""

from __future__ import annotations

import argparse
import ast
import contextlib
import gettext
import io
import os
import re
import shutil
import sys
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
}
#: argparse's messages for what the kit doesn't use (Python 3.12–3.13 add some of them):
#: a fixed count of values, a subcommands title, --version, defaults shown in the help,
#: deprecated options, warnings; and 3.13's "%(heading)s:", which reads the same in any
#: language once its heading ("options") is the kit's.
NOT_USED_BY_THE_KIT = {
    "expected %s argument", "expected %s arguments", "subcommands",
    "show program's version number and exit", " (default: %(default)s)",
    "%(prog)s: warning: %(message)s\n", "%(heading)s:",
    "option '%(option)s' is deprecated", "argument '%(argument_name)s' is deprecated",
    "command '%(parser_name)s' is deprecated",
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
    left = messages - PROGRAMMING_ONLY - NOT_USED_BY_THE_KIT - set(texts.english()["ARGPARSE"])
    assert left == set()


def _filled(message: str) -> str:
    """``message`` formatted as argparse formats it, with stand-in values."""
    names = re.findall(r"%\((\w+)\)[sr]", message)
    if names:
        return message % dict.fromkeys(names, "X")
    return message % (("X",) * len(PLACEHOLDER.findall(message)))


@pytest.mark.parametrize("lang", language.available())
def test_every_language_keeps_argparses_placeholders_and_formats(lang):
    """Each message, English included, carries argparse's placeholders and no stray %."""
    language.choose(lang)
    for key, said in texts.ARGPARSE.items():
        assert sorted(PLACEHOLDER.findall(said)) == sorted(PLACEHOLDER.findall(key)), key
        assert "X" in _filled(said) or not PLACEHOLDER.findall(key), key
        if lang not in ("en", "xx"):  # translated (a bare "%(name)s: …" frame reads alike)
            assert said != texts.english()["ARGPARSE"][key] or said.startswith("%("), key


def test_help_and_usage_mistakes_speak_spanish(tmp_path: Path):
    journal = str(tmp_path / "j.sqlite3")
    status, out, _ = run("--lang", "es", "checkin", "--help")
    assert status == 0
    assert out.startswith("uso: exback checkin") and "\nopciones:\n" in out
    assert "muestra esta ayuda y sale" in out and "usage" not in out and "options" not in out
    status, _, err = run("--lang", "es", "contact", "--journal", journal)
    assert status == 2 and "hace falta indicar: --by" in err and "required" not in err
    status, _, err = run("--lang", "es", "checkin", "--mood", "6", "--bogus", "--journal", journal)
    assert status == 2 and "no se reconoce aquí: --bogus" in err
    status, _, err = run("--lang", "es", "checkin", "--mood", "6", "extra", "more",
                         "--journal", journal)
    assert status == 2 and "no se reconoce aquí: extra more" in err
    status, _, err = run("--lang", "es", "contact", "--by", "nadie", "--journal", journal)
    assert status == 2 and "--by: 'nadie' no es una de las opciones" in err
    assert "invalid" not in err
    assert not Path(journal).exists()


def test_english_usage_mistakes_are_plain_words(tmp_path: Path):
    journal = ["--journal", str(tmp_path / "j.sqlite3")]
    status, _, err = run("contact", *journal)
    assert status == 2 and "exback contact: please add: --by" in err and "argument" not in err
    status, _, err = run("checkin", "--mood", "6", "--bogus", *journal)
    assert status == 2 and "not understood here: --bogus" in err
    status, _, err = run("contact", "--by", "nobody", *journal)
    assert status == 2 and "--by: 'nobody' isn't one of the choices (choose from" in err
    status, _, err = run("checkin", "--mood", *journal[:1])
    assert status == 2 and "--mood: needs a value after it" in err
    assert not (tmp_path / "j.sqlite3").exists()


def test_a_parser_built_alone_speaks_the_language_in_force():
    """``build_parser`` (public) sets argparse's words itself, not only ``main``."""
    from exback_kit.cli import build_parser

    language.choose("es")
    shown = build_parser("checkin").format_help()
    assert shown.startswith("uso: exback [-h]") and "\nopciones:\n" in shown


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


@pytest.mark.parametrize(("size", "width"), [((123, 40), 123), ((0, 0), 80)])
def test_the_width_is_the_terminals_when_there_is_one(monkeypatch, size, width):
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size(size))
    assert parsing.columns() == width == shutil.get_terminal_size().columns


def test_the_width_without_a_standard_output_is_80(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys, "__stdout__", None)
    assert parsing.columns() == 80


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


@pytest.mark.parametrize(("text", "read"), [("6.5", 6.5), ("6,5", 6.5), ("7", 7.0),
                                            (" 7,25 ", 7.25), ("-0,5", -0.5)])
def test_a_number_is_read_with_a_decimal_point_or_comma(text, read):
    assert parsing.number(text) == read


@pytest.mark.parametrize("text", ["1,234", "1.234,5", "6,5,5", "nan", "inf", "-inf", "", "7h"])
def test_what_isnt_plainly_a_number_is_refused_not_guessed(text):
    """"1,234" could be a decimal comma or a thousands separator; nan and inf are no hours."""
    with pytest.raises(argparse.ArgumentTypeError, match="isn't a number"):
        parsing.number(text)


@pytest.mark.parametrize(("args", "english", "spanish"), [
    (["checkin", "--mood", "seven"], "--mood: 'seven' isn't a whole number",
     "--mood: 'seven' no es un número entero"),
    (["checkin", "--mood", "6", "--sleep", "1,2,3"], "--sleep: '1,2,3' isn't a number",
     "--sleep: '1,2,3' no es un número"),
    (["urge", "--intensity", "6.5"], "--intensity: '6.5' isn't a whole number",
     "--intensity: '6.5' no es un número entero"),
    (["checkin", "--mood", "6\x1b[2J"], "--mood: '6\\x1b[2J' isn't a whole number",
     "--mood: '6\\x1b[2J' no es un número entero"),  # a control character shown escaped
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
