"""ipywidgets forms built from the content (the steps' questions, the boundaries check) and
the decision form; the index of every form a stage shows.

Every builder is ``name(journal, *, on_save=None) -> Form`` (a ``widgets.VBox``
with ``fields``, ``errors``, ``save_button`` and ``status``; see
:mod:`exback_kit.notebook.form_kit`). ``on_save(entry_id_or_none)`` runs after a
successful save. Forms never run SQL or pandas; they call Journal methods.
The logging forms live in :mod:`exback_kit.notebook.daily_logs` and
:mod:`exback_kit.notebook.entry_lists`, the moving-on stage's in
:mod:`exback_kit.notebook.moving_on_forms`, the wellbeing scales in
:mod:`exback_kit.notebook.wellbeing_forms` and the safety contacts in
:mod:`exback_kit.notebook.safety_forms`; all are named here, where the stages find them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets

from exback_kit import content
from exback_kit.content import texts
from exback_kit.domain import gate, progress
from exback_kit.domain.gate import Journey
from exback_kit.notebook.answers import answer_changes
from exback_kit.notebook.daily_logs import (
    checkin_form,
    contact_form,
    habits_form,
    nocontact_form,
    urge_form,
)
from exback_kit.notebook.entry_lists import (
    agreements_form,
    meeting_form,
    milestones_form,
    old_habits_form,
    patterns_form,
    repairs_form,
    signals_form,
)
from exback_kit.notebook.form_kit import (
    UNCHANGED,
    Form,
    OnSave,
    add_checked,
    entry_html,
    esc,
    history_html,
)
from exback_kit.notebook.inputs import WIDE, choice_buttons, question_widget
from exback_kit.notebook.moving_on_forms import (
    clear_eyed_form,
    devices_form,
    future_form,
    grief_form,
    self_compassion_form,
    untangling_form,
)
from exback_kit.notebook.plans_form import plans_form
from exback_kit.notebook.reaching_out import decision_journal, unsent_vault
from exback_kit.notebook.review_form import review_form
from exback_kit.notebook.safety_forms import (
    crisis_contacts_form,
    late_night_contacts,
    safety_widget,
)
from exback_kit.notebook.session import session
from exback_kit.notebook.wellbeing_forms import rosenberg_form, who5_form
from exback_kit.store import Journal

__all__ = [
    "agreements_form", "boundaries_form", "checkin_form", "clear_eyed_form", "contact_form",
    "crisis_contacts_form", "decision_form", "decision_journal", "devices_form", "future_form",
    "grief_form", "habits_form", "late_night_contacts", "meeting_form", "milestones_form",
    "nocontact_form", "old_habits_form", "patterns_form", "plans_form", "profile_form",
    "repairs_form", "review_form", "rosenberg_form", "safety_widget", "self_compassion_form",
    "signals_form",
    "step_form", "unsent_vault", "untangling_form", "urge_form", "who5_form"
]


# --- step questions ---------------------------------------------------------------

def step_form(journal: Journal, step: int, *, on_save: OnSave = None) -> Form:
    """Return the form for a step's questions, pre-filled with the latest answers.

    Saving writes a new answer row only for questions whose answer changed
    (earlier answers stay as history); a cleared answer is saved as empty. Off the
    open road, questions marked ``open_road_only`` are not asked (their answers stay).

    Raises:
        KeyError: there is no such step.
    """
    s = content.load().step(step)
    road = session().journey(journal)
    intro = "\n\n".join([s.idea, *s.notes, *_notes_for(journal, s, road), texts.SKIP_HINT])
    title = texts.START_HEADING if step == 0 else texts.STEP_HEADING.format(number=step,
                                                                             title=s.title)
    return _answers_form(journal, s, s.shown(road.open_road), css=f"exback-step-{step}",
                         title=title, intro=intro, on_save=on_save)


def _notes_for(journal: Journal, s: content.Step, road: Journey) -> list[str]:
    """Return the notes that follow the person's answers: a step's ``open_notes`` only
    on the open road; step 5's words after who ended it."""
    out: list[str] = ([*s.open_notes, *texts.STEP_NOTES_OPEN_ROAD.get(s.number, ())]
                      if road.open_road else [])
    if s.number in texts.STEP_NOTES_WHO_ENDED:
        who = _latest_answers(journal, 0).get("who_ended")
        note = texts.STEP_NOTES_WHO_ENDED[s.number].get(str(who))
        if note:
            out.append(note)
    return out


