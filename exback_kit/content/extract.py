"""Builds the catalogues: Babel extractors for the kit's words, and the command that
regenerates them.

``python -m exback_kit.content.extract`` (from the repository) rewrites
``exback_kit/locale/exback_kit.pot``, updates each ``<lang>/LC_MESSAGES/exback_kit.po``
from it (changed English -> fuzzy), regenerates the pseudo-locale ``xx`` and compiles
every ``.mo``. ``--check`` changes nothing and exits 1 when a file is out of date.
``pybabel extract -F babel.cfg`` uses the same two extractors.

The layout and conventions are in ``exback_kit/locale/README.md``.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import string
import sys
import tomllib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from exback_kit.content import language, texts, toml_words
from exback_kit.content.language import pseudo

PACKAGE = Path(__file__).resolve().parents[1]
ROOT = PACKAGE.parent
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / f"{language.DOMAIN}.pot"
#: (module:function, files) for Babel; babel.cfg at the repository's root says the same.
METHODS = [("exback_kit/content/texts.py", "exback_kit.content.extract:extract_texts"),
           ("exback_kit/content/page_texts.py", "exback_kit.content.extract:extract_texts"),
           ("data/*.toml", "exback_kit.content.extract:extract_toml")]
#: The modules that hold the words (a name they mention is not a module reading it).
WORD_FILES = ("exback_kit.content.texts", "exback_kit.content.page_texts")
#: Languages with a hand-translated .po (the pseudo-locale is generated, never edited).
TRANSLATED = ("es",)
COUNTED = re.compile(r"\{[^{}:]*:n:([^{}|]+)(?:\|([^{}]+))?\}")
_HEADER_DATE = datetime(2026, 1, 1)


def placeholders(message: str) -> list[str]:
    """Return the ``{placeholders}`` of a message, as written (``{days:n:day}``)."""
    found = []
    try:
        for _, field, spec, conversion in string.Formatter().parse(message):
            if field is not None:
                found.append("{" + field + (f"!{conversion}" if conversion else "")
                             + (f":{spec}" if spec else "") + "}")
    except ValueError:  # a message with a lone brace is not a template
        return []
    return found


def flat(context: str, value: Any) -> Iterator[tuple[str, str]]:
    """Yield ``(context, English)`` for a texts constant, into its dicts and tuples."""
    if isinstance(value, str):
        if value.strip():
            yield context, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from flat(f"{context}.{key}", item)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from flat(f"{context}.{i}", item)


def _where_used() -> dict[str, list[str]]:
    """Return, per texts constant, the modules of the kit that read it."""
    used: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
        for name in sorted(set(re.findall(r"\btexts\.([A-Z][A-Z0-9_]*)\b", path.read_text()))):
            used.setdefault(name, []).append(module)
    return used


def _comments(context: str, message: str, shown: str) -> list[str]:
    comments = [f"{context}: {shown}"]
    fields = placeholders(message)
    if fields:
        comments.append("Keep the placeholders as they are: " + " ".join(fields)
                        + ("; {x:n:noun} is a counted noun, translated under its own plural entry"
                           if COUNTED.search(message) else ""))
    return comments


def _counted(message: str, lineno: int, where: str) -> Iterator[tuple[int, str, Any, list[str]]]:
    for one, many in COUNTED.findall(message):
        yield (lineno, "ngettext", (one, many or one + "s"),
               [f"A counted noun ({where}): the word after a number, e.g. 1 {one}"])


def extract_texts(fileobj: Any, keywords: Any, comment_tags: Any,
                  options: Any) -> Iterator[tuple[int, str, Any, list[str]]]:
    """Babel extractor for ``content/texts.py`` and ``content/page_texts.py``: walks the
    constants each file assigns, by import (through ``texts``, as the kit reads them)."""
    lines = {target.id: node.lineno for node in ast.parse(fileobj.read()).body
             if isinstance(node, ast.Assign) for target in node.targets
             if isinstance(target, ast.Name)}
    used = _where_used()
    for name, value in texts.english().items():
        if name not in lines:
            continue  # the other file's
        modules = [m for m in used.get(name, []) if m not in WORD_FILES]
        shown = "read by " + ", ".join(modules) if modules else "not read by the kit's code"
        for context, message in flat(f"texts.{name}", value):
            yield lines[name], "pgettext", (context, message), _comments(
                context, message, shown)
            yield from _counted(message, lines[name], f"texts.{name}")


def extract_toml(fileobj: Any, keywords: Any, comment_tags: Any,
                 options: Any) -> Iterator[tuple[int, str, Any, list[str]]]:
    """Babel extractor for the TOML content in ``data/``: each string keyed by its ids."""
    raw = fileobj.read().decode("utf-8")
    stem = Path(getattr(fileobj, "name", "content.toml")).stem
    lines = raw.splitlines()
    for context, message in toml_words.words(stem, tomllib.loads(raw)):
        first = message.strip().splitlines()[0][:40]
        lineno = next((i + 1 for i, line in enumerate(lines) if first in line), 0)
        yield lineno, "pgettext", (context, message), _comments(
            context, message, f"the content file data/{stem}.toml")
        yield from _counted(message, lineno, context)


def template() -> Catalog:
    """Return the template: every word of the kit, in file order."""
    catalog = Catalog(project="exback-kit", version="0.1.0", charset="utf-8",
                      creation_date=_HEADER_DATE, revision_date=_HEADER_DATE,
                      msgid_bugs_address="", copyright_holder="exback-kit")
    for pattern, method in METHODS:
        found = extract_from_dir(str(ROOT), method_map=[(pattern, method)], keywords={
            "pgettext": ((1, "c"), 2), "ngettext": (1, 2)})
        for filename, lineno, message, comments, context in found:
            catalog.add(message, None, [(filename, lineno)], auto_comments=comments,
                        context=context)
    return catalog


def pseudo_catalog(source: Catalog) -> Catalog:
    """Return the generated pseudo-locale ``xx`` for a template."""
    catalog = Catalog(locale=None, project="exback-kit", version="0.1.0", charset="utf-8",
                      creation_date=_HEADER_DATE, revision_date=_HEADER_DATE,
                      copyright_holder="exback-kit")
    catalog.language_team = "pseudo-locale xx, generated by exback_kit.content.extract"
    for m in source:
        if not m.id:
            continue
        if isinstance(m.id, tuple | list):
            string_: Any = tuple(pseudo(s) for s in m.id)
        else:
            string_ = pseudo(m.id)
        catalog.add(m.id, string_, m.locations, auto_comments=m.auto_comments,
                    context=m.context)
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    """Return a catalogue as .po text, wrapped as Babel writes it."""
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_previous=True)
    return out.getvalue()


def mo_bytes(po_file: Path) -> bytes:
    """Return the compiled form of a .po file (fuzzy entries left out)."""
    with po_file.open("rb") as fp:
        catalog = read_po(fp)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def po_path(lang: str) -> Path:
    """Return where the .po file of ``lang`` lives."""
    return LOCALE / lang / "LC_MESSAGES" / f"{language.DOMAIN}.po"


def wanted() -> dict[Path, bytes]:
    """Return every catalogue file as it should be, by path."""
    pot = template()
    files = {TEMPLATE: po_bytes(pot), po_path(language.PSEUDO): po_bytes(pseudo_catalog(pot))}
    for lang in TRANSLATED:
        path = po_path(lang)
        if path.exists():
            with path.open("rb") as fp:
                catalog = read_po(fp, locale=lang)
            catalog.update(pot, update_header_comment=False)
        else:
            catalog = Catalog(locale=lang, project="exback-kit", version="0.1.0",
                              charset="utf-8", creation_date=_HEADER_DATE,
                              revision_date=_HEADER_DATE, copyright_holder="exback-kit")
            catalog.update(pot)
        files[path] = po_bytes(catalog)
    return files


def main(argv: list[str] | None = None) -> int:
    """Regenerate (or with ``--check`` verify) the template, the .po and the .mo files."""
    parser = argparse.ArgumentParser(prog="python -m exback_kit.content.extract",
                                     description="Regenerate the catalogues of the kit.")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 when a catalogue file is out of date")
    args = parser.parse_args(argv)
    files = wanted()
    stale = []
    for path, data in files.items():
        if not path.exists() or path.read_bytes() != data:
            stale.append(path)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        mo = path.with_suffix(".mo")
        if path.suffix == ".po" and not args.check:  # --check: tests compare .mo and .po
            compiled = mo_bytes(path)
            if not mo.exists() or mo.read_bytes() != compiled:
                mo.write_bytes(compiled)
    for path in stale:
        print(("out of date: " if args.check else "wrote ") + str(path.relative_to(ROOT)))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
