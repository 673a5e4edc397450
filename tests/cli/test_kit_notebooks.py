"""Saving a kit notebook from JupyterLab writes it back in its committed form."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from exback_kit.cli import kit_notebooks

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
EXTENSION = REPO / "labextension" / "src" / "index.js"
BUILT = REPO / "exback_kit" / "labextensions" / "exback-kit-autorun"


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
    assert kit_notebooks.is_kit_notebook(nb, path.name)
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
    assert not kit_notebooks.is_kit_notebook({"metadata": {"exback": mark}},
                                             "00_start_here.ipynb")


def test_the_kit_notebooks_are_the_stage_notebooks() -> None:
    assert kit_notebooks.kit_file_names() == {p.name for p in NOTEBOOKS}


@pytest.mark.parametrize("path", ["downloaded.ipynb", "00_start_here.ipynb.ipynb",
                                  "x00_start_here.ipynb", "00_start_here"])
def test_a_marked_notebook_under_another_name_is_not_the_kits(path: str) -> None:
    nb = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    assert not kit_notebooks.is_kit_notebook(nb, path)
    assert kit_notebooks.is_kit_notebook(nb, f"sub/folder/{NOTEBOOKS[0].name}")


@pytest.mark.parametrize("source", [
    "import os",
    'stages.header("00_start_here")\nimport os',
    'stages.header("00_start_here"); import os',
    'stages.header(__import__("os").getcwd())',
    'stages.header(f"{open(\'k\').read()}")',
    'stages.use_journal("/tmp/other.db")',
    'stages.header("a" "b")',
    'stages.header("a\\")',
    'stages.section("00_start_here", "profile")  # a comment',
    "from exback_kit import stages as os",
])
def test_a_kit_name_with_other_code_is_not_the_kits(source: str) -> None:
    nb = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "code", "execution_count": None, "metadata": {},
                        "outputs": [], "source": source})
    assert not kit_notebooks.is_kit_notebook(nb, NOTEBOOKS[0].name)
    sent = as_jupyterlab_sends_it(nb)
    model = {"type": "notebook", "content": copy.deepcopy(sent)}
    kit_notebooks.save_in_kit_form(model, path=NOTEBOOKS[0].name, contents_manager=None)
    assert model["content"] == sent  # saved as the person ran it, like any notebook


@pytest.mark.parametrize("source", [
    'stages.section("00_start_here", \'profile\')',
    "stages.next_steps( '00_start_here' , )",
    "stages.charts()",
    "from exback_kit import stages\n\n  stages.header('00_start_here')  \n",
])
def test_the_kits_one_call_shape_is_the_kits(source: str) -> None:
    nb = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "code", "execution_count": None, "metadata": {},
                        "outputs": [], "source": source})
    assert kit_notebooks.is_kit_notebook(nb, NOTEBOOKS[0].name)


def test_the_lab_extension_makes_the_same_test() -> None:
    """index.js (source and committed build) holds the same names and line pattern."""
    source = EXTENSION.read_text(encoding="utf-8")
    names = re.search(r"const KIT_NAMES = new Set\(\[(.*?)\]\);", source, re.S)
    assert names is not None
    assert set(re.findall(r"'([^']+)'", names.group(1))) == kit_notebooks.kit_file_names()
    assert f"const KIT_LINE = /{kit_notebooks.KIT_LINE.pattern}/;" in source
    load = json.loads((BUILT / "package.json").read_text())["jupyterlab"]["_build"]["load"]
    assert (BUILT / load).is_file()
    built = "".join(p.read_text(encoding="utf-8") for p in (BUILT / "static").glob("*.js"))
    assert kit_notebooks.KIT_LINE.pattern in built
    assert all(name in built for name in kit_notebooks.kit_file_names())


@pytest.mark.parametrize("model", [
    {"type": "file", "content": "plain text"},
    {"type": "directory", "content": None},
    {"type": "notebook", "content": None},  # a rename sends no content
])
def test_other_saves_pass_through(model: dict[str, Any]) -> None:
    before = copy.deepcopy(model)
    kit_notebooks.save_in_kit_form(model, path="x", contents_manager=None)
    assert model == before
