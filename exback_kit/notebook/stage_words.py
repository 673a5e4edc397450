"""The words around a stage's forms: demo offer or banner, "where you are", "what comes next".

Pure helpers return the lines as plain strings (tested without widgets); the
``*_children`` functions turn them into widgets for :mod:`exback_kit.stages`.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from exback_kit import content
from exback_kit.content import texts
from exback_kit.domain.nocontact import no_contact_line
from exback_kit.notebook.accessible import Stylesheet
from exback_kit.notebook.gate_notice import ask_first_notice, gate_notice, safety_box
from exback_kit.notebook.look import BOX_STYLE, LINK_STYLE, SOFT_STYLE
from exback_kit.notebook.parts import html_kit
from exback_kit.notebook.session import session
from exback_kit.store import Journal
from exback_kit.store.settings import CRISIS_SETTING, SHOW_NOTE_SETTING

if TYPE_CHECKING:
    from exback_kit.domain.gate import Journey

#: What a stage's "where you are" box may add to its progress line (see StageLayout.where):
#: "stage" the stage worked on last; "no_contact" the No-Contact line even before any period;
#: "journal" where the journal lives and the latest check-in.
WHERE_EXTRAS = frozenset({"stage", "no_contact", "journal"})
#: The journal setting that shows the latest check-in's note in "where you are" (off: a
#: breakup journal open on a screen can be read over a shoulder).


def _title(stage_id: str) -> str:
    # late import: loaded when this part is shown (time to the first form)
    from exback_kit import content
    try:
        return content.load().stage(stage_id).title
    except KeyError:  # the moving-on stage, before its entry is in data/stages.toml
        return texts.MOVING_ON_TITLE


def topics_line(stage_id: str, tables: dict[str, Any]) -> str | None:
    """Return how many of a topic stage's prompts and lists are started, or None without topics."""
    # late import: loaded when this part is shown (time to the first form)
    from exback_kit.domain import roads
    done = roads.topics_done(stage_id, tables, kit=content.load())
    if done is None:
        return None
    return texts.WHERE_TOPICS.format(answered=done.answered, parts=done.parts)


def progress_line(stage_id: str, tables: dict[str, Any], journey: Any = None) -> str | None:
    """Return how many of the stage's steps have answers, or None for stages without steps
    and for stages set aside on this journey (default: the one ``tables`` give)."""
    # late import: loaded when this part is shown (time to the first form)
    from exback_kit.domain import roads

    topics = topics_line(stage_id, tables)
    if topics is not None:
        return topics
    rows = roads.journey_rows(tables, kit=content.load(), road=journey)
    if stage_id not in rows.index:
        return None
    row = rows.loc[stage_id]
    return texts.say(texts.WHERE_PROGRESS, answered=int(row["steps_answered"]),
                     steps=int(row["steps"]))


def latest_stage_line(tables: dict[str, Any], journey: Any = None) -> str:
    """Return which stage the person worked on most recently (start here if none); only
    the stages that count on this journey (default: the one ``tables`` give) are named."""
    # late import: loaded when this part is shown (time to the first form)
    from exback_kit.domain import progress, roads
    latest = progress.latest_stage(roads.journey_rows(tables, kit=content.load(),
                                                       road=journey))
    return texts.WHERE_STAGE_NEW if latest is None else texts.WHERE_STAGE.format(
        stage=_title(latest))


def latest_checkin(journal: Journal) -> tuple[str, str] | None:
    """Return (the latest check-in in words, its note) or None before the first one."""
    rows = journal.records("checkins", limit=1, newest_first=True)
    if not rows:
        return None
    row = rows[0]
    return texts.say(texts.WHERE_LAST_CHECKIN, day=row["day"], mood=row["mood"]), row["note"] or ""


def where_lines(stage_id: str, tables: dict[str, Any], where: frozenset[str],
                journey: Any = None) -> list[str]:
    """Return the "where you are" lines for a stage, in plain words.

    Args:
        where: the extras the stage's layout asks for (see :data:`WHERE_EXTRAS`).
        journey: on the moving-on road, set-aside stages don't count and the lines point
            to the moving-on stage.
    """
    # late import: loaded when this part is shown (time to the first form)
    from exback_kit.domain import gate
    set_aside = gate.set_aside(journey) if journey is not None else ()
    lines = []
    if "stage" in where:
        lines.append(latest_stage_line(tables, journey))
        if set_aside:
            lines.append(texts.WHERE_MOVING_ON)
    road = journey if journey is not None else gate.journey_of(tables, kit=content.load())
    nc = no_contact_line(tables, road=road)
    if nc or "no_contact" in where:
        lines.append(nc or texts.WHERE_NO_CONTACT_NONE)
    progress = progress_line(stage_id, tables, journey) if "journal" not in where else None
    if progress:
        lines.append(progress)
    if stage_id in set_aside:
        lines.append(texts.WHERE_SET_ASIDE)
    return lines


