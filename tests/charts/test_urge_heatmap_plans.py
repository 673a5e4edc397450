"""The urge heatmap outlines the windows that have an active plan, and says so in words."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from matplotlib.patches import Rectangle

from exback_kit import charts
from exback_kit.charts import contact, palette
from exback_kit.domain.windows import Window
from exback_kit.store.reads import load_tables

TODAY = date(2026, 11, 29)


def _tables(journal):
    at = datetime(2026, 11, 28, 22, 15).astimezone()
    journal.add_many("urges", [{"at": at - timedelta(weeks=w), "intensity": 6}
                               for w in range(3)])
    return load_tables(journal)


def _outlines(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle)
            and p.get_edgecolor()[:3] == tuple(int(palette.PLANNED[i:i + 2], 16) / 255
                                               for i in (1, 3, 5))]


def test_planned_windows_are_outlined_and_named_in_the_summary(journal):
    journal.add("plans", weekday="sat", start_time="22:00", action="call Sam")
    ended = journal.add("plans", weekday="mon", start_time="08:00", action="old")
    journal.update("plans", ended, ended_at=datetime.now().astimezone())
    data = contact.prepare_urges(_tables(journal), TODAY)
    assert data.planned == (Window(5, 22),)
    ax = contact.draw_urges(data)
    [box] = _outlines(ax)
    assert (box.get_x(), box.get_y(), box.get_width(), box.get_height()) == (21.5, 4.5, 2, 1)
    summary = contact.summarize_urges(data)
    assert "Saturdays 22:00–24:00" in summary and "Mondays" not in summary
    assert summary.count(". ") == 0 and summary.endswith(").")  # one sentence
    assert "call Sam" not in summary


def test_without_plans_nothing_is_outlined(journal):
    tables = _tables(journal)
    data = contact.prepare_urges(tables, TODAY)
    assert data.planned == () and not _outlines(contact.draw_urges(data))
    assert "plan" not in charts.render("urges", tables, TODAY)[1]
    del tables["plans"]  # a frames dict without plans still draws
    assert contact.prepare_urges(tables, TODAY).planned == ()
