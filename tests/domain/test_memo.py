"""A result kept per set of frames is worked out once for those very frames, again for any
new frame or key, and the memo stays bounded."""

from __future__ import annotations

import gc
from datetime import date

import pandas as pd

from exback_kit import content
from exback_kit.domain import memo, roads

TODAY = date(2025, 3, 20)


def counting() -> tuple[memo.FrameMemo[int], list[int]]:
    return memo.FrameMemo(size=2), []


def test_same_frames_and_key_work_it_out_once():
    kept, calls = counting()
    a, b = pd.DataFrame({"x": [1]}), pd.DataFrame({"x": [2]})
    for _ in range(3):
        assert kept.get([a, b], "k", lambda: calls.append(1) or len(calls)) == 1
    assert kept.made == 1


def test_a_new_frame_or_another_key_works_it_out_again():
    kept, calls = counting()
    a = pd.DataFrame({"x": [1]})
    kept.get([a], "k", lambda: calls.append(1))
    kept.get([a.copy()], "k", lambda: calls.append(2))  # equal content, another frame
    kept.get([a], "other", lambda: calls.append(3))
    assert calls == [1, 2, 3]


def test_a_freed_frame_whose_id_comes_back_is_not_mistaken_for_it():
    kept = memo.FrameMemo[str]()
    frame = pd.DataFrame({"x": [1]})
    kept.get([frame], "k", lambda: "old")
    ids, (refs, _) = next(iter(kept.entries.items()))
    del frame
    gc.collect()
    assert refs[0]() is None  # held weakly: the memo kept nothing alive
    stranger = pd.DataFrame({"x": [9]})
    kept.entries[(id(stranger), "k")] = kept.entries.pop(ids)  # as if the id were reused
    assert kept.get([stranger], "k", lambda: "new") == "new"


def test_it_keeps_at_most_its_size():
    kept, _ = counting()
    frames = [pd.DataFrame({"x": [i]}) for i in range(5)]
    for f in frames:
        kept.get([f], "k", lambda: 0)
    assert len(kept.entries) == 2


def test_journey_rows_are_worked_out_once_per_set_of_tables(journal):
    tables = journal.tables()
    before = roads.ROWS.made
    first = roads.journey_rows(tables, TODAY, kit=content.load())
    first.loc[first.index[0], "steps_answered"] = 99  # the caller's copy, not the kept one
    again = roads.journey_rows(tables, TODAY, kit=content.load())
    assert roads.ROWS.made == before + 1
    assert again.loc[again.index[0], "steps_answered"] != 99
    journal.save_answer(9, "moment_plan", "a walk", at="2025-03-02T09:00")
    after = roads.journey_rows(journal.tables(), TODAY, kit=content.load())
    assert roads.ROWS.made == before + 2
    assert not after.equals(again)
