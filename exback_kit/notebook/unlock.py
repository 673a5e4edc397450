"""The first cell of a locked journal: a Password field and Unlock; later, "Lock now".

The passphrase goes straight to :meth:`Session.unlock`, which keeps only the data key
in this kernel's memory; the field is emptied after every try, so nothing of it stays
in the widget (or in a saved notebook).
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.errors import JournalError, ValidationError
from exback_kit.notebook.accessible import sends_when_left
from exback_kit.notebook.parts import html_kit
from exback_kit.notebook.session import session


def unlock_children() -> list[widgets.Widget]:
    """Return the unlock form: a calm note, a labelled Password field, Unlock, a status line."""
    here = session()
    words = ((texts.NB_LOCKED_AGAIN_REMEMBERED if here.key_remembered else texts.NB_LOCKED_AGAIN)
             if here.locked_here else texts.NB_LOCKED)
    if here.idle_locked:
        words = texts.NB_LOCKED_IDLE.format(minutes=f"{here.idle_minutes:g}")
    note = html_kit(f"<div>{html.escape(words)}</div>", "exback-locked-note")
    password = sends_when_left(widgets.Password(description=texts.NB_PASSWORD,
                                                style={"description_width": "initial"}))
    password.add_class("exback-unlock-password")
    button = widgets.Button(description=texts.NB_UNLOCK, button_style="primary")
    button.add_class("exback-unlock")
    status = widgets.HTML("")
    status.add_class("exback-unlock-status")

    def attempt(_b: object = None) -> None:
        secret, password.value = password.value, ""
        try:
            session().unlock(secret)
        except (JournalError, ValidationError) as exc:
            status.value = f"<div role='status'>{html.escape(str(exc))}</div>"

    button.on_click(attempt)
    return [note, widgets.HBox([password, button]), status]


def lock_now_children() -> list[widgets.Widget]:
    """Return the "Lock now" button shown while a locked journal is open in this kernel."""
    button = widgets.Button(description=texts.NB_LOCK_NOW, layout=widgets.Layout(width="auto"))
    button.add_class("exback-lock-now")
    button.on_click(lambda _b: session().lock_now())
    return [widgets.HBox([button])]
