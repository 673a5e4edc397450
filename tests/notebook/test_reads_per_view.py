"""A page reads the journal once per view: each part asks for the table stamps once, each
table is read at most once while it is unchanged, and what a part shows comes from the
frames the session hands down (so a write from anywhere shows in the next view).

Reads are counted on the journal's public read methods while a stage's cells run, the way
a notebook opens them. Bounds (with room for a few settings): before issue 23's read-once
work opening 00 made 56 reads (21 stamp queries, 4 answer look-ups, the check-in read
twice) and 08 made 69 (30 stamp queries, answers and decisions read three times).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from exback_kit import Journal, stages
from exback_kit.content import texts

from .widget_tree import words

#: The reads a page may make; each is a query (or a few) on the journal.
READS = ("records", "count", "latest_answers", "latest_reflections", "latest_record", "table",
         "table_stamps", "is_empty", "execute_read")
#: What one page may read at most (all of its parts together, on a new kernel).
BOUNDS = {"00_start_here": 40, "08_dashboard": 48}
#: The parts each page builds, in its notebook's order.
PAGES: dict[str, list[Callable[[], Any]]] = {
    "00_start_here": [lambda: stages.header("00_start_here"),
                      lambda: stages.section("00_start_here", "profile"),
                      lambda: stages.section("00_start_here", "boundaries"),
                      lambda: stages.section("00_start_here", "checkin"),
                      lambda: stages.charts("00_start_here"),
                      lambda: stages.next_steps("00_start_here")],
    "08_dashboard": [lambda: stages.header("08_dashboard"),
                     *(lambda name=name: stages.section("08_dashboard", name)
                       for name in ("ride_it_out",)),
                     lambda: stages.charts("08_dashboard"),
                     *(lambda name=name: stages.section("08_dashboard", name)
                       for name in ("readiness", "report", "sync", "search", "words")),
                     lambda: stages.next_steps("08_dashboard")],
}


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[tuple[str, str]]]:
    """Count every read of any journal by (method, its first argument)."""
    counted: Counter[tuple[str, str]] = Counter()
    for name in READS:
        method = getattr(Journal, name)

        def counting(self: Journal, *args: Any, _method: Any = method, _name: str = name,
                     **kwargs: Any) -> Any:
            counted[(_name, str(args[0]) if args else "")] += 1
            return _method(self, *args, **kwargs)
        monkeypatch.setattr(Journal, name, counting)
    yield counted


@pytest.fixture
def lived_in(mine: Journal) -> Journal:
    """The person's journal with a fortnight of check-ins and urges, a contact and answers."""
    start = datetime.now().astimezone().replace(hour=9) - timedelta(days=14)
    for day in range(14):
        at = start + timedelta(days=day)
        mine.add_checkin(mood=3 + day % 5, energy=5, note="a walk", at=at)
        mine.log_urge(intensity=2 + day % 6, trigger="a song", at=at)
    mine.log_contact(initiated_by="them", at=start + timedelta(days=3))
    mine.save_answer(0, "who_ended", "them", at=start)
    return mine


@pytest.mark.parametrize("page", list(PAGES))
def test_a_page_reads_each_table_once_and_stays_within_its_bound(
        lived_in: Journal, reads: Counter[tuple[str, str]], page: str) -> None:
    for build in PAGES[page]:
        build()
    tables = {kind: n for (name, kind), n in reads.items() if name == "table"}
    assert tables and max(tables.values()) == 1, tables  # no table read twice
    assert reads[("table_stamps", "")] <= len(PAGES[page]), "stamps asked more than once a part"
    assert sum(reads.values()) <= BOUNDS[page], reads


def test_opening_the_page_again_reads_no_unchanged_table(
        lived_in: Journal, reads: Counter[tuple[str, str]]) -> None:
    for build in PAGES["08_dashboard"]:
        build()
    reads.clear()
    for build in PAGES["08_dashboard"]:
        build()
    assert not [k for k in reads if k[0] == "table"], reads


def test_a_write_between_views_shows_in_the_next_one(mine: Journal) -> None:
    """The frames a view hands down are the journal's as it is when the view starts: the
    profile folds (read from the answers frame) once an answer is written from anywhere."""
    assert texts.FOLDED_PROFILE not in words(stages.section("00_start_here", "profile"))
    mine.save_answer(0, "who_ended", "them")  # not through the page: as the CLI would
    assert texts.FOLDED_PROFILE in words(stages.section("00_start_here", "profile"))
    mine.add_checkin(mood=9, note="", at=datetime.now().astimezone())
    assert "mood 9/10" in words(stages.header("00_start_here"))


def test_with_no_contact_begun_opening_00_reads_only_the_tables_it_shows(
        lived_in: Journal, reads: Counter[tuple[str, str]]) -> None:
    """The "where you are" line counts from the first day of any entry only before a
    No-Contact period starts: once one has, opening 00 doesn't read every table for it."""
    lived_in.add("nocontact_periods", start_day=datetime.now().date() - timedelta(days=5),
                 target_days=30)
    for build in PAGES["00_start_here"]:
        build()
    read = {kind for name, kind in reads if name == "table"}
    assert "nocontact_periods" in read and "contacts" in read
    assert not read & {"urges", "unsent", "instrument_results"}, " ".join(sorted(read))
    assert texts.say(texts.WHERE_NO_CONTACT_TARGET, day=6, target=30, longest=6) in words(
        stages.header("00_start_here"))
