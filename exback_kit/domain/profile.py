"""What the start-here profile (step 0) says that the charts build on: the breakup day."""

from __future__ import annotations

import pandas as pd

from exback_kit.domain.progress import latest_answers


def breakup_day(answers: pd.DataFrame) -> pd.Timestamp | None:
    """Return the profile's breakup date (the latest answer, as a midnight Timestamp), or
    None if not given or not a date."""
    value = latest_answers(answers, 0).get("breakup_date")
    try:
        return pd.Timestamp(str(value)).normalize() if value else None
    except ValueError:
        return None
