"""The dashboard's report form: steps to include, file name, a button and a progress bar."""

from __future__ import annotations

import html

import ipywidgets as widgets

from exback_kit import content
from exback_kit.content import LAST_STEP, texts
from exback_kit.domain import gate
from exback_kit.errors import ValidationError
from exback_kit.notebook.accessible import sends_when_left
from exback_kit.notebook.session import session
from exback_kit.report import default_path, write_report
from exback_kit.store import Journal


def _step_options(journal: Journal) -> list[tuple[str, int]]:
    """Return the steps offered for the report, leaving out set-aside stages' steps."""
    kit = content.load()
    road = session().journey(journal)
    hidden = {n for sid in gate.set_aside(road) for n in kit.stage(sid).steps}
    return [(texts.REPORT_WIDGET_STEP_OPTION.format(number=n, title=kit.step(n).title), n)
            for n in range(LAST_STEP + 1) if n not in hidden]


def report_widget(journal: Journal) -> widgets.Widget:
    """Return the report form: steps to include, file name, a button, a progress bar, a status.

    Args:
        journal: the open journal the report is made from.
    """
    steps = widgets.SelectMultiple(options=_step_options(journal), rows=8,
                                   description=texts.REPORT_WIDGET_STEPS,
                                   style={"description_width": "initial"})
    path = sends_when_left(widgets.Text(value=str(default_path(journal)),
                                        description=texts.REPORT_WIDGET_PATH,
                                        layout=widgets.Layout(width="90%")))
    button = widgets.Button(description=texts.REPORT_WIDGET_BUTTON, button_style="primary",
                            icon="file-pdf-o")
    bar = widgets.FloatProgress(value=0.0, min=0.0, max=1.0, layout=widgets.Layout(width="90%"))
    status = widgets.HTML(value="")

    def say(text: str) -> None:
        status.value = html.escape(text)

    def on_progress(fraction: float, label: str) -> None:
        bar.value = fraction
        say(label)

    def on_click(_: object) -> None:
        button.disabled = True
        say(texts.REPORT_WIDGET_WORKING)
        try:
            written, pages = write_report(journal, path.value.strip(),
                                          include_steps=steps.value, progress=on_progress)
            say(texts.REPORT_WRITTEN.format(path=written, pages=pages))
            path.value = str(default_path(journal))
        except ValidationError as exc:
            bar.value = 0.0
            say(str(exc))
        finally:
            button.disabled = False

    button.on_click(on_click)
    # HTML (escaped) rather than Label: a Label cuts long sentences off instead of wrapping.
    return widgets.VBox([widgets.HTML(html.escape(texts.REPORT_WIDGET_INTRO)), steps,
                         widgets.HTML(html.escape(texts.REPORT_WIDGET_STEPS_HELP)), path, button,
                         bar, status])
