"""The few lines `exback status` prints: No-Contact streak, latest mood, current stage."""

from __future__ import annotations

from exback_kit import texts
from exback_kit.store import Journal


def status_lines(journal: Journal) -> list[str]:
    """Return the status lines for ``journal`` in plain words."""
    from exback_kit import tracking

    tables = tracking.load_tables(journal)
    lines = []
    nc = tracking.no_contact(tables["contacts"], tables["nocontact_periods"])
    if nc.target_days:
        lines.append(texts.STATUS_NO_CONTACT_TARGET.format(
            day=nc.current_streak, target=nc.target_days, longest=nc.longest_streak,
            lapses=nc.lapses))
    else:
        lines.append(texts.STATUS_NO_CONTACT.format(day=nc.current_streak,
                                                    longest=nc.longest_streak, lapses=nc.lapses))
    latest = journal.records("checkins", limit=1, newest_first=True)
    lines.append(texts.STATUS_MOOD.format(mood=latest[0]["mood"], day=latest[0]["day"])
                 if latest else texts.STATUS_NO_MOOD)
    lines.append(texts.STATUS_STAGE.format(stage=tracking.current_stage_title(tables)))
    if journal.is_demo:
        lines.append(texts.STATUS_DEMO)
    return lines
