"""The clarity line and the "we"/"I" bars on known entries: the numbers drawn are the counts."""

from __future__ import annotations

from datetime import date

import pandas as pd

from exback_kit import charts
from exback_kit.charts import self_charts
from exback_kit.store.reads import load_tables


def test_we_and_i_bars_show_each_weeks_counts(journal) -> None:
    journal.add_checkin(mood=5, note="We cooked; our friends came. I stayed late.",
                        at="2026-11-24T18:00:00+00:00")
    journal.add("reappraisals", what="Ich vermisse uns; wir waren glücklich.",
                at="2026-11-25T18:00:00+00:00")
    journal.add_checkin(mood=6, note="I went alone and I liked it, my own evening.",
                        at="2026-12-03T18:00:00+00:00")
    tables = load_tables(journal)
    data = self_charts.prepare_we_i(tables, date(2026, 12, 6))
    assert len(data.weeks) == self_charts.MAX_WEEKS
    counted = data.weeks[(data.weeks.sum(axis=1) > 0).to_numpy()]
    assert counted.to_dict("index") == {pd.Timestamp("2026-11-23"): {"we": 2, "i": 1},
                                        pd.Timestamp("2026-11-30"): {"we": 0, "i": 3}}
    ax = self_charts.draw_we_i(data)
    labels = [t.get_text() for t in ax.texts]
    assert labels.count("2") == 1 and labels.count("3") == 1 and labels.count("1") == 1
    assert any("not a measure of you" in t for t in labels)
    sentence = self_charts.summarize_we_i(data)
    assert "23 Nov: 2 “we”, 1 “I”; week of 30 Nov: 0 “we”, 3 “I”" in sentence
    assert "other languages are left uncounted" in sentence


def test_the_clarity_line_has_one_point_a_week(journal) -> None:
    for day, rating in (("2026-11-02", 3), ("2026-11-05", 5), ("2026-11-16", 7)):
        journal.add("clarity_ratings", rating=rating, at=f"{day}T09:00:00+00:00")
    fig, sentence = charts.render("clarity", load_tables(journal), date(2026, 11, 30))
    [line] = fig.axes[0].get_lines()
    assert list(line.get_ydata()) == [5, 7]
    assert sentence == ("“I know who I am apart from them”: 2 answers over 3 weeks, from 5 to "
                        "7 out of 10 most recently.")
