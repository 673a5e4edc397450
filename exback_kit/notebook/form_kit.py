"""Shared pieces of the forms: the Form box, checking values, escaping, history lists
(the inputs themselves are :mod:`exback_kit.notebook.inputs`).

Every text a person wrote goes through :func:`esc` before it reaches a
``widgets.HTML`` (ipywidgets does not sanitize HTML). A :class:`Form` has
``fields`` (name -> value widget), ``errors`` (name -> error line),
``save_button`` and ``status``; tests and the browser tests find them there
or by CSS class: ``exback-form``, ``exback-save``, ``exback-status``,
``exback-error`` and ``exback-field-<name>``.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.errors import JournalError, ValidationError
from exback_kit.notebook.accessible import sends_when_left
from exback_kit.notebook.inputs import name_input
from exback_kit.notebook.look import ENTRY_BOX, status_colour
from exback_kit.store import Journal, validate
from exback_kit.store.problems import problems

OnSave = Callable[[int | None], None] | None
Handler = Callable[[], object]
#: What a handler returns when there was nothing new to save (``on_save`` is not called).
UNCHANGED = object()


def esc(value: object) -> str:
    """Return ``value`` as text safe to place inside HTML."""
    return html.escape("" if value is None else str(value), quote=True)


def paragraphs(text: str) -> str:
    """Return escaped text with line breaks kept."""
    return "<br>".join(esc(line) for line in str(text).splitlines())


class Problems(Exception):
    """Several ValidationErrors from one form, each to be shown by its field."""

    def __init__(self, errors: Sequence[ValidationError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = list(errors)


class Form(widgets.VBox):
    """A form: heading, fields each with an error line, a Save button and a status line.

    The heading comes first, so the widget's text form (which a saved notebook
    keeps) never starts with something the person typed.
    """

    def __init__(self, css: str, title: str, *, intro: str = "", save_label: str = "",
                 on_save: OnSave = None) -> None:
        super().__init__()
        self.add_class("exback-form")
        self.add_class(css)
        self.fields: dict[str, Any] = {}
        #: Each field's starting value, which :meth:`reset` puts back.
        self.starts: dict[str, Any] = {}
        self.errors: dict[str, widgets.HTML] = {}
        #: Per-entry widgets of list forms (review buttons, outcome boxes) by entry id.
        self.rows: dict[int, dict[str, Any]] = {}
        self.on_save = on_save
        self.handler: Handler | None = None
        self.after_save: Callable[[], None] | None = None
        self.header = widgets.HTML(heading(title, intro))
        self.body = widgets.VBox()
        self.save_button = widgets.Button(description=save_label or texts.SAVE,
                                          button_style="primary")
        self.save_button.add_class("exback-save")
        self.status = widgets.HTML("")
        self.status.add_class("exback-status")
        #: The status line as plain text (what ``status`` shows, unescaped).
        self.message = ""
        self.result = widgets.HTML("")
        self.result.add_class("exback-result")
        self.extra = widgets.VBox()
        self.save_button.on_click(lambda _b: self.save())
        self.children = (self.header, self.body,
                         widgets.HBox([self.save_button, self.status]), self.result, self.extra)

    def add(self, name: str, widget: Any, *, label: str = "", help: str = "",
            display: widgets.Widget | None = None) -> Any:
        """Add a field (``widget`` holds the value; ``display`` is what is shown, if different).

        ``label`` becomes the input's own programmatic label (its ``description``), so
        screen readers announce what the field asks; a check box keeps its own text.
        """
        sends_when_left(widget).add_class(f"exback-field-{name}")
        error = widgets.HTML("")
        error.add_class("exback-error")
        rows: list[widgets.Widget] = []
        if label and not name_input(widget, label):
            rows.append(widgets.HTML(f"<b>{esc(label)}</b>"))
        rows.append(display or widget)
        if help:
            rows.append(widgets.HTML(f"<small>{esc(help)}</small>"))
        rows.append(error)
        self.fields[name] = widget
        self.starts[name] = widget.value
        self.errors[name] = error
        self.body.children = (*self.body.children, widgets.VBox(rows))
        return widget

    def reset(self) -> None:
        """Put every field back to its starting value (after a save, for the next entry)."""
        for name, start in self.starts.items():
            self.fields[name].value = start

    def say(self, message: str, *, ok: bool = True) -> None:
        """Show a message on the status line (escaped)."""
        colour, css = status_colour(ok), ("exback-ok" if ok else "exback-bad")
        self.message = message
        self.status.value = (f'<span class="{css}" style="color:{colour}">'
                             f"{esc(message)}</span>")

    def clear_errors(self) -> None:
        """Empty every field's error line."""
        for error in self.errors.values():
            error.value = ""

    def show(self, errors: Sequence[ValidationError]) -> None:
        """Show each problem next to its field; problems without a field go to the status."""
        loose = []
        for exc in errors:
            target = self.errors.get(exc.field or "")
            if target is None:
                loose.append(str(exc))
            else:
                target.value = error_html(exc)
        if len(errors) == 1 and loose:
            self.say(texts.NOT_SAVED_ONE.format(problem=loose[0]), ok=False)
        else:
            lead = texts.say(texts.NOT_SAVED, count=len(errors))
            self.say(" ".join([lead, *loose]), ok=False)

    def save(self) -> None:
        """Run the form's handler; show problems, or the saved message and call ``on_save``."""
        self.clear_errors()
        self.status.value = self.message = ""
        if self.handler is None:
            return
        try:
            entry = self.handler()
        except Problems as many:
            self.show(many.errors)
            return
        except ValidationError as exc:
            self.show([exc])
            return
        except JournalError as exc:  # disk full, journal deleted or replaced: not saved
            self.say(str(exc), ok=False)
            return
        if entry is UNCHANGED:
            if not self.status.value:
                self.say(texts.NOTHING_CHANGED)
            return
        if not self.status.value:
            self.say(texts.SAVED)
        if self.after_save is not None:
            self.after_save()
        if self.on_save is not None:
            self.on_save(entry if isinstance(entry, int) else None)

    def update_row(self, journal: Journal, kind: str, entry: int, message: str = "",
                   **values: object) -> bool:
        """Change one listed entry; show a problem on its row's error line, else report it.

        Returns:
            True when the entry was saved.
        """
        try:
            journal.update(kind, entry, **values)
        except ValueError as exc:
            self.rows[entry]["error"].value = error_html(exc)
            return False
        self.row_done(entry, message or texts.SAVED)
        return True

    def row_done(self, entry: int, message: str) -> None:
        """Report a saved change to one listed entry and call ``on_save``."""
        self.say(message)
        if self.after_save is not None:
            self.after_save()
        if self.on_save is not None:
            self.on_save(entry)


