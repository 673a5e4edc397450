"""The journey's rows for the road in force: which stages count, and how far each has come.

One place for the journey chart (and so the report), ``exback status`` and "where you are".

- On the moving-on road (any boundaries "yes" or "not sure", or the decision "move on")
  the stages set aside never count, and moving on (09) is a row from the first day.
- On the open road 09 is open too, and becomes a row once something is written in it:
  it counts for whoever uses it, and nobody is shown an empty bar for a road they haven't
  taken.
- Off the open road, questions marked ``open_road_only`` are neither asked nor counted.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from exback_kit.domain import gate, memo, moving_on, progress
from exback_kit.domain.timeline import Tables, as_day

if TYPE_CHECKING:
    from exback_kit.content import Content, Topic

#: The tables the journey's rows are read from.
KINDS = ("answers", "decisions", "reflections", "reappraisals", "checklist_items")
#: The topic kept as the clear-eyed list (its entries are in ``reappraisals``).
CLEAR_EYED = "clear_eyed"
#: The journey's rows, kept per set of frames (the mood chart, the journey chart and the
#: header all ask for them in one view).
ROWS: memo.FrameMemo[pd.DataFrame] = memo.FrameMemo()


def topic_plan(topics: tuple[Topic, ...]) -> dict[str, frozenset[str]]:
    """Return a topic stage's topics -> their question ids (empty: a topic kept as a list)."""
    return {t.id: frozenset(q.id for q in t.questions) for t in topics}


def topics_done(stage_id: str, tables: Tables, today: date | None = None, *,
                kit: Content) -> moving_on.TopicProgress | None:
    """Return how much of a topic stage (moving on) is touched, or None for a stage without
    topics.

    Args:
        tables: at least ``reflections``, ``reappraisals`` and ``checklist_items``.
        kit: the kit's content (the stage's topics).
    """
    topics = kit.stage_topics(stage_id)
    if not topics:
        return None
    items = tables["checklist_items"]
    lists = {CLEAR_EYED: tables["reappraisals"],
             **{t.id: items[(items["checklist"] == t.id).to_numpy()] for t in topics
                if t.suggestions}}
    return moving_on.topic_progress(topic_plan(topics), tables["reflections"], lists, today)


def journey_rows(tables: Tables, today: date | None = None, *, kit: Content,
                 road: gate.Journey | None = None) -> pd.DataFrame:
    """Return one row per stage that counts on this road, in the kit's order.

    Columns as :func:`exback_kit.domain.progress.stage_progress`. The moving-on stage's
    row counts its topics as steps (``steps_answered``: topics with anything in them) and
    its prompts and lists as questions.

    Args:
        tables: at least :data:`KINDS`.
        kit: the kit's content (its stages, steps, questions and topics).
        road: the journey to follow (default: the one these tables' answers give). The
            notebooks pass the person's own while the demo journal is shown.
    """
    # the content is read too (its words follow the language in force): held like the frames
    key = (as_day(today), None if road is None else repr(road))
    rows = ROWS.get([*(tables[k] for k in KINDS), kit], key,
                    lambda: _rows(tables, today, road, kit))
    return rows.copy()  # callers own what they get, the kept frame stays as worked out


def _rows(tables: Tables, today: date | None, road: gate.Journey | None, kit: Content
          ) -> pd.DataFrame:
    road = road if road is not None else gate.journey_of(tables, kit=kit)
    rows = progress.stage_progress(tables["answers"], today,
                                   plan=progress.stage_plan(kit, road.open_road),
                                   set_aside=gate.set_aside(road))
    done = topics_done(gate.MOVING_ON_STAGE, tables, today, kit=kit)
    if done is not None and (road.moving_on or done.answered):
        extra = progress.progress_frame([(
            gate.MOVING_ON_STAGE, done.topics, done.touched, done.parts, done.answered,
            done.answered / done.parts if done.parts else 0.0,
            *(pd.NaT if v is None else v for v in (done.first_day, done.last_day,
                                                     done.last_at)))])
        rows = pd.concat([rows, extra]) if len(rows) else extra
    order = [s for s in kit.stage_ids if s in rows.index]
    return rows.loc[order]
