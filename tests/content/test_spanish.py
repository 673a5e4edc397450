"""The Spanish catalogue: complete, never fuzzy, every placeholder kept, two plural forms,
and the validated scales left in their validated (English) words."""

from __future__ import annotations

import string
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

import exback_kit

PO = Path(exback_kit.__file__).parent / "locale" / "es" / "LC_MESSAGES" / "exback_kit.po"


def _placeholders(text: str) -> list[tuple[str, str, str]]:
    """Each {field!conversion:spec} of a str.format template, sorted ({{ }} are not fields)."""
    return sorted((name, conv or "", spec or "")
                  for _, name, spec, conv in string.Formatter().parse(text) if name is not None)


def _forms(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A message's forms: one for a plain entry, one per plural form; none read as ""."""
    if value is None:
        return ("",)
    return (value,) if isinstance(value, str) else tuple(value)


@pytest.fixture(scope="module")
def catalogue() -> Catalog:
    with PO.open("rb") as f:
        return read_po(f, locale="es", domain="exback_kit")


@pytest.fixture(scope="module")
def messages(catalogue: Catalog) -> list[Message]:
    return [m for m in catalogue if m.id]


def _where(m: Message) -> str:
    return f"{m.context or ''} {_forms(m.id)[0][:60]!r}"


def test_the_catalogue_says_spanish_with_two_plural_forms(catalogue: Catalog):
    assert str(catalogue.locale) == "es"
    assert catalogue.num_plurals == 2
    assert catalogue.plural_expr.replace(" ", "") == "(n!=1)"
    assert not catalogue.fuzzy


def test_no_entry_is_untranslated(messages: list[Message]):
    empty = [_where(m) for m in messages if not all(f.strip() for f in _forms(m.string))]
    assert len(messages) > 1000
    assert not empty, f"{len(empty)} untranslated: {empty[:10]}"


def test_no_entry_is_fuzzy(messages: list[Message]):
    fuzzy = [_where(m) for m in messages if m.fuzzy]
    assert not fuzzy, f"{len(fuzzy)} fuzzy: {fuzzy[:10]}"


def test_every_placeholder_of_the_english_is_kept(messages: list[Message]):
    """{field}, {value!r}, {days:n:day}: same names, conversions and specs in every form."""
    lost = []
    for m in messages:
        wanted = [_placeholders(one) for one in _forms(m.id)]
        for n, form in enumerate(_forms(m.string)):
            if _placeholders(form) != wanted[min(n, len(wanted) - 1)]:
                lost.append(f"{_where(m)} -> {form[:60]!r}")
    assert not lost, f"{len(lost)} with placeholders changed: {lost[:10]}"


def test_counted_nouns_have_a_singular_and_a_plural(messages: list[Message]):
    plural = [m for m in messages if m.pluralizable]
    assert plural, "the kit counts nouns (1 day, 2 days): they are ngettext entries"
    wrong = [_where(m) for m in plural if len(_forms(m.string)) != 2]
    assert not wrong, f"plural entries without exactly 2 forms: {wrong[:10]}"


def _scale_words() -> tuple[set[str], set[str]]:
    """The scales' (instructions, items and answers) as data/instruments.toml publishes them."""
    data = tomllib.loads(resources.files("exback_kit.data").joinpath("instruments.toml")
                         .read_text(encoding="utf-8"))
    intros: set[str] = set()
    words: set[str] = set()
    for scale in data.values():
        intros.add(scale["intro"])
        words.update(item["text"] for item in scale["items"])
        words.update(answer["label"] for answer in scale["answers"])
    return intros, words


def test_the_validated_scales_stay_in_their_validated_words(messages: list[Message]):
    """No published Spanish WHO-5 or Rosenberg wording could be checked, so items and answers
    are shown as published (a home-made translation is not the scale), and each scale's
    instruction keeps its English words after one Spanish line that says why."""
    intros, words = _scale_words()
    found = {m.id: m.string for m in messages
             if isinstance(m.id, str) and isinstance(m.string, str) and m.id in intros | words}
    assert set(found) == intros | words
    translated = sorted(msgid for msgid in words if found[msgid] != msgid)
    assert not translated, f"scale wording translated without a validated source: {translated}"
    for intro in intros:
        said = found[intro]
        assert said.endswith(intro) and "inglés" in said[: -len(intro)], said
