"""What the person might send, kept here instead: the unsent-message vault (a message
written and held, asked about again after its cooling-off period) and the decision journal
(before any reach-out, what they expect; afterwards, what happened).

Nothing here sends anything anywhere. Each builder is ``name(journal, *, on_save=None) ->
Form`` (see :mod:`exback_kit.notebook.form_kit`).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from exback_kit.content import language, texts
from exback_kit.domain.cooling import DEFAULT_COOLING_HOURS, hours_left
from exback_kit.notebook.form_kit import Form, OnSave, add_checked, entry_html, error_html, esc
from exback_kit.notebook.inputs import WIDE, labelled
from exback_kit.notebook.session import session
from exback_kit.store import Journal
from exback_kit.store.validate import now

# --- unsent-message vault ---------------------------------------------------------------------

def unsent_vault(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the unsent-message vault: write and keep a message; after the cooling-off
    period (default 72 h) it asks whether you still want to. Nothing is ever sent.

    ``form.rows[entry_id]`` holds a due message's review buttons (``still_want``,
    ``let_go``, ``rewritten``), its ``note`` box and its ``error`` line.
    """
    # "still want to send?" only on the open road: never after a boundaries yes or a decision
    # to move on, nor while the check is unanswered (like step 9's pace, it waits for it)
    held = not session().journey(journal).open_road
    form = Form("exback-vault", texts.VAULT_HEADING,
                intro=texts.VAULT_INTRO_BOUNDARIES if held else texts.VAULT_INTRO,
                on_save=on_save)
    form.add("text", widgets.Textarea(rows=4, layout=WIDE), label=texts.VAULT_TEXT)
    form.add("cooling_hours", widgets.IntText(value=DEFAULT_COOLING_HOURS),
             label=texts.VAULT_COOLING)

    def review(entry: int, status: str) -> None:
        row = form.rows[entry]
        message = {"still_want": texts.VAULT_STILL_WANT, "let_go": texts.VAULT_LET_GO,
                   "rewritten": texts.VAULT_REWRITE_LETTER if held else texts.VAULT_REWRITE,
                   "kept": texts.VAULT_KEPT}[status]
        form.update_row(journal, "unsent", entry, message, status=status, reviewed_at=now(),
                        review_note=row["note"].value)

    def refresh() -> None:
        form.rows = {}
        form.extra.children = tuple(_vault_entry(form, r, review, held=held)
                                    for r in journal.records("unsent", newest_first=True))

    def handler() -> object:
        f = form.fields
        hours = f["cooling_hours"].value
        entry = add_checked(journal, "unsent", {"text": f["text"].value, "cooling_hours": hours})
        f["text"].value = ""
        form.say(texts.say(texts.VAULT_SAVED, hours=hours))
        return entry

    form.handler, form.after_save = handler, refresh
    refresh()
    return form


def _vault_entry(form: Form, row: dict[str, Any], review: Any, *,
                 held: bool = False) -> widgets.Widget:
    """One vault message; when due, its re-ask (``held``: keep, rewrite as a letter, let go)."""
    left = hours_left(row["at"], row["cooling_hours"], now())
    if row["status"] != "waiting":
        line = texts.say(texts.VAULT_REVIEWED, day=row["day"],
                         status=texts.VAULT_DECIDED[row["status"]])
    elif left:
        line = texts.say(texts.VAULT_WAITING, day=row["day"], left=left)
    else:
        line = texts.say(texts.VAULT_DUE_BOUNDARIES if held else texts.VAULT_DUE, day=row["day"])
    shown = widgets.HTML(entry_html(line, [row["text"], row["review_note"]]))
    if row["status"] != "waiting" or left:
        return shown
    entry = int(row["id"])
    note = labelled(widgets.Text(layout=WIDE), texts.VAULT_REVIEW_NOTE)
    error = widgets.HTML("")
    buttons = {}
    labels = (texts.VAULT_STATUSES_BOUNDARIES if held else
              {s: texts.VAULT_STATUSES[s] for s in ("still_want", "let_go", "rewritten")})
    for status, label in labels.items():
        button = widgets.Button(description=label)
        button.add_class(f"exback-review-{status}")
        button.on_click(lambda _b, s=status: review(entry, s))
        buttons[status] = button
    form.rows[entry] = {**buttons, "note": note, "error": error}
    return widgets.VBox([shown, note, widgets.HBox(list(buttons.values())), error])


# --- decision journal (reach-outs) -------------------------------------------------------------

def decision_journal(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the decision journal: before a reach-out write the plan, what you expect and why;
    afterwards what happened, shown side by side.

    ``form.rows[entry_id]`` holds an open entry's ``outcome`` box, ``save`` button and ``error``.
    """
    # on the moving-on road it never opens with "before any reach-out" or asks for a plan
    road = session().journey(journal)
    intro = road.words(texts.REACH_INTRO_BY_ROAD)
    labels = texts.REACH_LABELS_MOVING_ON if road.moving_on else {
        "plan": texts.REACH_PLAN, "expectation": texts.REACH_EXPECT, "why": texts.REACH_WHY,
        "outcome": texts.REACH_OUTCOME}
    form = Form("exback-reachouts", texts.REACH_HEADING, intro=intro, on_save=on_save)
    for name in ("plan", "expectation", "why"):
        form.add(name, widgets.Textarea(rows=2, layout=WIDE), label=labels[name])

    def record_outcome(entry: int) -> None:
        row = form.rows[entry]
        text = row["outcome"].value
        if not text.strip():
            row["error"].value = error_html(texts.REQUIRED.format(field=labels["outcome"],
                                                                  value=texts.NOTHING))
            return
        form.update_row(journal, "reachouts", entry, outcome=text, outcome_at=now())

    def refresh() -> None:
        form.rows = {}
        form.extra.children = tuple(_reach_entry(form, r, record_outcome, labels)
                                    for r in journal.records("reachouts", newest_first=True))

    def handler() -> object:
        f = form.fields
        entry = add_checked(journal, "reachouts", {name: f[name].value
                                                   for name in ("plan", "expectation", "why")})
        form.reset()
        return entry

    form.handler, form.after_save = handler, refresh
    refresh()
    return form


def _reach_entry(form: Form, row: dict[str, Any], record_outcome: Any,
                 labels: dict[str, str]) -> widgets.Widget:
    before = widgets.HTML(entry_html(f"{texts.REACH_BEFORE} · {language.day(row['day'])}", [
        f"{labels[name]}: {row[name]}" for name in ("plan", "expectation", "why") if row[name]]))
    half = widgets.Layout(width="48%")
    before.layout = half
    if row["outcome"]:
        after: widgets.Widget = widgets.HTML(entry_html(texts.REACH_AFTER, [row["outcome"]]))
        after.layout = half
        return widgets.HBox([before, after])
    entry = int(row["id"])
    outcome = labelled(widgets.Textarea(rows=3, layout=WIDE), labels["outcome"])
    save = widgets.Button(description=texts.REACH_SAVE_OUTCOME)
    save.add_class("exback-save-outcome")
    save.on_click(lambda _b: record_outcome(entry))
    error = widgets.HTML("")
    form.rows[entry] = {"outcome": outcome, "save": save, "error": error}
    pending = widgets.HTML(f"<b>{esc(texts.REACH_AFTER)}</b> <i>{esc(texts.REACH_PENDING)}</i>")
    return widgets.HBox([before, widgets.VBox([pending, outcome, save, error], layout=half)])

