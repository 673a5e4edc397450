"""Finding the person's own words: full-text search and the timeline of everything written.

Both read ``search_index``, the FTS5 table that the search migration builds inside the journal.
A save queues its words (triggers, so a synced entry is found like a local one); each
read here first moves the queue into the index (see :mod:`exback_kit.store.search_queue`).
A locked journal's index and queue are encrypted with it. The unsent-message vault is left
out unless the person asks for it (``include_vault``).

A query is FTS5's own language (``lake*``, ``"lake house"``, ``AND``/``OR``/``NOT``) when
it uses it; plain words are searched as words, whatever punctuation they hold. A query
FTS5 can't read is searched as plain words too, with a :attr:`Found.problem` saying why.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store.failures import db_errors
from exback_kit.store.search_words import SEARCH_SOURCES, SEARCH_STRIDE

if TYPE_CHECKING:
    from exback_kit.store.journal import Journal

#: The kinds of entry whose words are indexed, in the order of the index.
SEARCHED_KINDS = tuple(table for _, table, _ in SEARCH_SOURCES)
VAULT = "unsent"
ORDERS = ("newest", "rank")
MAX_LIMIT = 1000
# Snippet marks: control characters a person doesn't type, split off before any display.
_START, _END = "\x02", "\x03"
#: What makes a query FTS5's language rather than plain words.
_SYNTAX = re.compile(r'["*()]|\b(?:AND|OR|NOT)\b')
#: Characters whose FTS5 meaning the kit doesn't offer: such a query is plain words.
_UNOFFERED = re.compile(r"[:^{}+]")
_OPERATOR = re.compile(r"^(?:AND|OR|NOT)$")


class Hit(NamedTuple):
    """One entry that matched: where and when it was written and a snippet of it."""

    kind: str
    #: An answer's "step:question", a reflection's "topic:question", else "".
    place: str
    day: date
    at: datetime
    entry_id: int
    #: The snippet in pieces, each (text, True where it is a match).
    parts: tuple[tuple[str, bool], ...]

    @property
    def snippet(self) -> str:
        """The snippet as plain text."""
        return "".join(text for text, _ in self.parts)


class Found(NamedTuple):
    """What a search found, and what (if anything) in the query couldn't be read as asked."""

    hits: list[Hit]
    #: "" or a plain sentence naming the problem; the words were then searched as words.
    problem: str


class Written(NamedTuple):
    """One entry of the timeline: the whole text the person wrote in it."""

    kind: str
    place: str
    day: date
    at: datetime
    entry_id: int
    text: str


def plain_query(words: str) -> str:
    """Return ``words`` as an FTS5 query of plain words: each quoted, ``word*`` kept a prefix.

    AND, OR and NOT are left out (they were meant as operators) unless they are all there is.

    Raises:
        ValidationError: no word to search for (field ``words``).
    """
    terms = []
    chunks = words.split()
    if not all(_OPERATOR.match(c) for c in chunks):
        chunks = [c for c in chunks if not _OPERATOR.match(c)]
    for chunk in chunks:
        prefix = chunk.endswith("*")
        core = re.sub(r'["*()]', " ", chunk).strip()
        if not any(ch.isalnum() for ch in core):
            continue
        terms.append(f'"{core}"' + ("*" if prefix else ""))
    if not terms:
        raise ValidationError(texts.SEARCH_NO_WORDS.format(value=words.strip() or '""'),
                              field="words")
    return " ".join(terms)


def fts_query(words: str) -> str:
    """Return ``words`` (which use FTS5's language) with every plain word quoted.

    Phrases, brackets and AND/OR/NOT stay as they are; a word holding punctuation
    FTS5 would refuse outside quotes (``don't``, ``lake-house``) is quoted, ``word*``
    stays a prefix, and an AND goes between a bracket and a word, which FTS5 won't read
    as "both" by itself. A lone quote mark or ``*`` is left for FTS5 to refuse.
    """
    if words.count('"') % 2:
        return words
    out: list[str] = []
    for term in re.findall(r'"[^"]*"\*?|[()]|[^\s()"]+', words):
        operator = term in ("AND", "OR", "NOT")
        if not (term.startswith(('"', "*", "(", ")")) or operator):
            term = f'"{term.rstrip("*")}"' + ("*" if term.endswith("*") else "")
        follows = out and out[-1] not in ("(", "AND", "OR", "NOT")
        if follows and not operator and term != ")" and (term == "(" or out[-1] == ")"):
            out.append("AND")
        out.append(term)
    return " ".join(out)


def query_problem(words: str) -> str:
    """Return a plain sentence naming what FTS5 can't read in ``words`` (a query it refused)."""
    if words.count('"') % 2:
        return texts.SEARCH_OPEN_QUOTE
    if words.count("(") != words.count(")"):
        return texts.SEARCH_OPEN_BRACKET
    if re.search(r"\bAND\s+NOT\b", words):
        return texts.SEARCH_AND_NOT
    if re.search(r'(?:^|[^\w"])\*', words):
        return texts.SEARCH_BARE_STAR
    tokens = words.split()
    if tokens and (_OPERATOR.match(tokens[0]) or _OPERATOR.match(tokens[-1])):
        return texts.SEARCH_LONE_OPERATOR
    return texts.SEARCH_NOT_READ


