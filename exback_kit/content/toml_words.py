"""The words inside the TOML content, each named by a stable id path.

One walk serves both sides of the catalogue: the extractor lists ``(context, English)``
pairs for the template, and the loaders hand the content out through :func:`translated`,
which looks each string up under the same context. A context is
``"<file stem>:<id path>"``, built from the content's own ids where they exist
(``steps_00_start_here:step.0.question.who_ended.choices.me.label``), so an English
edit marks the entry fuzzy instead of orphaning it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from exback_kit.content import language

#: Keys whose strings are ids, types or references, never words a person reads.
NOT_WORDS = frozenset({"id", "type", "group", "stage", "steps", "kind"})
#: Files whose strings are not the kit's words (Daylio's own mood names, matched on import).
NOT_CONTENT = frozenset({"daylio_moods"})
#: Keys that name a table in a list, in order of preference, before its position.
_ID_KEYS = ("id", "number", "value")


def _key_of(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in _ID_KEYS:
            if key in item:
                return str(item[key])
    return str(index)


def _is_words_key(key: str, value: Any) -> bool:
    """True unless ``key`` holds ids; a list of tables is content even under such a key
    (``[[stage]]`` in stages.toml, while ``stage = "01_..."`` elsewhere is an id)."""
    tables = isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
    return key not in NOT_WORDS or tables


def words(stem: str, data: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield ``(context, English)`` for every string a person reads in a TOML document."""
    if stem in NOT_CONTENT:
        return
    if isinstance(data, dict):
        for key, value in data.items():
            if _is_words_key(key, value):
                yield from words(stem, value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from words(stem, item, f"{path}.{_key_of(item, i)}")
    elif isinstance(data, str) and data.strip():
        yield f"{stem}:{path}", data


def _swap(stem: str, data: Any, path: str) -> Any:
    if isinstance(data, dict):
        return {key: value if not _is_words_key(key, value) else
                _swap(stem, value, f"{path}.{key}" if path else key)
                for key, value in data.items()}
    if isinstance(data, list):
        return [_swap(stem, item, f"{path}.{_key_of(item, i)}") for i, item in enumerate(data)]
    if isinstance(data, str) and data.strip():
        return language.word(f"{stem}:{path}", data)
    return data


def translated(stem: str, data: dict[str, Any]) -> dict[str, Any]:
    """Return a TOML document with its words in the language in force (English: as read)."""
    if language.is_english() or stem in NOT_CONTENT:
        return data
    swapped: dict[str, Any] = _swap(stem, data, "")
    return swapped
