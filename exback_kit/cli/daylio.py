"""``exback import-daylio``: show how a Daylio export maps onto check-ins, then import it."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

from exback_kit.content import texts
from exback_kit.errors import ValidationError
from exback_kit.interchange.daylio import DaylioPreview, import_daylio, preview
from exback_kit.interchange.daylio_moods import MoodPlace, level_score
from exback_kit.store import Journal


def parse_mapping(values: Iterable[str], option: str, *, scores: bool) -> dict[str, Any]:
    """Return ``{"name": value}`` from ``name=value`` texts given on the command line.

    A mood's value is a whole number 1–10 or one of Daylio's levels (``sad=bad``);
    names are matched in any case, an activity's new name keeps the case given.

    Raises:
        ValidationError: a text has no ``=``, no name, or (for scores) no score.
    """
    out: dict[str, Any] = {}
    template = texts.DAYLIO_BAD_MOOD_MAP if scores else texts.DAYLIO_BAD_ACTIVITY_MAP
    for text in values:
        name, sep, value = text.rpartition("=") if scores else text.partition("=")
        score = level_score(value) if scores else None
        if not sep or not name.strip() or (scores and score is None):
            raise ValidationError(template.format(field=option, value=text), field=option)
        out[name.strip().casefold()] = score if scores else value.strip()
    return out


def _why(place: MoodPlace) -> str:
    # the words are read here, not at import: the language can change after it
    why = {"daylio": texts.DAYLIO_WHY_DAYLIO, "named": texts.DAYLIO_WHY_NAMED,
           "marked": texts.DAYLIO_WHY_MARKED, "yours": texts.DAYLIO_WHY_YOURS,
           "suggested": texts.DAYLIO_WHY_SUGGESTED, "gap": texts.DAYLIO_WHY_GAP,
           "unknown": texts.DAYLIO_WHY_UNKNOWN}[place.how]
    return why.format(name=place.name, level=place.level,
                      score=place.proposal if place.score is None else place.score)


def mood_table(plan: DaylioPreview) -> list[str]:
    """Return the table of every mood: its entries, the score it gets (or is proposed), why."""
    head = (texts.DAYLIO_COL_MOOD, texts.DAYLIO_COL_ENTRIES, texts.DAYLIO_COL_SCORE,
            texts.DAYLIO_COL_WHY)
    rows = [(p.name, str(p.count),
             str(p.score) if p.score is not None else
             texts.DAYLIO_PROPOSED_SCORE.format(score=p.proposal) if p.proposal is not None
             else texts.DAYLIO_NO_SCORE, _why(p)) for p in plan.places.values()]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
    return [f"  {r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}"
            for r in [head, *rows]]


def preview_lines(plan: DaylioPreview) -> list[str]:
    """Return the preview as the lines the command prints."""
    lines = [texts.DAYLIO_PREVIEW_HEAD.format(rows=plan.rows, first=plan.first_day,
                                              last=plan.last_day)]
    if plan.old_layout:
        lines.append(texts.DAYLIO_PREVIEW_OLD_LAYOUT)
    lines += [texts.DAYLIO_PREVIEW_MOODS, *mood_table(plan), texts.DAYLIO_PREVIEW_ACTIVITIES]
    lines += [texts.DAYLIO_PREVIEW_ACTIVITY.format(
        name=name, count=count, habit=plan.activity_map[name] or texts.DAYLIO_PREVIEW_LEFT_OUT)
        for name, count in plan.activities.items()] or [texts.DAYLIO_PREVIEW_NO_ACTIVITIES]
    if plan.titles:
        lines.append(texts.DAYLIO_PREVIEW_TITLES.format(count=plan.titles))
    if plan.sleep or plan.scales:
        lines.append(texts.DAYLIO_PREVIEW_SCALES.format(sleep=plan.sleep, scales=plan.scales))
    if plan.extra_rows:
        lines.append(texts.DAYLIO_PREVIEW_EXTRA.format(rows=", ".join(map(str, plan.extra_rows))))
    return lines


def run(args: argparse.Namespace) -> int:
    """``exback import-daylio FILE.csv``: show the mapping, then import (unless --dry-run)."""
    moods = parse_mapping(args.map_mood, "--map-mood", scores=True)
    activities = parse_mapping(args.map_activity, "--map-activity", scores=False)
    plan = preview(args.file, mood_map=moods, activity_map=activities)
    print("\n".join(preview_lines(plan)))
    if args.dry_run:
        print(texts.DAYLIO_DRY_RUN)
        return 0
    with Journal.open(args.journal) as journal:
        result = import_daylio(journal, args.file, mood_map=moods, activity_map=activities,
                               skip_unmapped=args.skip_unmapped)
    print(texts.DAYLIO_IMPORTED.format(added=result.added, updated=result.updated,
                                       unchanged=result.unchanged))
    if result.left_out:
        print(texts.DAYLIO_SKIPPED_UNMAPPED.format(count=result.left_out,
                                                   moods=", ".join(result.unmapped_moods)))
    return 0


def add_cli(sub: Any) -> None:
    """Add ``exback import-daylio`` to the command line."""
    p = sub.add_parser("import-daylio", help=texts.CLI_HELP_DAYLIO)
    p.add_argument("file", help=texts.CLI_HELP_DAYLIO_FILE)
    p.add_argument("--map-mood", action="append", default=[], metavar="MOOD=SCORE",
                   help=texts.CLI_HELP_MAP_MOOD)
    p.add_argument("--map-activity", action="append", default=[], metavar="ACTIVITY=HABIT",
                   help=texts.CLI_HELP_MAP_ACTIVITY)
    p.add_argument("--dry-run", action="store_true", help=texts.CLI_HELP_DRY_RUN)
    p.add_argument("--skip-unmapped", action="store_true", help=texts.CLI_HELP_SKIP_UNMAPPED)
    p.set_defaults(func=run)