def _filters(first: date | None, last: date | None, kinds: Iterable[str],
             include_vault: bool) -> tuple[str, list[object]]:
    kinds = tuple(kinds)
    for kind in kinds:
        if kind not in SEARCHED_KINDS:
            raise ValidationError(texts.SEARCH_BAD_KIND.format(
                value=kind, allowed=", ".join(SEARCHED_KINDS)), field="kind")
    if first is not None and last is not None and first > last:
        raise ValidationError(texts.SEARCH_DATES_REVERSED.format(
            first=first.isoformat(), last=last.isoformat()), field="from")
    sql: list[str] = []
    params: list[object] = []
    if kinds:
        sql.append("kind IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(kinds))
    if not include_vault and VAULT not in kinds:
        sql.append(f"kind <> '{VAULT}'")
    if first is not None:
        sql.append("day >= ?")
        params.append(first.isoformat())
    if last is not None:
        sql.append("day <= ?")
        params.append(last.isoformat())
    return "".join(f" AND {s}" for s in sql), params


def _parts(snippet: str) -> tuple[tuple[str, bool], ...]:
    out: list[tuple[str, bool]] = []
    for piece in re.split(f"({_START}[^{_END}]*{_END})", snippet):
        if piece.startswith(_START):
            out.append((piece.strip(_START + _END), True))
        elif piece:
            out.append((piece, False))
    return tuple(out)


def _run(journal: Journal, match: str, where: str, params: list[object], order: str,
         limit: int) -> list[Hit]:
    by = "rank" if order == "rank" else "at DESC, rowid DESC"
    # The top rows first, then snippets for those alone: a sort keeps every result column,
    # and a snippet for each of thousands of matches was most of a query's time.
    rows = journal.execute_read(
        f"SELECT kind, place, day, at, rowid, snippet(search_index, 0, '{_START}', '{_END}', "
        f"'…', 16) FROM search_index WHERE search_index MATCH ? AND rowid IN (SELECT rowid "
        f"FROM search_index WHERE search_index MATCH ?{where} ORDER BY {by} LIMIT ?) "
        f"ORDER BY {by}", (match, match, *params, limit))
    return [Hit(kind, place, date.fromisoformat(day), datetime.fromisoformat(at),
                rowid // SEARCH_STRIDE, _parts(snippet))
            for kind, place, day, at, rowid, snippet in rows]


def search(journal: Journal, words: str, *, first: date | None = None,
           last: date | None = None, kinds: Iterable[str] = (), include_vault: bool = False,
           limit: int = 20, order: str = "newest") -> Found:
    """Return the entries whose words match ``words``, newest first (or best first).

    Args:
        journal: an open journal.
        words: plain words, or FTS5's language: ``lake*``, ``"lake house"``, ``AND``,
            ``OR``, ``NOT``. Accents don't matter (café finds cafe and the other way round).
        first, last: only entries of these days (inclusive).
        kinds: only these kinds of entry (see :data:`SEARCHED_KINDS`); default all.
        include_vault: search the unsent messages too (asking for the kind does as well).
        limit: at most this many hits (1 to 1,000).
        order: "newest" (default) or "rank" (best match first, FTS5's bm25).

    Raises:
        ValidationError: no words, an unknown kind or order, a limit out of range, or
            ``first`` after ``last``; the message names the field.
    """
    if order not in ORDERS:
        raise ValidationError(texts.BAD_VALUE.format(
            field="order", value=order, allowed=" or ".join(ORDERS)), field="order")
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(texts.BAD_VALUE.format(
            field="limit", value=limit, allowed=texts.WHOLE_NUMBER.format(lo=1, hi=MAX_LIMIT)),
            field="limit")
    where, params = _filters(first, last, kinds, include_vault)
    plain = plain_query(words)
    journal.index_pending()
    if not _SYNTAX.search(words) or _UNOFFERED.search(words):
        return Found(_run(journal, plain, where, params, order, limit), "")
    try:
        return Found(_run(journal, fts_query(words), where, params, order, limit), "")
    except db_errors():  # FTS5 couldn't parse it: search the words, and say why
        problem = texts.SEARCH_AS_WORDS.format(problem=query_problem(words), words=plain)
        return Found(_run(journal, plain, where, params, order, limit), problem)


def written_days(journal: Journal, *, include_vault: bool = False) -> list[date]:
    """Return every day something was written, newest first."""
    journal.index_pending()
    where, params = _filters(None, None, (), include_vault)
    rows = journal.execute_read(
        f"SELECT DISTINCT day FROM search_index WHERE 1{where} ORDER BY day DESC", tuple(params))
    return [date.fromisoformat(day) for (day,) in rows]


def written(journal: Journal, *, first: date | None = None, last: date | None = None,
            include_vault: bool = False, newest_first: bool = True) -> list[Written]:
    """Return everything written from ``first`` to ``last`` (default all), by moment.

    Raises:
        ValidationError: ``first`` is after ``last``.
    """
    where, params = _filters(first, last, (), include_vault)
    journal.index_pending()
    order = "DESC" if newest_first else "ASC"
    rows = journal.execute_read(
        f"SELECT kind, place, day, at, rowid, body FROM search_index WHERE 1{where} "
        f"ORDER BY day {order}, at {order}, rowid {order}", tuple(params))
    return [Written(kind, place, date.fromisoformat(day), datetime.fromisoformat(at),
                    rowid // SEARCH_STRIDE, body)
            for kind, place, day, at, rowid, body in rows]
