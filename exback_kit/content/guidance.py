"""The guidance around each stage's forms, read from ``data/guidance.toml``.

Notebook markdown carries neutral headings only; the words that advise live here and are
shown through the stage views, so a stage that is set aside shows none of them.

A stage's ``intro`` and a section's ``text`` may carry per-road variants: ``intro_moving_on``,
``text_order`` and so on (the keys of :data:`exback_kit.content.vocab.ROAD_VARIANT_KEYS`);
the road in force chooses one (:func:`exback_kit.domain.gate.for_road`). On a stage that
stays open on every road, words that speak to trying again need a moving-on variant.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from exback_kit.content import language, texts, toml_words
from exback_kit.content.loader import STAGES_FILE, ContentError, read_stages
from exback_kit.content.vocab import ROAD_VARIANT_KEYS, ROAD_WORDS

GUIDANCE_FILE = "guidance.toml"


@dataclass(frozen=True)
class SectionGuidance:
    """The heading and the words above one section's forms."""

    heading: str
    text: str = ""
    #: The text by road: "default" (= ``text``) and any variants.
    texts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StageGuidance:
    """A stage's introduction and its sections' guidance (by section id)."""

    intro: str = ""
    sections: dict[str, SectionGuidance] = field(default_factory=dict)
    #: The introduction by road: "default" (= ``intro``) and any variants.
    intros: dict[str, str] = field(default_factory=dict)

    def section(self, section_id: str) -> SectionGuidance | None:
        """Return a section's guidance, or None when the file has none for it."""
        return self.sections.get(section_id)


def load_guidance() -> dict[str, StageGuidance]:
    """Return every stage's guidance in the language in force, read once per language from
    the ``exback_kit.data`` package.

    Raises:
        ContentError: the file is malformed (names the stage and section).
    """
    return _guidance_in(language.current())


@lru_cache(maxsize=4)
def _guidance_in(lang: str) -> dict[str, StageGuidance]:
    """The guidance in ``lang`` (the argument is the cache's key: the words follow it)."""
    return guidance_from(resources.files("exback_kit.data"))


def guidance_from(folder: Traversable | Path) -> dict[str, StageGuidance]:
    """Read and check ``guidance.toml`` in ``folder``.

    Raises:
        ContentError: the file is malformed (names the stage and section).
    """
    try:
        data = tomllib.loads((folder / GUIDANCE_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(texts.CONTENT_MISSING.format(where=str(folder),
                                                        key=GUIDANCE_FILE)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(texts.CONTENT_BAD_TOML.format(where=GUIDANCE_FILE,
                                                         reason=exc)) from None
    data = toml_words.translated(Path(GUIDANCE_FILE).stem, data)
    # Without stages.toml beside it (a test's folder) every stage counts as open.
    gated = ({s.id for s in read_stages(folder) if s.gated}
             if (folder / STAGES_FILE).is_file() else set())
    return {stage_id: _stage(stage_id, raw, stage_id not in gated)
            for stage_id, raw in data.items()}


def _words(raw: Any, key: str, where: str, *, required: bool) -> str:
    value = raw.get(key, "") if isinstance(raw, dict) else None
    if not isinstance(value, str) or (required and not value.strip()):
        raise ContentError(texts.CONTENT_MISSING.format(where=where, key=key))
    return value.strip()


def _variants(raw: Any, key: str, where: str, *, open_stage: bool) -> dict[str, str]:
    """Return ``key`` and its per-road variants ("default" first); empty words are left out.

    Raises:
        ContentError: a variant names no road, or words about trying again on an open
            stage have no moving-on variant.
    """
    out = {"default": _words(raw, key, where, required=False)}
    for name in raw if isinstance(raw, dict) else ():
        if name.startswith(f"{key}_"):
            road = name[len(key) + 1:]
            if road not in ROAD_VARIANT_KEYS:
                raise ContentError(texts.CONTENT_BAD_VARIANT.format(
                    where=where, key=name, allowed=", ".join(ROAD_VARIANT_KEYS)))
            out[road] = _words(raw, name, where, required=True)
    found = re.search(ROAD_WORDS, out["default"], re.IGNORECASE)
    covered = "moving_on" in out or {"order", "harm", "boundaries", "decision"} <= set(out)
    if open_stage and found and not covered:
        raise ContentError(texts.CONTENT_NO_ROAD_DECISION.format(
            where=where, key=key, words=found.group(0)))
    return {k: v for k, v in out.items() if v}


def _stage(stage_id: str, raw: Any, open_stage: bool = False) -> StageGuidance:
    where = f"{GUIDANCE_FILE}, stage {stage_id!r}"
    intros = _variants(raw, "intro", where, open_stage=open_stage)
    sections = raw.get("sections", {}) if isinstance(raw, dict) else None
    if not isinstance(sections, dict):
        raise ContentError(texts.CONTENT_MISSING.format(where=where, key="sections"))
    out = {}
    for sid, sec in sections.items():
        at = f"{where}, section {sid!r}"
        words = _variants(sec, "text", at, open_stage=open_stage)
        out[sid] = SectionGuidance(_words(sec, "heading", at, required=True),
                                   words.get("default", ""), words)
    return StageGuidance(intros.get("default", ""), out, intros)
