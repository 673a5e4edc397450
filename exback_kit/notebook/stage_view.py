"""What a notebook calls: each stage's forms, charts, "where you are" and "what comes next".

A notebook cell makes one call, e.g. ``stages.header("01_space_and_clarity")``,
``stages.section("01_space_and_clarity", "no_contact")``,
``stages.charts("01_space_and_clarity")`` or ``stages.next_steps(...)``;
``stages.show(stage_id)`` gives the whole stage in one widget.

The journal is opened once per kernel (``EXBACK_JOURNAL``, else ``EXBACK_HOME`` or
the per-user folder). Every form saves through the same kernel session, and any
Save re-draws the charts and the "where you are" lines at once. Gated stages show
the boundaries explanation instead of their forms. On an empty journal the header
offers the demo journal; while it is shown, a banner says so on every part.

Privacy: every part is a :class:`~exback_kit.notebook.parts.Part`, whose plain-text
repr names only the stage, so a saved notebook keeps no journal text; charts
are PNG bytes inside ``Image`` widgets, which JupyterLab does not save.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.notebook import page_words
from exback_kit.notebook.parts import Part, chart_view, html_kit
from exback_kit.notebook.session import session
from exback_kit.store import Journal

__all__ = ["LAYOUTS", "Section", "StageLayout", "charts", "header", "journal", "next_steps",
           "section", "show", "use_demo", "use_journal"]


@dataclass(frozen=True)
class Section:
    """A part of a stage: a few forms shown together under one heading in the notebook.

    ``forms`` names builders: a function of :mod:`exback_kit.notebook.forms` (``"urge_form"``),
    ``"step:N"`` for step N's questions, ``"readiness"``, ``"report"``, ``"sync"``,
    ``"search"`` or ``"your_words"``.
    """

    id: str
    forms: tuple[str, ...]
    #: "profile" or "boundaries": start folded (a summary and a button) once answered.
    fold_when_answered: str = ""


@dataclass(frozen=True)
class StageLayout:
    """What one stage notebook shows."""

    sections: tuple[Section, ...]
    charts: tuple[str, ...] = ()
    next_stage: str | None = None
    #: Extras of the "where you are" box (see exback_kit.notebook.stage_words.WHERE_EXTRAS).
    where: frozenset[str] = frozenset()


ALL_CHARTS = ("mood", "mood_meter", "year_pixels", "no_contact", "urges", "habits",
              "wellbeing", "journey", "mind", "reappraisal", "clarity")
#: Builders that live in modules of their own: form spec -> (module, function).
OWN_MODULES = {
    "ride_it_out": ("exback_kit.notebook.ride_it_out", "ride_it_out_card"),
    "moments_link": ("exback_kit.notebook.ride_it_out", "moments_link"),
    "moments_cards": ("exback_kit.notebook.moments", "moments_cards"),
    "self_form": ("exback_kit.notebook.self_forms", "self_form"),
    "clarity_form": ("exback_kit.notebook.self_forms", "clarity_form"),
    "we_i_form": ("exback_kit.notebook.self_forms", "we_i_form"),
}

#: stage id -> what its notebook shows. Section ids are what notebooks pass to section().
LAYOUTS: dict[str, StageLayout] = {
    "00_start_here": StageLayout(
        (Section("profile", ("language_picker", "profile_form"), fold_when_answered="profile"),
         Section("boundaries", ("boundaries_form",), fold_when_answered="boundaries"),
         Section("checkin", ("checkin_form",))),
        charts=("mood",), next_stage="01_space_and_clarity",
        where=frozenset({"stage", "no_contact", "journal"})),
    "01_space_and_clarity": StageLayout(
        (Section("no_contact", ("nocontact_form", "contact_form", "urge_form")),
         Section("assess", ("step:1", "step:2", "decision_form"))),
        charts=("no_contact", "urges"), next_stage="02_reading_the_signals",
        where=frozenset({"no_contact"})),
    "02_reading_the_signals": StageLayout(
        (Section("signals", ("step:3", "signals_form")),),
        next_stage="03_rebuilding_you"),
    "03_rebuilding_you": StageLayout(
        (Section("patterns", ("step:4", "patterns_form")),
         Section("self_esteem", ("step:5", "rosenberg_form", "who5_form",
                                 "crisis_contacts_form")),
         Section("life", ("step:6", "step:7", "habits_form")),
         Section("who_am_i", ("self_form", "clarity_form"))),
        charts=("habits", "wellbeing", "clarity"), next_stage="04_holding_steady"),
    "04_holding_steady": StageLayout(
        (Section("ride_it_out", ("ride_it_out", "moments_link")),
         Section("venting", ("step:8",)),
         Section("urges", ("step:9", "urge_form", "late_night_contacts", "unsent_vault",
                           "decision_journal")),
         Section("risky_times", ("plans_form",))),
        charts=("urges", "mood_meter"), next_stage="05_reconnecting",
        where=frozenset({"no_contact"})),
    "05_reconnecting": StageLayout(
        (Section("readiness", ("readiness",)),
         Section("invitation", ("step:10", "decision_journal", "review_form")),
         Section("meetings", ("step:11", "step:12", "step:13", "meeting_form"))),
        next_stage="06_the_conversation"),
    "06_the_conversation": StageLayout(
        (Section("future", ("step:14",)), Section("repairs", ("step:15", "repairs_form")),
         Section("agreements", ("step:16", "agreements_form"))),
        next_stage="07_relationship_2_0"),
    "07_relationship_2_0": StageLayout(
        (Section("old_habits", ("step:17", "old_habits_form")),
         Section("milestones", ("step:18", "milestones_form"))),
        charts=("habits",), next_stage="08_dashboard"),
    "08_dashboard": StageLayout(
        (Section("ride_it_out", ("ride_it_out",)),
         Section("readiness", ("readiness",)), Section("report", ("report",)),
         Section("sync", ("sync",)), Section("search", ("search",)),
         Section("words", ("your_words",)), Section("export", ("export",))),
        charts=ALL_CHARTS, where=frozenset({"stage", "no_contact"})),
    # The other road, never set aside: open to everyone, whatever the gate says.
    "09_moving_on": StageLayout(
        (Section("grief", ("grief_form",)), Section("clear_eyed", ("clear_eyed_form",)),
         Section("self_compassion", ("self_compassion_form",)),
         Section("devices", ("devices_form",)), Section("untangling", ("untangling_form",)),
         Section("when_it_happens", ("moments_cards",)),
         Section("who_am_i", ("self_form", "clarity_form", "we_i_form")),
         Section("future", ("future_form",)), Section("mind", ("checkin_form",))),
        charts=("mind", "reappraisal", "clarity"), next_stage="08_dashboard"),
}


# --- the journal this kernel uses ------------------------------------------------

def journal() -> Journal:
    """Return the journal the notebooks in this kernel use (opened once)."""
    return session().journal()


def use_journal(journal: Journal) -> None:
    """Make this kernel's notebooks use ``journal`` (an open Journal); for tests and tools."""
    session().use(journal)


