"""The dashboard's Sync part: a folder, a Sync button, and what happened, in plain words."""

from __future__ import annotations

import html

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.errors import JournalError, ValidationError
from exback_kit.interchange import autosync
from exback_kit.notebook.accessible import sends_when_left
from exback_kit.store import Journal
from exback_kit.store.settings import FOLDER_SETTING


def sync_widget(journal: Journal, on_sync: object = None) -> widgets.Widget:
    """Return the Sync part: folder, include-vault box, passphrase (locked journals), button.

    Args:
        journal: the open journal to sync.
        on_sync: called with no arguments after a sync brought something in (re-draws).
    """
    folder = sends_when_left(widgets.Text(value=str(journal.get_setting(FOLDER_SETTING, "")),
                                          description=texts.SYNC_WIDGET_FOLDER,
                                          style={"description_width": "initial"},
                                          layout=widgets.Layout(width="90%")))
    vault = widgets.Checkbox(value=False, description=texts.SYNC_WIDGET_VAULT, indent=False)
    secret = sends_when_left(widgets.Password(description=texts.SYNC_WIDGET_PASSPHRASE,
                                              style={"description_width": "initial"}))
    button = widgets.Button(description=texts.SYNC_WIDGET_BUTTON, button_style="primary",
                            icon="refresh")
    status = widgets.HTML(value="")
    code = sends_when_left(widgets.Text(description=texts.SYNC_WIDGET_CODE,
                                        placeholder=texts.SYNC_WIDGET_CODE_HINT,
                                        style={"description_width": "initial"},
                                        layout=widgets.Layout(width="90%")))

    def say(text: str) -> None:
        status.value = html.escape(text).replace("\n", "<br>")

    def on_click(_: object) -> None:
        # late import: the sync machinery loads on the first click, not when the page is drawn
        from exback_kit.interchange import sync_folder

        where = folder.value.strip()
        if not where:
            say(texts.SYNC_WIDGET_NO_FOLDER)
            return
        button.disabled = True
        try:
            result = sync_folder.sync(journal, where, include_vault=vault.value,
                               passphrase=secret.value or None, join=code.value.strip() or None)
            journal.set_setting(FOLDER_SETTING, where)
            lines = [texts.say(texts.SYNC_DONE, folder=result.folder, sent=result.sent,
                                            merged=sum(result.merged.values()))]
            if result.claimed:
                lines.insert(0, texts.SYNC_CLAIMED.format(folder=result.folder, code=result.code))
            lines += sync_folder.said(result)
            if result.problems:
                lines += [texts.SYNC_PROBLEMS, *result.problems]
            say("\n".join(lines))
            if result.merged and callable(on_sync):
                on_sync()
        except (ValidationError, JournalError, OSError) as exc:
            say(str(exc))
        finally:
            secret.value = code.value = ""
            button.disabled = False

    button.on_click(on_click)
    parts: list[widgets.Widget] = [widgets.HTML(html.escape(texts.SYNC_WIDGET_HINT)), folder,
                                   code, vault]
    if journal.encrypted:
        parts.append(secret)
    say("\n".join(autosync.said_at_start(journal)))  # what the session's own round said
    return widgets.VBox([*parts, button, status])
