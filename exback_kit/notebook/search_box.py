"""The dashboard's search box and "Your words", the timeline of everything written.

Every piece of the person's text is escaped before it reaches HTML; the marks around a
match are the kit's own ``<mark>`` tags, put around text already escaped. Each hit names
(and links to) the notebook where it was written. Enter in the field searches, like the
button; the unsent messages are shown only with "include the vault" ticked.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from itertools import groupby

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.content.written import kind_label, notebook_title, question_text, written_in
from exback_kit.errors import JournalError, ValidationError
from exback_kit.notebook.inputs import checkbox, labelled
from exback_kit.notebook.look import LINK_STYLE
from exback_kit.store import Journal, search

RESULTS = 20
DAYS_PER_PAGE = 7


def _esc_lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def marked_html(parts: Iterable[tuple[str, bool]]) -> str:
    """Return a snippet as HTML: each piece escaped, the matches inside ``<mark>``."""
    return "".join(f"<mark>{_esc_lines(text)}</mark>" if match else _esc_lines(text)
                   for text, match in parts)


def _where(kind: str, place: str, links_to: Callable[[str], bool]) -> str:
    stage = written_in(kind, place)
    label = html.escape(texts.SEARCH_WRITTEN_IN.format(notebook=notebook_title(stage)))
    if not links_to(stage):  # a stage set aside on the person's road: named, not offered
        return label
    return f'<a href="{html.escape(stage)}.ipynb" style="{LINK_STYLE}">{label}</a>'


def _always(stage_id: str) -> bool:
    return True


def hits_html(found: search.Found, links_to: Callable[[str], bool] = _always) -> str:
    """Return the results list (and the query's problem, if any) as escaped HTML.

    Each hit names the notebook it was written in, as a link when ``links_to`` allows.
    """
    out = [f"<p role='status'>{html.escape(found.problem)}</p>"] if found.problem else []
    if not found.hits:
        return "".join(out)
    out.append(f"<p>{html.escape(texts.say(texts.SEARCH_COUNT, count=len(found.hits)))}</p>")
    items = [f"<li><strong>{h.day.isoformat()} · {html.escape(kind_label(h.kind))}</strong> "
             f"{marked_html(h.parts)} <span>({_where(h.kind, h.place, links_to)})</span></li>"
             for h in found.hits]
    return "".join(out) + "<ol class='exback-hits'>" + "".join(items) + "</ol>"


def search_widget(journal: Journal, *,
                  links_to: Callable[[str], bool] = _always) -> widgets.Widget:
    """Return the search part: a labelled field (Enter searches), the vault box, a button.

    ``links_to(stage_id)`` says whether a hit may link to its notebook (the dashboard
    passes False for stages set aside on the person's road).
    """
    field = labelled(widgets.Text(placeholder=texts.SEARCH_PLACEHOLDER,
                                  layout=widgets.Layout(width="90%")), texts.SEARCH_LABEL)
    vault = checkbox(texts.SEARCH_VAULT)
    button = widgets.Button(description=texts.SEARCH_BUTTON, button_style="primary",
                            icon="search")
    results = widgets.HTML(f"<p>{html.escape(texts.SEARCH_PLAIN_HELP)}</p>")

    def run(_: object = None) -> None:
        words = field.value
        if not words.strip():
            results.value = f"<p>{html.escape(texts.SEARCH_EMPTY)}</p>"
            return
        try:
            found = search.search(journal, words, include_vault=vault.value, limit=RESULTS)
        except (ValidationError, JournalError) as exc:
            results.value = f"<p role='status'>{html.escape(str(exc))}</p>"
            return
        results.value = hits_html(found, links_to) or \
            f"<p>{html.escape(texts.SEARCH_NOTHING.format(words=words))}</p>"

    field.observe(run, "value")  # sent when Enter is pressed or the field is left
    vault.observe(run, "value")
    button.on_click(run)
    return widgets.VBox([field, vault, button, results], _dom_classes=("exback-search",))


def days_html(entries: list[search.Written]) -> str:
    """Return entries as a heading per day, each entry's kind, time and whole text (escaped)."""
    out = []
    for day, todays in groupby(entries, key=lambda w: w.day):
        out.append(f"<h3>{day.isoformat()}</h3>")
        for w in todays:
            question = question_text(w.kind, w.place)
            asked = f"<br><em>{html.escape(question)}</em>" if question else ""
            out.append(f"<p><strong>{html.escape(kind_label(w.kind))} · {w.at:%H:%M}</strong>"
                       f"{asked}<br>{_esc_lines(w.text)}</p>")
    return "".join(out)


def words_widget(journal: Journal) -> widgets.Widget:
    """Return "Your words": everything written, newest day first, a week of days a page.

    It opens folded, behind a "Show your words" button: a dashboard can be on screen
    where others see it, and the person chooses when their writing is shown.
    """
    toggle = widgets.Button(description=texts.WORDS_SHOW, icon="eye")
    vault = checkbox(texts.SEARCH_VAULT)
    newer = widgets.Button(description=texts.WORDS_NEWER, icon="arrow-up")
    older = widgets.Button(description=texts.WORDS_OLDER, icon="arrow-down")
    where = widgets.HTML()
    body = widgets.HTML()
    unfolded = widgets.VBox([vault, where, body, widgets.HBox([newer, older])],
                            layout=widgets.Layout(display="none"))
    page = {"start": 0}

    def draw(_: object = None) -> None:
        if unfolded.layout.display == "none":
            return
        try:
            show()
        except JournalError as exc:  # e.g. the journal was replaced while the page was open
            body.value = f"<p role='status'>{html.escape(str(exc))}</p>"

    def show() -> None:
        days = search.written_days(journal, include_vault=vault.value)
        start = min(page["start"], max(len(days) - 1, 0) // DAYS_PER_PAGE * DAYS_PER_PAGE)
        page["start"] = start
        shown = days[start:start + DAYS_PER_PAGE]
        newer.disabled, older.disabled = start == 0, start + DAYS_PER_PAGE >= len(days)
        if not shown:
            where.value, body.value = "", f"<p>{html.escape(texts.WORDS_NONE)}</p>"
            return
        where.value = html.escape(texts.WORDS_PAGE.format(
            first=start + 1, last=start + len(shown), total=len(days)))
        body.value = days_html(search.written(journal, first=shown[-1], last=shown[0],
                                              include_vault=vault.value))

    def turn(step: int) -> None:
        page["start"] = max(0, page["start"] + step * DAYS_PER_PAGE)
        draw()

    def fold(_: object) -> None:
        showing = unfolded.layout.display == "none"
        unfolded.layout.display = None if showing else "none"
        toggle.description = texts.WORDS_HIDE if showing else texts.WORDS_SHOW
        toggle.icon = "eye-slash" if showing else "eye"
        if showing:
            draw()
        else:
            where.value = body.value = ""  # folded holds none of the words

    toggle.on_click(fold)
    newer.on_click(lambda _: turn(-1))
    older.on_click(lambda _: turn(1))
    vault.observe(draw, "value")
    return widgets.VBox([toggle, unfolded], _dom_classes=("exback-words",))
