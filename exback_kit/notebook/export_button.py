"""The dashboard's export form: the whole journal as a file the person keeps, in any format
the kit writes, sealed like the journal when it is locked.

A locked journal's copy is sealed with its passphrase, through the same path as
``exback export`` (:func:`exback_kit.interchange.exports.export`), unless the person ticks
the box for a clear copy. The passphrase is checked against the journal's key file, used
once and emptied from the field at every click, so nothing of it stays in the widget (or in
a saved notebook).
"""

from __future__ import annotations

import errno
import html
from pathlib import Path

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.errors import JournalError, ValidationError
from exback_kit.interchange import exports, formats
from exback_kit.notebook.accessible import sends_when_left
from exback_kit.notebook.inputs import WIDE
from exback_kit.store import Journal
from exback_kit.store.locking import unlock


def default_path(journal: Journal, fmt: str, *, clear: bool = False) -> Path:
    """Return a dated export file name beside the journal, named as sealed (``….age``) when
    the journal is locked and no clear copy was asked for."""
    out = journal.path.parent / exports.timestamped_name(fmt)
    return exports.sealed_path(out) if journal.encrypted and not clear else out


def _problem(exc: OSError, out: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return texts.DISK_FULL
    return texts.CLI_FILE_PROBLEM.format(path=exc.filename or out, reason=exc.strerror or exc)


def export_widget(journal: Journal) -> widgets.Widget:
    """Return the export form: what to export, where, (locked) the passphrase and the choice
    of a clear copy, a button and a status line.

    Args:
        journal: the open journal to export.
    """
    style = {"description_width": "initial"}
    fmt = widgets.Dropdown(options=[(texts.EXPORT_WIDGET_FORMATS[n], n) for n in
                                    formats.writable()],
                           description=texts.EXPORT_WIDGET_FORMAT, style=style)
    path = sends_when_left(widgets.Text(value=str(default_path(journal, str(fmt.value))),
                                        description=texts.EXPORT_WIDGET_PATH, style=style,
                                        layout=WIDE))
    secret = sends_when_left(widgets.Password(description=texts.EXPORT_WIDGET_PASSPHRASE,
                                              style=style))
    clear = widgets.Checkbox(value=False, description=texts.EXPORT_WIDGET_CLEAR, indent=False,
                             layout=WIDE)
    button = widgets.Button(description=texts.EXPORT_WIDGET_BUTTON, button_style="primary",
                            icon="download")
    status = widgets.HTML(value="")

    def say(text: str) -> None:
        status.value = f"<p role='status'>{html.escape(text)}</p>"

    def renamed(_: object = None) -> None:
        path.value = str(default_path(journal, str(fmt.value), clear=clear.value))

    def write(out: Path, passphrase: str) -> str:
        if not journal.encrypted or clear.value:
            written = exports.export(journal, out, fmt.value)
            return texts.EXPORT_WIDGET_PLAIN.format(path=written)
        if not passphrase.strip():
            raise ValidationError(texts.EXPORT_WIDGET_NEED_PASSPHRASE, field="passphrase")
        unlock(journal.path, passphrase)  # the journal's own passphrase, or a calm refusal
        written = exports.export(journal, exports.sealed_path(out), fmt.value,
                                 passphrase=passphrase)
        return texts.EXPORT_WIDGET_SEALED.format(path=written)

    def on_click(_: object) -> None:
        passphrase, secret.value = secret.value, ""
        if not path.value.strip():
            renamed()
        out = Path(path.value.strip()).expanduser()
        button.disabled = True
        try:
            say(write(out, passphrase))
            renamed()
        except (ValidationError, JournalError) as exc:
            say(str(exc))
        except OSError as exc:  # a folder that isn't there or isn't theirs, a full disk
            say(_problem(exc, out))
        finally:
            button.disabled = False

    fmt.observe(renamed, names="value")
    clear.observe(renamed, names="value")
    button.on_click(on_click)
    parts: list[widgets.Widget] = [fmt, path]
    if journal.encrypted:
        parts += [secret, clear]
    return widgets.VBox([*parts, button, status])
