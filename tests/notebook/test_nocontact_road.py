"""After harm or an order, No-Contact is no countdown: no target anywhere (where you are,
the chart, the report, the calendar, the form), the days still counted, logistics logged."""

from __future__ import annotations

from datetime import date, timedelta

import ipywidgets as widgets
import pytest

from exback_kit import content
from exback_kit.charts.contact import prepare_no_contact, summarize_no_contact
from exback_kit.content import texts
from exback_kit.domain import gate, nocontact
from exback_kit.interchange import reminders as remind
from exback_kit.notebook import forms
from exback_kit.report.text import figures_lines
from exback_kit.store import reads

BOUNDARIES = content.load().boundary_questions


def on_road(journal, **answers):
    for q in BOUNDARIES:
        journal.save_answer(0, q, answers.get(q, "no"))
    today = date.today()
    journal.add("nocontact_periods", start_day=today - timedelta(days=5), target_days=30)
    journal.log_contact(initiated_by="me", logistics=True, at=None)
    return today


def everything(journal, today):
    tables = reads.load_tables(journal)
    report = "\n".join(t for _, t in figures_lines(tables, today))
    return {
        "where": nocontact.no_contact_line(
            tables, today, road=gate.journey_of(tables, kit=content.load())) or "",
        "chart": summarize_no_contact(prepare_no_contact(tables, today)),
        "report": report,
        "calendar": remind.build_calendar(journal, today=today).decode(),
    }


@pytest.mark.parametrize("answers", [{"protective_order": "yes"}, {"protective_order": "not_sure"},
                                     {"harm_or_control": "yes"}])
def test_after_harm_or_an_order_nothing_counts_down(journal, answers):
    today = on_road(journal, **answers)
    said = everything(journal, today)
    assert said["where"] == texts.say(texts.WHERE_NO_CONTACT_NO_COUNTDOWN, day=6, longest=6)
    assert "30-day" not in said["chart"] and "6 days in a row" in said["chart"]
    assert "Target\t30" not in said["report"] and "Days to the target" not in said["report"]
    assert "nocontact-target" not in said["calendar"]
    assert "Whatever comes next" not in said["calendar"].replace("\r\n ", "")
    words = texts.NOCONTACT_NO_COUNTDOWN["order" if "protective_order" in answers else "harm"]
    form = forms.nocontact_form(journal)
    assert words in form.result.value.replace("&#x27;", "'") and not form.fields
    assert journal.records("contacts")[0]["logistics"]


def test_the_open_road_and_another_boundaries_yes_keep_the_target(journal):
    today = on_road(journal, no_contact_asked="yes")
    said = everything(journal, today)
    assert "of 30" in said["where"] and "30-day" in said["chart"]
    assert "Target\t30 days" in said["report"]
    assert "nocontact-target" in said["calendar"]
    assert "target" in forms.nocontact_form(journal).fields
    assert isinstance(forms.nocontact_form(journal).fields["target"], widgets.Widget)