def profile_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the start-here profile (breakup date, who ended it, how long together, …)."""
    start = content.load().start
    return _answers_form(journal, start, start.group("profile"), css="exback-profile",
                         title=texts.PROFILE_HEADING, intro=texts.SKIP_HINT, on_save=on_save)


def boundaries_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the boundaries check: four questions, each yes / no / not sure, that drive
    the gates. "Not sure" counts as yes and says so; any answer can be cleared again by
    the button under it, named for its question (``form.clear_buttons[question_id]``)."""
    start = content.load().start
    clear_buttons: dict[str, widgets.Button] = {}

    def clear_button(q: content.Question) -> widgets.Button:
        name = texts.BOUNDARIES_CLEAR.format(question=q.text)
        button = widgets.Button(description=name, tooltip=name,
                                layout=widgets.Layout(width="auto", max_width="100%"))
        button.add_class("exback-clear-answer")
        button.on_click(lambda _b: _clear_answer(form, q.id))
        clear_buttons[q.id] = button
        return button

    form = _answers_form(journal, start, start.group("boundaries"), css="exback-boundaries",
                         title=texts.BOUNDARIES_HEADING, intro=texts.BOUNDARIES_INTRO,
                         on_save=on_save, normalise=gate.as_answer, beside=clear_button)
    form.clear_buttons = clear_buttons
    note = widgets.HTML("", _dom_classes=("exback-not-sure",))

    def explain(_change: object = None) -> None:
        unsure = any(form.fields[q.id].value == "not_sure" for q in start.group("boundaries"))
        note.value = f"<p><i>{esc(texts.BOUNDARIES_NOT_SURE)}</i></p>" if unsure else ""

    for qid, button in clear_buttons.items():
        form.fields[qid].observe(explain, names="value")
        form.fields[qid].observe(lambda ch, b=button: setattr(b, "disabled", ch["new"] is None),
                                 names="value")
        button.disabled = form.fields[qid].value is None
    form.extra.children = (note,)
    explain()
    return form


def _clear_answer(form: Form, question_id: str) -> None:
    form.fields[question_id].value = None
    form.say(texts.BOUNDARIES_CLEARED)


def _answers_form(journal: Journal, step: content.Step, questions: Sequence[content.Question],
                  *, css: str, title: str, intro: str, on_save: OnSave,
                  normalise: Callable[[object], object] | None = None,
                  beside: Callable[[content.Question], widgets.Widget] | None = None) -> Form:
    """Return a form of content questions; ``normalise`` maps stored answers to the
    widgets' values (the boundaries check once stored True/False); ``beside`` gives a
    widget to show under a question's input (its Clear button)."""
    form = Form(css, title, intro=intro, on_save=on_save)
    form.add_class("exback-answers")
    latest = _latest_answers(journal, step.number)
    if normalise is not None:
        latest = {k: normalise(v) for k, v in latest.items()}
    for q in questions:
        w, shown = question_widget(q, latest.get(q.id))
        if beside is not None:
            shown = widgets.VBox([shown, beside(q)])
        form.add(q.id, w, label=q.text, help=q.help, display=shown)

    def handler() -> object:
        changes = _changed_answers(journal, step.number, questions, form, normalise)
        if not changes:
            return UNCHANGED
        journal.add_many("answers", [{"step": step.number, "question": qid, "value": value}
                                     for qid, value in changes])
        form.say(texts.say(texts.SAVED_ANSWERS, count=len(changes)))
        return None

    form.handler = handler
    return form


def _latest_answers(journal: Journal, step: int) -> dict[str, object]:
    """Return the newest answer to each question of ``step``, from the view's tables."""
    return progress.latest_answers(session().tables(journal)["answers"], step)


def _changed_answers(journal: Journal, step: int, questions: Sequence[content.Question],
                     form: Form, normalise: Callable[[object], object] | None = None,
                     ) -> list[tuple[str, object]]:
    """Return (question id, value) for answers that differ from the stored ones.

    Raises:
        Problems: some answers don't fit their question.
    """
    latest = journal.latest_answers(step)
    if normalise is not None:
        latest = {k: normalise(v) for k, v in latest.items()}
    return answer_changes(questions, form, latest)


# --- the decision (step 2) -----------------------------------------------------------

def decision_form(journal: Journal, *, on_save: OnSave = None) -> Form:
    """Return the step-2 decision: try again / not sure yet / move on, with reasons and history."""
    form = Form("exback-decision", texts.DECISION_HEADING, intro=texts.DECISION_INTRO,
                on_save=on_save)
    latest = journal.latest_record("decisions")
    form.add("decision", choice_buttons(texts.DECISION_CHOICES,
                                        latest["decision"] if latest else None),
             label=texts.DECISION_LABEL)
    form.add("reasons", widgets.Textarea(rows=3, layout=WIDE),
             label=texts.DECISION_REASONS)
    history = widgets.HTML()
    form.extra.children = (history,)

    def refresh() -> None:
        rows = journal.records("decisions", newest_first=True)
        history.value = history_html([entry_html(
            texts.say(texts.DECISION_ROW, day=r["day"],
                      decision=texts.DECISION_CHOICES[r["decision"]]),
            [r["reasons"]]) for r in rows])

    def handler() -> object:
        decision = form.fields["decision"].value
        latest = journal.latest_record("decisions")
        if (latest and decision == latest["decision"]
                and not form.fields["reasons"].value.strip()):
            form.say(texts.DECISION_UNCHANGED)
            return UNCHANGED
        entry = add_checked(journal, "decisions", {"decision": decision,
                                                   "reasons": form.fields["reasons"].value})
        form.fields["reasons"].value = ""
        form.say(texts.DECISION_SAVED.format(decision=texts.DECISION_CHOICES[decision]))
        return entry

    form.handler, form.after_save = handler, refresh
    refresh()
    return form
