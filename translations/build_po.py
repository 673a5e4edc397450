"""Scratch: build exback_kit/locale/es/LC_MESSAGES/exback_kit.po from a template and es_scratch.json.

Usage: build_po.py [TEMPLATE.pot]. Without a template, a stand-in template is made from
texts.py and data/*.toml (contexts texts.NAME[.key] and <file stem>:<path>) until the
lang branch's exback_kit.pot exists. Run merge.py first.
"""
from __future__ import annotations

import json
import pathlib
import sys
import tomllib

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "exback_kit/locale/es/LC_MESSAGES/exback_kit.po"
HEADER = """\
# Spanish catalogue of exback-kit: neutral Spanish (tú) for Spain and Latin America.
# The WHO-5 and Rosenberg items, answers and instructions stay in English (msgstr = msgid):
# no published validated Spanish wording could be checked, and a home-made translation
# is not the validated scale.
#"""
SKIP = {"id", "type", "kind", "notebook", "stage", "field", "icon", "when", "road", "value", "source"}


def stand_in() -> Catalog:
    sys.path.insert(0, str(ROOT))
    from exback_kit.content import texts

    cat = Catalog(domain="exback_kit")

    def add(text: object, ctx: str) -> None:
        if isinstance(text, str) and text.strip() and any(c.isalpha() for c in text):
            cat.add(text, context=ctx)
        elif isinstance(text, dict):
            for k, v in text.items():
                add(v, f"{ctx}.{k}")
        elif isinstance(text, (list, tuple)):
            for n, v in enumerate(text):
                add(v, f"{ctx}.{n}")

    for name in sorted(n for n in dir(texts) if n.isupper()):
        add(getattr(texts, name), f"texts.{name}")

    def walk(v: object, ctx: str, key: str | None) -> None:
        if isinstance(v, str):
            if key not in SKIP:
                add(v, ctx)
        elif isinstance(v, dict):
            label = v.get("id") or v.get("number")
            for k, x in v.items():
                walk(x, f"{ctx}.{label}.{k}" if label is not None else f"{ctx}.{k}", k)
        elif isinstance(v, list):
            for n, x in enumerate(v):
                walk(x, ctx if isinstance(x, dict) else f"{ctx}.{n}", key)

    for path in sorted((ROOT / "data").glob("*.toml")):
        for k, v in tomllib.loads(path.read_text(encoding="utf-8")).items():
            walk(v, f"{path.stem}:{k}", k)
    # Counted nouns ({days:n:day}, {n:n:entry|entries}) become ngettext entries.
    for spec in json.loads((HERE / "es_nouns.json").read_text(encoding="utf-8")):
        one, _, many = spec.partition("|")
        cat.add((one, many or one + "s"), context="texts.counted")
    return cat


def main() -> None:
    if len(sys.argv) > 1:
        with open(sys.argv[1], "rb") as f:
            template = read_po(f)
    else:
        template = stand_in()
    words = json.loads((HERE / "es_scratch.json").read_text(encoding="utf-8"))
    nouns = json.loads((HERE / "es_nouns.json").read_text(encoding="utf-8"))
    nouns_by_one = {k.partition("|")[0]: v for k, v in nouns.items()}
    cat = Catalog(locale="es", domain="exback_kit", project="exback-kit", version="",
                  copyright_holder="the exback-kit authors", language_team="Spanish",
                  last_translator="exback-kit Spanish translation", fuzzy=False,
                  header_comment=HEADER)
    # The agreed rule (two forms), not CLDR's three: the kit never counts in millions.
    cat.mime_headers = [*cat.mime_headers, ("Plural-Forms", "nplurals=2; plural=(n != 1);")]
    missing = []
    for msg in template:
        if not msg.id:
            continue
        if msg.pluralizable:
            one = msg.id[0]
            found = nouns_by_one.get(one)
            if found is None and one in words and msg.id[1] in words:
                found = [words[one], words[msg.id[1]]]
            string: object = tuple(found) if found else ("", "")
        else:
            string = words.get(msg.id, "")
        if not string or (isinstance(string, tuple) and not all(string)):
            missing.append(msg.id)
        cat.add(msg.id, string, locations=msg.locations, auto_comments=msg.auto_comments,
                context=msg.context, flags=[f for f in msg.flags if f != "fuzzy"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as f:
        write_po(f, cat, width=100, sort_output=False)
    print(f"{OUT.relative_to(ROOT)}: {len(cat)} entries, {len(missing)} untranslated")
    for m in missing[:40]:
        print("  MISSING", repr(m))


if __name__ == "__main__":
    main()
