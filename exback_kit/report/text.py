"""The words and numbers on each page of the progress report, as flows of styled lines.

Reads the journal's tables (and, for the answers pages, the journal) and returns
:data:`exback_kit.report_pages.Line` lists; :mod:`exback_kit.report.pages` lays
them out. Only :mod:`exback_kit.report` imports this module, when a report is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from exback_kit import content
from exback_kit.content import language, texts
from exback_kit.domain import gate, nocontact, progress, safety, scales, timeline, urges
from exback_kit.domain.timeline import Tables
from exback_kit.report.pages import Line, wrap
from exback_kit.store import Journal
from exback_kit.store.settings import CRISIS_SETTING

MAX_ANSWER_CHARS = 1500
RECENT_RESULTS = 14
TOP_LABELS = 4


def cover_lines(journal: Journal, tables: Tables, steps: Sequence[int], today: date) -> list[Line]:
    """Return the cover's lines: title, period, privacy note and what is inside."""
    span = timeline.active_span(tables, today)
    lines: list[Line] = [("title", texts.REPORT_TITLE)]
    lines += wrap(texts.say(texts.REPORT_PERIOD, first=span[0], last=span[1]) if span
                  else texts.REPORT_NO_ENTRIES, "heading")
    lines += [("gap", ""), *wrap(texts.say(texts.REPORT_MADE, day=today)),
              *wrap(texts.REPORT_PRIVATE, "strong")]
    if journal.is_demo:
        lines += wrap(texts.REPORT_DEMO)
    inside = [texts.REPORT_INSIDE_CHARTS, texts.REPORT_INSIDE_FIGURES,
              texts.REPORT_INSIDE_WELLBEING]
    if steps:
        inside.append(texts.REPORT_INSIDE_ANSWERS.format(steps=", ".join(map(str, steps))))
    lines += [("gap", ""), ("heading", texts.REPORT_INSIDE)]
    return lines + [line for item in inside for line in wrap(f"•  {item}")]


def _labels(frame: Any) -> str:
    top = frame.head(TOP_LABELS)
    return "; ".join(texts.REPORT_URGE_LABEL.format(label=label, count=int(row["count"]))
                     for label, row in top.iterrows()) or texts.REPORT_NOTHING_YET


def figures_lines(tables: Tables, today: date) -> list[Line]:
    """Return the No-Contact and urge figures as label/value rows."""
    road = gate.journey_of(tables, kit=content.load())
    nc = nocontact.no_contact(tables["contacts"], nocontact.periods_for_road(tables, road), today,
                             fallback=timeline.first_day(tables, today))
    def days(days: int) -> str:
        return texts.say(texts.REPORT_NC_DAYS, days=days)

    lines: list[Line] = [("title", texts.REPORT_FIGURES_TITLE), ("heading", texts.REPORT_NC_HEAD)]
    if nc.start_day is None:
        lines += wrap(texts.REPORT_NC_NONE)
    else:
        target = (texts.REPORT_NC_TARGET_DAYS.format(days=nc.target_days) if nc.target_days
                  else texts.REPORT_NC_NO_TARGET if road.countdown
                  else road.words(texts.REPORT_NC_NO_COUNTDOWN))
        rows = [(texts.REPORT_NC_START, language.day(nc.start_day)),
                (texts.REPORT_NC_TARGET, target),
                (texts.REPORT_NC_CURRENT, days(days=nc.current_streak)),
                (texts.REPORT_NC_LONGEST, days(days=nc.longest_streak)),
                (texts.REPORT_NC_WITHOUT, days(days=nc.days_without_contact)),
                (texts.REPORT_NC_SHARE,
                 texts.REPORT_NC_PERCENT.format(percent=round(100 * nc.share_last_30))),
                (texts.REPORT_NC_LAPSES, str(nc.lapses))]
        if nc.days_to_target is not None:
            rows.append((texts.REPORT_NC_TO_TARGET, texts.REPORT_NC_REACHED
                         if nc.target_reached else days(days=nc.days_to_target)))
        lines += [("row", f"{label}\t{value}") for label, value in rows]
        lines += [("gap", ""), *wrap(texts.REPORT_NC_NOTE, "soft")]
    lines += [("gap", ""), ("heading", texts.REPORT_URGE_HEAD)]
    logged = tables["urges"]
    if not len(logged):
        return lines + wrap(texts.REPORT_URGE_NONE)
    count = texts.REPORT_URGE_COUNT.format
    total, recent = urges.urge_totals(logged, today), urges.urge_totals(logged, today, days=30)
    lines += [("row", f"{texts.REPORT_URGE_TOTAL}\t{count(count=total[0], resisted=total[1])}"),
              ("row", f"{texts.REPORT_URGE_RECENT}\t{count(count=recent[0], resisted=recent[1])}"),
              ("gap", ""), ("strong", texts.REPORT_URGE_TRIGGERS),
              *wrap(_labels(urges.urge_triggers(logged, today))),
              ("gap", ""), ("strong", texts.REPORT_URGE_HELPED),
              *wrap(_labels(urges.urge_helped(logged, today)))]
    return lines


