"""The guidance around each stage's forms, read from ``data/guidance.toml``.

Notebook markdown carries neutral headings only; the words that advise live here and are
shown through the stage views, so a stage that is set aside shows none of them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from exback_kit.content import texts
from exback_kit.content.loader import ContentError

GUIDANCE_FILE = "guidance.toml"


@dataclass(frozen=True)
class SectionGuidance:
    """The heading and the words above one section's forms."""

    heading: str
    text: str = ""


@dataclass(frozen=True)
class StageGuidance:
    """A stage's introduction and its sections' guidance (by section id)."""

    intro: str = ""
    sections: dict[str, SectionGuidance] = field(default_factory=dict)

    def section(self, section_id: str) -> SectionGuidance | None:
        """Return a section's guidance, or None when the file has none for it."""
        return self.sections.get(section_id)


@lru_cache(maxsize=1)
def load_guidance() -> dict[str, StageGuidance]:
    """Return every stage's guidance, read once from the ``exback_kit.data`` package.

    Raises:
        ContentError: the file is malformed (names the stage and section).
    """
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
    return {stage_id: _stage(stage_id, raw) for stage_id, raw in data.items()}


def _words(raw: Any, key: str, where: str, *, required: bool) -> str:
    value = raw.get(key, "") if isinstance(raw, dict) else None
    if not isinstance(value, str) or (required and not value.strip()):
        raise ContentError(texts.CONTENT_MISSING.format(where=where, key=key))
    return value.strip()


def _stage(stage_id: str, raw: Any) -> StageGuidance:
    where = f"{GUIDANCE_FILE}, stage {stage_id!r}"
    intro = _words(raw, "intro", where, required=False)
    sections = raw.get("sections", {}) if isinstance(raw, dict) else None
    if not isinstance(sections, dict):
        raise ContentError(texts.CONTENT_MISSING.format(where=where, key="sections"))
    out = {}
    for sid, sec in sections.items():
        at = f"{where}, section {sid!r}"
        out[sid] = SectionGuidance(_words(sec, "heading", at, required=True),
                                   _words(sec, "text", at, required=False))
    return StageGuidance(intro, out)
