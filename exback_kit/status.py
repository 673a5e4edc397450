"""The few lines `exback status` prints: No-Contact streak, latest mood, current stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exback_kit import texts
from exback_kit.store import Journal

if TYPE_CHECKING:
    import pandas as pd


def status_lines(journal: Journal) -> list[str]:
    """Return the status lines for ``journal`` in plain words."""
    from exback_kit import tracking

    tables = tracking.load_tables(journal)
    lines = []
    nc = tracking.no_contact(tables["contacts"], tables["nocontact_periods"],
                             fallback=tracking.first_day(tables))
    if nc.start_day is None:
        lines.append(texts.STATUS_NO_CONTACT_NONE)
    elif nc.target_days:
        lines.append(texts.STATUS_NO_CONTACT_TARGET.format(
            day=nc.current_streak, target=nc.target_days, longest=nc.longest_streak,
            lapses=nc.lapses))
    else:
        lines.append(texts.STATUS_NO_CONTACT.format(day=nc.current_streak,
                                                    longest=nc.longest_streak, lapses=nc.lapses))
    latest = journal.records("checkins", limit=1, newest_first=True)
    lines.append(texts.STATUS_MOOD.format(mood=latest[0]["mood"], day=latest[0]["day"])
                 if latest else texts.STATUS_NO_MOOD)
    lines.append(texts.STATUS_STAGE.format(stage=current_stage_title(tables["answers"])))
    if journal.is_demo:
        lines.append(texts.STATUS_DEMO)
    return lines


def current_stage_title(answers: pd.DataFrame) -> str:
    """Return the title of the stage the person last worked in (start here if none)."""
    from exback_kit import content, tracking

    progress = tracking.journey(answers)
    worked = progress.dropna(subset=["last_day"])
    stage_id = str(worked["last_day"].idxmax()) if len(worked) else "00_start_here"
    return str(content.load().stage(stage_id).title)
