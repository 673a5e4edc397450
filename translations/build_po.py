"""Scratch: build exback_kit/locale/es/LC_MESSAGES/exback_kit.po from a template and es_scratch.json.

Usage: build_po.py [TEMPLATE.pot]. Without a template, a stand-in template is made from
texts.py and data/*.toml (contexts texts.NAME[.key] and <file stem>:<path>) until the
lang branch's exback_kit.pot exists. Run merge.py first.
"""
from __future__ import annotations

import io
import json
import pathlib
import sys
import tomllib
from datetime import datetime

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
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


SCALE_NOTE = ("Esta escala se muestra en inglés, tal como se publicó: no se pudo comprobar su "
              "versión validada en español, y una traducción propia no sería la escala validada.")
NEW_WORDS = {
    "Language": "Idioma",
    "Saved. The kit now speaks {language}.": "Guardado. El kit ahora habla {language}.",
    "Saved. The kit now speaks {language}. To see every part in it, choose Run → Run All Cells.":
        "Guardado. El kit ahora habla {language}. Para verlo todo en este idioma, elige "
        "Run → Run All Cells.",
    "The kit has no words in {code!r} yet. It speaks: {allowed}.":
        "El kit todavía no tiene palabras en {code!r}. Habla: {allowed}.",
    "the language to speak for this command (e.g. en, es); default: your setting, else your system's":
        "el idioma de este comando (p. ej. en, es); por defecto, tu ajuste y, si no, el de tu sistema",
}
HEADER_DATE = datetime(2026, 1, 1)


def spanish(msg, words: dict, nouns: dict) -> object:
    """Return the msgstr for one template entry ("" or ("", "") when there is none)."""
    if msg.pluralizable:
        found = nouns.get(msg.id[0])
        return tuple(found) if found else ("", "")
    if not any(c.isalpha() for c in msg.id):
        return msg.id  # symbols and ranges (✓, •, 1–2) read the same in Spanish
    if (msg.context or "").startswith("instruments:") and msg.context.endswith(".intro"):
        return f"{SCALE_NOTE} {msg.id}"
    return words.get(msg.id) or NEW_WORDS.get(msg.id, "")


#: Words this branch adds to data/ that the lang branch's template cannot hold yet
#: (context as exback_kit.content.extract names it: a contact table by its position).
ADDED = [("crisis_contacts:contact.14.name", "Línea 155 (Colombia)", 87),
         ("crisis_contacts:contact.14.detail", "Call 155, free and confidential, any time: guidance "
          "for women facing violence, answered by the National Police", 88)]


def main() -> None:
    if len(sys.argv) > 1:
        with open(sys.argv[1], "rb") as f:
            template = read_po(f)
        for context, msgid, line in ADDED:
            if template.get(msgid, context=context) is None:
                template.add(msgid, locations=[("data/crisis_contacts.toml", line)], context=context,
                             auto_comments=[f"{context}: the content file data/crisis_contacts.toml"])
    else:
        template = stand_in()
    words = json.loads((HERE / "es_scratch.json").read_text(encoding="utf-8"))
    nouns = {k.partition("|")[0]: v for k, v in
             json.loads((HERE / "es_nouns.json").read_text(encoding="utf-8")).items()}
    # The header as exback_kit.content.extract writes it, so its --check finds nothing stale.
    cat = Catalog(locale="es", domain="exback_kit", project="exback-kit", version="0.1.0",
                  charset="utf-8", creation_date=HEADER_DATE, revision_date=HEADER_DATE,
                  copyright_holder="exback-kit", header_comment=HEADER,
                  language_team="Spanish", last_translator="exback-kit Spanish translation",
                  fuzzy=False)
    # The agreed rule (two forms), not CLDR's three: the kit never counts in millions.
    cat.mime_headers = [*cat.mime_headers, ("Plural-Forms", "nplurals=2; plural=(n != 1);")]
    missing = []
    for msg in template:
        if not msg.id:
            continue
        string = spanish(msg, words, nouns)
        if not string or (isinstance(string, tuple) and not all(string)):
            missing.append(msg.id)
        cat.add(msg.id, string, locations=msg.locations, auto_comments=msg.auto_comments,
                context=msg.context, flags=[f for f in msg.flags if f != "fuzzy"])
    cat.update(template, update_header_comment=False)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    write_po(out, cat, width=100, include_previous=True)
    OUT.write_bytes(out.getvalue())
    with OUT.open("rb") as f:
        compiled = read_po(f)
    mo = io.BytesIO()
    write_mo(mo, compiled, use_fuzzy=False)
    OUT.with_suffix(".mo").write_bytes(mo.getvalue())
    print(f"{OUT.relative_to(ROOT)}: {len(cat)} entries, {len(missing)} untranslated")
    for m in missing[:40]:
        print("  MISSING", repr(m))


if __name__ == "__main__":
    main()
