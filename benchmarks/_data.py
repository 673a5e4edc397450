"""Ten years of synthetic journal data for the benchmarks, written fast with add_many.

    from benchmarks._data import fill_years
    counts = fill_years(journal)      # ≈ 3,650 days, ≥ 7,000 check-ins, ≥ 5,000 urges

Everything is seeded, so two runs write the same entries (relative to ``today``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import numpy as np

from exback_kit import content
from exback_kit.content.vocab import DEFAULT_HABITS
from exback_kit.store import Journal

TRIGGERS = ("late night", "a song", "old photos", "weekend alone", "saw their friend",
            "after a drink", "anniversary", "boredom", "their post")
HELPED = ("went for a walk", "called a friend", "wrote it in the vault", "breathing",
          "made tea", "read the list of reasons", "went to bed", "")
CHANNELS = ("text", "call", "in_person", "social_media", "email")
DECISIONS = ("try_again", "not_sure", "move_on")


def _moment(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def _days(n: int, today: date) -> list[date]:
    return [today - timedelta(days=n - 1 - i) for i in range(n)]


def _checkins(days: list[date], rng: np.random.Generator) -> list[dict[str, Any]]:
    drift = np.cumsum(rng.normal(0, 0.25, len(days)))
    base = np.clip(5.5 + 2.0 * np.sin(drift / 6), 1.5, 9.5)
    rows = []
    for i, day in enumerate(days):
        for hour in (8, 21):
            if rng.random() < 0.02:
                continue
            picks = [h for h in DEFAULT_HABITS if rng.random() < 0.3]
            rows.append({"at": _moment(day, hour, int(rng.integers(0, 60))),
                         "mood": int(np.clip(round(base[i] + rng.normal(0, 1.2)), 1, 10)),
                         "energy": int(rng.integers(1, 11)),
                         "sleep_hours": round(float(rng.normal(7, 1.1)), 1) if hour == 8 else None,
                         "habits": picks})
    return rows


def _urges(days: list[date], rng: np.random.Generator) -> list[dict[str, Any]]:
    hours = np.array([1, 1, 1, 0.5, 0.2, 0.1, 0.2, 0.5, 0.6, 0.6, 0.7, 0.8, 1, 0.8, 0.8, 0.9,
                      1, 1.2, 1.5, 1.8, 2.2, 2.6, 3.0, 2.2])
    hours = hours / hours.sum()
    rows = []
    for day in days:
        for _ in range(int(rng.poisson(1.45))):
            rows.append({"at": _moment(day, int(rng.choice(24, p=hours)), int(rng.integers(60))),
                         "intensity": int(rng.integers(1, 11)),
                         "trigger": str(rng.choice(TRIGGERS)),
                         "acted_on": bool(rng.random() < 0.15),
                         "helped": str(rng.choice(HELPED))})
    return rows


def _contacts(days: list[date], rng: np.random.Generator) -> list[dict[str, Any]]:
    rows = []
    for day in days:
        if rng.random() < 0.1:
            rows.append({"at": _moment(day, int(rng.integers(8, 23)), int(rng.integers(60))),
                         "initiated_by": "me" if rng.random() < 0.4 else "them",
                         "channel": str(rng.choice(CHANNELS)),
                         "replied": bool(rng.random() < 0.5),
                         "logistics": bool(rng.random() < 0.3)})
    return rows


def _scales(days: list[date], rng: np.random.Generator) -> list[dict[str, Any]]:
    rows = []
    for i, day in enumerate(days):
        if i % 14 == 3:
            items = [int(x) for x in rng.integers(0, 6, 5)]
            rows.append({"at": _moment(day, 19, 0), "instrument": "who5", "items": items,
                         "raw": sum(items), "score": float(sum(items) * 4)})
        if i % 30 == 5:
            items = [int(x) for x in rng.integers(0, 4, 10)]
            rows.append({"at": _moment(day, 19, 30), "instrument": "rosenberg", "items": items,
                         "raw": sum(items), "score": round(sum(items) / 30 * 100, 1)})
    return rows


def _rare(days: list[date], rng: np.random.Generator) -> dict[str, list[dict[str, Any]]]:
    kit = content.load()
    periods, decisions, answers, unsent = [], [], [], []
    for i, day in enumerate(days):
        if i % 180 == 0:
            periods.append({"at": _moment(day, 9, 0), "start_day": day,
                            "target_days": int(rng.choice([21, 30, 45, 60]))})
        if i % 120 == 10:
            decisions.append({"at": _moment(day, 20, 0), "decision": str(rng.choice(DECISIONS)),
                              "reasons": "Thinking it over."})
        if i % 9 == 1:
            step = int(rng.integers(0, 19))
            ids = [q.id for q in kit.step(step).questions]
            answers.append({"at": _moment(day, 18, 0), "step": step,
                            "question": str(rng.choice(ids)), "value": "an answer"})
        if i % 40 == 7:
            unsent.append({"at": _moment(day, 23, 0), "text": "A message I did not send."})
    return {"nocontact_periods": periods, "decisions": decisions, "answers": answers,
            "unsent": unsent}


def fill_years(journal: Journal, *, years: int = 10, seed: int = 1,
               today: date | None = None) -> dict[str, int]:
    """Write ``years`` years of seeded synthetic entries ending ``today``; return counts.

    Moments after the current time are dropped (the journal refuses the future).
    """
    today = today or date.today()
    days = _days(365 * years, today)
    rng = np.random.default_rng(seed)
    kinds = {"checkins": _checkins(days, rng), "urges": _urges(days, rng),
             "contacts": _contacts(days, rng), "instrument_results": _scales(days, rng),
             **_rare(days, rng)}
    now = datetime.now().astimezone()
    counts = {}
    for kind, rows in kinds.items():
        rows = [r for r in rows if r["at"] <= now]
        journal.add_many(kind, rows)
        counts[kind] = len(rows)
    return counts


def ten_year_home(folder: Any) -> tuple[dict[str, str], dict[str, int]]:
    """Fill ``folder``/home/journal.sqlite3 with ten years; return a kernel's environment
    for it (``EXBACK_HOME``, a private ``XDG_DATA_HOME``, bytecode cache on) and the counts."""
    import os
    from pathlib import Path

    home = Path(folder) / "home"
    with Journal.open(home / "journal.sqlite3") as journal:
        counts = fill_years(journal)
    print("journal: " + ", ".join(f"{k} {n}" for k, n in counts.items() if n))
    env = dict(os.environ, EXBACK_HOME=str(home), XDG_DATA_HOME=str(Path(folder) / "xdg"))
    env.pop("EXBACK_JOURNAL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env, counts


def ten_year_journal(path: Any, *, seed: int = 1, today: date | None = None) -> Journal:
    """Create a journal at ``path`` holding ten years of data; return it open."""
    journal = Journal.open(path, backup=False)
    fill_years(journal, seed=seed, today=today)
    return journal
