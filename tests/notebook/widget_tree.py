"""Looking inside widget trees the way a person's screen would: shared by the notebook tests."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets


def walk(w: Any) -> Iterator[Any]:
    """Yield ``w`` and every widget inside it, depth first, in the order they are shown."""
    yield w
    for child in getattr(w, "children", ()):
        yield from walk(child)


def having(w: Any, css: str) -> list[Any]:
    """Return the widgets inside ``w`` (``w`` included) that carry the CSS class ``css``."""
    return [x for x in walk(w) if css in getattr(x, "_dom_classes", ())]


def html_values(w: Any) -> list[str]:
    """Return every HTML widget's value inside ``w``, as sent to the page (still escaped)."""
    return [x.value for x in walk(w) if isinstance(x, widgets.HTML)]


def raw_text(w: Any) -> str:
    """Return every HTML value inside ``w`` joined by lines, still escaped (markup included)."""
    return "\n".join(html_values(w))


def words(w: Any) -> str:
    """Return the HTML text inside ``w`` as a person reads it: joined by lines, unescaped."""
    return html.unescape(raw_text(w))
