"""Saving a kit notebook from JupyterLab writes it back in its committed form."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from exback_kit.cli import kit_notebooks

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def as_saved(nb: dict[str, Any]) -> str:
    """The text jupyter-server writes for a notebook (nbformat's JSON layout)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def as_jupyterlab_sends_it(nb: dict[str, Any]) -> dict[str, Any]:
    """What JupyterLab 4 sends on save after a run: ids, counts, outputs, kernel details."""
    sent = copy.deepcopy(nb)
    sent["nbformat_minor"] = 5
    sent["metadata"]["language_info"] = {
        "codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
        "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3", "version": "3.11.7"}
    for n, cell in enumerate(sent["cells"]):
        cell["id"] = f"cell-{n}"
        if cell["cell_type"] == "code":
            cell["execution_count"] = n
            cell["metadata"]["trusted"] = True
            cell["metadata"]["execution"] = {"iopub.status.busy": "2026-12-07T01:00:00Z"}
            cell["outputs"] = [{"output_type": "display_data", "metadata": {}, "data": {
                "text/plain": "VBox(children=(HTML(value='my private note'),))",
                "application/vnd.jupyter.widget-view+json": {"model_id": "abc",
                                                             "version_major": 2,
                                                             "version_minor": 0}}}]
    return sent


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_kit_notebook_is_marked_and_already_in_its_committed_form(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    nb = json.loads(text)
    assert kit_notebooks.is_kit_notebook(nb)
    assert as_saved(kit_notebooks.kit_form(copy.deepcopy(nb))) == text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_run_and_saved_kit_notebook_is_written_byte_identical(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    model = {"type": "notebook", "content": as_jupyterlab_sends_it(json.loads(text))}
    kit_notebooks.save_in_kit_form(model, path=path.name, contents_manager=None)
    saved = as_saved(model["content"])
    assert saved == text
    assert "my private note" not in saved


def test_a_notebook_without_the_mark_is_saved_as_sent() -> None:
    own = as_jupyterlab_sends_it(json.loads(NOTEBOOKS[0].read_text(encoding="utf-8")))
    del own["metadata"]["exback"]
    model = {"type": "notebook", "content": copy.deepcopy(own)}
    kit_notebooks.save_in_kit_form(model, path="mine.ipynb", contents_manager=None)
    assert model["content"] == own


@pytest.mark.parametrize("mark", [{"autorun": "yes"}, True, {"autorun": False}, None])
def test_only_an_explicit_autorun_true_counts_as_the_mark(mark: Any) -> None:
    assert not kit_notebooks.is_kit_notebook({"metadata": {"exback": mark}})


@pytest.mark.parametrize("model", [
    {"type": "file", "content": "plain text"},
    {"type": "directory", "content": None},
    {"type": "notebook", "content": None},  # a rename sends no content
])
def test_other_saves_pass_through(model: dict[str, Any]) -> None:
    before = copy.deepcopy(model)
    kit_notebooks.save_in_kit_form(model, path="x", contents_manager=None)
    assert model == before
