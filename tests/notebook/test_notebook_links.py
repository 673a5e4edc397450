"""Each notebook's closing navigation links to other notebooks, each once."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_navigation_links_exist_once_and_never_to_itself(path):
    cells = json.loads(path.read_text())["cells"]
    markdown = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    nav = next((m.splitlines()[-1] for m in reversed(markdown) if " · [" in m), "")
    targets = re.findall(r"\]\(([^)]+\.ipynb)\)", nav)
    assert targets, "no navigation line"
    assert path.name not in targets
    assert len(targets) == len(set(targets))
    assert all((path.parent / t).exists() for t in targets)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_closing_line_links_no_stage_a_road_can_set_aside(path):
    """The closing line is plain markdown and can't know the road, so it links only stages
    open on every road; the next stage by road is linked in "What comes next" above it.
    Moving on is there too, except on a stage a road can set aside: there the notice (or
    "What comes next") links it, once."""
    from exback_kit import content

    cells = json.loads(path.read_text())["cells"]
    nav = "".join(cells[-1]["source"])
    targets = {t.removesuffix(".ipynb") for t in re.findall(r"\]\(([^)]+\.ipynb)\)", nav)}
    assert targets.isdisjoint(content.load().gated_stages), nav
    gated = path.stem in content.load().gated_stages
    assert ("09_moving_on" in targets) == (path.stem != "09_moving_on" and not gated)
