"""The road walk: every word source, for every road, against one phrase table.

For each road state (the check unanswered, the open road, the decision "move on", each
boundaries "yes", each "not sure", harm, an order) one journal with a little of everything
in it is built once, and every word a person can meet is gathered once: every stage's
markdown and widgets (the dashboard included), the report's text, the .ics file and the
CLI's replies. Off the open road none of it may coach toward the ex or speak to trying
again; the control shows the same table does find those words on the open road.
"""

from __future__ import annotations

import contextlib
import io
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from exback_kit import Journal, content, stages
from exback_kit.cli import main
from exback_kit.interchange import reminders as remind
from exback_kit.report import text as report_text
from exback_kit.store import reads

from .test_gated_pages import COACHING, markdown_of, seen_text

BOUNDARIES = content.load().boundary_questions
#: Words that speak to trying again or shrug at a breach; none may appear off the open road.
TRY_AGAIN = [
    r"looks ready", r"it happens; noticing",  # the old urge reply, not the "When it happens" cards
    r"still have feelings", r"willing to change",
    r"each side", r"win them back", r"going back", r"a slip doesn't erase",
    r"whatever comes next", r"as good an outcome",
]
#: Words about contact in the hard-moment surfaces (the "when it happens" cards, ride it out):
#: only the open road's, never while the check is unanswered. (A bare "get in touch" is not
#: here: 01 asks "When is it hardest not to get in touch?" on every road.)
CONTACT_PACE = [r"friendly hello", r"thought of getting in touch", r"whether to get in touch",
                r"a reason to get in touch"]
#: Words a countdown uses; none may appear after harm or an order.
COUNTDOWN = [r"day \d+ of \d+", r"your target", r"days to the target", r"days of space",
             r"\d+-day no-contact"]

STATES = [("unanswered", {}, None), ("open", dict.fromkeys(BOUNDARIES, "no"), None),
          ("decision move on", dict.fromkeys(BOUNDARIES, "no"), "move_on")]
STATES += [(f"{q} yes", {**dict.fromkeys(BOUNDARIES, "no"), q: "yes"}, None) for q in BOUNDARIES]
STATES += [(f"{q} not sure", {**dict.fromkeys(BOUNDARIES, "no"), q: "not_sure"}, None)
           for q in BOUNDARIES]
MOVING_ON = [s for s in STATES if s[0] not in ("unanswered", "open")]
UNSAFE = [s for s in STATES if re.match(r"(harm_or_control|protective_order) ", s[0])]


def fill(j: Journal) -> None:
    """A little of everything: a No-Contact period with a target, a contact, urges, a
    message past its cooling-off, answers to 01 and 03, check-ins, a review day."""
    today = date.today()
    j.add("nocontact_periods", start_day=today - timedelta(days=10), target_days=30)
    j.log_contact(initiated_by="me", at=datetime.now().astimezone() - timedelta(days=3))
    j.log_urge(intensity=7, trigger="late night", acted_on=True)
    j.add("unsent", at=datetime.now().astimezone() - timedelta(hours=80), text="Can we talk?",
          cooling_hours=72)
    for day in range(5):
        j.add_checkin(mood=5 + day % 3, at=datetime.now().astimezone() - timedelta(days=day))
    j.save_answer(2, "love_then", 4)
    j.save_answer(4, "changes_for", "them")
    j.set_setting("review_day", (today + timedelta(days=20)).isoformat())


def cli_words(path: Path) -> str:
    """Return what the CLI says to a person on this journal (its own replies)."""
    out = io.StringIO()
    runs = [["checkin", "--mood", "5"], ["contact", "--by", "me"],
            ["urge", "--intensity", "6", "--acted-on"], ["urge", "--intensity", "3"],
            ["status"], ["urges"]]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        for args in runs:
            assert main([*args, "--journal", str(path)]) == 0, args
    return out.getvalue()


def every_word(tmp_path: Path, answers: dict[str, str], decision: str | None) -> dict[str, str]:
    """Return the words of every source for one road, each source built once."""
    path = tmp_path / "walk.sqlite3"
    j = Journal.open(path)
    try:
        fill(j)
        for q, v in answers.items():
            j.save_answer(0, q, v)
        if decision:
            j.add("decisions", decision=decision)
        stages.use_journal(j)
        words = {f"page {s}": markdown_of(s) + "\n" + seen_text(stages.show(s))
                 for s in stages.LAYOUTS}
        tables = reads.load_tables(j)
        today = date.today()
        lines = [*report_text.cover_lines(j, tables, range(1, 19), today),
                 *report_text.figures_lines(tables, today),
                 *report_text.wellbeing_lines(j, tables, today),
                 *report_text.answer_lines(tables, range(1, 19))]
        words["report"] = "\n".join(str(t) for _, t in lines)
        words["calendar"] = remind.build_calendar(j).decode().replace("\r\n ", "")
    finally:
        j.close()
    words["cli"] = cli_words(path)
    return words


def found(words: dict[str, str], table: list[str]) -> list[str]:
    """Return each phrase found, with its source and a little of the text around it."""
    hits = []
    for source, text in words.items():
        for p in table:
            m = re.search(p, text, re.IGNORECASE)
            if m:
                hits.append(f"{source}: …{text[max(0, m.start() - 50):m.end() + 30]}…"
                            .replace("\n", " "))
    return hits


@pytest.mark.parametrize(("name", "answers", "decision"), MOVING_ON,
                         ids=[s[0] for s in MOVING_ON])
def test_off_the_open_road_no_word_coaches_or_speaks_to_trying_again(
        tmp_path: Path, name: str, answers: dict[str, str], decision: str | None) -> None:
    words = every_word(tmp_path, answers, decision)
    assert found(words, COACHING + TRY_AGAIN + CONTACT_PACE) == []
    if (name, answers, decision) in UNSAFE:
        assert found(words, COUNTDOWN) == []
        assert "review_day" not in words["calendar"] and "A day to look again" not in (
            words["calendar"])
    assert "✓" not in words["page 08_dashboard"]  # no readiness marks


def test_while_the_check_is_unanswered_nothing_coaches(tmp_path: Path) -> None:
    words = every_word(tmp_path, {}, None)
    assert found(words, COACHING + CONTACT_PACE) == []
    assert found({k: v for k, v in words.items() if k != "cli"}, [r"still have feelings",
                                                                 r"willing to change"]) == []


def test_the_table_finds_the_open_roads_words(tmp_path: Path) -> None:
    """The control: on the open road the same table finds coaching and try-again words."""
    words = every_word(tmp_path, dict.fromkeys(BOUNDARIES, "no"), None)
    hits = found(words, COACHING + TRY_AGAIN)
    for phrase in ("still have feelings", "willing to change", "going back", "it happens",
                   "invit", "as good an outcome"):
        assert any(re.search(phrase, h, re.IGNORECASE) for h in hits), phrase
    assert found(words, COUNTDOWN)
    for phrase in CONTACT_PACE:  # the cards and ride it out are in the walk
        assert found(words, [phrase]), phrase
    assert "A day to look again" in words["calendar"]
