"""Stage 09 as its notebook shows it: open on every road, its forms, charts and next step."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from exback_kit import Journal, stages
from exback_kit.content import texts
from exback_kit.notebook.form_kit import Form

from .widget_tree import having, walk, words

STAGE = "09_moving_on"
FORMS = {"exback-grief", "exback-clear-eyed", "exback-self-compassion", "exback-devices",
         "exback-untangling", "exback-future", "exback-checkin",
         # when it happens: one card a moment; who am I now
         "exback-moment", "exback-moment-someone_new", "exback-moment-running_into",
         "exback-moment-dates", "exback-moment-shared_friends", "exback-moment-needed_contact",
         "exback-self", "exback-clarity", "exback-we-i"}


def forms_in(w: widgets.Widget) -> set[str]:
    return {c for x in walk(w) if isinstance(x, Form) for c in x._dom_classes
            if c.startswith("exback-") and c not in ("exback-form", "exback-reflections",
                                                        "exback-checklist")}


ROADS = {
    "no answers": {},
    "no contact asked": {"no_contact_asked": True},
    "harm or control": {"harm_or_control": True},
    "protective order": {"protective_order": True},
    "all no": {"no_contact_asked": False, "harm_or_control": False, "protective_order": False},
}


@pytest.mark.parametrize("road", [*ROADS, "decided to move on"])
def test_moving_on_is_never_set_aside_whatever_the_answers(mine: Journal, road: str) -> None:
    for question, value in ROADS.get(road, {}).items():
        mine.save_answer(0, question, value)
    if road == "decided to move on":
        mine.add("decisions", decision="move_on")
    view = stages.show(STAGE)
    assert forms_in(view) == FORMS
    assert not having(view, "exback-set-aside")
    assert not having(view, "exback-gate-notice")
    charts = having(view, "exback-chart")
    assert len(charts) == 3  # on your mind, the clear-eyed list, who am I (we/I only when on)


def test_each_section_holds_its_form(mine: Journal) -> None:
    expected = {"grief": "exback-grief", "clear_eyed": "exback-clear-eyed",
                "self_compassion": "exback-self-compassion", "devices": "exback-devices",
                "untangling": "exback-untangling", "future": "exback-future",
                "mind": "exback-checkin"}
    for section, css in expected.items():
        assert forms_in(stages.section(STAGE, section)) == {css}


def test_a_save_in_09_redraws_its_charts_and_where_you_are(mine: Journal) -> None:
    header = stages.header(STAGE)
    charts = stages.charts(STAGE)
    assert texts.WHERE_TOPICS.format(answered=0, parts=15) in words(header)
    assert texts.SUMMARY_MIND_EMPTY in words(charts)
    checkin = next(x for x in walk(stages.section(STAGE, "mind")) if isinstance(x, Form))
    checkin.fields["mood"].value = 6
    checkin.fields["mind"].value = 3
    checkin.save_button.click()
    assert texts.say(texts.SUMMARY_MIND_WEEK, mean="3", days=1) in words(charts)
    grief = next(x for x in walk(stages.section(STAGE, "grief")) if isinstance(x, Form))
    grief.fields["learned"].value = "to ask for help"
    grief.save_button.click()
    assert texts.WHERE_TOPICS.format(answered=1, parts=15) in words(header)


def test_what_comes_next_points_to_the_dashboard(mine: Journal) -> None:
    nxt = stages.next_steps(STAGE)
    values = "\n".join(x.value for x in walk(nxt) if isinstance(x, widgets.HTML))
    assert 'href="08_dashboard.ipynb"' in values
    assert texts.NEXT_TEXT[STAGE] in words(nxt)


def test_the_dashboard_shows_the_mind_and_before_after_charts(mine: Journal) -> None:
    view = stages.charts("08_dashboard")
    classes = {c for x in walk(view) for c in getattr(x, "_dom_classes", ())}
    assert {"exback-chart-mind", "exback-chart-reappraisal"} <= classes
