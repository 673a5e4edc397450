"""The journey through the stages: how much of each stage's steps has answers."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from exback_kit.domain.newest import newest_last
from exback_kit.domain.timeline import as_day, up_to

if TYPE_CHECKING:
    from exback_kit.content import Content

#: stage id -> step -> the step's question ids (empty: count the step as one item).
StepQuestions = dict[str, dict[int, frozenset[str]]]


def stage_steps(kit: Content) -> dict[str, tuple[int, ...]]:
    """Return each stage's step numbers from ``kit`` (start here holds step 0)."""
    return {stage.id: (0,) if stage.id == kit.stages[0].id else stage.steps
            for stage in kit.stages if not stage.overview}


def stage_plan(kit: Content, open_road: bool = True) -> StepQuestions:
    """Return each stage's steps and the ids of the questions a person is asked.

    Off the open road (``open_road`` False) the questions marked ``open_road_only`` are
    left out, so a question the person is not shown never counts against them. Left out
    too: the dashboard, which looks back, and a stage with no numbered steps (moving on,
    09), whose topics :func:`exback_kit.domain.roads.journey_rows` counts.
    """
    return {stage_id: {n: frozenset(q.id for q in kit.step(n).shown(open_road)) for n in steps}
            for stage_id, steps in stage_steps(kit).items() if steps}


def stage_progress(answers: pd.DataFrame, today: date | None = None, *,
                   plan: StepQuestions,
                   set_aside: Collection[str] = ()) -> pd.DataFrame:
    """Return each stage's progress from the answers saved per step.

    One row per stage of ``plan`` (see :func:`stage_plan`), leaving out the stages
    in ``set_aside`` (on the moving-on road they never count against the person). Only
    answers to the plan's questions count (a step without known questions: any answer).
    Columns: ``steps``, ``steps_answered`` (steps with an answer), ``questions`` (the
    stage's questions), ``answered`` (of those, how many have an answer),
    ``progress`` (answered ÷ questions, 0–1; a step without known questions
    counts as one question, answered by any answer), ``first_day`` and ``last_day``
    (the first and latest day with an answer; NaT if none) and ``last_at`` (the moment
    of the latest answer, UTC, for telling apart stages worked on the same day).
    """
    df = up_to(answers, as_day(today))
    steps_col = df["step"].to_numpy(dtype="float64", na_value=np.nan) if len(df) else np.array([])
    rows = []
    for stage, steps in plan.items():
        if stage in set_aside:
            continue
        mine = df[np.isin(steps_col, list(steps))] if len(df) else df
        if len(mine):  # only answers to questions the person is asked count, days included
            mine = mine[[not steps[n] or q in steps[n] for n, q in
                         zip(mine["step"].astype("int64"), mine["question"], strict=True)]]
        asked = {(n, q) for n, ids in steps.items() for q in ids}
        given = set(zip(mine["step"].astype("int64"), mine["question"], strict=True))
        done_steps = {n for n, _ in given}
        answered = len(asked & given) + sum(1 for n, ids in steps.items()
                                            if not ids and n in done_steps)
        total = len(asked) + sum(1 for ids in steps.values() if not ids)
        first, last, last_at = ((mine["day"].min(), mine["day"].max(), mine["at"].max())
                                if len(mine) else (pd.NaT, pd.NaT, pd.NaT))
        rows.append((stage, len(steps), len(done_steps & set(steps)), total, answered,
                     answered / total if total else 0.0, first, last, last_at))
    return progress_frame(rows)


#: The columns of a journey's rows (after the stage id, which is the index).
COLUMNS = ("steps", "steps_answered", "questions", "answered", "progress", "first_day",
           "last_day", "last_at")


def progress_frame(rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    """Return (stage, *COLUMNS) tuples as the journey's frame, indexed by stage id."""
    out = pd.DataFrame(rows, columns=["stage", *COLUMNS]).set_index("stage")
    for col in ("first_day", "last_day"):
        out[col] = pd.to_datetime(out[col])
    out["last_at"] = pd.to_datetime(out["last_at"], utc=True)
    return out


def latest_stage(rows: pd.DataFrame) -> str | None:
    """Return the stage of ``rows`` (a journey frame) answered most recently, or None."""
    worked = rows.dropna(subset=["last_at"])
    return str(worked["last_at"].idxmax()) if len(worked) else None


def latest_answers(answers: pd.DataFrame, step: int) -> dict[str, Any]:
    """Return the newest answer to each question of ``step`` in the ``answers`` table."""
    if answers.empty:
        return {}
    mine = newest_last(answers[answers["step"] == step])
    return dict(zip(mine["question"], mine["value"], strict=True))
