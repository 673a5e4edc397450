"""The language the kit speaks, asked once in Start here (00) and changeable there.

The choice is stored in the journal's settings as a language code (``"es"``), never a
label; the journal's entries hold ids, so switching language changes no data.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from exback_kit.content import language, texts
from exback_kit.errors import JournalError, ValidationError
from exback_kit.notebook.form_kit import OnSave, error_html, esc
from exback_kit.notebook.inputs import labelled
from exback_kit.store import Journal


def choices() -> list[tuple[str, str]]:
    """Return (name, code) for every language the person may pick (the one in force too)."""
    codes = list(language.SHIPPED)
    if language.current() not in codes:
        codes.append(language.current())
    return [(language.NAMES.get(code, code), code) for code in codes]


def language_picker(journal: Journal, *, on_save: OnSave = None) -> widgets.VBox:
    """Return a dropdown of the kit's languages; a pick is saved and spoken at once."""
    picker = labelled(widgets.Dropdown(options=choices(), value=language.current(),
                                       description=texts.LANGUAGE_LABEL), texts.LANGUAGE_LABEL)
    said = widgets.HTML()

    def picked(change: dict[str, Any]) -> None:
        code = change["new"]
        try:
            journal.set_setting(language.SETTING, code)
            language.choose(code)
        except (ValidationError, JournalError, language.UnknownLanguage) as exc:
            said.value = error_html(exc)
            return
        said.value = "<p>{}</p>".format(esc(texts.LANGUAGE_SAVED.format(
            language=language.NAMES.get(code, code))))
        if on_save is not None:
            on_save(None)

    picker.observe(picked, names="value")
    return widgets.VBox([picker, said], _dom_classes=("exback-language",))
