"""Which words of each entry the search index holds, as SQL: the sources, an index row.

The search index (``search_index``, FTS5, inside the journal) holds one row per entry
that has words: rowid = the entry's id * :data:`SEARCH_STRIDE` + its kind's number;
kind, place (an answer's "step:question", a reflection's "topic:question"), day and at
ride along unindexed. Each free-text field stands on its own line; an empty one leaves
no blank line. A text answer that is only an id ("not_sure") or a date is a choice,
not words.

The migrations that built the index (versions 7 and 9) read these, and so does
:mod:`exback_kit.store.search_queue` when it moves what a save queued into the index:
an entry's words are taken the same way at both. Change them only with a migration
that rebuilds the index.
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


def _place(row: str, table: str) -> str:
    key = {"answers": "step", "reflections": "topic"}.get(table)
    return f"{row}.{key} || ':' || {row}.question" if key else "''"


def index_row(row: str, number: int, table: str, columns: tuple[str, ...]) -> str:
    """Return the SQL of an entry's index row, in :data:`COLUMNS`' order."""
    return (f"{row}.id * {SEARCH_STRIDE} + {number}, {body(row, columns)}, '{table}', "
            f"{_place(row, table)}, {row}.day, {row}.at")
