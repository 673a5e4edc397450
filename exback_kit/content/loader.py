"""Loads the kit's stages, steps and questions from the TOML files in ``data/``.

The files ship in the wheel as the package ``exback_kit.data``. :func:`load`
reads and validates them once; every problem is reported with the file, the
step and the question it was found in.
:func:`exback_kit.store.validate.answer` checks a person's answer to a question.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from exback_kit.content import texts
from exback_kit.content.vocab import LAST_STEP

QUESTION_TYPES = ("scale", "single", "multi", "yesno", "short_text", "long_text", "date",
                  "number")
STAGES_FILE = "stages.toml"
STEP_FILES = "steps_*.toml"
_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class ContentError(ValueError):
    """A content file is malformed; the message names file, step and question."""


@dataclass(frozen=True)
class Choice:
    """One option of a single- or multi-choice question."""

    id: str
    label: str


@dataclass(frozen=True)
class Question:
    """One prompt of a step; ``type`` is one of :data:`QUESTION_TYPES`."""

    id: str
    type: str
    text: str
    step: int
    help: str = ""
    required: bool = False
    group: str = ""
    choices: tuple[Choice, ...] = ()
    min: float | None = None
    max: float | None = None
    low: str = ""
    high: str = ""
    unit: str = ""
    future_ok: bool = False


@dataclass(frozen=True)
class Step:
    """A step: its idea in a few sentences, optional notes, and its questions."""

    number: int
    title: str
    idea: str
    questions: tuple[Question, ...]
    notes: tuple[str, ...] = ()
    stage_id: str = ""

    def question(self, question_id: str) -> Question:
        """Return the question with this id.

        Raises:
            KeyError: the step has no such question.
        """
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def group(self, name: str) -> tuple[Question, ...]:
        """Return the questions of one group (e.g. step 0's "boundaries")."""
        return tuple(q for q in self.questions if q.group == name)


@dataclass(frozen=True)
class Stage:
    """A stage (one notebook). ``overview`` marks the dashboard, which covers every step."""

    id: str
    title: str
    summary: str
    steps: tuple[int, ...]
    overview: bool = False
    #: About reaching out: set aside on the moving-on path (``gated = true`` in stages.toml).
    gated: bool = False


@dataclass(frozen=True)
class Content:
    """Everything the kit asks: ``stages`` in order, ``steps`` 1–18 in order, ``start`` = step 0."""

    stages: tuple[Stage, ...]
    steps: tuple[Step, ...]
    start: Step

    def stage(self, stage_id: str) -> Stage:
        """Return a stage by id, e.g. ``"03_rebuilding_you"``.

        Raises:
            KeyError: no such stage (the message lists the ids).
        """
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise KeyError(texts.CONTENT_NO_STAGE.format(
            stage_id=stage_id, allowed=", ".join(s.id for s in self.stages)))

    def step(self, number: int) -> Step:
        """Return step ``number`` (0 is the start-here profile and boundaries check).

        Raises:
            KeyError: no such step.
        """
        if number == 0:
            return self.start
        if isinstance(number, int) and 1 <= number <= len(self.steps):
            return self.steps[number - 1]
        raise KeyError(texts.CONTENT_NO_STEP.format(number=number))

    @property
    def stage_ids(self) -> tuple[str, ...]:
        """The stage ids in the order a person meets them."""
        return tuple(s.id for s in self.stages)

    @property
    def gated_stages(self) -> tuple[str, ...]:
        """The stages set aside on the moving-on path."""
        return tuple(s.id for s in self.stages if s.gated)

    @property
    def boundary_questions(self) -> tuple[str, ...]:
        """The ids of the boundaries check's questions (step 0, group "boundaries"), in order."""
        return tuple(q.id for q in self.start.group("boundaries"))

    def stage_of_step(self, number: int) -> str | None:
        """Return the id of the stage that holds step ``number`` (0: start here), or None."""
        if number == 0:
            return self.stages[0].id
        for stage in self.stages:
            if not stage.overview and number in stage.steps:
                return stage.id
        return None

    def stage_steps(self, stage_id: str) -> tuple[Step, ...]:
        """Return the steps a stage covers, in order."""
        return tuple(self.step(n) for n in self.stage(stage_id).steps)


# --- loading ----------------------------------------------------------------

@lru_cache(maxsize=1)
def load() -> Content:
    """Return the kit's content, read once from the ``exback_kit.data`` package.

    Raises:
        ContentError: a file is malformed (names the file, step and question).
    """
    return load_from(resources.files("exback_kit.data"))


def load_from(folder: Traversable | Path) -> Content:
    """Read and validate ``stages.toml`` and every ``steps_*.toml`` in ``folder``.

    Raises:
        ContentError: a file is malformed (names the file, step and question).
    """
    stages = _parse_stages(_read(folder, STAGES_FILE))
    steps: dict[int, Step] = {}
    names = sorted(p.name for p in folder.iterdir() if Path(p.name).match(STEP_FILES))
    for name in names:
        for step in _parse_steps(name, _read(folder, name)):
            if step.number in steps:
                raise ContentError(texts.CONTENT_DUPLICATE.format(
                    where=texts.CONTENT_WHERE_STEP.format(file=name, step=step.number),
                    id=step.number, what="step"))
            steps[step.number] = step
    return _assemble(stages, steps)


def _read(folder: Traversable | Path, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads((folder / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(texts.CONTENT_MISSING.format(where=str(folder), key=name)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(texts.CONTENT_BAD_TOML.format(where=name, reason=exc)) from None


def _text(table: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ContentError(texts.CONTENT_MISSING.format(where=where, key=key))
    return value.strip()


def _parse_stages(data: dict[str, Any]) -> list[Stage]:
    stages: list[Stage] = []
    for raw in data.get("stage", []):
        where = STAGES_FILE
        stage_id = _text(raw, "id", where)
        where = f"{STAGES_FILE}, stage {stage_id!r}"
        steps = raw.get("steps", [])
        overview = steps == "all"
        if overview:
            steps = list(range(1, LAST_STEP + 1))
        if not isinstance(steps, list) or not all(isinstance(n, int) for n in steps):
            raise ContentError(texts.CONTENT_BAD_STEPS.format(
                where=where, problem="steps must be a list of step numbers or \"all\""))
        if stage_id in {s.id for s in stages}:
            raise ContentError(texts.CONTENT_DUPLICATE.format(where=where, id=stage_id,
                                                              what="stage"))
        gated = raw.get("gated", False)
        if not isinstance(gated, bool):
            raise ContentError(texts.CONTENT_BAD_STEPS.format(
                where=where, problem="gated must be true or false"))
        stages.append(Stage(stage_id, _text(raw, "title", where), _text(raw, "summary", where),
                            tuple(steps), overview, gated))
    if not stages:
        raise ContentError(texts.CONTENT_MISSING.format(where=STAGES_FILE, key="stage"))
    return stages


def _parse_steps(name: str, data: dict[str, Any]) -> list[Step]:
    steps = []
    for raw in data.get("step", []):
        number = raw.get("number")
        if not isinstance(number, int) or not 0 <= number <= LAST_STEP:
            raise ContentError(texts.CONTENT_BAD_STEPS.format(
                where=name, problem=f"step number {number!r} must be a whole number 0–18"))
        where = texts.CONTENT_WHERE_STEP.format(file=name, step=number)
        questions = [_parse_question(name, number, q) for q in raw.get("question", [])]
        _no_duplicates((q.id for q in questions), where, "question")
        notes = raw.get("notes", [])
        if not isinstance(notes, list) or not all(isinstance(n, str) and n.strip()
                                                  for n in notes):
            raise ContentError(texts.CONTENT_MISSING.format(where=where, key="notes"))
        steps.append(Step(number, _text(raw, "title", where), _text(raw, "idea", where),
                          tuple(questions), tuple(n.strip() for n in notes)))
    if not steps:
        raise ContentError(texts.CONTENT_MISSING.format(where=name, key="step"))
    return steps


def _no_duplicates(ids: Iterable[str], where: str, what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ContentError(texts.CONTENT_DUPLICATE.format(where=where, id=item, what=what))
        seen.add(item)


def _parse_question(name: str, step: int, raw: Mapping[str, Any]) -> Question:
    qid = raw.get("id", "")
    where = texts.CONTENT_WHERE_QUESTION.format(file=name, step=step, question=qid)
    if not isinstance(qid, str) or not _ID.match(qid):
        raise ContentError(texts.CONTENT_BAD_ID.format(where=where, id=qid))
    qtype = raw.get("type", "")
    if qtype not in QUESTION_TYPES:
        raise ContentError(texts.CONTENT_UNKNOWN_TYPE.format(
            where=where, type=qtype, allowed=", ".join(QUESTION_TYPES)))
    q = Question(
        id=qid, type=qtype, step=step, text=_text(raw, "text", where),
        help=_text(raw, "help", where, required=False),
        required=bool(raw.get("required", False)),
        group=_text(raw, "group", where, required=False),
        future_ok=bool(raw.get("future_ok", False)),
        **_type_extras(qtype, raw, where),
    )
    return q


def _type_extras(qtype: str, raw: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Check and return the fields a question type needs (range, labels, choices, unit)."""
    extras: dict[str, Any] = {}
    if qtype in ("scale", "number"):
        lo, hi = raw.get("min"), raw.get("max")
        bounded = qtype == "scale" or lo is not None or hi is not None
        if bounded and not (isinstance(lo, int) and isinstance(hi, int) and lo < hi):
            raise ContentError(texts.CONTENT_BAD_RANGE.format(where=where, key="min/max",
                                                              lo=lo, hi=hi))
        extras.update(min=lo, max=hi)
    if qtype == "scale":
        extras.update(low=_text(raw, "low", where), high=_text(raw, "high", where))
    if qtype == "number":
        extras["unit"] = _text(raw, "unit", where)
    if qtype in ("single", "multi"):
        extras["choices"] = _choices(raw.get("choices"), where)
    return extras


def _choices(raw: object, where: str) -> tuple[Choice, ...]:
    if not isinstance(raw, list) or len(raw) < 2:
        raise ContentError(texts.CONTENT_BAD_CHOICES.format(
            where=where, problem="give at least two"))
    out = []
    for item in raw:
        if not isinstance(item, dict) or not _ID.match(str(item.get("id", ""))):
            raise ContentError(texts.CONTENT_BAD_CHOICES.format(where=where,
                                                                problem=f"got {item!r}"))
        out.append(Choice(item["id"], _text(item, "label", where)))
    _no_duplicates((c.id for c in out), where, "choice")
    return tuple(out)


def _assemble(stages: list[Stage], steps: dict[int, Step]) -> Content:
    """Tie steps to stages and check that steps 0–18 are all there, each in one stage."""
    missing = sorted(set(range(LAST_STEP + 1)) - set(steps))
    if missing:
        raise ContentError(texts.CONTENT_BAD_STEPS.format(
            where=STEP_FILES, problem=f"steps {missing} are missing"))
    owner: dict[int, str] = {}
    for stage in stages:
        for n in stage.steps if not stage.overview else ():
            if n not in steps or n == 0 or n in owner:
                raise ContentError(texts.CONTENT_BAD_STEPS.format(
                    where=f"{STAGES_FILE}, stage {stage.id!r}",
                    problem=f"step {n} is unknown or already in stage {owner.get(n)!r}"))
            owner[n] = stage.id
    unowned = sorted(set(range(1, LAST_STEP + 1)) - set(owner))
    if unowned:
        raise ContentError(texts.CONTENT_BAD_STEPS.format(
            where=STAGES_FILE, problem=f"steps {unowned} belong to no stage"))
    first = stages[0].id
    linked = {n: _with_stage(s, owner.get(n, first)) for n, s in steps.items()}
    return Content(tuple(stages), tuple(linked[n] for n in range(1, LAST_STEP + 1)), linked[0])


def _with_stage(step: Step, stage_id: str) -> Step:
    return Step(step.number, step.title, step.idea, step.questions, step.notes, stage_id)
