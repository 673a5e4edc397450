""""Your risky times" (stage 04): the person's riskiest windows of the week, an if-then plan
for each, the plans kept (change or end them), and what helped with its counts.

``plans_form(journal, *, on_save=None)`` returns a :class:`~exback_kit.notebook.form_kit.Form`:
``fields["window"]`` (a Dropdown of windows without an active plan, risky ones first, value
like ``"sat 22:00"``) and ``fields["action"]`` (a Combobox whose options are ideas from what
helped this person). ``form.rows[plan_id]`` holds an active plan's ``action`` box, its
``save`` and ``end`` buttons and its ``error`` line. Every text the person wrote is escaped.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.content.vocab import WEEKDAY_IDS
from exback_kit.domain import plans
from exback_kit.domain.windows import Window, active_for, describe, parse_when, sentence
from exback_kit.errors import ValidationError
from exback_kit.notebook.accessible import sends_when_left
from exback_kit.notebook.form_kit import Form, OnSave, add_checked, entry_html, esc, paragraphs
from exback_kit.notebook.inputs import WIDE
from exback_kit.store import Journal, validate


def _when(window: Window) -> str:
    """Return the Dropdown value of a window, the same words ``exback plan add --when`` takes."""
    return f"{WEEKDAY_IDS[window.weekday]} {window.start_hour:02d}:00"


class _View:
    """What the form shows, read once per refresh from the journal's frames."""

    def __init__(self, journal: Journal, today: date | None) -> None:
        urges, contacts = journal.table("urges"), journal.table("contacts")
        self.saved = journal.table("plans")
        self.windows = plans.risky_windows(urges, today)
        self.lines = dict(zip(self.windows["window"], plans.window_lines(self.windows),
                              strict=True))
        self.ideas, self.own_ideas = plans.suggestions(urges, contacts, today)
        self.helped = plans.helped_sentences(urges, contacts, today)
        self.active = plans.active_plans(self.saved)
        self.reviews = plans.review_lines(urges, self.active, today)

    def options(self) -> list[tuple[str, str]]:
        """Return the windows a new plan can take: risky ones first, then the rest of the week."""
        planned = set(self.active["window"])
        risky = [w for w in self.windows["window"] if w not in planned]
        rest = [w for w in plans.all_windows() if w not in planned and w not in risky]
        return [(self.lines[w], _when(w)) for w in risky] + [(describe(w), _when(w))
                                                             for w in rest]

    def first_risky(self) -> str | None:
        planned = set(self.active["window"])
        return next((_when(w) for w in self.windows["window"] if w not in planned), None)


