"""The few lines `exback status` prints: No-Contact streak, latest mood, current stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exback_kit import content
from exback_kit.content import texts
from exback_kit.domain import gate, nocontact, progress, roads, timeline
from exback_kit.store import Journal, reads

if TYPE_CHECKING:
    from exback_kit.domain.timeline import Tables


def status_lines(journal: Journal) -> list[str]:
    """Return the status lines for ``journal`` in plain words (its tables read once)."""
    tables = reads.load_tables(journal, dict.fromkeys([*timeline.ACTIVITY_KINDS, *roads.KINDS]))
    road = gate.journey_of(tables, kit=content.load())
    lines = [nocontact.no_contact_line(tables, road=road) or texts.WHERE_NO_CONTACT_NONE]
    checkins = tables["checkins"]
    if len(checkins):
        latest = checkins.iloc[-1]  # the table is ordered by moment, then id
        lines.append(texts.say(texts.STATUS_MOOD, mood=latest["mood"], day=latest["day"].date()))
    else:
        lines.append(texts.STATUS_NO_MOOD)
    lines.append(texts.STATUS_STAGE.format(stage=current_stage_title(tables)))
    lines.append(texts.STATUS_LOCK.format(
        state=texts.LOCK_IS_LOCKED if journal.encrypted else texts.LOCK_IS_PLAIN))
    if journal.is_demo:
        lines.append(texts.STATUS_DEMO)
    return lines


def current_stage_title(tables: Tables) -> str:
    """Return the title of the stage the person last worked in (start here if none),
    counting only the stages of the road in force (moving on included)."""
    kit = content.load()
    stage_id = progress.latest_stage(roads.journey_rows(tables, kit=kit)) or kit.stages[0].id
    return str(kit.stage(stage_id).title)
