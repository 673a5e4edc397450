"""`exback checkin` starts light: it builds one subparser, imports only what a save needs,
and skips the interpreter's last collections; what a person reads is the same."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import exback_kit
from exback_kit import Journal
from exback_kit.cli import build_parser, main
from exback_kit.cli.commands import CORE
from exback_kit.cli.registry import COMMANDS

ROOT = Path(exback_kit.__file__).resolve().parents[1]

#: Modules a plain check-in must not load: each was on its path once and cost it time.
NOT_FOR_A_CHECK_IN = (
    "dataclasses", "inspect",  # ~6 ms: ImportCounts and the sync memberships were dataclasses
    "importlib.resources", "tempfile", "zipfile",  # ~5 ms: the catalogues, only for a language
    "exback_kit.store.sync", "exback_kit.store.sync_folders",  # only once a folder is set
    "exback_kit.interchange.sync_folder",
    "keyring", "sqlcipher3", "hashlib",  # only for a locked journal
    "exback_kit.store.locking", "exback_kit.store.remembered", "exback_kit.cli.lock",  # too
    "exback_kit.store.keys",
    "locale",  # ~0.7 ms: gettext's catalogue search, before argparse's words were the kit's
    "shutil",  # ~2.8 ms: argparse's formatter asked it the terminal's width (cli/parsing.py)
    "typing",  # ~2.5 ms: TYPE_CHECKING = False, and store/named_tuple.py for three records
    "string",  # compiles Template's pattern: texts.say builds its formatter on first use
    "exback_kit.content.page_texts",  # 842 of the kit's 1,078 messages: the pages' words
    "json",  # ~1.5 ms, six patterns compiled: SQLite reads a text setting, "[]" needs no json
    "struct",  # a compiled module loaded from disk: the SQLite header is read with int.from_bytes
    "pandas", "matplotlib", "ipywidgets", "numpy",
)


def _every_command() -> list[str]:
    return [*CORE, *COMMANDS]


def _help(parser_args: list[str], parser: object, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stop:
        parser.parse_args(parser_args)  # type: ignore[attr-defined]
    assert stop.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", _every_command())
def test_a_command_built_alone_has_the_same_help(command, capsys):
    """`exback CMD --help` reads the same whether the parser holds one command or all."""
    alone = _help([command, "--help"], build_parser(command), capsys)
    whole = _help([command, "--help"], build_parser(None), capsys)
    assert alone == whole
    assert f"usage: exback {command}" in alone


@pytest.mark.parametrize("argv", [["--help"], ["-h", "checkin"], ["--he", "checkin"],
                                  ["--journal", "j.sqlite3", "--help"]])
def test_exbacks_own_help_lists_every_command(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    shown = capsys.readouterr().out
    assert shown == _help(["--help"], build_parser(None), capsys)
    assert all(f"    {name} " in shown or f"    {name}\n" in shown for name in _every_command())


def test_an_unknown_command_is_told_the_core_commands(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["chekin", "--mood", "6"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "'chekin' isn't one of the choices" in err and "'checkin'" in err
    assert "Traceback" not in err


def test_a_plain_check_in_imports_only_what_saving_needs(tmp_path):
    """In a process without site's own imports (``-S``), a check-in loads none of the
    modules that once made it slow, and saves; the person's saved language (English here,
    which loads no catalogue) is read without them too."""
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        journal.set_setting("language", "en")
        journal.backup()  # today's copy made: the check-in's open makes none
    code = ("import sys; from exback_kit.cli import main; "
            "status = main(['checkin', '--mood', '6']); "
            f"loaded = [m for m in {NOT_FOR_A_CHECK_IN!r} if m in sys.modules]; "
            "import json; print(json.dumps([status, loaded]))")  # json only once counted
    env = {**os.environ, "PYTHONPATH": str(ROOT), "EXBACK_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True,
                         env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [0, []]
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        assert journal.records("checkins")[0]["mood"] == 6


def test_the_program_freezes_its_objects_at_the_end_and_main_with_arguments_does_not(
        tmp_path):
    """``main()`` as the program (no arguments: the console script, ``python -m``) freezes
    the garbage collector's objects as it returns; ``main([...])`` leaves it alone."""
    before = gc.get_freeze_count()
    assert main(["where", "--journal", str(tmp_path / "j.sqlite3")]) == 0
    assert gc.get_freeze_count() == before
    code = ("import gc, sys; from exback_kit.cli import main; sys.argv = ['exback', 'checkin', "
            "'--mood', '7']; status = main(); print(status, gc.get_freeze_count() > 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "EXBACK_HOME": str(tmp_path)}, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "0 True"
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        assert journal.records("checkins")[0]["mood"] == 7


def test_the_command_saves_and_exits_cleanly_as_a_module(tmp_path):
    """``python -m exback_kit.cli`` saves, prints its line and exits 0 (nothing said at exit)."""
    out = subprocess.run([sys.executable, "-m", "exback_kit.cli", "checkin", "--mood", "4"],
                         capture_output=True, text=True, timeout=60,
                         env={**os.environ, "EXBACK_HOME": str(tmp_path)})
    assert out.returncode == 0 and out.stderr == ""
    assert "mood 4/10" in out.stdout
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        assert [r["mood"] for r in journal.records("checkins")] == [4]
