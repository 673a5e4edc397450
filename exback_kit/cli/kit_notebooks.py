"""The kit notebooks' committed form, kept on every save from JupyterLab.

A kit notebook is marked in its metadata (``"exback": {"autorun": true}``). JupyterLab
saves what it shows: outputs (widget references), run counts, the kernel's
``language_info`` and, for an nbformat 4.4 file, new cell ids. For a kit notebook all of
that is noise — the forms are redrawn on every open and the person's words live in the
journal — so the server's pre-save hook writes the notebook back in its committed form:
a notebook in the repository stays byte-identical after being opened and saved, and a
person's copy never holds output. Notebooks without the mark are saved untouched.
"""

from __future__ import annotations

from typing import Any

MARK = "exback"
#: The nbformat minor version the kit's notebooks are written in (no cell ids).
KIT_MINOR = 4


def is_kit_notebook(nb: dict[str, Any]) -> bool:
    """Return True for a notebook marked as one of the kit's own."""
    mark = nb.get("metadata", {}).get(MARK)
    return isinstance(mark, dict) and mark.get("autorun") is True


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


def save_in_kit_form(model: dict[str, Any], **_: Any) -> None:
    """Jupyter's pre-save hook: write a kit notebook in its committed form."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    if is_kit_notebook(model["content"]):
        kit_form(model["content"])
