"""The store's layers contract (pyproject.toml) names every module of the room.

import-linter checks only the modules a layers contract lists, so a new module left out
of it could import Journal from below without a test noticing.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]
STORE = ROOT / "exback_kit" / "store"


def _store_layers() -> list[list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = [c for c in config["tool"]["importlinter"]["contracts"]
                 if c["type"] == "layers" and c.get("containers") == ["exback_kit.store"]]
    assert len(contracts) == 1, "one layers contract for exback_kit.store"
    return [re.split(r"\s*[|:]\s*", layer.strip()) for layer in contracts[0]["layers"]]


def test_every_store_module_stands_on_one_layer():
    named = [name for layer in _store_layers() for name in layer]
    modules = sorted(p.stem for p in STORE.glob("*.py") if p.stem != "__init__")
    assert sorted(named) == modules  # each module once, none left out


def test_journal_stands_alone_above_everything_that_takes_its_connection():
    layers = _store_layers()
    journal = layers.index(["journal"])
    below = {name for layer in layers[journal + 1:] for name in layer}
    assert {"backups", "locking", "opening", "keys", "imports", "queries",
            "search_queue", "transactions"} <= below
