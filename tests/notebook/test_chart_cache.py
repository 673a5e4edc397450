"""The kernel's chart cache: a chart is drawn again only when a table it read changed.

Every kind of write — from this kernel, from a form, from the command line in another
process, an import, a sync merge, a restore — must show in the next draw; a redraw of
an unchanged journal must hand back what was drawn; a locked journal's charts never
touch the disk; memory stays within its bound.
"""

from __future__ import annotations

import builtins
import io
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from exback_kit import Journal, charts, stages
from exback_kit.content import language
from exback_kit.notebook import chart_cache
from exback_kit.notebook.kernel_tables import LazyTables
from exback_kit.notebook.parts import chart_view
from exback_kit.notebook.session import session
from exback_kit.store import reads
from tests.interchange.sync_kit import join

PASSPHRASE = "several plain words for a test"  # noqa: S105 (a throwaway journal)
TODAY = date.today()


def _draw(name: str) -> tuple[bytes, str]:
    return chart_cache.drawn(name, session().tables(), TODAY)


def _fresh(journal: Journal, name: str) -> tuple[bytes, str]:
    """The chart drawn the plain way, from tables read anew (no cache anywhere)."""
    fig, summary = charts.render(name, reads.load_tables(journal), TODAY)
    return charts.to_png(fig), summary


def _yesterday(hour: int = 20) -> datetime:
    return datetime.combine(TODAY - timedelta(days=1), datetime.min.time()).replace(
        hour=hour).astimezone()


@pytest.fixture
def filled(mine: Journal) -> Journal:
    """The person's journal with a week of check-ins, a few urges and one contact."""
    for days in range(1, 8):
        at = datetime.combine(TODAY - timedelta(days=days), datetime.min.time()).replace(
            hour=9).astimezone()
        mine.add_checkin(mood=4 + days % 3, energy=5, at=at)
        mine.log_urge(intensity=3 + days % 4, trigger="a song", at=at)
    mine.log_contact(initiated_by="them", at=_yesterday(12))
    return mine


def test_an_unchanged_journal_is_not_drawn_again(filled: Journal) -> None:
    cache = chart_cache.cache()
    first = {name: _draw(name) for name in charts.CHARTS}
    drawn = cache.drawn_count
    assert drawn == len(charts.CHARTS)
    again = {name: _draw(name) for name in charts.CHARTS}
    assert again == first and cache.drawn_count == drawn
    assert cache.kept_count == len(charts.CHARTS)
    assert first["mood"] == _fresh(filled, "mood")


def test_a_new_language_draws_the_charts_again_in_its_words(filled: Journal) -> None:
    """A chart holds words: after a switch of language the kept English picture is not shown."""
    english = _draw("mood")
    try:
        language.choose("xx")
        pseudo = _draw("mood")
    finally:
        language.choose(language.ENGLISH)
    assert pseudo[1] != english[1] and pseudo[1].startswith("[")
    assert pseudo[0] != english[0]
    assert _draw("mood") == english  # and back: English again, from what was kept


def test_a_save_redraws_only_the_charts_that_read_the_table_it_changed(filled: Journal) -> None:
    cache = chart_cache.cache()
    for name in charts.CHARTS:
        _draw(name)
    filled.log_urge(intensity=9, trigger="old photos", at=_yesterday(23))
    redrawn = []
    for name in charts.CHARTS:
        before = cache.drawn_count
        _draw(name)
        if cache.drawn_count > before:
            redrawn.append(name)
    assert "urges" in redrawn
    assert "mood" not in redrawn and "wellbeing" not in redrawn and "mood_meter" not in redrawn
    assert _draw("urges") == _fresh(filled, "urges")


def test_a_change_that_leaves_a_charts_data_as_it_was_keeps_its_picture(
        filled: Journal) -> None:
    """No-Contact reads every table (for its first day), but a new urge doesn't move it."""
    cache = chart_cache.cache()
    before = _draw("no_contact")
    drawn = cache.drawn_count
    filled.log_urge(intensity=9, trigger="old photos", at=_yesterday(23))
    assert _draw("no_contact") == before == _fresh(filled, "no_contact")
    assert cache.drawn_count == drawn
    filled.log_contact(initiated_by="me", at=_yesterday(22))  # this one does move it
    assert _draw("no_contact") != before and cache.drawn_count == drawn + 1
    assert _draw("no_contact") == _fresh(filled, "no_contact")


def test_data_that_cannot_be_fingerprinted_is_simply_drawn() -> None:
    assert chart_cache._digest(lambda: None) is None
    assert chart_cache._digest({"a": 1}) == chart_cache._digest({"a": 1})


