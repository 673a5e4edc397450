"""The README stays true: every command and public name is documented there."""

from __future__ import annotations

import re
from pathlib import Path

import exback_kit
from exback_kit.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def _commands() -> list[str]:
    parser = build_parser(None)
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


def test_every_command_is_in_the_readme():
    missing = [c for c in _commands() if f"exback {c}" not in README]
    assert missing == []


def test_every_public_name_is_in_the_readme():
    missing = [name for name in exback_kit.__all__ if name not in README]
    assert missing == []


def test_quick_start_is_two_commands_and_ci_runs_the_test_one_verbatim():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    blocks = re.findall(r"```bash\n(.+?)\n```", quick)
    assert len(blocks) == 2
    assert "exback lab" in blocks[0]
    ci = (ROOT / ".ci" / "run").read_text()
    assert blocks[1] in ci.splitlines()


def test_the_readme_lists_every_kind_a_search_takes():
    """``--kind`` in "Finding what you wrote" names every kind the index holds, in its order."""
    from exback_kit.store.search import SEARCHED_KINDS

    listed = re.search(r"`--kind` takes the kind of entry:(.*?)\.\n", README, re.S)
    assert listed is not None
    assert [k.strip() for k in listed.group(1).split(",")] == list(SEARCHED_KINDS)
