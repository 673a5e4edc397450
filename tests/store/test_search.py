"""Finding what you wrote: the FTS5 index inside the journal, its triggers and its reads."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import pytest

from exback_kit import Journal, ValidationError
from exback_kit.store import search
from exback_kit.store.migrations import MIGRATIONS, _migrate_search_index
from exback_kit.store.search_words import SEARCH_SOURCES
from exback_kit.store.sqlite_header import APPLICATION_ID

#: The fields every kind needs besides its words (the words are filled in by the test).
REQUIRED = {
    "checkins": {"mood": 5}, "contacts": {"initiated_by": "me"}, "urges": {"intensity": 6},
    "answers": {"step": 2, "question": "what_drove_us_apart"},
    "decisions": {"decision": "not_sure"},
    "nocontact_periods": {"start_day": "2026-01-05", "target_days": 30},
    "signals": {}, "meetings": {}, "unsent": {}, "reachouts": {}, "patterns": {},
    "repairs": {}, "agreements": {}, "milestones": {}, "old_habits": {},
    "reflections": {"topic": "grief", "question": "what_i_miss"}, "reappraisals": {},
    "checklist_items": {"checklist": "devices"},
    "plans": {"weekday": "fri", "start_time": "22:00"},
    "self_notes": {"about": "like"}, "moment_plans": {"moment": "running_into"},
}


def _words(journal: Journal, text: str, **kw: object) -> list[str]:
    return [h.kind for h in search.search(journal, text, **kw).hits]


@pytest.mark.parametrize(("number", "kind", "columns"), SEARCH_SOURCES,
                         ids=[kind for _, kind, _ in SEARCH_SOURCES])
def test_every_kind_of_writing_is_found_by_each_of_its_words(journal, number, kind, columns):
    values = dict(REQUIRED[kind])
    for column in columns:
        values[column] = f"heron{column.replace('_', '')} was here"
    journal.add(kind, **values)
    for column in columns:
        hits = search.search(journal, f"heron{column.replace('_', '')}",
                             include_vault=True).hits
        assert [(h.kind, h.entry_id) for h in hits] == [(kind, 1)]
        assert any(match for _, match in hits[0].parts)


def test_the_search_list_covers_every_text_field_of_the_schema():
    from exback_kit.store.schema import TABLES
    indexed = {kind: set(columns) for _, kind, columns in SEARCH_SOURCES}
    for kind, specs in TABLES.items():
        texts = {f.name for f in specs if f.kind in ("text", "json")} - {"question", "topic"}
        assert texts <= indexed.get(kind, set()), kind


def test_a_chosen_option_or_a_date_is_not_words_but_a_typed_answer_is(journal):
    journal.save_answer(2, "one", "not_sure")
    journal.save_answer(2, "two", "2026-03-01")
    journal.save_answer(2, "three", ["work", "friends"])
    journal.save_answer(2, "four", "We never talked about money")
    assert [w.text for w in search.written(journal)] == ["We never talked about money"]
    assert search.search(journal, "money").hits[0].place == "2:four"


@pytest.mark.parametrize(("written", "query"), [
    ("We met at the café", "cafe"), ("We met at the cafe", "café"),
    ("Naïve of me", "naive"), ("ÉTÉ à Zürich", "ete zurich"), ("Ångström", "angstrom"),
])
def test_accents_and_case_do_not_matter(journal, written, query):
    journal.add_checkin(mood=5, note=written)
    assert _words(journal, query) == ["checkins"]


def test_prefix_phrase_and_operators(journal):
    journal.add_checkin(mood=5, note="The lake house in March")
    journal.add_checkin(mood=5, note="A house by the sea, lakeside dreams")
    journal.log_urge(7, note="lake photos again")
    assert len(search.search(journal, "lake*").hits) == 3
    assert [h.snippet for h in search.search(journal, '"lake house"').hits] == [
        "The lake house in March"]
    assert len(search.search(journal, "march OR sea").hits) == 2
    assert [h.snippet for h in search.search(journal, "lake NOT photos").hits] == [
        "The lake house in March"]
    assert len(search.search(journal, "house AND march").hits) == 1


def test_the_match_is_marked_in_the_snippet(journal):
    journal.add_checkin(mood=5, note="quiet morning, long walk, then the lake again")
    (hit,) = search.search(journal, "lake").hits
    assert ("lake", True) in hit.parts
    assert hit.snippet == "quiet morning, long walk, then the lake again"


def test_an_edited_entry_is_found_by_its_new_words_only(journal):
    entry = journal.add("patterns", pattern="jealousy", plan="ask before assuming")
    journal.update("patterns", entry, plan="talk to a counsellor")
    assert _words(journal, "assuming") == []
    assert _words(journal, "counsellor") == ["patterns"]
    assert _words(journal, "jealousy") == ["patterns"]


def test_an_entry_emptied_or_deleted_is_no_longer_found(journal):
    first = journal.add("milestones", title="dinner", note="lantern festival")
    second = journal.add("milestones", title="trip", note="lantern walk")
    journal.update("milestones", first, note="")
    assert _words(journal, "lantern") == ["milestones"]
    conn = sqlite3.connect(journal.path)  # no kit code deletes entries yet: a sync tool might
    conn.execute("DELETE FROM milestones WHERE id = ?", (second,))
    conn.commit()
    conn.close()
    assert _words(journal, "lantern") == []
    assert _words(journal, "dinner") == ["milestones"]


def test_an_entry_moved_to_another_day_is_found_on_that_day(journal):
    entry = journal.add("reachouts", plan="coffee at noon", at="2026-01-10T10:00")
    conn = sqlite3.connect(journal.path)
    conn.execute("UPDATE reachouts SET at = '2026-02-01T10:00:00+00:00', day = '2026-02-01' "
                 "WHERE id = ?", (entry,))
    conn.commit()
    conn.close()
    assert [h.day for h in search.search(journal, "coffee").hits] == [date(2026, 2, 1)]


def test_the_vault_is_searched_only_when_asked(journal):
    journal.add("unsent", text="I still think about the lighthouse")
    journal.add_checkin(mood=4, note="lighthouse day")
    assert _words(journal, "lighthouse") == ["checkins"]
    assert _words(journal, "lighthouse", include_vault=True) == ["checkins", "unsent"][::-1] \
        or sorted(_words(journal, "lighthouse", include_vault=True)) == ["checkins", "unsent"]
    assert _words(journal, "lighthouse", kinds=["unsent"]) == ["unsent"]
    assert search.written(journal) and all(w.kind != "unsent" for w in search.written(journal))


def test_days_kinds_limit_and_order(journal):
    start = datetime(2026, 1, 1, 9).astimezone()
    for i in range(10):
        journal.add_checkin(mood=5, note=f"swim {'swim ' * i}", at=start + timedelta(days=i))
    journal.log_urge(5, note="swim", at=start)
    newest = search.search(journal, "swim", kinds=["checkins"]).hits
    assert [h.day.day for h in newest] == list(range(10, 0, -1))
    ranked = search.search(journal, "swim", kinds=["checkins"], order="rank").hits
    assert ranked[0].day.day == 10  # the most swims
    window = search.search(journal, "swim", first=date(2026, 1, 3), last=date(2026, 1, 5))
    assert sorted(h.day.day for h in window.hits) == [3, 4, 5]
    assert len(search.search(journal, "swim", limit=3).hits) == 3
    assert {h.kind for h in search.search(journal, "swim").hits} == {"checkins", "urges"}


@pytest.mark.parametrize(("kw", "field"), [
    ({"limit": 0}, "limit"), ({"limit": 1001}, "limit"), ({"order": "oldest"}, "order"),
    ({"kinds": ["settings"]}, "kind"), ({"first": date(2026, 2, 1), "last": date(2026, 1, 1)},
                                        "from"),
])
def test_bad_options_name_their_field(journal, kw, field):
    with pytest.raises(ValidationError) as caught:
        search.search(journal, "lake", **kw)
    assert caught.value.field == field


@pytest.mark.parametrize(("query", "problem"), [
    ('"lake house', "quote"), ("(lake OR sea", "bracket"), ("lake AND", "AND, OR and NOT"),
    ("NOT lake", "AND, OR and NOT"), ("lake AND NOT sea", "NOT works on its own"),
    ("*lake", "a *"),
])
def test_a_query_fts5_cannot_read_names_the_problem_and_searches_the_words(journal, query,
                                                                           problem):
    journal.add_checkin(mood=5, note="lake and sea and house")
    found = search.search(journal, query)
    assert problem in found.problem
    assert [h.kind for h in found.hits] == ["checkins"]


@pytest.mark.parametrize("query", ["don't", "lake-house", "time: 3pm", "50% off!", "a+b",
                                   "what?", "C'est l'été", "{lake}"])
def test_plain_words_always_work_whatever_punctuation_they_hold(journal, query):
    journal.add_checkin(mood=5, note=f"I wrote: {query}")
    found = search.search(journal, query)
    assert found.problem == ""
    assert [h.kind for h in found.hits] == ["checkins"]


@pytest.mark.parametrize("query", ["", "   ", "*", '""', "()", "?!"])
def test_no_words_at_all_is_a_plain_message(journal, query):
    with pytest.raises(ValidationError, match="no words to search for") as caught:
        search.search(journal, query)
    assert caught.value.field == "words"


def test_the_timeline_lists_everything_written_by_day(journal):
    journal.add_checkin(mood=5, note="first", at="2026-01-01T08:00")
    journal.log_urge(5, trigger="a song", at="2026-01-01T21:00")
    journal.add("agreements", text="no phones at dinner", at="2026-01-03T12:00")
    journal.add_checkin(mood=5, at="2026-01-04T08:00")  # no words
    assert search.written_days(journal) == [date(2026, 1, 3), date(2026, 1, 1)]
    assert [w.text for w in search.written(journal)] == ["no phones at dinner", "a song", "first"]
    oldest = search.written(journal, newest_first=False, last=date(2026, 1, 1))
    assert [(w.kind, w.text) for w in oldest] == [("checkins", "first"), ("urges", "a song")]


def journal_before(path, migration) -> sqlite3.Connection:
    """A journal file as the kit left it just before ``migration`` ran, open (autocommit).

    The version is found from the migration itself: renumbering on a merge moves it."""
    conn = sqlite3.connect(path, isolation_level=None)
    newest_before = next(v for v, f in MIGRATIONS.items() if f is migration) - 1
    for version in range(1, newest_before + 1):
        MIGRATIONS[version](conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {newest_before}")
    return conn


def _journal_before_the_index(path) -> None:
    """A journal as the kit left it before the index: entries and no search_index."""
    conn = journal_before(path, _migrate_search_index)
    conn.execute("INSERT INTO checkins (at, day, mood, note, uuid) VALUES "
                 "('2025-05-01T08:00:00+00:00', '2025-05-01', 5, 'the old orchard', 'u1')")
    conn.execute("INSERT INTO answers (at, day, step, question, value, uuid) VALUES "
                 "('2025-05-02T08:00:00+00:00', '2025-05-02', 4, 'q', '\"orchard walks\"', 'u2')")
    conn.close()


def test_the_migration_indexes_what_was_written_before_it(tmp_path):
    path = tmp_path / "old.sqlite3"
    _journal_before_the_index(path)
    with Journal.open(path, backup=False) as journal:
        assert journal.schema_version == max(MIGRATIONS)
        assert sorted(_words(journal, "orchard*")) == ["answers", "checkins"]
        journal.add_checkin(mood=6, note="orchard again")
        assert len(search.search(journal, "orchard*").hits) == 3


def test_a_save_queues_its_words_and_the_next_search_indexes_them_once(journal):
    journal.add_checkin(mood=5, note="first pebble")
    entry = journal.add("patterns", pattern="pebble habit")
    journal.update("patterns", entry, plan="skip stones")
    assert journal.execute_read("SELECT count(*) FROM search_pending")[0][0] == 2  # one each
    assert journal.execute_read("SELECT count(*) FROM search_index")[0][0] == 0
    assert len(search.search(journal, "pebble").hits) == 2
    assert journal.execute_read("SELECT count(*) FROM search_pending")[0][0] == 0
    assert journal.execute_read("SELECT count(*) FROM search_index")[0][0] == 2
    journal._conn.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")


def test_words_saved_by_another_process_are_found(journal):
    with Journal.open(journal.path, backup=False) as other:
        other.log_urge(4, note="a cormorant on the pier")
    assert _words(journal, "cormorant") == ["urges"]


@pytest.mark.parametrize("query", ["lake* don't", "lake-house OR nothing", "(don't OR won't) lake",
                                   '"lake house" AND café-bar'])
def test_punctuation_inside_a_search_that_uses_operators_is_words_too(journal, query):
    journal.add_checkin(mood=5, note="I don't miss the lake-house, said the café-bar owner")
    found = search.search(journal, query)
    assert found.problem == ""
    assert [h.kind for h in found.hits] == ["checkins"]