def boxed(kind: str, inner_html: str) -> str:
    """Return kit-written HTML inside a softly coloured box (``kind`` from BOX_STYLE)."""
    return (f'<div style="{BOX_STYLE[kind]}padding:8px 12px;border-radius:4px;'
            f'line-height:1.5">{inner_html}</div>')


def _button(label: str, css_class: str, action: Any) -> widgets.HBox:
    b = widgets.Button(description=label, layout=widgets.Layout(width="auto"))
    b.add_class(css_class)
    b.on_click(lambda _b: action())
    return widgets.HBox([b])


def demo_children(journal: Journal) -> list[widgets.Widget]:
    """Return the demo banner (demo shown), the demo offer (empty journal), or nothing."""
    s = session()
    if journal.is_demo:
        banner = html_kit(boxed("banner", html.escape(texts.DEMO_BANNER)), "exback-demo-banner")
        return [widgets.VBox([banner, _button(texts.DEMO_OFF_BUTTON, "exback-demo-off",
                                              lambda: s.use_demo(False))])]
    if journal.is_empty():
        offer = html_kit(boxed("offer", html.escape(texts.DEMO_OFFER)), "exback-demo-offer")
        return [widgets.VBox([offer, _button(texts.DEMO_ON_BUTTON, "exback-demo-on",
                                             lambda: s.use_demo(True))])]
    return []


def _where_html(stage_id: str, journal: Journal, tables: dict[str, Any],
                where: frozenset[str], journey: Any = None,
                latest: tuple[str, str] | None = None) -> str:
    """Return the "where you are" box; with "journal", its place and ``latest`` (the latest
    check-in: its note's words only when the person turned "show my latest note" on)."""
    rows = [f"<b>{html.escape(texts.WHERE_HEADING)}</b>"]
    rows += [html.escape(x) for x in where_lines(stage_id, tables, where, journey)]
    if "journal" in where:
        rows.append(f'<span style="{SOFT_STYLE}">' + html.escape(
            texts.WHERE_JOURNAL.format(path=journal.path)) + "</span>")
        if latest:
            line, note = latest
            shown = bool(note) and _note_shown(journal)
            if note:
                line += " " + (texts.WHERE_LAST_NOTE if shown else texts.WHERE_NOTE_HIDDEN)
            rows.append(html.escape(line))
            if shown:  # the person's own words: escaped, shown exactly as typed
                rows.append('<div class="exback-latest-note" style="font-style:italic;'
                            'white-space:pre-wrap;margin-left:1em">' + html.escape(note) + "</div>")
    return boxed("where", "<br>".join(rows))


def _note_shown(journal: Journal) -> bool:
    """Return True only when the person turned the latest note on (any other stored value,
    a damaged or foreign one included, keeps it hidden)."""
    return journal.get_setting(SHOW_NOTE_SETTING, False) is True


def _where_children(stage_id: str, journal: Journal, tables: dict[str, Any],
                    where: frozenset[str], journey: Any = None) -> list[widgets.Widget]:
    """Return the "where you are" box and, where it tells of a note, the switch that
    shows the note's words (off until turned on; remembered in the journal's settings)."""
    latest = latest_checkin(journal) if "journal" in where else None
    box = html_kit(_where_html(stage_id, journal, tables, where, journey, latest), "exback-where")
    if not latest or not latest[1]:
        return [box]
    switch = widgets.Checkbox(value=_note_shown(journal),
                              description=texts.WHERE_SHOW_NOTE, indent=False,
                              layout=widgets.Layout(width="auto"))
    switch.add_class("exback-show-note")

    def turned(change: dict[str, Any]) -> None:
        journal.set_setting(SHOW_NOTE_SETTING, bool(change["new"]))
        box.value = _where_html(stage_id, journal, tables, where, journey, latest)

    switch.observe(turned, names="value")
    return [box, switch]


def fold_summary(kind: str, journal: Journal) -> str | None:
    """Return the words shown while an answered section is folded, or None to show it open.

    ``kind`` "profile" folds once any profile question has an answer; "boundaries"
    once every boundary question has one.
    """
    # late import: loaded when this part is shown (time to the first form)
    from exback_kit import content
    from exback_kit.domain import gate, progress
    answers = progress.latest_answers(session().tables(journal)["answers"], 0)
    if kind == "profile":
        asked = {q.id for q in content.load().start.group("profile")}
        return texts.FOLDED_PROFILE if asked & set(answers) else None
    given = gate.boundary_answers(session().tables(journal)["answers"], kit=content.load())
    if any(v is None for v in given.values()):
        return None
    if any(v in gate.GATING_ANSWERS for v in given.values()):
        return texts.FOLDED_BOUNDARIES_YES
    return texts.FOLDED_BOUNDARIES_NO


def folded_children(kind: str, journal: Journal, unfold: Any) -> list[widgets.Widget]:
    """Return a folded section (summary and a button that opens it), or [] to show it open."""
    summary = fold_summary(kind, journal)
    if summary is None:
        return []
    return [html_kit(boxed("where", html.escape(summary)), "exback-folded"),
            _button(texts.FOLDED_OPEN, "exback-unfold", unfold)]


