"""The demo journal: about 120 days of made-up, seeded entries that fill every chart.

It lives in its own file, ``<folder of the real journal>/demo/journal.sqlite3``,
is marked with the setting ``demo = True`` (so banners and reports can say so),
and is never written over a journal that is not a demo. Everything in it is
invented; the story is one plausible path (a hard start, a lapse, steadier
weeks, a decision), not a model of how anyone should feel.

This module imports nothing heavy, so ``exback demo`` starts fast.
"""

from __future__ import annotations

import os
import random
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from exback_kit import content
from exback_kit.content import texts
from exback_kit.content.vocab import DEFAULT_HABITS
from exback_kit.domain.cooling import cooling_ends
from exback_kit.errors import JournalError, ValidationError
from exback_kit.store import FILE_NAME, Journal, resolve_path, validate
from exback_kit.store.paths import journal_files
from exback_kit.store.settings import DEMO_JOURNAL_SETTING

DEMO_FOLDER = "demo"
DEFAULT_DAYS = 120
DEFAULT_SEED = 7
MIN_DAYS, MAX_DAYS = 14, 3650

# Made-up entries for the demo (data, not interface text).
NOTES = ("Slow morning, better after a walk.", "Long day at work; cooked something simple.",
         "Called my sister, felt lighter.", "Restless evening, went to bed early.",
         "Tried the new climbing gym with Sam.", "Quiet Sunday, read most of the afternoon.",
         "Good talk with a colleague over lunch.", "Missed the routine of two today.")
TRIGGERS = ("late night", "a song on the radio", "weekend alone", "old photos",
            "after a drink", "a friend mentioned them", "their birthday coming up")
HELPED = ("went for a walk", "called a friend", "wrote it in the vault", "slow breathing",
          "made tea and waited", "read my list of reasons")
#: (share of the way through, hour, initiated_by, replied, logistics, channel, note)
CONTACTS = ((0.15, 18, "them", True, True, "email", "Sorted out the deposit for the flat."),
            (0.30, 23, "me", False, False, "text", "Sent a late message after a hard evening."),
            (0.42, 10, "them", False, False, "text", "A short birthday message; I let it be."),
            (0.55, 12, "me", True, True, "call", "Arranged picking up the last boxes."),
            (0.80, 19, "me", True, False, "text", "Asked about coffee with friends next week."))
#: Habit -> (chance at the start, chance at the end, nudge to that day's mood).
HABIT_TRENDS = {"exercise": (0.2, 0.6, 0.7), "time outside": (0.3, 0.6, 0.4),
                "mindfulness": (0.1, 0.5, 0.3), "ate well": (0.4, 0.7, 0.2),
                "saw friends": (0.2, 0.5, 0.6), "hobby": (0.15, 0.5, 0.4),
                "checked their social media": (0.7, 0.15, -0.6),
                "drank alcohol": (0.35, 0.1, -0.5)}
TEXT_ANSWERS = {
    "quiet_hope": "Some calm, and to hear my own thoughts again.",
    "instead": "Write it down, then walk round the block.",
    "support_person": "My sister",
    "what_drove_apart": "We stopped making time for each other and argued about moving.",
    "current_sense": "A mutual friend said they seem settled and kind about me.",
    "if_moved_on": "It would hurt, and I would still be glad I took this time.",
    "my_part": "I went quiet instead of saying what bothered me.",
    "qualities": "Patient, funny with people I trust, good at finishing things.",
    "confidants": "My sister and Alex",
    "drinking_plan": "Two drinks at most, none when I'm low.",
    "moment_plan": "Phone in the other room after eleven.",
    "pace": "One small step, then a week to see how it sits.",
    "invite_idea": "Coffee at the new place near the park, with friends around.",
    "if_declined": "Thank them and leave it there.",
}


# --- where the demo lives -----------------------------------------------------------

def demo_path(journal: str | os.PathLike[str] | None = None) -> Path:
    """Return the demo journal's path: ``demo/journal.sqlite3`` beside the real journal.

    Args:
        journal: the real journal's path (default: ``EXBACK_HOME`` or the data folder).
    """
    return resolve_path(journal).parent / DEMO_FOLDER / FILE_NAME


