"""Search over 10 years vs a bare sqlite3 FTS5 query; a save with the index vs without; the
migration that builds the index.

The journal is the demo generator at 10 years (3,650 days) plus long answers (1,000 of
about 1,500 characters). Three figures, each against its baseline in the same run:

- ``search()`` for the top 20 (newest first, snippets marked) vs the same query on a bare
  sqlite3 FTS5 table holding the same rows (same tokenizer, same snippet, same order, and
  the same shape: the top 20 rowids first, then snippets for those): median of 15 for each
  of four queries (a word, a prefix, a phrase, an OR); the ratio is the median of the four.
- ``add_checkin`` with a note on a journal with the index vs one whose triggers queue
  nothing, only renewing the table stamps (bench_store's save, with the index's cost
  alone: a save queues its entry, the next search reads its words into the index): the
  median of 16 ratios,
  each of a pair of 100-save batches run back to back, which of the two goes first alternating.
- the search migration itself on a copy of that journal without its index: it builds the
  whole index from the rows.

Last line: ``search ratio X.XX (target <= 2.0)``; exit status 1 when a figure is over target
(query <= 50 ms and <= 2x bare, save <= 1.2x, build < 5 s).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from exback_kit import Journal
from exback_kit.interchange.demo import make_demo
from exback_kit.store import search
from exback_kit.store.migrations import _CHANGED, _migrate_search_index
from exback_kit.store.search_words import SEARCH_SOURCES

QUERIES = ("walk", "lake*", '"quiet morning"', "sister OR river")
QUERY_MS, QUERY_RATIO, SAVE_RATIO, BUILD_S = 50.0, 2.0, 1.2, 5.0
REPEAT, BATCH, BATCHES = 15, 100, 16
WORDS = (
    "walk", "quiet", "morning", "river", "sister", "lake", "house", "café", "dinner", "work",
    "friends", "sleep", "tired", "remember", "anniversary", "photos", "message", "phone",
    "evening", "weekend", "alone", "laughed", "cried", "therapy", "trust", "money", "plans",
    "holiday", "naïve", "garden", "coffee", "train", "music", "song", "rain", "summer",
    "winter", "birthday", "kitchen", "letter", "promise", "honest", "angry", "calm", "proud",
    "hope"
)


def _long_answers(journal: Journal) -> int:
    rng = random.Random(7)
    start = datetime(2017, 1, 1, 20).astimezone()
    rows = [{"step": 1 + i % 18, "question": f"long_{i % 12}",
             "value": " ".join(rng.choice(WORDS) for _ in range(220)).capitalize() + ".",
             "at": start + timedelta(days=3 * i)} for i in range(1000)]
    journal.add_many("answers", rows)
    return len(rows)


def _bare_copy(kit: Journal, path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, kind UNINDEXED, place UNINDEXED, "
                 "day UNINDEXED, at UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', "
                 "prefix = '2 3')")
    rows = kit.execute_read("SELECT rowid, body, kind, place, day, at FROM search_index")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t (rowid, body, kind, place, day, at) VALUES (?,?,?,?,?,?)",
                     rows)
    conn.execute("COMMIT")
    return conn


def _bare_query(conn: sqlite3.Connection, query: str) -> list[tuple[object, ...]]:
    # The same shape as the kit's: the top 20 rowids, then snippets for those alone.
    return conn.execute(
        "SELECT kind, place, day, at, rowid, snippet(t, 0, char(2), char(3), '…', 16) FROM t "
        "WHERE t MATCH ? AND rowid IN (SELECT rowid FROM t WHERE t MATCH ? AND kind <> 'unsent' "
        "ORDER BY at DESC, rowid DESC LIMIT 20) ORDER BY at DESC, rowid DESC",
        (query, query)).fetchall()


def _median_ms(run: object, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _queries(kit: Journal, bare: sqlite3.Connection) -> tuple[float, float, int]:
    kit_ms, bare_ms, hits = [], [], 0
    for query in QUERIES:
        plain = search.plain_query(query) if '"' not in query and "OR" not in query else query
        hits += len(search.search(kit, query).hits)
        assert len(_bare_query(bare, plain)) == len(search.search(kit, query).hits)
        kit_ms.append(_median_ms(lambda q=query: search.search(kit, q)))
        bare_ms.append(_median_ms(lambda q=plain: _bare_query(bare, q)))
    return max(kit_ms), statistics.median(k / b for k, b in zip(kit_ms, bare_ms, strict=True)), hits


def _first_page(journal: Journal) -> int:
    """What "Your words" reads for its first page: the days, then a week of entries."""
    days = search.written_days(journal)
    return len(search.written(journal, first=days[6], last=days[0]))


def _wal_pages_per_save(journal: Journal, saves: int = 50) -> float:
    """Pages a save adds to the -wal (what its fsync writes), a figure the load doesn't move."""
    wal = Path(f"{journal.path}-wal")
    journal.execute_read("PRAGMA wal_checkpoint(TRUNCATE)")
    for i in range(saves):
        journal.add_checkin(mood=6, note=f"a quiet evening by the lake {i}")
    page = journal.execute_read("PRAGMA page_size")[0][0]
    return (wal.stat().st_size - 32) / (page + 24) / saves