def test_each_table_is_read_once_per_change_not_per_chart(
        filled: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    real = filled.table

    def table(kind: str) -> Any:
        read.append(kind)
        return real(kind)

    monkeypatch.setattr(filled, "table", table)
    for name in charts.CHARTS:
        _draw(name)
    assert len(read) == len(set(read)) and "checkins" in read
    read.clear()
    filled.add_checkin(mood=2, at=_yesterday(21))
    for name in charts.CHARTS:
        _draw(name)
    assert read == ["checkins"]  # urges, contacts, answers… kept from before


def _checkin(j: Journal) -> None:
    j.add_checkin(mood=1, energy=2, at=_yesterday(22))


def _urge(j: Journal) -> None:
    for hour in (1, 2, 3):
        j.log_urge(intensity=10, trigger="late night", at=_yesterday(hour))


def _contact(j: Journal) -> None:
    j.log_contact(initiated_by="me", at=_yesterday(18))


def _answer(j: Journal) -> None:
    j.save_answer(0, "breakup_date", (TODAY - timedelta(days=5)).isoformat())


@pytest.mark.parametrize(("write", "name"), [
    (_checkin, "mood"), (_checkin, "mood_meter"), (_urge, "urges"),
    (_contact, "no_contact"), (_answer, "mood"), (_answer, "journey")
])
def test_every_write_from_this_kernel_shows_in_the_next_draw(
        filled: Journal, write: Callable[[Journal], None], name: str) -> None:
    before = _draw(name)
    write(filled)
    after = _draw(name)
    assert after != before
    assert after == _fresh(filled, name)


def test_an_update_of_an_entry_shows_in_the_next_draw(filled: Journal) -> None:
    entry = filled.add("reappraisals", what="plans fell through", pleasant="a swim",
                       feelings_before=8, mood_before=3, at=_yesterday(10))
    before = _draw("reappraisal")
    filled.update("reappraisals", entry, feelings_after=4, mood_after=7,
                  after_at=_yesterday(11))
    after = _draw("reappraisal")
    assert after != before and after == _fresh(filled, "reappraisal")


def test_a_form_save_redraws_the_stage_charts(filled: Journal) -> None:
    part = stages.charts("08_dashboard")
    filled.add_checkin(mood=1, at=_yesterday(23))
    session().saved()
    views = [c for c in part.children if "exback-page-heading" not in c._dom_classes]
    html = "".join(child.children[0].value for child in views)
    assert html.count("<img") == len(views) > 0
    mood = next(c for c in part.children if "exback-chart-mood" in c._dom_classes)
    _, summary = _fresh(filled, "mood")
    assert mood.children[1].value == chart_view("mood", session().tables()).children[1].value
    assert summary.split(",")[0] in mood.children[1].value


def test_a_second_process_writing_the_same_journal_shows_in_the_next_draw(
        filled: Journal) -> None:
    before = _draw("mood")
    env = {k: v for k, v in os.environ.items() if k != "EXBACK_PASSPHRASE"}
    done = subprocess.run(
        [sys.executable, "-m", "exback_kit.cli", "--journal", str(filled.path), "checkin",
         "--mood", "1", "--energy", "1"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    after = _draw("mood")
    assert after != before and after == _fresh(filled, "mood")


def test_a_second_connection_writing_shows_in_the_next_draw(filled: Journal) -> None:
    before = _draw("urges")
    with Journal.open(filled.path, backup=False) as other:
        _urge(other)
    assert _draw("urges") != before and _draw("urges") == _fresh(filled, "urges")


def test_an_import_shows_in_the_next_draw(filled: Journal, tmp_path: Path) -> None:
    from exback_kit.interchange import exports

    with Journal.open(tmp_path / "elsewhere.sqlite3", backup=False) as other:
        _urge(other)
        out = exports.export(other, tmp_path / "export.zip")
    before = _draw("urges")
    assert sum(exports.import_file(filled, out).values()) == 3
    assert _draw("urges") != before and _draw("urges") == _fresh(filled, "urges")


def test_a_daylio_import_shows_in_the_next_draw(filled: Journal, tmp_path: Path) -> None:
    from exback_kit.interchange import daylio

    day = TODAY - timedelta(days=2)
    csv = tmp_path / "daylio.csv"
    csv.write_text("full_date,date,weekday,time,mood,activities,note_title,note\n"
                   f"{day.isoformat()},x,x,23:10,awful,,,\n", encoding="utf-8")
    before = _draw("mood")
    daylio.import_daylio(filled, csv)
    assert _draw("mood") != before and _draw("mood") == _fresh(filled, "mood")


def test_a_sync_merge_shows_in_the_next_draw(filled: Journal, tmp_path: Path) -> None:
    from exback_kit.interchange import sync_folder

    folder = tmp_path / "synced"
    folder.mkdir()
    sync_folder.sync(filled, folder)
    with Journal.open(tmp_path / "laptop" / "journal.sqlite3", backup=False) as laptop:
        join(laptop, folder, owner=filled)
        _contact(laptop)
        sync_folder.sync(laptop, folder)
    before = _draw("no_contact")
    sync_folder.sync(filled, folder)
    assert _draw("no_contact") != before
    assert _draw("no_contact") == _fresh(filled, "no_contact")


def test_a_restore_shows_in_the_next_draw(filled: Journal) -> None:
    saved = filled.backup()
    older = _draw("urges")
    _urge(filled)
    newer = _draw("urges")
    assert newer != older
    filled.restore_from(saved)  # through this kernel's own connection
    assert _draw("urges") == older == _fresh(filled, "urges")
    _urge(filled)  # new entries after a restore never look like the drawn "newer" state
    assert _draw("urges") == _fresh(filled, "urges")


def test_plain_tables_without_stamps_are_drawn_every_time(filled: Journal) -> None:
    cache = chart_cache.cache()
    tables = reads.load_tables(filled)
    chart_cache.drawn("mood", tables, TODAY)
    chart_cache.drawn("mood", tables, TODAY)
    assert cache.drawn_count == 2 and len(cache) == 0


def test_charts_follow_the_tables_they_actually_read(filled: Journal) -> None:
    watched = chart_cache.Watched(LazyTables(filled))
    charts.render("urges", watched, TODAY)
    assert "urges" in watched.read and "checkins" not in watched.read
    everything = chart_cache.Watched(LazyTables(filled))
    assert len(list(everything.items())) == len(everything.read) > 10


def test_memory_stays_within_its_bound(filled: Journal) -> None:
    small = chart_cache.ChartCache(max_charts=3)
    for name in charts.CHARTS:
        small.drawn(name, session().tables(), TODAY)
    assert len(small) == 3 and small.drawn_count == len(charts.CHARTS)
    tight = chart_cache.ChartCache(max_bytes=2 * len(_fresh(filled, "mood")[0]))
    for name in charts.CHARTS:
        tight.drawn(name, session().tables(), TODAY)
        assert tight.size <= tight.max_bytes
    assert 0 < len(tight) < len(charts.CHARTS)
    # the kernel's own cache: every chart, two journals and a day change fit; a day more drops
    kernel = chart_cache.cache()
    assert kernel.max_charts >= 2 * 2 * len(charts.CHARTS)
    assert kernel.max_bytes <= 16 * 1024 * 1024


def test_the_least_recently_shown_chart_leaves_first(filled: Journal) -> None:
    small = chart_cache.ChartCache(max_charts=2)
    tables = session().tables()
    small.drawn("mood", tables, TODAY)
    small.drawn("urges", tables, TODAY)
    small.drawn("mood", tables, TODAY)  # shown again: now the newest
    small.drawn("habits", tables, TODAY)
    drawn = small.drawn_count
    small.drawn("mood", tables, TODAY)
    assert small.drawn_count == drawn  # mood stayed, urges left
    small.drawn("urges", tables, TODAY)
    assert small.drawn_count == drawn + 1


def test_a_new_day_draws_again(filled: Journal) -> None:
    cache = chart_cache.cache()
    chart_cache.drawn("mood", session().tables(), TODAY)
    chart_cache.drawn("mood", session().tables(), TODAY + timedelta(days=1))
    assert cache.drawn_count == 2


def _locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Journal:
    from exback_kit.store import locking

    path = tmp_path / "locked" / "journal.sqlite3"
    with Journal.open(path, backup=False) as j:
        _checkin(j)
        _urge(j)
    locking.encrypt(path, PASSPHRASE)
    journal = Journal.open(path, backup=False, passphrase=PASSPHRASE)
    stages.use_journal(journal)
    return journal


def test_a_locked_journals_charts_never_touch_the_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = _locked(tmp_path, monkeypatch)
    charts.to_png(charts.render("mood", reads.load_tables(journal), TODAY)[0])  # fonts loaded
    opened: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def watch_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        opened.append(f"{file} {mode}")
        return real_open(file, mode, *args, **kwargs)

    def watch_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> Any:
        opened.append(f"{path} {flags}")
        return real_os_open(path, flags, *args, **kwargs)

    def files() -> set[Path]:
        return {p for p in tmp_path.rglob("*") if p.is_file()}

    tables = session().tables()
    present = files()
    monkeypatch.setattr(builtins, "open", watch_open)
    monkeypatch.setattr(io, "open", watch_open)
    monkeypatch.setattr(os, "open", watch_os_open)
    for name in charts.CHARTS:
        chart_cache.drawn(name, tables, TODAY)
        chart_cache.drawn(name, tables, TODAY)
    monkeypatch.undo()
    assert opened == [] and files() == present
    assert chart_cache.cache().kept_count == len(charts.CHARTS)
    journal.close()


def test_locking_or_closing_forgets_every_drawn_chart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _locked(tmp_path, monkeypatch)
    monkeypatch.setenv("EXBACK_JOURNAL", str(tmp_path / "locked" / "journal.sqlite3"))
    for name in charts.CHARTS:
        _draw(name)
    assert len(chart_cache.cache()) == len(charts.CHARTS)
    session().lock_now()
    assert len(chart_cache.cache()) == 0