def _result_row(row: Any) -> Line:
    day = row["day"].date()
    if row["instrument"] == "who5":
        band = texts.WHO5_BANDS.get(row["band"], row["band"])
        value = texts.REPORT_WELLBEING_WHO5_VALUE.format(value=round(row["value"]))
        return "row", f"{day} · {texts.REPORT_WELLBEING_WHO5}\t{value}\t{band}"
    value = texts.REPORT_WELLBEING_ROSENBERG_VALUE.format(value=round(row["value"]))
    return "row", f"{day} · {texts.REPORT_WELLBEING_ROSENBERG}\t{value}"


def wellbeing_lines(journal: Journal, tables: Tables, today: date) -> list[Line]:
    """Return the wellbeing page: recent scores with bands, band counts, care note if due."""
    lines: list[Line] = [("title", texts.REPORT_WELLBEING_TITLE),
                         *wrap(texts.REPORT_WELLBEING_INTRO, "soft"), ("gap", "")]
    scores = scales.wellbeing(tables["instrument_results"], today)
    if scores.empty:
        return lines + wrap(texts.REPORT_WELLBEING_NONE)
    recent = scores.iloc[::-1].head(RECENT_RESULTS)
    lines.append(("strong", texts.REPORT_WELLBEING_RECENT.format(count=len(recent))))
    lines += [_result_row(row) for _, row in recent.iterrows()]
    who5 = scores[scores["instrument"] == "who5"]
    if len(who5):
        counts = who5["band"].value_counts()
        parts = [texts.REPORT_WELLBEING_BAND_COUNT.format(label=label, count=int(counts[band]))
                 for band, label in texts.WHO5_BANDS.items() if band in counts]
        lines += [("gap", ""), *wrap(texts.REPORT_WELLBEING_BAND_COUNTS.format(
            total=len(who5), counts="; ".join(parts)))]
    latest = scales.latest_who5(tables["instrument_results"], today)
    if latest is not None and latest.result.needs_care:
        contacts = safety.ordered(safety.crisis_contacts(
            journal.get_setting(CRISIS_SETTING)), "crisis")
        lines += [("gap", ""), *wrap(safety.safety_message(contacts, latest.result.triggers))]
    return lines


def _shortened(text: str) -> str:
    if len(text) <= MAX_ANSWER_CHARS:
        return text
    cut = text[:MAX_ANSWER_CHARS].rsplit(None, 1)[0]
    return f"{cut} {texts.REPORT_SHORTENED}"


def answer_text(question: Any, value: object) -> str:
    """Return an answer as the person would read it (choice labels, yes/no, lists)."""
    labels = {c.id: c.label for c in getattr(question, "choices", ())}
    if isinstance(value, bool):
        return texts.REPORT_YES if value else texts.REPORT_NO
    if isinstance(value, list):
        return ", ".join(str(labels.get(str(v), v)) for v in value)
    if value is None:
        return ""
    return _shortened(str(labels.get(str(value), value)))


def answer_lines(tables: Tables, steps: Sequence[int]) -> list[Line]:
    """Return the person's latest answers to ``steps``, each question with its answer.

    Off the open road, questions marked ``open_road_only`` are left out with their answers.
    """
    kit = content.load()
    road = gate.journey(tables["answers"], tables["decisions"], kit=kit)
    lines: list[Line] = [("title", texts.REPORT_ANSWERS_TITLE),
                         *wrap(texts.REPORT_ANSWERS_INTRO, "soft")]
    for number in steps:
        step = kit.step(number)
        lines += [("gap", ""), *wrap(texts.REPORT_STEP_HEAD.format(number=number,
                                                                   title=step.title), "heading")]
        saved = progress.latest_answers(tables["answers"], number)
        questions = {q.id: q for q in step.shown(road.open_road)}
        hidden = {q.id for q in step.questions} - set(questions)
        order = [q for q in questions if q in saved] + sorted(set(saved) - set(questions)
                                                              - hidden)
        shown = [(qid, answer_text(questions.get(qid), saved[qid])) for qid in order]
        shown = [(qid, text) for qid, text in shown if text.strip()]
        if not shown:
            lines += wrap(texts.REPORT_NO_ANSWERS, "soft")
        for qid, text in shown:
            question = questions[qid].text if qid in questions else qid
            lines += [*wrap(question, "strong"), *wrap(text), ("gap", "")]
    return lines
