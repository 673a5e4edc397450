"""The widgets that hold each part of a stage page.

A :class:`Part` is what a notebook cell displays: its repr names only the part, never the
person's words. :func:`chart_view` shows a chart with its summary as the image's text
alternative and below it; :func:`html_line` escapes what it shows, :func:`html_kit` takes
the kit's own markup; :func:`calm_when_locked` puts one calm line where a part would fail
while the journal is locked. :mod:`exback_kit.notebook.session` keeps the parts it makes.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.errors import JournalLocked
from exback_kit.notebook import chart_cache
from exback_kit.notebook.look import CHART_CARD

Builder = Callable[[], list[widgets.Widget]]


def _classes(*names: str) -> tuple[str, ...]:
    # Classes given at creation travel in the widget's first message, not in later updates.
    return tuple(n for n in names if n)


def html_line(text: str, css_class: str = "") -> widgets.HTML:
    """Return an HTML widget showing ``text`` literally (always escaped)."""
    return widgets.HTML(f"<div>{html.escape(str(text))}</div>", _dom_classes=_classes(css_class))


def html_kit(markup: str, css_class: str = "") -> widgets.HTML:
    """Return an HTML widget for markup the kit wrote itself (escape any person text first)."""
    return widgets.HTML(markup, _dom_classes=_classes(css_class))


def calm_when_locked(build: Builder) -> Builder:
    """Return ``build`` that shows one calm line instead of failing while the journal is locked."""
    def guarded() -> list[widgets.Widget]:
        try:
            return build()
        except JournalLocked:
            return [html_line(texts.NB_LOCKED_PART, "exback-locked")]
    return guarded


class Part(widgets.VBox):
    """A box a notebook cell displays. Its repr names only the part, never its contents.

    JupyterLab saves a displayed widget's plain-text repr into the .ipynb; a plain
    VBox repr would carry the first child's values (which may be the person's text).
    """

    def __init__(self, stage_id: str, name: str, build: Builder | None = None,
                 children: list[widgets.Widget] | None = None, *,
                 refresh_on_save: bool = False) -> None:
        css = _classes("exback-part", "exback-part-" + name.replace(":", "-"))
        super().__init__(children=children or [], _dom_classes=css)
        self.label = f"{stage_id}:{name}"
        self.refresh_on_save = refresh_on_save
        self._build = build

    def __repr__(self) -> str:
        return f"exback-kit part {self.label}"

    def rebuild(self, *, quiet: bool = False) -> None:
        """Build the children again; with ``quiet``, show a calm line instead of raising."""
        if self._build is None:
            return
        box: Any = self  # traitlets' children trait is untyped for mypy
        old = tuple(box.children)
        try:
            box.children = self._build()
        except Exception as exc:  # a redraw after Save must not leave a half-built view
            if not quiet:
                raise
            box.children = [html_line(texts.STAGE_PART_ERROR.format(problem=exc),
                                      "exback-part-error")]
        for w in old:
            if w not in box.children:
                w.close()


def chart_view(name: str, tables: dict[str, Any]) -> widgets.VBox:
    """Return one chart as an image whose alt text is its summary, with the summary below.

    An ``HTML`` ``<img>`` rather than ``widgets.Image`` (which has no alt text). It sits
    inside a Part, whose plain-text repr is all a saved notebook keeps, so neither the
    PNG nor the summary reaches the .ipynb. The white card keeps the chart readable in
    a dark theme.
    """
    png, summary = chart_cache.drawn(name, tables)
    width = int.from_bytes(png[16:20], "big")  # from the PNG header: show at natural size
    data = base64.b64encode(png).decode("ascii")
    alt = html.escape(summary, quote=True)
    image = html_kit(f'<div class="exback-chart-card" style="{CHART_CARD}"><img alt="{alt}" '
                     f'width="{width}" style="display:block;max-width:100%;height:auto" '
                     f'src="data:image/png;base64,{data}"></div>', "exback-chart-image")
    return widgets.VBox([image, html_line(summary, "exback-chart-summary")],
                        _dom_classes=_classes("exback-chart", f"exback-chart-{name}"))