def _save_batch(journal: Journal) -> float:
    start = time.perf_counter()
    for i in range(BATCH):
        journal.add_checkin(mood=6, energy=4, note=f"a quiet morning, walked by the river {i}")
    return (time.perf_counter() - start) / BATCH


def _without_index(path: Path) -> Journal:
    """A journal whose triggers only renew the table stamps (no entry queued for the index)."""
    journal = Journal.open(path, backup=False)
    conn = sqlite3.connect(path)
    for _, table, _ in SEARCH_SOURCES:
        for event in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(f"DROP TRIGGER {table}_changed_{event}")
            conn.execute(_CHANGED.format(table=table, event=event, queue=""))
    conn.commit()
    conn.close()
    return journal


def _saves(tmp: Path) -> tuple[float, tuple[float, float], float]:
    indexed = Journal.open(tmp / "indexed.sqlite3", backup=False)
    bare = _without_index(tmp / "no_index.sqlite3")
    pages = _wal_pages_per_save(indexed), _wal_pages_per_save(bare)
    ratios = []
    for i in range(BATCHES):  # pairs close in time, taken in turn first: the machine is noisy
        if i % 2:
            without, with_ = _save_batch(bare), _save_batch(indexed)
        else:
            with_, without = _save_batch(indexed), _save_batch(bare)
        ratios.append(with_ / without)
    start = time.perf_counter()
    indexed.index_pending()  # what the next search does first
    catch_up = time.perf_counter() - start
    assert indexed.execute_read("SELECT count(*) FROM search_index")[0][0] == BATCH * BATCHES + 50
    assert bare.execute_read("SELECT count(*) FROM search_index")[0][0] == 0
    indexed.close()
    bare.close()
    return statistics.median(ratios), pages, catch_up


def _build_s(source: Path, tmp: Path) -> tuple[float, int]:
    """Time the search migration itself on a copy of the journal without its index."""
    old = tmp / "older.sqlite3"
    shutil.copy(source, old)
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("DROP TABLE search_index")
    conn.execute("DROP TABLE search_pending")  # no save happens here to fire the triggers
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    _migrate_search_index(conn)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    rows = conn.execute("SELECT count(*) FROM search_index").fetchone()[0]
    conn.close()
    return seconds, rows


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        path = make_demo(tmp / "ten_years.sqlite3", days=3650)
        with Journal.open(path, backup=False) as kit:
            answers = _long_answers(kit)
            kit.index_pending()
            kit.execute_read("PRAGMA wal_checkpoint(TRUNCATE)")
            rows = kit.execute_read("SELECT count(*) FROM search_index")[0][0]
            size = kit.execute_read("SELECT sum(length(body)) FROM search_index")[0][0]
            bare = _bare_copy(kit, tmp / "bare.sqlite3")
            query_ms, ratio, hits = _queries(kit, bare)
            page_ms = _median_ms(lambda: _first_page(kit))
            rank_ms = max(_median_ms(lambda q=q: search.search(kit, q, order="rank"))
                          for q in QUERIES)
            bare.close()
        build_s, built = _build_s(path, tmp)
        save_ratio, pages, catch_up = _saves(tmp)
    print(f"10 years: {rows:,} entries with words ({answers:,} long answers), "
          f"{size / 1e6:.1f} MB of text")
    print(f"top-20 search, slowest of {len(QUERIES)} queries: {query_ms:.1f} ms "
          f"(target <= {QUERY_MS:.0f} ms); {hits} hits in all")
    print(f"top-20 by rank (bm25), slowest: {rank_ms:.1f} ms")
    print(f"first page of Your words (7 days): {page_ms:.1f} ms")
    print(f"build the index in the migration: {build_s:.2f} s for {built:,} entries "
          f"(target < {BUILD_S:.0f} s)")
    print(f"-wal pages a save writes: {pages[0]:.1f} with the index, {pages[1]:.1f} without")
    print(f"the next search indexing the {BATCH * BATCHES + 50:,} saves queued: "
          f"{catch_up * 1000:.0f} ms")
    print(f"save with the index vs without: ratio {save_ratio:.2f} (target <= {SAVE_RATIO})")
    print(f"search ratio {ratio:.2f} (target <= {QUERY_RATIO})")
    ok = (query_ms <= QUERY_MS and ratio <= QUERY_RATIO and save_ratio <= SAVE_RATIO
          and build_s < BUILD_S)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
