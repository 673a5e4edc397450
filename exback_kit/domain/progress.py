"""The journey through the stages: how much of each stage's steps has answers."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from exback_kit import content
from exback_kit.domain.timeline import as_day, up_to

#: stage id -> step -> the step's question ids (empty: count the step as one item).
StepQuestions = dict[str, dict[int, frozenset[str]]]


def stage_steps() -> dict[str, tuple[int, ...]]:
    """Return each stage's step numbers from ``data/stages.toml`` (start here holds step 0)."""
    kit = content.load()
    return {stage.id: (0,) if stage.id == kit.stages[0].id else stage.steps
            for stage in kit.stages if not stage.overview}


def stage_plan() -> StepQuestions:
    """Return each stage's steps and their question ids (the dashboard, which looks back, not)."""
    kit = content.load()
    return {stage_id: {n: frozenset(q.id for q in kit.step(n).questions) for n in steps}
            for stage_id, steps in stage_steps().items()}


def stage_progress(answers: pd.DataFrame, today: date | None = None, *,
            plan: StepQuestions | None = None) -> pd.DataFrame:
    """Return each stage's progress from the answers saved per step.

    One row per stage of ``plan`` (default :func:`stage_plan`). Columns:
    ``steps``, ``steps_answered`` (steps with any answer), ``questions`` (the
    stage's questions), ``answered`` (of those, how many have an answer),
    ``progress`` (answered ÷ questions, 0–1; a step without known questions
    counts as one question, answered by any answer) and ``last_day`` (NaT if none).
    """
    plan = stage_plan() if plan is None else plan
    df = up_to(answers, as_day(today))
    steps_col = df["step"].to_numpy(dtype="float64", na_value=np.nan) if len(df) else np.array([])
    rows = []
    for stage, steps in plan.items():
        mine = df[np.isin(steps_col, list(steps))] if len(df) else df
        asked = {(n, q) for n, ids in steps.items() for q in ids}
        given = set(zip(mine["step"].astype("int64"), mine["question"], strict=True))
        done_steps = {n for n, _ in given}
        answered = len(asked & given) + sum(1 for n, ids in steps.items()
                                            if not ids and n in done_steps)
        total = len(asked) + sum(1 for ids in steps.values() if not ids)
        last = mine["day"].max() if len(mine) else pd.NaT
        rows.append((stage, len(steps), len(done_steps & set(steps)), total, answered,
                     answered / total if total else 0.0, last))
    out = pd.DataFrame(rows, columns=["stage", "steps", "steps_answered", "questions",
                                      "answered", "progress", "last_day"]).set_index("stage")
    out["last_day"] = pd.to_datetime(out["last_day"])
    return out


def stage_starts(answers: pd.DataFrame, today: date | None = None) -> pd.Series:
    """Return the first day each stage got an answer (index: stage id), oldest first."""
    df = up_to(answers, as_day(today))
    if df.empty:
        return pd.Series([], dtype="datetime64[ns]", index=pd.Index([], dtype="str"))
    lookup = {step: stage for stage, steps in stage_steps().items() for step in steps}
    stage = df["step"].map(lookup)
    days = pd.Series(df["day"].to_numpy(dtype="datetime64[ns]"), index=df.index)
    firsts = days[stage.notna()].groupby(stage[stage.notna()]).min()
    firsts.index.name = None
    return firsts.sort_values()


def latest_answers(answers: pd.DataFrame, step: int) -> dict[str, Any]:
    """Return the newest answer to each question of ``step`` in the ``answers`` table."""
    if answers.empty:
        return {}
    mine = answers[answers["step"] == step].sort_values("id")
    return dict(zip(mine["question"], mine["value"], strict=True))
