"""The few lines `exback status` prints: No-Contact streak, latest mood, current stage."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from exback_kit.content import texts
from exback_kit.store import Journal

if TYPE_CHECKING:
    import pandas as pd


def status_lines(journal: Journal) -> list[str]:
    """Return the status lines for ``journal`` in plain words."""
    from exback_kit.domain import tracking
    tables = tracking.load_tables(journal, tracking.ACTIVITY_KINDS)  # all status reads
    lines = [no_contact_line(tables) or texts.WHERE_NO_CONTACT_NONE]
    latest = journal.records("checkins", limit=1, newest_first=True)
    lines.append(texts.STATUS_MOOD.format(mood=latest[0]["mood"], day=latest[0]["day"])
                 if latest else texts.STATUS_NO_MOOD)
    lines.append(texts.STATUS_STAGE.format(stage=current_stage_title(tables["answers"],
                                                                     tables["decisions"])))
    if journal.is_demo:
        lines.append(texts.STATUS_DEMO)
    return lines


def no_contact_line(tables: Mapping[str, Any]) -> str | None:
    """Return "No-Contact: day N of T …" (or without a target), or None before any period.

    The notebooks' "where you are" box and ``exback status`` both show this line.
    """
    from exback_kit.domain import tracking
    contacts, periods = tables["contacts"], tables["nocontact_periods"]
    if periods.empty and contacts.empty:
        return None
    # Before any period starts, No-Contact counts from the first day of any entry.
    nc = tracking.no_contact(contacts, periods, fallback=tracking.first_day(dict(tables)))
    if nc.target_days:
        return texts.say(texts.WHERE_NO_CONTACT_TARGET, day=nc.current_streak,
                         target=nc.target_days, longest=nc.longest_streak)
    return texts.say(texts.WHERE_NO_CONTACT, day=nc.current_streak, longest=nc.longest_streak)


def current_stage_title(answers: pd.DataFrame, decisions: pd.DataFrame | None = None) -> str:
    """Return the title of the stage the person last worked in (start here if none);
    with ``decisions``, stages set aside on the moving-on road don't count."""
    from exback_kit import content
    from exback_kit.domain import gate, tracking
    set_aside = (gate.set_aside(gate.journey(answers, decisions))
                 if decisions is not None else ())
    progress = tracking.journey(answers, set_aside=set_aside)
    worked = progress.dropna(subset=["last_day"])
    stage_id = str(worked["last_day"].idxmax()) if len(worked) else "00_start_here"
    return str(content.load().stage(stage_id).title)
