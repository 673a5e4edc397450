"""Each notebook's closing navigation links to other notebooks, each once; the kit draws
it (and the page's title and headings) in the person's language, and the notebook's
markdown keeps the same English only until the kit runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from exback_kit import content
from exback_kit.content import language
from exback_kit.notebook import page_words

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def _markdown(path: Path) -> list[str]:
    cells = json.loads(path.read_text())["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


def _nav_line(text: str) -> str:
    lines = reversed(text.splitlines())
    return next((line for line in lines if " · [" in line or "](" in line), "")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_navigation_links_exist_once_and_never_to_itself(path):
    targets = [f"{s}.ipynb" for s in page_words.CLOSINGS[path.stem].stages()]
    assert targets, "no navigation line"
    assert path.name not in targets
    assert len(targets) == len(set(targets))
    assert all((path.parent / t).exists() for t in targets)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_closing_line_links_no_stage_a_road_can_set_aside(path):
    """The closing line is the same on every road, so it links only stages open on every
    road; the next stage by road is linked in "What comes next" above it. Moving on is
    there too, except on a stage a road can set aside: there the notice (or "What comes
    next") links it, once."""
    targets = set(page_words.CLOSINGS[path.stem].stages())
    assert targets.isdisjoint(content.load().gated_stages), targets
    gated = path.stem in content.load().gated_stages
    assert ("09_moving_on" in targets) == (path.stem != "09_moving_on" and not gated)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_markdown_says_what_the_kit_draws_and_hides_once_it_runs(path):
    """Before the kernel runs, the markdown shows the kit's English words; every cell is
    wrapped in the class the kit's stylesheet hides, so no English stays beside Spanish."""
    md = _markdown(path)
    assert all(m.startswith(f'<div class="{page_words.MARKDOWN_CLASS}">') and m.endswith("</div>")
               for m in md)
    assert f"# {page_words.title(path.stem)}\n" in md[0]
    closing = page_words.closing_html(path.stem)
    kit_links = re.findall(r'href="([^"]+)"', closing)
    assert re.findall(r"\]\(([^)]+\.ipynb)\)", _nav_line(md[-1])) == kit_links
    assert _nav_line(md[-1]).startswith("←") == ("← " in closing)
    assert _nav_line(md[-1]).endswith("→") == closing.endswith(" →</p></nav>")
    headings = [line[3:] for m in md for line in m.splitlines() if line.startswith("## ")]
    charts = page_words.charts_heading(path.stem)
    assert headings == ([charts] if charts else []) + ["What comes next"]


def test_the_page_words_follow_the_language():
    try:
        language.choose("es")
        assert page_words.title("01_space_and_clarity") == "Espacio y claridad (pasos 1–2)"
        closing = page_words.closing_html("00_start_here")
        assert ">Empieza aquí<" not in closing  # the page does not link itself
        assert "Panel" in closing and "Dashboard" not in closing
        assert "New to notebooks" not in page_words.title_html("00_start_here")
    finally:
        language.choose("en")
