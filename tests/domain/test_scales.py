"""WHO-5 and Rosenberg scoring against hand-worked examples, and the safety message."""

from __future__ import annotations

import random
from datetime import date

import pytest

from exback_kit import ValidationError
from exback_kit.content.instruments import Contact, default_contacts
from exback_kit.domain import scales
from exback_kit.domain.safety import crisis_contacts, safety_message
from exback_kit.domain.scales import (
    ROSENBERG,
    WHO5,
    meaningful_change,
    score_rosenberg,
    score_who5,
)


def test_item_lists_match_the_published_scales():
    assert len(WHO5) == 5 and WHO5[0].text.startswith("I have felt cheerful")
    assert len(ROSENBERG) == 10
    reversed_items = [i + 1 for i, item in enumerate(ROSENBERG) if item.reverse]
    assert reversed_items == [2, 5, 6, 8, 9]
    assert "Topp" in scales.WHO5_INFO.credit
    assert "1965" in scales.ROSENBERG_INFO.credit
    assert "1989" in scales.ROSENBERG_INFO.credit


# --- WHO-5 ----------------------------------------------------------------------

@pytest.mark.parametrize("answers, raw, percent, band", [
    ([5, 5, 5, 5, 5], 25, 100, "good"),
    ([0, 0, 0, 0, 0], 0, 0, "low"),
    ([2, 1, 2, 1, 1], 7, 28, "low"),      # 7 × 4 = 28: the edge of the low band
    ([2, 2, 2, 1, 1], 8, 32, "middle"),
    ([3, 2, 3, 2, 2], 12, 48, "middle"),
    ([3, 3, 2, 2, 3], 13, 52, "good"),    # 13 × 4 = 52: just above 50
    ([3, 3, 3, 2, 2], 13, 52, "good"),
    ([4, 3, 4, 3, 4], 18, 72, "good"),
])
def test_who5_raw_percent_and_band(answers, raw, percent, band):
    result = score_who5(answers)
    assert (result.raw, result.percent, result.band) == (raw, percent, band)


def test_who5_band_edges():
    assert [scales.who5_band(p) for p in (28, 29, 50, 51)] == [
        "low", "middle", "middle", "good"]


def test_who5_by_item_id_equals_by_order():
    ids = [i.id for i in WHO5]
    answers = [4, 2, 5, 1, 3]
    shuffled = dict(reversed(list(zip(ids, answers, strict=True))))
    assert score_who5(shuffled) == score_who5(answers)


@pytest.mark.parametrize("answers, triggers", [
    ([1, 1, 2, 2, 1], ("percent", "raw", "item")),   # raw 7 = 28 %, items at 1
    ([2, 2, 3, 2, 3], ("raw",)),                      # raw 12 = 48 %, no item below 2
    ([5, 5, 5, 5, 0], ("item",)),                     # raw 20 = 80 %, one item at 0
    ([4, 4, 4, 1, 4], ("item",)),                     # one item at 1
    ([2, 2, 2, 2, 2], ("raw",)),                      # raw 10
])
def test_safety_triggers_at_each_condition(answers, triggers):
    result = score_who5(answers)
    assert result.needs_care
    assert result.triggers == triggers


@pytest.mark.parametrize("answers", [[3, 3, 3, 2, 2], [2, 2, 3, 3, 3], [5, 5, 5, 5, 5],
                                     [2, 3, 2, 3, 3]])
def test_no_safety_message_without_a_trigger(answers):
    result = score_who5(answers)
    assert result.raw >= 13 and min(answers) >= 2
    assert not result.needs_care and result.triggers == ()


@pytest.mark.parametrize("bad, field", [
    ([5, 5, 5, 5], "items"),
    ([5, 5, 5, 5, 6], "interest"),
    ([5, 5, None, 5, 5], "active"),
    ([5, True, 5, 5, 5], "calm"),
    ({"cheerful": 1, "joy": 2}, "joy"),
    ({"cheerful": 1}, "calm"),
])
def test_who5_refuses_incomplete_or_out_of_range_answers(bad, field):
    with pytest.raises(ValidationError) as err:
        score_who5(bad)
    assert err.value.field == field


@pytest.mark.parametrize("a, b, meaningful", [(40, 50, True), (50, 40, True), (40, 48, False),
                                              (0, 100, True), (52, 52, False)])
def test_meaningful_change_is_ten_points(a, b, meaningful):
    assert meaningful_change(a, b) is meaningful


def test_meaningful_change_accepts_results():
    assert meaningful_change(score_who5([2, 2, 2, 2, 2]), score_who5([3, 3, 3, 2, 2]))
    assert not meaningful_change(score_who5([2, 2, 2, 2, 2]), score_who5([3, 2, 2, 2, 2]))


# --- Rosenberg ------------------------------------------------------------------

# Agreement answers: 3 strongly agree, 2 agree, 1 disagree, 0 strongly disagree.
ROS_IDS = [i.id for i in ROSENBERG]