def use_demo(on: bool = True) -> None:
    """Show the demo journal (made-up data) instead of the person's, or go back to theirs."""
    session().use_demo(on)


# --- building blocks ---------------------------------------------------------------

def _plan(stage_id: str) -> StageLayout:
    try:
        return LAYOUTS[stage_id]
    except KeyError:
        raise KeyError(texts.STAGE_UNKNOWN.format(
            stage_id=stage_id, allowed=", ".join(LAYOUTS))) from None


def _builder(spec: str) -> Callable[..., widgets.Widget]:
    """Return a function (journal, on_save) -> Widget for a form spec of a Section."""
    # late import: a page loads only the parts it shows (time to the first form)
    from exback_kit.notebook import forms
    if spec.startswith("step:"):
        number = int(spec.split(":", 1)[1])
        return lambda j, on_save: forms.step_form(j, number, on_save=on_save)
    if spec == "readiness":
        from exback_kit.notebook.readiness_list import readiness_widget

        return lambda j, on_save: readiness_widget(session().tables(j),
                                                   road=session().journey())
    if spec == "report":
        from exback_kit.notebook.report_button import report_widget

        return lambda j, on_save: report_widget(j)
    if spec == "export":
        from exback_kit.notebook.export_button import export_widget

        return lambda j, on_save: export_widget(j)
    if spec in ("search", "your_words"):
        from exback_kit.notebook import search_box

        if spec == "search":
            return lambda j, on_save: search_box.search_widget(
                j, links_to=lambda stage: not _held(stage))
        return lambda j, on_save: search_box.words_widget(j)
    if spec == "language_picker":
        from exback_kit.notebook.language_picker import language_picker

        # the person's own choice, kept in their journal even while the demo is shown
        return lambda j, on_save: language_picker(session().mine(), on_save=on_save)
    if spec == "sync":
        from exback_kit.notebook.sync_button import sync_widget

        return lambda j, on_save: sync_widget(j, on_sync=on_save)
    if spec in OWN_MODULES:
        module, name = OWN_MODULES[spec]
        build = getattr(importlib.import_module(module), name)
    else:
        build = getattr(forms, spec)
    return lambda j, on_save: build(j, on_save=on_save)


