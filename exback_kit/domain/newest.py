"""The one rule for which entry is the person's latest: the newest version stamp wins.

The store's frames carry ``written``, each row's rank by version stamp (see
``exback_kit.store.clock.WRITTEN_ORDER``), so an older answer that arrives later by
sync never counts as the newer one. Frames built by hand without it fall back to ``id``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def newest_last(frame: pd.DataFrame, *by: str) -> pd.DataFrame:
    """Return ``frame`` ordered by the columns ``by`` (if any), then by version: newest last."""
    order = "written" if "written" in frame.columns else "id"
    return frame.sort_values([*by, order], kind="stable")