def intro_html(stage_id: str, journey: Journey | None = None) -> str:
    """Return the stage's introduction from ``data/guidance.toml`` for the road in force
    (escaped), or ""."""
    # late import: loaded when this part is shown (time to the first form)
    from exback_kit.content.guidance import load_guidance
    from exback_kit.notebook.form_kit import paragraphs
    stage = load_guidance().get(stage_id)
    if stage is None or not stage.intros:
        return ""
    intro = (journey or session().journey()).words({"default": "", **stage.intros})
    return "".join(f"<p>{paragraphs(p)}</p>" for p in intro.split("\n\n") if p)


def header_children(stage_id: str, where: frozenset[str] = frozenset()) -> list[widgets.Widget]:
    """Return a stage header's widgets: demo, gate notice (or the stage's introduction),
    where you are, latest check-in."""
    # late import: loaded when this part is shown (time to the first form)
    from exback_kit.domain import gate, safety
    from exback_kit.notebook.unlock import lock_now_children, unlock_children
    s = session()
    if s.locked():
        return unlock_children()
    journal = s.journal()
    out: list[widgets.Widget] = [Stylesheet(), *demo_children(journal)]
    if s.mine().encrypted:
        out += lock_now_children()
    journey = s.journey()
    contacts = safety.crisis_contacts(s.mine().get_setting(CRISIS_SETTING))
    if s.gated_by(stage_id) is not None:
        notice = widgets.VBox([gate_notice(journey, contacts)])
        notice.add_class("exback-gate-notice")
        out.append(notice)
    elif s.asks_boundaries_first(stage_id):
        notice = widgets.VBox([ask_first_notice()])
        notice.add_class("exback-gate-notice")
        out.append(notice)
    else:
        intro = intro_html(stage_id, journey)
        if intro:
            out.append(html_kit(intro, "exback-intro"))
        if stage_id == gate.MOVING_ON_STAGE and journey.unsafe:  # as the gate notice has them
            out.append(safety_box(safety.ordered(contacts, "abuse"), texts.GATE_SAFETY_HEADING,
                                  "exback-moving-on-safety", devices=True))
    out += _where_children(stage_id, journal, s.tables(), where, journey)
    return out


def next_stage_for(planned: str | None) -> str | None:
    """Return the next stage to open: ``planned``, skipping stages the boundaries gate holds."""
    if planned is None:
        return None
    order = content.load().stage_ids
    for candidate in order[order.index(planned):]:
        if session().gated_by(candidate) is None:
            return candidate
    return None


def _next_link(stage_id: str, label: str | None = None) -> str:
    label = html.escape(label or texts.NEXT_LINK.format(title=_title(stage_id)))
    return f'<a href="{html.escape(stage_id)}.ipynb" style="{LINK_STYLE}">{label}</a>'


def next_children(stage_id: str, planned: str | None) -> list[widgets.Widget]:
    """Return "what comes next": the stage's own words, a link to the next notebook and,
    beside it on every road, a link to moving on (09).

    Set-aside stages are skipped; a set-aside page links 09 once (in its notice), not
    again here, and a page waiting for the boundaries check links only the check.
    """
    # late import: loaded when this part is shown (time to the first form)
    from exback_kit.domain import gate
    s = session()
    moving_on = s.journey().moving_on
    nxt = next_stage_for(planned)
    here_gated = s.gated_by(stage_id) is not None
    if s.asks_boundaries_first(stage_id):
        words, nxt = texts.NEXT_ASK_FIRST, gate.CHECK_STAGE
    elif here_gated:
        words = texts.NEXT_GATED
    elif moving_on and stage_id in texts.NEXT_TEXT_MOVING_ON:
        words = texts.NEXT_TEXT_MOVING_ON[stage_id]
    else:
        words = texts.NEXT_TEXT.get(stage_id, "")
    parts = [html.escape(words)]
    # Moving on (09) beside the next stage on every page, of equal standing; a set-aside
    # page's notice links it already, and a page waiting for the check links only 00.
    also = stage_id != gate.MOVING_ON_STAGE and not here_gated and nxt != gate.CHECK_STAGE
    if nxt == gate.MOVING_ON_STAGE:
        nxt = None
    road = [html.escape(texts.NEXT_MOVING_ON if moving_on else texts.NEXT_OR_MOVING_ON),
            _next_link(gate.MOVING_ON_STAGE, texts.GATE_MOVING_ON_LINK)] if also else []
    if moving_on:  # the road's own stage first
        parts += road
    if nxt is not None:
        if nxt != planned and not here_gated and not moving_on and nxt != gate.CHECK_STAGE:
            parts.append(html.escape(texts.NEXT_SKIPPED))
        parts.append(_next_link(nxt))
    if not moving_on:
        parts += road
    return [html_kit(boxed("next", "<br>".join(p for p in parts if p)), "exback-next")]
