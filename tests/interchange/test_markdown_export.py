"""Your words as Markdown: a heading per day, each entry's kind, the text exactly as written."""

from __future__ import annotations

import re

import pytest

from exback_kit import Journal
from exback_kit.interchange import exports, markdown, sealed
from exback_kit.store import keys, locking

PW = "a long walk by the river"
AWKWARD = [
    "# not a heading", "- not a list\n+ nor this\n1. nor this", "<img src=x onerror=alert(1)>",
    "*stars* and _unders_ and `ticks` and [a](link) and | pipes | and ~~strike~~",
    "back\\slash & ampersand &amp; entity", "> not a quote", "first line\n\nafter a blank line",
    "=== not a rule", "café, naïve, Zürich 🌊", "  leading spaces\ttab",
    "ends with a backslash\\\nnext line", "a literal &nbsp; here\n\n\nthree breaks",
]


def _read_back(md: str) -> list[tuple[str, str, str]]:
    """Parse the export: (day, kind heading, text) for every entry."""
    out, day = [], ""
    for block in re.split(r"\n(?=## |### )", md):
        head, _, body = block.partition("\n")
        if head.startswith("## "):
            day = head[3:]
        elif head.startswith("### "):
            kind = head[4:].rsplit(" · ", 1)[0]
            paragraphs = body.strip("\n").split("\n\n")
            out.append((day, kind, markdown.unescape(paragraphs[-1])))
    return out


@pytest.mark.parametrize("text", AWKWARD)
def test_any_text_reads_back_exactly(text):
    assert markdown.unescape(markdown.escape(text)) == text


def test_no_text_becomes_markup(journal):
    escaped = markdown.escape("<script>x</script>\n# h\n- l\n[a](b)")
    assert "<" not in escaped.replace("\\<", "") and "\n#" not in escaped
    assert "\n-" not in escaped and "](" not in escaped.replace("\\](", "")


def test_the_export_reads_back_by_day_with_each_entrys_kind(journal, tmp_path):
    journal.add_checkin(mood=5, note=AWKWARD[0], at="2026-03-01T08:15")
    journal.log_urge(7, trigger="a song", note=AWKWARD[2], at="2026-03-01T23:40")
    journal.save_answer(2, "what_drove_us_apart", AWKWARD[1], at="2026-03-02T10:00")
    journal.add("unsent", text=AWKWARD[6], at="2026-03-03T21:00")
    journal.add_checkin(mood=5, at="2026-03-04T08:00")  # nothing written: no day
    out = exports.export(journal, tmp_path / "words.md")
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Your words")
    assert _read_back(md) == [
        ("2026-03-01", "Check-in note", AWKWARD[0]),
        ("2026-03-01", "Urge", "a song\n" + AWKWARD[2]),
        ("2026-03-02", "Answer", AWKWARD[1]),
        ("2026-03-03", "Unsent message", AWKWARD[6]),
    ]
    assert "2026-03-04" not in md
    assert out.stat().st_mode & 0o077 == 0


def test_an_empty_journal_exports_a_short_note(journal, tmp_path):
    md = exports.export(journal, tmp_path / "w.md").read_text()
    assert "Nothing written yet." in md and "## " not in md


def test_a_sealed_markdown_export_opens_with_the_passphrase_only(journal, tmp_path):
    journal.add_checkin(mood=5, note="quietwords by the canal")
    out = exports.export(journal, tmp_path / "w.md.age", passphrase=PW)
    assert b"quietwords" not in out.read_bytes() and sealed.is_sealed(out)
    assert "quietwords by the canal" in sealed.unseal(out, PW).decode()


def test_export_command_writes_markdown_and_seals_it_when_the_journal_is_locked(
        tmp_path, monkeypatch, capsys):
    from exback_kit.cli import main

    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    path = tmp_path / "j" / "journal.sqlite3"
    with Journal.open(path, backup=False) as journal:
        journal.add_checkin(mood=5, note="lanternlight at dusk")
    plain = tmp_path / "plain.md"
    assert main(["export", str(plain), "--journal", str(path)]) == 0
    assert "lanternlight at dusk" in plain.read_text()
    assert main(["export", "--format", "markdown", str(tmp_path / "p2"), "--journal",
                 str(path)]) == 0
    assert "lanternlight" in (tmp_path / "p2").read_text()
    locking.encrypt(path, PW)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    capsys.readouterr()
    assert main(["export", str(tmp_path / "locked.md"), "--journal", str(path)]) == 0
    assert not (tmp_path / "locked.md").exists()
    locked = tmp_path / "locked.md.age"
    assert b"lanternlight" not in locked.read_bytes()
    assert "lanternlight at dusk" in sealed.unseal(locked, PW).decode()
    assert "encrypted" in capsys.readouterr().out
