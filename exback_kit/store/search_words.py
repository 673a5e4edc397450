"""Which words of each entry the search index holds, as SQL: the sources, an index row.

The search index (``search_index``, FTS5, inside the journal) holds one row per entry
that has words: rowid = the entry's id * :data:`SEARCH_STRIDE` + its kind's number;
kind, place (an answer's "step:question", a reflection's "topic:question"), day and at
ride along unindexed. Each free-text field stands on its own line; an empty one leaves
no blank line. A text answer that is only an id ("not_sure") or a date is a choice,
not words.

The migrations that built the index and its triggers (versions 7, 9 and 11) read these,
and so does :mod:`exback_kit.store.search_queue` when it moves what a save queued into
the index: an entry's words are taken the same way at both. Frozen with those
migrations: a change takes new names here and a new migration that rebuilds the index,
so the old migrations still build what they built.
"""

from __future__ import annotations

SEARCH_STRIDE = 32
#: (number in the rowid, table, its free-text columns) as version 7 indexed them.
SOURCES_V7 = (
    (1, "checkins", ("note",)), (2, "contacts", ("note",)),
    (3, "urges", ("trigger", "helped", "note")), (4, "answers", ("value",)),
    (5, "decisions", ("reasons",)), (6, "nocontact_periods", ("note",)),
    (7, "signals", ("source", "what", "note")), (8, "meetings", ("place", "note")),
    (9, "unsent", ("text", "review_note")),
    (10, "reachouts", ("plan", "expectation", "why", "outcome")),
    (11, "patterns", ("pattern", "root", "plan")), (12, "repairs", ("issue", "plan")),
    (13, "agreements", ("text", "note")), (14, "milestones", ("title", "note")),
    (15, "old_habits", ("habit", "note")), (16, "reflections", ("value",)),
    (17, "reappraisals", ("what", "pleasant", "note")),
    (18, "checklist_items", ("item", "note")), (19, "plans", ("action",)),
)
#: Added by version 9 (who am I now, the when-it-happens plans).
SOURCES_V9 = ((20, "self_notes", ("item",)), (21, "moment_plans", ("plan",)))
#: Every kind the index holds: (number in the rowid, table, its free-text columns).
SEARCH_SOURCES = SOURCES_V7 + SOURCES_V9
#: The index row's columns, in the order :func:`index_row` gives them.
COLUMNS = "(rowid, body, kind, place, day, at)"


def body(row: str, columns: tuple[str, ...]) -> str:
    """Return the SQL of an entry's words (``row`` names it: ``new``, ``e``)."""
    if columns == ("value",):  # a JSON answer: its text, unless it is a choice id or a date
        text = f"json_extract({row}.value, '$')"
        return (f"(CASE WHEN json_type({row}.value) = 'text' AND {text} GLOB '*[^a-z0-9_]*' "
                f"AND NOT {text} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "
                f"THEN {text} ELSE '' END)")
    parts = " || ".join(f"(CASE WHEN coalesce({row}.{c}, '') = '' THEN '' "
                        f"ELSE {row}.{c} || char(10) END)" for c in columns)
    return f"rtrim({parts}, char(10))"


#: An entry's place, where it has one: "step:question" for an answer, "topic:question" for
#: a reflection.
_PLACES = {"answers": ("step", "question"), "reflections": ("topic", "question")}


def _place(row: str, table: str) -> str:
    parts = _PLACES.get(table)
    return " || ':' || ".join(f"{row}.{p}" for p in parts) if parts else "''"


def index_row(row: str, number: int, table: str, columns: tuple[str, ...]) -> str:
    """Return the SQL of an entry's index row, in :data:`COLUMNS`' order."""
    return (f"{row}.id * {SEARCH_STRIDE} + {number}, {body(row, columns)}, '{table}', "
            f"{_place(row, table)}, {row}.day, {row}.at")


def row_columns(table: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """Return the columns an entry's index row is made from: a change to another (the
    origin a sync records, a version stamp) leaves its row as it is."""
    return ("id", "at", "day", *_PLACES.get(table, ()), *columns)


def fill(number: int, table: str, columns: tuple[str, ...], only: str = "") -> str:
    """Return the SQL that writes the index rows of a kind's entries with words (those
    ``only`` keeps, a condition on ``e``, or all)."""
    return (f"INSERT INTO search_index {COLUMNS} SELECT {index_row('e', number, table, columns)} "
            f"FROM {table} AS e WHERE {f'{only} AND ' if only else ''}{body('e', columns)} <> ''")


def search_queue_sql(event: str, number: int, table: str, columns: tuple[str, ...]) -> str:
    """Return the statement a kind's trigger runs to queue an entry for the index: the new
    row's on an insert, the old one's on a delete, both on an update that changed what its
    index row is made from (:func:`row_columns`)."""
    rowid = f"id * {SEARCH_STRIDE} + {number}"
    if event == "INSERT":
        return f"INSERT OR IGNORE INTO search_pending (rowid) VALUES (new.{rowid}); "
    if event == "DELETE":
        return f"INSERT OR IGNORE INTO search_pending (rowid) VALUES (old.{rowid}); "
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in row_columns(table, columns))
    return (f"INSERT OR IGNORE INTO search_pending (rowid) SELECT column1 FROM "
            f"(VALUES (old.{rowid}), (new.{rowid})) WHERE {changed}; ")
