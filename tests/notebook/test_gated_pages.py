"""On the moving-on road, no page says anything about reconnecting: markdown or widgets.

The table of phrases that coach someone toward their ex lives here; the road walk
(tests/notebook/test_road_walk.py) checks every page on every road against it once per road.
Here: the set-aside pages' notice, the pages that ask for the check first, and the control
that the table finds the open road's words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import ipywidgets as widgets
import pytest

from exback_kit import Journal, content, stages
from exback_kit.content import texts
from exback_kit.notebook.form_kit import Form

from .widget_tree import walk

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
STAGE_IDS = list(stages.LAYOUTS)
BOUNDARIES = [q.id for q in content.load().start.group("boundaries")]
GATED = [s.id for s in content.load().stages if s.id in
         ("02_reading_the_signals", "05_reconnecting", "06_the_conversation",
          "07_relationship_2_0")]
ASK_FIRST = GATED  # 02 too: "how your ex feels" waits for the check (issue 20)

#: Words that coach a person toward their ex. None may appear on the moving-on road.
COACHING = [
    r"invit", r"flirt", r"coffee", r"drinks with", r"first date", r"early date",
    r"physical intimacy", r"sleep(ing)? together", r"closeness, by choice", r"getting close",
    r"the talk\b", r"talk about the future", r"one message, then wait",
    r"still want to send", r"meeting up", r"get-together",
    r"agreements for relationship", r"version 2\.0", r"couples (therapy|counselling)",
    r"milestone", r"easy to decline", r"log a meeting", r"meetings feel good",
    r"the bigger talk", r"give each other time",
    r"respectful pace", r"if you got back together",
]

#: (state name, boundaries answers, decision)
STATES = [("nothing answered", {}, None)]
STATES += [(f"{q} yes", {q: "yes"}, None) for q in BOUNDARIES]
STATES += [(f"{q} not sure", {q: "not_sure"}, None) for q in BOUNDARIES]
STATES += [("decision move on", dict.fromkeys(BOUNDARIES, "no"), "move_on")]


def seen_text(w: widgets.Widget) -> str:
    """Return every word a widget tree shows: HTML, labels, descriptions, options, placeholders."""
    out = []
    for x in walk(w):
        for attr in ("value", "description", "placeholder", "tooltip"):
            if attr == "value" and not isinstance(x, widgets.HTML | widgets.Label):
                continue
            v = getattr(x, attr, None)
            if isinstance(v, str):
                out.append(v)
        for label in getattr(x, "_options_labels", ()) or ():
            out.append(str(label))
    return re.sub(r"<[^>]+>", " ", "\n".join(out))


def markdown_of(stage_id: str) -> str:
    nb = json.loads((NOTEBOOKS / f"{stage_id}.ipynb").read_text())
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def coaching_in(text: str) -> list[str]:
    """Return each phrase found, with a little of the text around it."""
    found = []
    for p in COACHING:
        m = re.search(p, text, re.IGNORECASE)
        if m:
            found.append(text[max(0, m.start() - 40):m.end() + 40].replace("\n", " "))
    return found


def set_state(j: Journal, answers: dict[str, str], decision: str | None) -> None:
    for q, v in answers.items():
        j.save_answer(0, q, v)
    if decision:
        j.add("decisions", decision=decision)


# Every page on every road against this table: tests/notebook/test_road_walk.py (each road's
# pages built once, with the dashboard, the report, the .ics and the CLI).


@pytest.mark.parametrize("stage_id", GATED)
def test_the_reconnecting_pages_do_coach_on_the_open_road(journal: Journal,
                                                          stage_id: str) -> None:
    """The phrase table can fail: with every answer "no", the gated stages show their content."""
    set_state(journal, dict.fromkeys(BOUNDARIES, "no"), "try_again")
    stages.use_journal(journal)
    view = stages.show(stage_id)
    assert [x for x in walk(view) if isinstance(x, Form)]
    if stage_id != "02_reading_the_signals":
        assert coaching_in(seen_text(view))


@pytest.mark.parametrize("stage_id", GATED)
@pytest.mark.parametrize(("name", "answers", "decision"), STATES[1:],
                         ids=[s[0] for s in STATES[1:]])
def test_set_aside_pages_show_the_notice_and_a_link_to_moving_on_and_no_forms(
        journal: Journal, stage_id: str, name: str, answers: dict[str, str],
        decision: str | None) -> None:
    set_state(journal, answers, decision)
    stages.use_journal(journal)
    view = stages.show(stage_id)
    assert not [x for x in walk(view) if isinstance(x, Form)]
    notice = "\n".join(x.value for x in walk(view) if isinstance(x, widgets.HTML)
                       and "exback-gate" in x._dom_classes)
    assert 'href="09_moving_on.ipynb"' in notice
    unsafe = any(answers.get(q) in ("yes", "not_sure") for q in ("harm_or_control",
                                                                  "protective_order"))
    assert ("1-800-799-7233" in notice) is unsafe
    assert ("0808 2000 247" in notice) is unsafe
    if unsafe:
        assert notice.count("check they are right for your country") == 1


@pytest.mark.parametrize("stage_id", ASK_FIRST)
def test_unanswered_boundaries_check_is_asked_for_first(journal: Journal, stage_id: str) -> None:
    stages.use_journal(journal)
    view = stages.show(stage_id)
    assert not [x for x in walk(view) if isinstance(x, Form)]
    shown = seen_text(view)
    assert texts.GATE_ASK_FIRST_HEADING in shown
    html_values = "\n".join(x.value for x in walk(view) if isinstance(x, widgets.HTML))
    assert 'href="00_start_here.ipynb"' in html_values
    nxt = "\n".join(x.value for x in walk(stages.next_steps(stage_id))  # not the closing line
                    if isinstance(x, widgets.HTML) and "exback-closing" not in x._dom_classes)
    assert 'href="00_start_here.ipynb"' in nxt and nxt.count("href") == 1


def test_a_partly_answered_check_still_asks_first_and_all_no_opens(journal: Journal) -> None:
    journal.save_answer(0, "no_contact_asked", "no")
    stages.use_journal(journal)
    assert texts.GATE_ASK_FIRST_HEADING in seen_text(stages.show("05_reconnecting"))
    for q in BOUNDARIES:
        journal.save_answer(0, q, "no")
    view = stages.show("05_reconnecting")
    assert texts.GATE_ASK_FIRST_HEADING not in seen_text(view)
    assert [x for x in walk(view) if isinstance(x, Form)]


#: The JupyterLab hint, which the app view hides (it has no cells to run).
NEW_TO_NOTEBOOKS = '<span class="exback-lab-only">**New to notebooks?**'


@pytest.mark.parametrize("stage_id", GATED)
def test_gated_notebook_markdown_keeps_neutral_headings_only(stage_id: str) -> None:
    """The before-stop check: markdown cannot be gated, so it holds no guidance at all."""
    md = markdown_of(stage_id)
    hook = (r"flirt|coffee|drinks with|first date|early date|invitation|physical intimacy"
            r"|sleep together")
    assert not re.search(hook, md, re.IGNORECASE)
    for cell in md.split("\n"):
        line = cell.strip()
        assert (not line or line.startswith("#") or line.startswith(NEW_TO_NOTEBOOKS)
                or line.startswith(("←", "[")) or line in ('<div class="exback-md">', "</div>"))
