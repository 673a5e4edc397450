"""Your words as one Markdown file: everything written, a heading per day, oldest first.

Registered as the ``markdown`` format in :data:`exback_kit.interchange.formats.FORMATS`,
so it is written through the kit's safe writer, and sealed with age like the other formats.
The person's text is escaped for Markdown (no heading, list, link or HTML can come from it),
and :func:`unescape` gives it back exactly. The unsent messages are included: an export is
the person's whole record, as the CSV and JSON exports are.
"""

from __future__ import annotations

import re
from itertools import groupby

from exback_kit.content import texts
from exback_kit.content.written import kind_label, question_text
from exback_kit.store import Journal, search, validate

#: Characters that mean something to Markdown (or HTML) wherever they stand.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")
#: What means something only at the start of a line: a list, a quote, a rule, a numbered item.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def escape(text: str) -> str:
    """Return ``text`` as Markdown that shows exactly these characters, line for line."""
    lines = [_LINE_START.sub(lambda m: m[1] + "\\" + m[2], _SPECIAL.sub(r"\\\1", line))
             for line in text.split("\n")]
    # A line break inside a paragraph is a backslash at the end of the line (CommonMark).
    return "\\\n".join(line if line.strip() else "&nbsp;" for line in lines)


def unescape(markdown: str) -> str:
    """Undo :func:`escape`."""
    # One pass, left to right, so an escaped backslash is never read as a line break.
    return re.sub(r"\\(\n|.)|&nbsp;", lambda m: m[1] or "", markdown)


def markdown_text(journal: Journal) -> str:
    """Return everything written in the journal as one Markdown document."""
    entries = search.written(journal, include_vault=True, newest_first=False)
    out = [f"# {texts.WORDS_EXPORT_TITLE}", "",
           texts.WORDS_EXPORT_INTRO.format(when=f"{validate.now():%Y-%m-%d %H:%M}"), ""]
    if not entries:
        out += [texts.WORDS_EXPORT_EMPTY, ""]
    for day, todays in groupby(entries, key=lambda w: w.day):
        out += [f"## {day.isoformat()}", ""]
        for entry in todays:
            out += [f"### {kind_label(entry.kind)} · {entry.at:%H:%M}", ""]
            question = question_text(entry.kind, entry.place)
            if question:
                out += [f"*{escape(question)}*", ""]
            out += [escape(entry.text), ""]
    return "\n".join(out)


def markdown_bytes(journal: Journal) -> bytes:
    """Return :func:`markdown_text` as UTF-8 (the ``markdown`` export format)."""
    return markdown_text(journal).encode("utf-8")
