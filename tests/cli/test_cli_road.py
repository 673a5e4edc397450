"""The CLI's replies follow the road: an urge acted on or a contact after an order or a
boundaries yes never hears "it happens" or "a slip"."""

from __future__ import annotations

from pathlib import Path

import pytest

from exback_kit import Journal, content
from exback_kit.cli import main
from exback_kit.content import texts

BOUNDARIES = content.load().boundary_questions


def on_road(path: Path, answers: dict[str, str], decision: str | None = None) -> None:
    with Journal.open(path) as j:
        for q in BOUNDARIES:
            j.save_answer(0, q, answers.get(q, "no"))
        if decision:
            j.add("decisions", decision=decision)


@pytest.mark.parametrize(("answers", "decision", "expected"), [
    ({}, None, texts.URGE_SAVED_ACTED),
    ({"protective_order": "yes"}, None, texts.CONTACT_SAVED_ORDER),
    ({"no_contact_asked": "yes"}, None, texts.URGE_SAVED_ACTED_BY_ROAD["moving_on"]),
    ({}, "move_on", texts.URGE_SAVED_ACTED_BY_ROAD["moving_on"]),
])
def test_urge_acted_on_answers_for_the_road(tmp_path, capsys, answers, decision, expected):
    path = tmp_path / "j.sqlite3"
    on_road(path, answers, decision)
    assert main(["urge", "--journal", str(path), "--intensity", "6", "--acted-on"]) == 0
    out = capsys.readouterr().out
    assert expected in out and ("It happens" in out) is (not answers and not decision)


@pytest.mark.parametrize("logistics", [[], ["--logistics"]])
def test_a_contact_under_an_order_gets_the_orders_note(tmp_path, capsys, logistics):
    path = tmp_path / "j.sqlite3"
    on_road(path, {"protective_order": "not_sure"})
    assert main(["contact", "--journal", str(path), "--by", "me", *logistics]) == 0
    out = capsys.readouterr().out
    assert texts.CONTACT_SAVED_ORDER in out and "No-Contact streak" not in out
    with Journal.open(path) as j:
        assert bool(j.records("contacts")[0]["logistics"]) is bool(logistics)