def _windows_html(view: _View) -> str:
    if view.windows.empty:
        need = texts.PLANS_NEED_MORE.format(least=plans.MIN_URGES, weeks=plans.WINDOW_WEEKS)
        return f"<p><i>{esc(need)}</i></p>"
    planned = {row.window: row.action for row in view.active.itertuples()}
    items = []
    for window in view.windows["window"]:
        action = planned.get(window)
        state = (texts.PLANS_HAS_PLAN.format(action=action) if action is not None
                 else texts.PLANS_NO_PLAN)
        items.append(f"<li>{esc(view.lines[window])} — {esc(state)}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _ideas_html(view: _View) -> str:
    template = texts.PLANS_IDEAS_OWN if view.own_ideas else texts.PLANS_IDEAS_KIT
    return f"<small>{esc(template.format(ideas='; '.join(view.ideas)))}</small>"


def _helped_html(view: _View) -> str:
    rows = "".join(f"<li>{esc(line)}</li>" for line in view.helped)
    return f"<p><b>{esc(texts.HELPED_HEADING)}</b></p><ul>{rows}</ul>"


def _plan_row(form: Form, row: Any, review: str, change: Any, end: Any) -> widgets.Widget:
    """Return one active plan: its sentence, its review counts, a box to change it, End."""
    entry = int(row.id)
    shown = widgets.HTML(entry_html(sentence(row.window, row.action), [review]))
    # A description is a real <label> for the box (plain text, never HTML).
    box = sends_when_left(widgets.Text(value=row.action, description=texts.PLANS_CHANGE_LABEL,
                                       layout=WIDE, style={"description_width": "initial"}))
    box.add_class("exback-plan-action")
    save = widgets.Button(description=texts.PLANS_SAVE_CHANGE)
    save.add_class("exback-plan-save")
    save.on_click(lambda _b: change(entry))
    stop = widgets.Button(description=texts.PLANS_END)
    stop.add_class("exback-plan-end")
    stop.on_click(lambda _b: end(entry))
    error = widgets.HTML("")
    form.rows[entry] = {"action": box, "save": save, "end": stop, "error": error,
                        "window": row.window}
    return widgets.VBox([shown, box, widgets.HBox([save, stop]), error])


def plans_form(journal: Journal, *, on_save: OnSave = None, today: date | None = None) -> Form:
    """Return "Your risky times": windows in words, a new if-then plan, the plans kept.

    Args:
        journal: the open journal (read for urges, contacts and plans; plans are written).
        on_save: called with the plan id after a plan is saved, changed or ended.
        today: the last day the windows look at (default: the local date).
    """
    form = Form("exback-plans", texts.PLANS_HEADING,
                intro=texts.PLANS_INTRO.format(weeks=plans.WINDOW_WEEKS),
                save_label=texts.PLANS_SAVE, on_save=on_save)
    windows_box, ideas_box = widgets.HTML(), widgets.HTML()
    windows_box.add_class("exback-plans-windows")
    form.body.children = (windows_box,)
    window = form.add("window", widgets.Dropdown(options=[], value=None, layout=WIDE),
                      label=texts.PLANS_WINDOW, help=texts.PLANS_WINDOW_HELP)
    action = form.add("action", widgets.Combobox(options=[], ensure_option=False, layout=WIDE),
                      label=texts.PLAN_IF_THEN.format(window="…"), help=texts.PLANS_ACTION_HELP)
    form.body.children = (*form.body.children, ideas_box)
    helped_box = widgets.HTML()
    helped_box.add_class("exback-plans-helped")
    plans_box = widgets.VBox()
    form.extra.children = (plans_box, helped_box)

    def label_for(value: str | None) -> None:
        shown = describe(parse_when(value), plural=False) if value else "…"
        action.description = texts.PLAN_IF_THEN.format(window=shown)  # the box's own label

    window.observe(lambda change: label_for(change["new"]), names="value")

    def change(entry: int) -> None:
        row = form.rows[entry]
        form.update_row(journal, "plans", entry,
                        texts.PLANS_CHANGED.format(window=describe(row["window"])),
                        action=row["action"].value)

    def end(entry: int) -> None:
        form.update_row(journal, "plans", entry,
                        texts.PLANS_ENDED.format(window=describe(form.rows[entry]["window"])),
                        ended_at=validate.now())

    def refresh() -> None:
        view = _View(journal, today)
        windows_box.value = _windows_html(view)
        ideas_box.value = _ideas_html(view)
        helped_box.value = _helped_html(view)
        window.options = view.options()
        window.value = form.starts["window"] = view.first_risky()
        label_for(window.value)
        action.options = list(view.ideas)
        form.rows = {}
        rows = [_plan_row(form, row, review, change, end) for row, review in zip(
            view.active.itertuples(), view.reviews, strict=True)]
        ended = len(view.saved) - len(view.active)
        heading = f"<p><b>{esc(texts.PLANS_ACTIVE)}</b></p>"
        if not rows:
            heading += f"<p><i>{esc(texts.PLANS_NONE)}</i></p>"
        notes = [texts.PLANS_REVIEW_NOTE] if rows else []
        if ended:
            notes.append(texts.say(texts.PLANS_ENDED_COUNT, count=ended))
        footer = widgets.HTML("".join(f"<p><small>{paragraphs(n)}</small></p>" for n in notes))
        plans_box.children = (widgets.HTML(heading), *rows, footer)

    def handler() -> object:
        chosen = window.value
        if not chosen:
            raise ValidationError(texts.REQUIRED.format(field=texts.PLANS_WINDOW,
                                                        value=texts.NOTHING), field="window")
        picked = parse_when(chosen, field="window")
        if active_for(journal.records("plans"), picked) is not None:
            raise ValidationError(texts.PLANS_SAME_WINDOW.format(window=describe(picked)),
                                  field="window")
        entry = add_checked(journal, "plans", {**picked.ids, "action": action.value})
        form.reset()
        form.say(texts.PLANS_SAVED.format(window=describe(picked)))
        return entry

    form.handler, form.after_save = handler, refresh
    refresh()
    return form