def _gated(stage_id: str) -> bool:
    return session().gated_by(stage_id) is not None


def _held(stage_id: str) -> bool:
    """True when the stage shows no forms: set aside, or waiting for the boundaries check."""
    return _gated(stage_id) or session().asks_boundaries_first(stage_id)


def guidance_html(stage_id: str, section_id: str) -> str:
    """Return a section's heading and guidance from ``data/guidance.toml`` (escaped), or ""."""
    # late import: a page loads only the parts it shows (time to the first form)
    from exback_kit.content.guidance import load_guidance
    from exback_kit.notebook.form_kit import esc, paragraphs

    stage = load_guidance().get(stage_id)
    words = stage.section(section_id) if stage else None
    if words is None:
        return ""
    text = session().journey().words({"default": "", **words.texts})
    body = f"<p>{paragraphs(text)}</p>" if text else ""
    return f"<h2>{esc(words.heading)}</h2>{body}"


def _section_children(stage_id: str, sec: Section) -> list[widgets.Widget]:
    s = session()
    j = s.journal()
    if _held(stage_id):
        return []  # the notice at the top of the page says why; nothing to fill in here
    out: list[widgets.Widget] = []
    words = guidance_html(stage_id, sec.id)
    if words:
        out.append(html_kit(words, "exback-guidance"))
    label = f"{stage_id}:section:{sec.id}"
    if sec.fold_when_answered and label not in s.unfolded:
        # late import: a page loads only the parts it shows (time to the first form)
        from exback_kit.notebook.stage_words import folded_children

        folded = folded_children(sec.fold_when_answered, j, lambda: s.unfold(label))
        if folded:
            return out + folded
    for spec in sec.forms:
        out.append(widgets.VBox([_builder(spec)(j, s.saved)],
                                _dom_classes=("exback-form-" + spec.replace(":", "-"),)))
    return out


# --- what a notebook cell calls --------------------------------------------------------

def header(stage_id: str) -> Part:
    """Return the top of a stage: demo offer or banner, gate notice, and where the person is."""
    # late import: a page loads only the parts it shows (time to the first form)
    from exback_kit.notebook.stage_words import header_children

    where = _plan(stage_id).where
    def children() -> list[widgets.Widget]:
        below = header_children(stage_id, where)  # opens the journal: its language first
        return [html_kit(page_words.title_html(stage_id), "exback-page-title"), *below]

    return session().part(stage_id, "header", children, refresh_on_save=True)


def section(stage_id: str, section_id: str) -> Part:
    """Return one section of a stage's forms (or the gate's note on a gated stage).

    Raises:
        KeyError: the stage has no such section (the message lists the ones it has).
    """
    plan = _plan(stage_id)
    for sec in plan.sections:
        if sec.id == section_id:
            return session().part(stage_id, f"section:{section_id}",
                                  partial(_section_children, stage_id, sec))
    raise KeyError(texts.STAGE_NO_SECTION.format(
        stage_id=stage_id, section=section_id,
        allowed=", ".join(s.id for s in plan.sections)))


def _chart_children(stage_id: str) -> list[widgets.Widget]:
    s = session()
    if _held(stage_id) and stage_id != "08_dashboard":
        return []
    tables = s.tables()
    heading = page_words.charts_heading(stage_id)
    top = [html_kit(page_words.heading_html(heading), "exback-page-heading")] if heading else []
    return top + [chart_view(name, tables) for name in _plan(stage_id).charts]


def charts(stage_id: str) -> Part:
    """Return the stage's charts; they re-draw after every Save in this kernel."""
    return session().part(stage_id, "charts", lambda: _chart_children(stage_id),
                          refresh_on_save=True)


def next_steps(stage_id: str) -> Part:
    """Return "what comes next" for the stage, with a link to the next notebook."""
    # late import: a page loads only the parts it shows (time to the first form)
    from exback_kit.notebook.stage_words import next_children

    _plan(stage_id)
    return session().part(stage_id, "next",
                          lambda: [html_kit(page_words.heading_html(texts.PAGE_NEXT_HEADING),
                                            "exback-page-heading"),
                                   *next_children(stage_id, _plan(stage_id).next_stage),
                                   html_kit(page_words.closing_html(stage_id), "exback-closing")],
                          refresh_on_save=True)


def show(stage_id: str) -> Part:
    """Return the whole stage in one widget: header, every section, charts, what comes next."""
    parts: list[widgets.Widget] = [header(stage_id)]
    parts += [section(stage_id, sec.id) for sec in _plan(stage_id).sections]
    parts += [charts(stage_id), next_steps(stage_id)]
    return Part(stage_id, "all", children=parts)
