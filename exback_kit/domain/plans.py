"""If-then plans from the person's own urge pattern: risky windows, what helped, plan review.

Pure pandas over the typed frames of :meth:`exback_kit.store.Journal.table`:
``urges`` (``day`` is the local date and ``hour`` the local hour where the urge
was noted, so a window keeps its wall-clock time across time zones and daylight
saving), ``contacts`` and ``plans``. A *window* is a weekday and a 2-hour block
of the local clock (00:00–02:00 … 22:00–24:00). Blocks never straddle midnight:
an urge at 00:30 on a Sunday belongs to Sunday 00:00–02:00, not to Saturday night.

Everything here counts and never claims a cause: a plan or a helper is shown
beside the numbers, not credited with them.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from exback_kit.content import texts
from exback_kit.content.vocab import BLOCK_HOURS
from exback_kit.domain.nocontact import lapse_mask
from exback_kit.domain.timeline import as_day, up_to
from exback_kit.domain.urges import ranked_labels
from exback_kit.domain.windows import BLOCKS_A_DAY, Window, all_windows, describe, parse_when

__all__ = ["CONTACT_WITHIN", "MIN_URGES", "MIN_USES", "WINDOW_WEEKS", "Window", "active_plans",
           "all_windows", "contact_share", "describe", "followed_by_contact", "helped_sentences",
           "in_window", "parse_when", "plan_review", "planned_windows", "recent", "review_lines",
           "risky_windows", "suggestions", "what_helped", "window_lines"]

#: Risky windows look back this many weeks (up to and including today).
WINDOW_WEEKS = 8
#: A window counts as risky from this many urges in it.
MIN_URGES = 3
#: Something written under "what helped" is shown from this many uses.
MIN_USES = 3
#: Contact with the ex this soon after an urge counts as "followed by contact".
CONTACT_WITHIN = pd.Timedelta(hours=24)
#: How many suggestions an if-then plan offers.
MAX_SUGGESTIONS = 5


# --- risky windows ---------------------------------------------------------------------

def _keys(urges: pd.DataFrame) -> np.ndarray:
    weekday = urges["day"].dt.day_of_week.to_numpy(dtype="int64")
    hour = urges["hour"].to_numpy(dtype="int64")
    return weekday * BLOCKS_A_DAY + hour // BLOCK_HOURS


def recent(urges: pd.DataFrame, today: date | None = None, *,
           weeks: int = WINDOW_WEEKS) -> pd.DataFrame:
    """Return the urges of the last ``weeks`` weeks, today included (none later)."""
    end = as_day(today)
    df = up_to(urges, end)
    return df[(df["day"] > end - pd.Timedelta(weeks=weeks)).to_numpy()] if len(df) else df


def risky_windows(urges: pd.DataFrame, today: date | None = None, *,
                  weeks: int = WINDOW_WEEKS, least: int = MIN_URGES) -> pd.DataFrame:
    """Return the windows of the last ``weeks`` weeks with at least ``least`` urges, riskiest first.

    Columns: ``window`` (:class:`Window`), ``urges`` and ``let_pass`` (not acted on).
    Ranked by urges, then by urges acted on, then by the window's place in the week.
    """
    df = recent(urges, today, weeks=weeks)
    keys = _keys(df) if len(df) else np.zeros(0, dtype="int64")
    passed = ~df["acted_on"].to_numpy(dtype=bool) if len(df) else np.zeros(0, dtype=bool)
    size = len(all_windows())
    count = np.bincount(keys, minlength=size)
    let_pass = np.bincount(keys, weights=passed, minlength=size).astype("int64")
    frame = pd.DataFrame({"key": np.arange(size), "urges": count, "let_pass": let_pass})
    frame = frame[frame["urges"] >= least].assign(acted=lambda f: f["urges"] - f["let_pass"])
    frame = frame.sort_values(["urges", "acted", "key"], ascending=[False, False, True])
    windows = [Window.at_key(int(k)) for k in frame["key"]]
    return pd.DataFrame({"window": pd.Series(windows, dtype=object),
                         "urges": frame["urges"].to_numpy(dtype="int64"),
                         "let_pass": frame["let_pass"].to_numpy(dtype="int64")})


def window_lines(windows: pd.DataFrame, *, weeks: int = WINDOW_WEEKS) -> list[str]:
    """Return each risky window in words, e.g. "Saturdays 22:00–24:00: 12 urges in 8 weeks, …"."""
    return [texts.say(texts.PLAN_WINDOW_LINE, window=describe(w), urges=int(n), weeks=weeks,
                      let_pass=int(p))
            for w, n, p in zip(windows["window"], windows["urges"], windows["let_pass"],
                               strict=True)]


def in_window(urges: pd.DataFrame, window: Window) -> pd.Series:
    """Return True for each urge noted inside ``window`` (local weekday and hour)."""
    if urges.empty:
        return pd.Series([], dtype=bool, index=urges.index)
    return pd.Series(_keys(urges) == window.key, index=urges.index)


# --- what helped, honestly --------------------------------------------------------------------

def followed_by_contact(urges: pd.DataFrame, contacts: pd.DataFrame, *,
                        within: pd.Timedelta = CONTACT_WITHIN) -> pd.Series:
    """Return True for each urge followed by contact with the ex within ``within``.

    Contact is what breaks a No-Contact streak (:func:`~exback_kit.domain.nocontact.lapse_mask`):
    logistics never count. Moments are compared as moments, whatever the time zone.
    """
    reach = contacts["at"][lapse_mask(contacts).to_numpy()] if len(contacts) else contacts["at"]
    times = np.sort(reach.to_numpy(dtype="datetime64[ns]"))
    if urges.empty or not len(times):
        return pd.Series(False, dtype=bool, index=urges.index)
    start = urges["at"].to_numpy(dtype="datetime64[ns]")
    first = np.searchsorted(times, start, side="left")  # the first contact at or after each
    found = first < len(times)
    gap = times[np.minimum(first, len(times) - 1)] - start
    return pd.Series(found & (gap <= within.to_timedelta64()), index=urges.index)


def contact_share(urges: pd.DataFrame, contacts: pd.DataFrame,
                  today: date | None = None) -> tuple[int, int]:
    """Return (urges followed by contact within 24 hours, all urges) up to ``today``."""
    df = up_to(urges, as_day(today))
    return int(followed_by_contact(df, contacts).sum()), len(df)


def what_helped(urges: pd.DataFrame, contacts: pd.DataFrame, today: date | None = None, *,
                least: int = MIN_USES) -> pd.DataFrame:
    """Return each thing written under "what helped" that was used at least ``least`` times.

    Index ``label`` (case and spacing merged); columns ``uses``, ``let_pass`` (urges not
    acted on) and ``contact_after`` (urges followed by contact within 24 hours). Ranked
    by urges let pass, then by uses. Only counts: nothing says a helper made the difference.
    """
    df = up_to(urges, as_day(today))
    counted = ranked_labels(df["helped"], ~df["acted_on"].astype(bool),
                            contact_after=followed_by_contact(df, contacts))
    out = counted.rename(columns={"count": "uses", "resisted": "let_pass"})
    out = out[out["uses"] >= least]
    order = out.reset_index().sort_values(["let_pass", "uses", "label"],
                                          ascending=[False, False, True])
    return order.set_index("label")[["uses", "let_pass", "contact_after"]]


def helped_sentences(urges: pd.DataFrame, contacts: pd.DataFrame,
                     today: date | None = None) -> list[str]:
    """Return "what helped, honestly" in words: each thing with its counts, then the share of
    urges followed by contact within 24 hours (or what the list needs to show anything)."""
    helped = what_helped(urges, contacts, today)
    lines = [texts.say(texts.HELPED_ROW, label=label, uses=int(row["uses"]),
                       let_pass=int(row["let_pass"]), contact_after=int(row["contact_after"]))
             for label, row in helped.iterrows()]
    if helped.empty:
        lines.append(texts.HELPED_FEW.format(least=MIN_USES))
    followed, total = contact_share(urges, contacts, today)
    lines.append(texts.say(texts.HELPED_CONTACT, total=total, followed=followed,
                           share=round(100 * followed / total)) if total
                 else texts.HELPED_CONTACT_NONE)
    return lines


def suggestions(urges: pd.DataFrame, contacts: pd.DataFrame, today: date | None = None, *,
                most: int = MAX_SUGGESTIONS) -> tuple[list[str], bool]:
    """Return (ideas for a plan's "then", whether they are the person's own).

    The person's own first: what helped with at least 3 uses, then anything else they wrote
    under "what helped" for an urge they let pass. With none yet, the kit's few ideas.
    """
    every = what_helped(urges, contacts, today, least=1)
    shown = every["uses"].to_numpy() >= MIN_USES
    passed = every["let_pass"].to_numpy() > 0
    picked = [*every.index[shown], *every.index[~shown & passed]]
    if picked:
        return picked[:most], True
    return list(texts.PLAN_KIT_IDEAS)[:most], False


# --- plans and their review -----------------------------------------------------------------

def active_plans(plans: pd.DataFrame) -> pd.DataFrame:
    """Return the plans not ended, ordered by their window's place in the week."""
    if plans.empty:
        return plans.assign(window=pd.Series([], dtype=object))
    live = plans[plans["ended_at"].isna().to_numpy()]
    windows = [Window.stored(w, s) for w, s in zip(live["weekday"], live["start_time"],
                                                      strict=True)]
    out = live.assign(window=pd.Series(windows, index=live.index, dtype=object))
    return out.iloc[np.argsort([w.key for w in windows], kind="stable")]