@pytest.mark.parametrize("answers, total", [
    ([3, 0, 3, 3, 0, 0, 3, 0, 0, 3], 30),   # agrees with every positive, rejects every negative
    ([0, 3, 0, 0, 3, 3, 0, 3, 3, 0], 0),
    ([2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 15),   # five items 2, five reversed to 1
    # positives (1,3,4,7,10) = 2+3+2+2+1 = 10; negatives reversed (2,5,6,8,9):
    # 3-1, 3-0, 3-2, 3-2, 3-0 = 2+3+1+1+3 = 10; total 20.
    ([2, 1, 3, 2, 0, 2, 2, 2, 0, 1], 20),
])
def test_rosenberg_totals(answers, total):
    assert score_rosenberg(answers).total == total


def test_rosenberg_reverses_by_item_not_position():
    # Same answers, given by id in a different order. Reversing by position
    # (2, 5, 6, 8, 9 of whatever arrives) would reverse the wrong statements.
    order = ["satisfied", "good_qualities", "as_well_as_others", "worth", "positive",
             "no_good", "not_proud", "useless", "more_respect", "failure"]
    given = dict(zip(order, [3, 3, 3, 3, 3, 0, 0, 0, 0, 0], strict=True))
    by_id = score_rosenberg(given).total
    by_position = sum(3 - v if pos in (1, 4, 5, 7, 8) else v
                      for pos, v in enumerate(given.values()))
    assert by_id == 30
    assert by_position != by_id
    scores = dict(score_rosenberg(given).item_scores)
    assert scores["failure"] == 3 and scores["satisfied"] == 3


def test_rosenberg_result_keeps_answers_in_published_order():
    given = {item_id: i % 4 for i, item_id in enumerate(reversed(ROS_IDS))}
    result = score_rosenberg(given)
    assert result.answers == tuple(given[i] for i in ROS_IDS)


def test_rosenberg_random_answers_stay_in_range():
    rng = random.Random(7)
    for _ in range(200):
        answers = [rng.randint(0, 3) for _ in range(10)]
        total = score_rosenberg(answers).total
        expected = sum(3 - a if item.reverse else a
                       for a, item in zip(answers, ROSENBERG, strict=True))
        assert total == expected and 0 <= total <= 30


def test_rosenberg_has_no_labels():
    result = score_rosenberg([2] * 10)
    assert not hasattr(result, "band") and not hasattr(result, "label")


def test_rosenberg_refuses_a_fourth_level_beyond_three():
    with pytest.raises(ValidationError) as err:
        score_rosenberg([4] + [2] * 9)
    assert err.value.field == "satisfied"


# --- saving and the safety message -------------------------------------------------

def test_result_values_hold_items_raw_and_score():
    values, who5 = scales.result_values("who5", [3, 2, 3, 2, 2])
    assert values == {"instrument": "who5", "items": [3, 2, 3, 2, 2], "raw": 12, "score": 48.0}
    assert who5.percent == 48
    values, ros = scales.result_values("rosenberg", [2, 1, 3, 2, 0, 2, 2, 2, 0, 1])
    assert values["raw"] == 20 and values["score"] == 20.0 and ros.total == 20


def test_result_values_refuse_an_incomplete_scale():
    with pytest.raises(ValidationError):
        scales.result_values("who5", [3, 2, 3, 2])


def test_latest_who5_reads_back_the_newest_and_earlier(journal):
    assert scales.latest_who5(journal.table("instrument_results")) is None
    journal.save_scale("who5", [1, 1, 1, 1, 1], at="2026-01-01T09:00")
    journal.save_scale("rosenberg", [2] * 10, at="2026-01-02T09:00")
    journal.save_scale("who5", [4, 4, 4, 4, 4], at="2026-01-15T09:00")
    results = journal.table("instrument_results")
    latest = scales.latest_who5(results)
    assert latest.result.percent == 80 and str(latest.day) == "2026-01-15"
    assert scales.latest_who5(results, skip=1).result.percent == 20
    assert scales.latest_who5(results, date(2026, 1, 10)).result.percent == 20
    assert scales.next_who5_day(results, date(2026, 1, 16)) == date(2026, 1, 29)
    assert scales.next_who5_day(results, date(2026, 3, 1)) == date(2026, 3, 1)


def test_safety_message_lists_defaults_marked_for_country_check():
    text = safety_message(crisis_contacts(None))
    defaults = default_contacts()
    assert len(defaults) >= 3
    for c in defaults:
        assert f"{c.name}: {c.detail} (check this is right for your country)" in text
    assert "diagnos" in text  # says it is not a diagnosis


def test_safety_message_uses_saved_contacts_without_the_mark():
    text = safety_message(crisis_contacts([{"name": "My sister", "detail": "0123 456"}]))
    assert "My sister: 0123 456" in text
    assert "check this is right" not in text
    assert default_contacts()[0].name not in text


def test_safety_message_from_a_list_and_from_nothing():
    assert "Dr Lee: 555" in safety_message([Contact("Dr Lee", "555")])
    assert "emergency number" in safety_message([])


def test_safety_message_never_uses_clinical_labels():
    text = safety_message(crisis_contacts(None)).lower()
    for word in ("depress", "disorder", "illness", "symptom"):
        assert word not in text