def _clear_old(path: Path) -> None:
    """Remove a previous demo at ``path``; refuse the real journal or any non-demo file."""
    if path.resolve() == resolve_path(None).resolve():
        raise JournalError(texts.DEMO_NOT_REAL.format(path=path))
    if path.exists() and path.stat().st_size > 0:
        try:
            with Journal.open(path, backup=False) as old:
                is_demo = old.is_demo
        except JournalError:
            is_demo = False
        if not is_demo:
            raise JournalError(texts.DEMO_NOT_DEMO.format(path=path))
    for file in journal_files(path):
        file.unlink(missing_ok=True)


def make_demo(path: str | os.PathLike[str] | None = None, *, days: int = DEFAULT_DAYS,
              seed: int = DEFAULT_SEED, today: date | None = None) -> Path:
    """Create (or re-create) the demo journal; return its path.

    Args:
        path: where to write it (default :func:`demo_path`).
        days: how many days of entries, ending ``today`` (14 to 3650).
        seed: the same seed and ``today`` give the same entries.
        today: the last day (default and latest: the local date).

    Raises:
        JournalError: ``path`` is the real journal or a journal that is not a demo.
        ValidationError: ``days`` is out of range.
    """
    if isinstance(days, bool) or not isinstance(days, int) or not MIN_DAYS <= days <= MAX_DAYS:
        raise ValidationError(texts.BAD_VALUE.format(
            field="days", value=repr(days), allowed=texts.WHOLE_NUMBER.format(
                lo=MIN_DAYS, hi=MAX_DAYS)), field="days")
    target = Path(path) if path is not None else demo_path()
    _clear_old(target)
    last = min(today or date.today(), date.today())
    with Journal.open(target, backup=False) as journal:
        journal.set_setting(DEMO_JOURNAL_SETTING, True)
        _Story(days, seed, last).write(journal)
    return target


#: (share of the story, what didn't work, something pleasant next) for the clear-eyed list.
DEMO_CLEAR_EYED = (
    (0.15, "We stopped planning anything together.", "Cook something new"),
    (0.22, "Arguments about money went round in circles.", "Call my sister"),
    (0.3, "I felt I had to ask before seeing friends.", "A long walk by the river"),
    (0.4, "We rarely laughed in the last months.", "Watch a comedy"),
)

#: (share of the story, like/value/do, the note, before/new) for "Who am I now".
DEMO_SELF = (
    (0.2, "do", "Sunday swims", "before"),
    (0.35, "value", "Honesty, even when it's awkward", "before"),
    (0.6, "like", "Cooking for friends", "new"),
)

# --- the made-up story -----------------------------------------------------------------

