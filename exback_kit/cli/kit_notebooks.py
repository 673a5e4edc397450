"""The kit notebooks' committed form, kept on every save from JupyterLab.

A kit notebook is one of the kit's stage notebooks (``00_start_here.ipynb`` …, named after
the stage ids), marked in its metadata (``"exback": {"autorun": true}``), whose every code
cell has the kit's one-call shape (``from exback_kit import stages`` then
``stages.<name>("…", …)`` lines) — the same test the lab extension makes before it runs a
notebook on open (``labextension/src/index.js``), since anyone can write the mark. JupyterLab
saves what it shows: outputs (widget references), run counts, the kernel's
``language_info`` and, for an nbformat 4.4 file, new cell ids. For a kit notebook all of
that is noise — the forms are redrawn on every open and the person's words live in the
journal — so the server's pre-save hook writes the notebook back in its committed form:
a notebook in the repository stays byte-identical after being opened and saved, and a
person's copy never holds output. Notebooks without the mark are saved untouched.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from exback_kit import content

MARK = "exback"
_STRING = r"""(?:"[^"\\\n]*"|'[^'\\\n]*')"""
#: One line of a kit cell: the import, or one call of the stage view's drawing functions
#: (header, section, charts, next_steps) with string literals only.
#: labextension/src/index.js holds the same pattern (a test keeps them equal).
KIT_LINE = re.compile(
    r"^(?:from exback_kit import stages|stages\.(?:header|section|charts|next_steps)\(\s*"
    rf"(?:{_STRING}(?:\s*,\s*{_STRING})*\s*,?)?\s*\))$")
#: The nbformat minor version the kit's notebooks are written in (no cell ids).
KIT_MINOR = 4


def kit_file_names() -> frozenset[str]:
    """The file names of the kit's stage notebooks (``00_start_here.ipynb`` …)."""
    return frozenset(f"{stage}.ipynb" for stage in content.load().stage_ids)


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def has_kit_cells(nb: dict[str, Any]) -> bool:
    """Return True when every code cell is the kit's import and ``stages.<name>(...)`` calls."""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        lines = [line.strip() for line in _source(cell).splitlines() if line.strip()]
        if not all(KIT_LINE.match(line) for line in lines):
            return False
    return True


def is_kit_notebook(nb: dict[str, Any], path: str) -> bool:
    """Return True for one of the kit's own notebooks: its name, its mark and its cells."""
    mark = nb.get("metadata", {}).get(MARK)
    return (PurePosixPath(path).name in kit_file_names()
            and isinstance(mark, dict) and mark.get("autorun") is True
            and has_kit_cells(nb))


def kit_form(nb: dict[str, Any]) -> dict[str, Any]:
    """Change ``nb`` in place to the kit's committed form and return it.

    No outputs or run counts, no cell ids, no per-run cell metadata, and only the
    language's name in ``language_info``. Cells, their sources and other metadata stay.
    """
    nb["nbformat_minor"] = KIT_MINOR
    metadata = nb.setdefault("metadata", {})
    language = metadata.get("language_info")
    if isinstance(language, dict) and "name" in language:
        metadata["language_info"] = {"name": language["name"]}
    for cell in nb.get("cells", []):
        cell.pop("id", None)
        cell_meta = cell.get("metadata", {})
        for key in ("execution", "trusted"):
            cell_meta.pop(key, None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return nb


def save_in_kit_form(model: dict[str, Any], path: str = "", **_: Any) -> None:
    """Jupyter's pre-save hook: write a kit notebook in its committed form."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    if is_kit_notebook(model["content"], path or str(model.get("path", ""))):
        kit_form(model["content"])
