"""Under the pseudo-locale ``xx`` (every catalogue string bracketed, ~30 % longer) the walk
of everything the kit shows finds no unbracketed English: a word that skips the catalogue
shows up here as plain English outside the brackets.

The walk (shared with tests/notebook/test_road_walk.py): every stage's widgets (each
notebook's views, the dashboard included), the report's text lines, the .ics file, the
CLI's replies (checkin, contact, urge, status, urges; then where -v, plan add/list, search,
backup, export, remind, report) and every command's ``--help``.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
from pathlib import Path

import pytest

from exback_kit.cli import main
from exback_kit.cli.commands import build_parser
from exback_kit.content import language
from tests.notebook.test_gated_pages import markdown_of
from tests.notebook.test_road_walk import BOUNDARIES, every_word

#: Exempt, and why: the person's own words from the walk's journal (never translated); the
#: languages' own names in
#: the language picker ("English", "Español": each written in itself, on purpose; the
#: detector reads ASCII letters, so "Español" reaches it as "Espa").
EXEMPT = [r"late night", r"Can we talk", r"^(English|Español|Espa)$"]
#: Of the .ics file only what a calendar shows is read: SUMMARY and DESCRIPTION (uids,
#: property names and the product id are machine-read).
ICS_SHOWN = re.compile(r"^(?:SUMMARY|DESCRIPTION):(.*)$", re.MULTILINE)
# Not walked: the notebooks' markdown cells, the kit's English shown only until the kernel
# runs (the kit's stylesheet hides them; stages.header/charts/next_steps draw the same
# title, headings and links in the person's language, and those are walked).


def unbracketed(text: str) -> list[str]:
    """Return each run of words (the first of three letters or more) outside the brackets,
    tags and entities out."""
    text = re.sub(r"<[^>]+>", " ", html.unescape(text))
    before = None
    while before != text:
        before, text = text, re.sub(r"\[[^\[\]]*\]", " ", text)
    runs = re.findall(r"[A-Za-z][A-Za-z'’]{2,}(?:[ \t]+[A-Za-z][A-Za-z'’]+)*", text)
    return [r for r in runs if not any(re.search(p, r) for p in EXEMPT)]


def test_the_detector_finds_english_outside_the_brackets():
    assert unbracketed("[Saved ~] 3 days, well done [ok ~]") == ["days", "well done"]
    assert unbracketed("<p>[Your [mood ~] chart ~~~]</p> (late night)") == []


def test_the_walk_in_english_is_full_of_english(tmp_path: Path):
    """The control: the same walk in English finds English everywhere it looks."""
    language.choose(language.ENGLISH)
    words = every_word(tmp_path, dict.fromkeys(BOUNDARIES, "no"), None)
    for source, text in words.items():
        assert unbracketed(text), source


def test_under_the_pseudo_locale_no_english_is_left(tmp_path: Path, pseudo):
    words = every_word(tmp_path, dict.fromkeys(BOUNDARIES, "no"), None)
    words["calendar"] = "\n".join(ICS_SHOWN.findall(words["calendar"]))
    assert words["calendar"]
    leaks = {source: sorted(set(unbracketed(_without_markdown(source, text))))
             for source, text in words.items()}
    assert {s: w for s, w in leaks.items() if w} == {}


def _without_markdown(source: str, text: str) -> str:
    """A page's words without its notebook's markdown cells (hidden once the kit runs)."""
    if source.startswith("page "):
        return text.replace(markdown_of(source.removeprefix("page ")), "")
    return text


def _help_words(text: str, commands: list[str]) -> str:
    """The help without what the person types: options, metavars, command and positional
    names and ``{choice,ids}``, and without the usage lines after argparse's "usage:"
    (itself from the catalogue, cli/parsing.py, and checked here)."""
    text = re.sub(r"(?s)^(\[usage: ~\]).*?\n\n", r"\1 ", text)  # the usage block, to its blank line
    text = re.sub(r"\{[\w,-]+\}|(?<![\w-])--?[\w-]+|\b[A-Z][A-Z_]+\b", " ", text)
    text = re.sub(r"(?m)^ {2,4}[\w{},-]+", " ", text)  # an entry's name: a positional, a command
    names = "|".join(map(re.escape, commands))
    return re.sub(rf"(?m)^\s*(?:{names})\b", " ", text)


def test_every_commands_help_is_in_the_catalogue(pseudo):
    """``exback --help`` and ``exback COMMAND --help`` for every command."""
    sub = next(a for a in build_parser()._subparsers._group_actions if a.choices)
    commands = sorted(sub.choices, key=len, reverse=True)
    leaks = {}
    for command in [None, *commands]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
            main([command, "--help"] if command else ["--help"])
        found = unbracketed(_help_words(out.getvalue(), commands))
        if found:
            leaks[command] = found
    assert leaks == {}


#: More of the CLI's replies, beyond the road walk's: (arguments, exit status expected).
MORE_COMMANDS = [(["where", "-v"], 0), (["plan", "add", "--when", "sat 22:00", "--then",
                                         "call Sam"], 0),
                 (["plan", "list"], 0), (["search", "talk"], 1), (["backup"], 0),
                 (["export", "{tmp}/out.json"], 0), (["remind", "{tmp}/out.ics"], 0),
                 (["report", "{tmp}/out.pdf"], 0)]


def test_more_command_replies_are_in_the_catalogue(tmp_path: Path, pseudo):
    """where, plan, search, backup, export, remind and report, on the walk's journal."""
    every_word(tmp_path, dict.fromkeys(BOUNDARIES, "no"), None)  # the same little journal
    journal = str(tmp_path / "walk.sqlite3")
    leaks = {}
    for args, status in MORE_COMMANDS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            got = main([a.format(tmp=tmp_path) for a in args] + ["--journal", journal])
        said = re.sub(re.escape(str(tmp_path)) + r"\S*", " ", out.getvalue())  # file paths
        assert got == status, (args, said)
        found = [w for w in unbracketed(said) if w not in ("call Sam", "Sam")]  # their words
        if found:
            leaks[" ".join(args[:2])] = found
    assert leaks == {}