class _Story:
    """Builds the demo's entries day by day from one seeded random generator."""

    def __init__(self, days: int, seed: int, last: date) -> None:
        self.days, self.last = days, last
        self.first = last - timedelta(days=days - 1)
        self.rng = random.Random(seed)
        # Its own generator, so the moving-on entries leave every other invented entry as it was.
        self.other_road = random.Random(f"{seed}-moving-on")
        self.now = datetime.now().astimezone()
        self.rows: dict[str, list[Mapping[str, object]]] = {}

    def day(self, share: float) -> date:
        return self.first + timedelta(days=round(share * (self.days - 1)))

    def at(self, day: date, hour: int, minute: int | None = None) -> datetime:
        minute = self.rng.randrange(60) if minute is None else minute
        return datetime.combine(day, time(hour, minute)).astimezone()

    def put(self, kind: str, when: datetime, **fields: Any) -> None:
        if when <= self.now:
            self.rows.setdefault(kind, []).append({"at": when, **fields})

    def write(self, journal: Journal) -> None:
        self.checkins()
        self.urges()
        self.contacts()
        self.scales()
        self.plans()
        self.answers()
        self.moving_on()
        for kind, rows in self.rows.items():
            journal.add_many(kind, rows)
        self.reviews(journal)

    # -- daily logs ------------------------------------------------------------------

    def mood(self, i: int, habits: list[str]) -> int:
        share = i / max(self.days - 1, 1)
        lapse = abs(i - round(0.30 * (self.days - 1))) <= 1
        value = 3.2 + 3.3 * share + self.rng.gauss(0, 0.9) - (1.5 if lapse else 0.0)
        value += sum(HABIT_TRENDS[h][2] for h in habits if h in HABIT_TRENDS)
        return max(1, min(10, round(value)))

    def checkins(self) -> None:
        for i in range(self.days):
            share, day = i / max(self.days - 1, 1), self.first + timedelta(days=i)
            for hour in (8, 21):
                if (hour == 8 and self.rng.random() < 0.08) or (
                        hour == 21 and self.rng.random() > 0.25):
                    continue
                habits = [h for h in DEFAULT_HABITS if self.rng.random() <
                          HABIT_TRENDS[h][0] + (HABIT_TRENDS[h][1] - HABIT_TRENDS[h][0]) * share]
                mood = self.mood(i, habits)
                self.put("checkins", self.at(day, hour), mood=mood,
                         energy=max(1, min(10, mood + self.rng.randint(-2, 2))),
                         sleep_hours=round(5.8 + 1.6 * share + self.rng.gauss(0, 0.6), 1),
                         habits=habits,
                         note=self.rng.choice(NOTES) if self.rng.random() < 0.2 else "")

    def urges(self) -> None:
        hours = [22, 23, 23, 0, 1, 21, 21, 20, 19, 18, 17, 13, 8, 7]
        lapse_day = self.day(0.30)
        for i in range(self.days):
            share, day = i / max(self.days - 1, 1), self.first + timedelta(days=i)
            count = sum(self.rng.random() < 2.2 * (1 - share) / 3 + 0.1 for _ in range(3))
            for _ in range(count):
                resisted = self.rng.random() > 0.1
                self.put("urges", self.at(day, self.rng.choice(hours)),
                         intensity=max(1, min(10, round(8 - 4 * share + self.rng.gauss(0, 1)))),
                         trigger=self.rng.choice(TRIGGERS), acted_on=not resisted,
                         helped=self.rng.choice(HELPED) if resisted else "")
        self.put("urges", self.at(lapse_day, 23, 5), intensity=9, trigger="late night",
                 acted_on=True, note="Sent the message; tomorrow is a new day.")

    def contacts(self) -> None:
        for share, hour, who, replied, logistics, channel, note in CONTACTS:
            self.put("contacts", self.at(self.day(share), hour, 40 if hour == 23 else None),
                     initiated_by=who, replied=replied, logistics=logistics, channel=channel,
                     note=note)

    def scales(self) -> None:
        # late import: pandas loads when the scales are made, not when the demo module is imported
        from exback_kit.domain.scales import ROSENBERG, score_rosenberg, score_who5

        for i in range(2, self.days, 14):
            level = 1.4 + 2.6 * i / self.days
            items = [max(0, min(5, round(level + self.rng.gauss(0, 0.7)))) for _ in range(5)]
            who5 = score_who5(items)
            self.put("instrument_results", self.at(self.first + timedelta(days=i), 20),
                     instrument="who5", items=list(who5.items), raw=who5.raw,
                     score=float(who5.percent))
        for i in range(4, self.days, 28):
            lift = 0.9 + 1.2 * i / self.days
            agree = [max(0, min(3, round(lift + self.rng.gauss(0, 0.5)))) for _ in ROSENBERG]
            items = [3 - a if item.reverse else a for a, item in zip(agree, ROSENBERG,
                                                                   strict=True)]
            ros = score_rosenberg(items)
            self.put("instrument_results", self.at(self.first + timedelta(days=i), 20, 30),
                     instrument="rosenberg", items=list(ros.answers), raw=ros.total,
                     score=float(ros.total))

    # -- plans, decisions and the rest -----------------------------------------------------

    def plans(self) -> None:
        start = self.day(0.04)
        self.put("nocontact_periods", self.at(start, 9, 0), start_day=start, target_days=45,
                 note="Forty-five days to think clearly.")
        self.put("decisions", self.at(self.day(0.12), 21), decision="not_sure",
                 reasons="Too raw to tell yet; I want the quiet first.")
        self.put("decisions", self.at(self.day(0.68), 20), decision="try_again",
                 reasons="We both changed, and the old arguments feel workable now.")
        self.put("signals", self.at(self.day(0.5), 19), source="a mutual friend",
                 what="Said they asked how I was doing.", warmth=4)
        self.put("patterns", self.at(self.day(0.35), 20), pattern="going quiet",
                 root="Afraid of conflict.", plan="Say one honest thing a day, kindly.")
        self.put("unsent", self.at(self.day(0.28), 23), text="I keep thinking about us.")
        self.put("unsent", self.at(self.day(0.45), 22), text="Do you remember the lake?")
        self.put("unsent", self.at(self.day(0.9), 21), text="Thanks for the coffee today.")
        self.put("reachouts", self.at(self.day(0.78), 18), plan="Coffee with friends around.",
                 expectation="A polite yes or a kind no.", why="To see how it feels.")
        self.put("meetings", self.at(self.day(0.86), 17), place="café by the park", felt=7,
                 their_engagement=6, light_topics=True, flirting="a_little",
                 flirt_landed="well")
        self.put("milestones", self.at(self.day(0.7), 20), title="Back to weekly climbing",
                 target_day=self.day(0.8), done_day=self.day(0.79))
        self.put("milestones", self.at(self.day(0.9), 20), title="A second coffee",
                 target_day=self.last + timedelta(days=14))
        self.put("old_habits", self.at(self.day(0.85), 20), habit="checking their profile")
        self.put("plans", self.at(self.day(0.5), 19), weekday="sat", start_time="22:00",
                 action="call my sister, then a film")

    def moving_on(self) -> None:
        """How much they were on your mind, a clear-eyed list and two checklist items."""
        rng = self.other_road
        for row in self.rows.get("checkins", []):
            if rng.random() < 0.7:
                when = row["at"]
                assert isinstance(when, datetime)
                share = (when.date() - self.first).days / max(self.days - 1, 1)
                row = dict(row)
                row["mind"] = max(0, min(10, round(8.5 - 5 * share + rng.gauss(0, 1.2))))
            self.rows.setdefault("_checkins", []).append(row)
        self.rows["checkins"] = self.rows.pop("_checkins", [])
        for share, what, pleasant in DEMO_CLEAR_EYED:
            before = 8 - round(3 * share)
            mood = 4 + round(2 * share)
            self.put("reappraisals", self.at(self.day(share), 20), what=what, pleasant=pleasant,
                     feelings_before=before, mood_before=mood,
                     feelings_after=before - rng.choice((0, 1, 1, 2)),
                     mood_after=min(10, mood + rng.choice((0, 1, 1, 2))),
                     after_at=self.at(self.day(share), 21))
        self.put("checklist_items", self.at(self.day(0.2), 19), checklist="devices",
                 item="Mute their chats", done_day=self.day(0.2))
        self.put("checklist_items", self.at(self.day(0.2), 19, 5), checklist="untangling",
                 item="Get my belongings back")
        for i in range(3, self.days, 7):  # "I know who I am apart from them", once a week
            lift = 3 + 5 * i / max(self.days - 1, 1)
            self.put("clarity_ratings", self.at(self.first + timedelta(days=i), 21, 0),
                     rating=max(0, min(10, round(lift + rng.gauss(0, 0.8)))))
        for share, about, item, since in DEMO_SELF:
            self.put("self_notes", self.at(self.day(share), 21, 10), about=about, item=item,
                     since=since)

    def answers(self) -> None:
        kit = content.load()
        when = {0: 0.0, 1: 0.05, 2: 0.1, 3: 0.5, 4: 0.33, 5: 0.36, 6: 0.4, 7: 0.45, 8: 0.25,
                9: 0.26, 10: 0.76}
        for step, share in when.items():
            for q in kit.step(step).questions:
                value = validate.answer(q, self.answer(q))
                self.put("answers", self.at(self.day(share), 19), step=step, question=q.id,
                         value=value)

    def answer(self, q: Any) -> object:
        if q.group == "boundaries":  # the demo walks the open road: every answer is no
            return "no"
        if q.type == "yesno":
            return self.rng.random() < 0.6
        if q.type == "date":
            return (self.first - timedelta(days=12)).isoformat()
        if q.type == "number":
            return 3
        if q.type == "scale":
            return round(((q.min or 1) + (q.max or 5)) / 2) + self.rng.choice((0, 1))
        if q.type == "single":
            return q.choices[0].id
        if q.type == "multi":
            return [c.id for c in q.choices[:2]]
        return TEXT_ANSWERS.get(q.id, texts.DEMO_ANSWER)

    def reviews(self, journal: Journal) -> None:
        """Give the unsent messages the statuses a person might pick after cooling off."""
        for row, status in zip(journal.records("unsent"), ("let_go", "still_want"),
                               strict=False):
            cooled = cooling_ends(row["at"], row["cooling_hours"])
            if cooled <= self.now:
                journal.update("unsent", row["id"], status=status, reviewed_at=cooled,
                               review_note="Glad I waited." if status == "let_go" else "")