def error_html(problem: object) -> str:
    """Return the HTML of one field's problem (escaped)."""
    return (f'<span class="exback-bad" style="color:{status_colour(False)}">'
            f"{esc(texts.FIELD_PROBLEM.format(problem=problem))}</span>")


def heading(title: str, intro: str = "") -> str:
    """Return the HTML of a form heading (escaped)."""
    body = f"<p>{paragraphs(intro)}</p>" if intro else ""
    return f"<h4>{esc(title)}</h4>{body}"


# --- checking values ------------------------------------------------------------

def add_checked(journal: Journal, kind: str, values: Mapping[str, object],
                at: object = None) -> int:
    """Check every field first (all problems at once), then save; return the entry id.

    Raises:
        Problems: one or more fields are not allowed; nothing was written.
    """
    found = problems(kind, values)
    try:
        when = validate.moment(at) if at is not None else None
    except ValidationError as exc:
        found.append(exc)
    if found:
        raise Problems(found)
    return int(journal.add(kind, at=when, **values))


def number_or_none(value: str) -> float | str | None:
    """Return a typed number from a text box, None when empty, else the text (to be refused)."""
    raw = (value or "").strip().replace(",", ".")
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        return raw


# --- showing entries ----------------------------------------------------------------

def entry_html(title: str, lines: Iterable[str] = ()) -> str:
    """Return one history entry as HTML; ``title`` and ``lines`` are plain text (escaped here)."""
    body = "".join(f"<div>{paragraphs(line)}</div>" for line in lines if line)
    return (f'<div style="{ENTRY_BOX}">'
            f"<b>{esc(title)}</b>{body}</div>")


def history_html(entries: Sequence[str], *, title: str = "") -> str:
    """Return a list of prepared entry HTML snippets under a heading."""
    if not entries:
        return f"<p><i>{esc(texts.EMPTY_HISTORY)}</i></p>"
    return f"<p><b>{esc(title or texts.HISTORY)}</b></p>" + "".join(entries)


def when_picker() -> widgets.DatePicker:
    """Return an empty date picker for 'when did it happen' (empty = now)."""
    return widgets.DatePicker(value=None)


def moment_of(day: date | None) -> datetime | date | None:
    """Return the moment to store for a picked day: None (now) or that day."""
    if day is None or day == date.today():
        return None
    return day