def planned_windows(plans: pd.DataFrame) -> list[Window]:
    """Return the windows that have an active plan, in week order, each once."""
    return sorted(set(active_plans(plans)["window"]))


def plan_review(urges: pd.DataFrame, plans: pd.DataFrame, today: date | None = None, *,
                weeks: int = WINDOW_WEEKS) -> pd.DataFrame:
    """Return, per plan (index ``id``), the urges inside its window before and since it began.

    Columns: ``window``; ``before_urges``/``before_acted`` (the ``weeks`` weeks before the
    plan was made) and ``since_urges``/``since_acted`` (from then until it ended, or today);
    ``since_days`` (days covered since, counting the first). Counts only: no claim of a cause.
    """
    end = as_day(today)
    df = up_to(urges, end)
    keys = _keys(df) if len(df) else np.zeros(0, dtype="int64")
    at = df["at"].to_numpy(dtype="datetime64[ns]")
    acted = df["acted_on"].to_numpy(dtype=bool)
    span = np.timedelta64(7 * weeks, "D")
    rows = []
    for plan in plans.itertuples():
        window = Window.stored(plan.weekday, plan.start_time)
        began = plan.at.to_datetime64()
        stop = None if pd.isna(plan.ended_at) else plan.ended_at
        inside = keys == window.key
        before = inside & (at < began) & (at >= began - span)
        since = inside & (at >= began)
        if stop is not None:
            since &= at <= stop.to_datetime64()
        last = min(end, pd.Timestamp(stop.date()) if stop is not None else end)
        rows.append({"id": int(plan.id), "window": window,
                     "before_urges": int(before.sum()), "before_acted": int((before & acted).sum()),
                     "since_urges": int(since.sum()), "since_acted": int((since & acted).sum()),
                     "since_days": max(1, (last - plan.day).days + 1)})
    columns = ["window", "before_urges", "before_acted", "since_urges", "since_acted",
               "since_days"]
    if not rows:
        return pd.DataFrame({c: pd.Series([], dtype=object if c == "window" else "int64")
                             for c in columns}, index=pd.Index([], name="id", dtype="int64"))
    return pd.DataFrame(rows).set_index("id")[columns]


def review_lines(urges: pd.DataFrame, plans: pd.DataFrame, today: date | None = None) -> list[str]:
    """Return each plan's review in words, in the plans' order (see :func:`plan_review`)."""
    review = plan_review(urges, plans, today)
    return [texts.say(texts.PLANS_REVIEW, weeks=WINDOW_WEEKS, days=int(r.since_days),
                      before_acted=int(r.before_acted), before_urges=int(r.before_urges),
                      since_acted=int(r.since_acted), since_urges=int(r.since_urges))
            for r in review.loc[plans["id"].to_numpy()].itertuples()] if len(plans) else []
