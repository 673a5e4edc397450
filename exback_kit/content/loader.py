"""Loads the kit's stages, steps and questions from the TOML files in ``data/``.

Numbered steps (0–18) live in ``steps_*.toml``. Stages may also hold topics that
are not numbered steps (the moving-on stage's prompts and checklists), in
``topics_*.toml``: each ``[[topic]]`` names its stage and has a title, an idea,
optional notes, questions and checklist suggestions.

The files ship in the wheel as the package ``exback_kit.data``. :func:`load`
reads and validates them once; every problem is reported with the file, the
step and the question it was found in.
:func:`exback_kit.store.validate.answer` checks a person's answer to a question.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from exback_kit.content import language, texts, toml_words
from exback_kit.content.questions import (
    ID,
    NOT_A_STEP,
    ContentError,
    Question,
    no_duplicates,
    parse_question,
    text_of,
)
from exback_kit.content.vocab import LAST_STEP, ROAD_WORDS

STAGES_FILE = "stages.toml"
STEP_FILES = "steps_*.toml"
TOPIC_FILES = "topics_*.toml"



@dataclass(frozen=True)
class Step:
    """A step: its idea in a few sentences, optional notes, and its questions."""

    number: int
    title: str
    idea: str
    questions: tuple[Question, ...]
    notes: tuple[str, ...] = ()
    stage_id: str = ""
    #: Notes shown only on the open road (boundaries check answered, all "no"; no move-on).
    open_notes: tuple[str, ...] = ()

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

    def shown(self, open_road: bool) -> tuple[Question, ...]:
        """Return the questions a person sees: off the open road, none marked
        ``open_road_only``."""
        return self.questions if open_road else tuple(
            q for q in self.questions if not q.open_road_only)


@dataclass(frozen=True)
class Topic:
    """A part of a stage that is not a numbered step: prompts, an exercise or a checklist.

    ``suggestions`` are checklist items the kit offers; the person picks or adds their own.
    """

    id: str
    stage_id: str
    title: str
    idea: str
    questions: tuple[Question, ...] = ()
    notes: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()

    def question(self, question_id: str) -> Question:
        """Return the question with this id.

        Raises:
            KeyError: the topic has no such question.
        """
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)


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
    """Everything the kit asks: ``stages`` in order, ``steps`` 1–18 in order, ``start`` = step 0,
    and ``topics`` (parts of stages that are not numbered steps) in file order."""

    stages: tuple[Stage, ...]
    steps: tuple[Step, ...]
    start: Step
    topics: tuple[Topic, ...] = ()

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

    def topic(self, topic_id: str) -> Topic:
        """Return a topic by id, e.g. ``"grief"``.

        Raises:
            KeyError: no such topic (the message lists the ids).
        """
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(texts.CONTENT_NO_TOPIC.format(
            topic_id=topic_id, allowed=", ".join(t.id for t in self.topics)))

    def stage_topics(self, stage_id: str) -> tuple[Topic, ...]:
        """Return the topics of a stage, in file order."""
        return tuple(t for t in self.topics if t.stage_id == stage_id)


# --- loading ----------------------------------------------------------------

def load() -> Content:
    """Return the kit's content in the language in force, read once per language from the
    ``exback_kit.data`` package.

    Raises:
        ContentError: a file is malformed (names the file, step and question).
    """
    return _load_in(language.current())


@lru_cache(maxsize=4)
def _load_in(lang: str) -> Content:
    """The content in ``lang`` (the argument is the cache's key: the words follow it)."""
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
    topics: list[Topic] = []
    for name in sorted(p.name for p in folder.iterdir() if Path(p.name).match(TOPIC_FILES)):
        topics += _parse_topics(name, _read(folder, name), stages)
    no_duplicates((t.id for t in topics), TOPIC_FILES, "topic")
    return _assemble(stages, steps, tuple(topics))


def read_stages(folder: Traversable | Path) -> list[Stage]:
    """Return the stages of ``stages.toml`` in ``folder``, checked.

    Raises:
        ContentError: the file is malformed.
    """
    return _parse_stages(_read(folder, STAGES_FILE))


def _read(folder: Traversable | Path, name: str) -> dict[str, Any]:
    try:
        data = tomllib.loads((folder / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(texts.CONTENT_MISSING.format(where=str(folder), key=name)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(texts.CONTENT_BAD_TOML.format(where=name, reason=exc)) from None
    return toml_words.translated(Path(name).stem, data)


def _parse_stages(data: dict[str, Any]) -> list[Stage]:
    stages: list[Stage] = []
    for raw in data.get("stage", []):
        where = STAGES_FILE
        stage_id = text_of(raw, "id", where)
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
        stages.append(Stage(stage_id, text_of(raw, "title", where), text_of(raw, "summary", where),
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
        questions = [parse_question(name, number, q) for q in raw.get("question", [])]
        no_duplicates((q.id for q in questions), where, "question")
        notes, open_notes = (_notes(raw, key, where) for key in ("notes", "open_notes"))
        steps.append(Step(number, text_of(raw, "title", where), text_of(raw, "idea", where),
                          tuple(questions), notes, open_notes=open_notes))
    if not steps:
        raise ContentError(texts.CONTENT_MISSING.format(where=name, key="step"))
    return steps


def _notes(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """Return a list of non-empty strings from ``raw[key]`` (absent: none)."""
    items = raw.get(key, [])
    if not isinstance(items, list) or not all(isinstance(n, str) and n.strip() for n in items):
        raise ContentError(texts.CONTENT_MISSING.format(where=where, key=key))
    return tuple(n.strip() for n in items)


def _parse_topics(name: str, data: dict[str, Any], stages: list[Stage]) -> list[Topic]:
    topics = []
    known = {s.id for s in stages}
    for raw in data.get("topic", []):
        tid = raw.get("id", "")
        where = texts.CONTENT_WHERE_TOPIC.format(file=name, topic=tid)
        if not isinstance(tid, str) or not ID.match(tid):
            raise ContentError(texts.CONTENT_BAD_ID.format(where=where, id=tid))
        stage_id = text_of(raw, "stage", where)
        if stage_id not in known:
            raise ContentError(texts.CONTENT_UNKNOWN_STAGE.format(
                where=where, stage_id=stage_id, allowed=", ".join(sorted(known))))
        questions = [parse_question(name, NOT_A_STEP, q, topic=tid)
                     for q in raw.get("question", [])]
        no_duplicates((q.id for q in questions), where, "question")
        suggestions = _notes(raw, "suggestions", where)
        no_duplicates(suggestions, where, "suggestion")
        topics.append(Topic(tid, stage_id, text_of(raw, "title", where),
                            text_of(raw, "idea", where), tuple(questions),
                            _notes(raw, "notes", where), suggestions))
    if not topics:
        raise ContentError(texts.CONTENT_MISSING.format(where=name, key="topic"))
    return topics


def _assemble(stages: list[Stage], steps: dict[int, Step],
              topics: tuple[Topic, ...] = ()) -> Content:
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
    gated = {s.id for s in stages if s.gated}
    for step in linked.values():
        if step.stage_id not in gated:
            _decided_for_every_road(step)
    return Content(tuple(stages), tuple(linked[n] for n in range(1, LAST_STEP + 1)), linked[0],
                   topics)


def _decided_for_every_road(step: Step) -> None:
    """Refuse words about trying again, on a stage open on every road, that have no
    decision for the other roads (``open_road_only``, ``open_notes`` or ``every_road``).

    Raises:
        ContentError: names the step (and question) and the words found.
    """
    where = texts.CONTENT_WHERE_STEP.format(file=STEP_FILES, step=step.number)
    said = [("idea", step.idea), *(("notes", n) for n in step.notes)]
    for q in step.questions:
        if not (q.open_road_only or q.every_road):
            said += [(f"question {q.id!r}", w) for w in (q.text, q.help, *(c.label for c in
                                                                           q.choices))]
    for key, words in said:
        found = re.search(ROAD_WORDS, words, re.IGNORECASE)
        if found:
            raise ContentError(texts.CONTENT_NO_ROAD_DECISION_STEP.format(
                where=where, key=key, words=found.group(0)))


def _with_stage(step: Step, stage_id: str) -> Step:
    return Step(step.number, step.title, step.idea, step.questions, step.notes, stage_id,
                step.open_notes)
