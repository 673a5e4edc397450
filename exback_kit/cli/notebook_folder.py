"""Where the notebooks `exback lab` and `exback app` serve live.

* In a source checkout (the package sits next to ``notebooks/``) the checkout's
  own ``notebooks/`` folder is served as it is.
* In an ordinary install the notebooks ship inside the package
  (``exback_kit/notebooks/*.ipynb``). The first ``exback lab`` / ``exback app``
  copies them into ``notebooks/`` beside the journal's folder (``EXBACK_HOME`` or
  the per-user data folder). Later runs only add notebooks that are missing, so a
  person's own copy (with their edits) is never overwritten.
"""

from __future__ import annotations

import os
from pathlib import Path

from exback_kit.cli.lab_config import START_NOTEBOOK
from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.store import resolve_path
from exback_kit.store.files import make_private_folder, write_private


def _package_dir() -> Path:
    return Path(__file__).resolve().parents[1]  # the exback_kit package


def checkout_notebooks() -> Path | None:
    """Return the source checkout's ``notebooks/`` folder, or None in an ordinary install."""
    folder = _package_dir().parent / "notebooks"
    has_project = (_package_dir().parent / "pyproject.toml").is_file()
    return folder if has_project and (folder / START_NOTEBOOK).is_file() else None


def bundled_notebooks() -> Path | None:
    """Return the notebooks shipped inside the package, or None if there are none."""
    folder = _package_dir() / "notebooks"
    return folder if (folder / START_NOTEBOOK).is_file() else None


def personal_notebooks_dir() -> Path:
    """Return the folder that holds the person's own copy of the notebooks."""
    return resolve_path(None).parent / "notebooks"


def copy_missing(source: Path, dest: Path) -> list[Path]:
    """Copy the kit's notebooks from ``source`` into ``dest``; never overwrite a file.

    Returns:
        The notebooks that were copied (empty when the person already has them all).
    """
    make_private_folder(dest)
    copied = []
    for nb in sorted(source.glob("*.ipynb")):
        target = dest / nb.name
        if not target.exists():
            write_private(target, nb.read_bytes())  # whole or not at all, mode 0600
            copied.append(target)
    return copied


def notebooks_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the folder to serve, preparing the person's copy when needed.

    Args:
        explicit: a folder the person chose with ``--notebooks``; kit notebooks missing
            from it are copied in, existing files are left alone.

    Raises:
        ValidationError: the kit's notebooks cannot be found (a broken install).
    """
    checkout = checkout_notebooks()
    if explicit is None and checkout is not None:
        return checkout
    source = bundled_notebooks() or checkout
    dest = Path(explicit).expanduser() if explicit is not None else personal_notebooks_dir()
    if source is None:
        if (dest / START_NOTEBOOK).is_file():
            return dest
        raise ValidationError(texts.LAUNCH_NO_NOTEBOOKS, field="notebooks")
    if source.resolve() != dest.resolve() and copy_missing(source, dest):
        print(texts.LAUNCH_COPIED.format(folder=dest))
    return dest
