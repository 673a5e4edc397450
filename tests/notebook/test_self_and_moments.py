"""Who am I now (notes, the weekly clarity question, the we/I switch) and the "when it happens"
cards: saved, found again, escaped, following the road, and the hard dates in the calendar."""

from __future__ import annotations

import html
from datetime import date, timedelta
from pathlib import Path

import pytest

from exback_kit import Journal, stages
from exback_kit.content import texts
from exback_kit.content.moments import load_moments
from exback_kit.interchange.reminders import build_calendar, next_yearly
from exback_kit.notebook.moments import moments_cards
from exback_kit.notebook.self_forms import clarity_form, self_form, we_i_form
from exback_kit.store.settings import WE_I_SETTING

from .road_answers import REACHING_OUT, answer
from .widget_tree import having, raw_text, words

# --- who am I now ---------------------------------------------------------------------------

def test_a_note_on_yourself_is_saved_and_listed_escaped(journal: Journal) -> None:
    form = self_form(journal)
    form.fields["about"].value = "value"
    form.fields["item"].value = "honesty <script>x</script>"
    form.fields["since"].value = "new"
    form.save_button.click()
    [row] = journal.records("self_notes")
    assert (row["about"], row["item"], row["since"]) == ("value", "honesty <script>x</script>",
                                                        "new")
    shown = form.result.value
    assert "<script>" not in shown and "honesty &lt;script&gt;x&lt;/script&gt; (new)" in shown
    assert texts.SELF_LIST_HEADINGS["value"] in shown
    again = self_form(journal)  # opened again: the list is there
    assert "honesty &lt;script&gt;" in again.result.value


def test_a_note_without_its_kind_names_the_field_and_saves_nothing(journal: Journal) -> None:
    form = self_form(journal)
    form.fields["item"].value = "Sunday swims"
    form.save_button.click()
    assert journal.count("self_notes") == 0
    assert "about" in form.errors["about"].value


def test_clarity_is_asked_at_most_once_a_week(journal: Journal) -> None:
    form = clarity_form(journal)
    form.fields["rating"].value = 4
    form.save_button.click()
    assert [r["rating"] for r in journal.records("clarity_ratings")] == [4]
    today = date.today()
    soon = clarity_form(journal, today=today + timedelta(days=6))
    assert "rating" not in soon.fields
    assert f"It asks again from {today + timedelta(days=7)}" in words(soon)
    later = clarity_form(journal, today=today + timedelta(days=7))
    assert "rating" in later.fields


def test_skipping_the_clarity_question_saves_nothing(journal: Journal) -> None:
    form = clarity_form(journal)
    form.save_button.click()
    assert journal.count("clarity_ratings") == 0


def test_we_and_i_counts_are_off_until_turned_on(mine: Journal) -> None:
    mine.add_checkin(mood=5, note="We went out and I laughed.")
    form = we_i_form(mine)
    assert mine.get_setting(WE_I_SETTING) is None and not form.fields["on"].value
    assert not having(form, "exback-chart-we_i")
    form.fields["on"].value = True  # the switch acts at once
    assert mine.get_setting(WE_I_SETTING) is True
    [chart] = having(form, "exback-chart-we_i")
    summary = words(chart)
    assert "1 “we”, 1 “I”" in summary
    assert "not a measure of you" in summary and "other languages are left uncounted" in summary
    form.fields["on"].value = False
    assert mine.get_setting(WE_I_SETTING) is False and not having(form, "exback-chart-we_i")


def test_only_the_switch_is_stored_for_we_and_i(mine: Journal) -> None:
    before = {k: mine.count(k) for k in ("checkins", "self_notes", "clarity_ratings")}
    form = we_i_form(mine)
    form.fields["on"].value = True
    assert {k: mine.count(k) for k in before} == before


@pytest.mark.parametrize("stage_id", ["03_rebuilding_you", "09_moving_on"])
def test_who_am_i_is_in_03_and_09_with_its_chart(mine: Journal, stage_id: str) -> None:
    part = stages.section(stage_id, "who_am_i")
    assert having(part, "exback-self") and having(part, "exback-clarity")
    assert "clarity" in stages.LAYOUTS[stage_id].charts
    assert "Slotter, Gardner & Finkel, 2010" in words(part)


# --- when it happens ------------------------------------------------------------------------

def test_a_cards_plan_is_saved_and_found_again(mine: Journal) -> None:
    cards = moments_cards(mine).cards
    card = cards["running_into"]
    card.fields["plan"].value = "Walk to the café <b>next door</b>, text Jo"
    card.save_button.click()
    assert card.message == texts.MOMENTS_SAVED
    again = moments_cards(mine).cards["running_into"]
    assert again.fields["plan"].value == "Walk to the café <b>next door</b>, text Jo"
    card.fields["plan"].value = "Leave, call Jo"
    card.save_button.click()
    assert moments_cards(mine).cards["running_into"].fields["plan"].value == "Leave, call Jo"


def test_a_dated_plan_needs_its_day_then_is_listed_escaped(mine: Journal) -> None:
    card = moments_cards(mine).cards["dates"]
    card.fields["occasion"].value = "anniversary"
    card.fields["plan"].value = "Dinner with <i>Sam</i>"
    card.save_button.click()
    assert mine.count("moment_plans") == 0
    assert texts.MOMENTS_NEEDS_DAY in html.unescape(card.errors["occasion_day"].value)
    card.fields["occasion_day"].value = date(2025, 3, 14)
    card.save_button.click()
    [row] = mine.records("moment_plans")
    assert (row["occasion"], row["occasion_day"]) == ("anniversary", date(2025, 3, 14))
    shown = raw_text(moments_cards(mine).cards["dates"])
    assert "an anniversary, 2025-03-14: Dinner with &lt;i&gt;Sam&lt;/i&gt;" in shown


def test_needed_contact_is_logged_as_logistics(mine: Journal) -> None:
    card = moments_cards(mine).cards["needed_contact"]
    [box] = having(card, "exback-logistics")
    box.who.value = "them"
    box.note.value = "pick-up moved to 5pm"
    box.button.click()
    [row] = mine.records("contacts")
    assert (row["initiated_by"], row["logistics"], row["note"]) == ("them", True,
                                                                    "pick-up moved to 5pm")
    assert texts.MOMENTS_LOGISTICS_SAVED in words(box)


@pytest.mark.parametrize("road", [{"no_contact_asked": "yes"}, {"protective_order": "yes"},
                                  {"said_no_reunion": "not_sure"}])
def test_off_the_open_road_no_card_speaks_of_reaching_out(mine: Journal,
                                                          road: dict[str, str]) -> None:
    answer(mine, **road)
    said = words(moments_cards(mine))
    assert not REACHING_OUT.search(said), REACHING_OUT.search(said)
    assert REACHING_OUT.search(words(moments_cards_open(mine)))


def moments_cards_open(journal: Journal) -> object:
    answer(journal)
    return moments_cards(journal)


def test_under_an_order_the_cards_put_safety_and_the_order_first(mine: Journal) -> None:
    answer(mine, protective_order="yes")
    cards = moments_cards(mine).cards
    assert "emergency number" in words(cards["running_into"])
    assert "the way the order allows" in words(cards["needed_contact"])


def test_every_card_has_words_for_every_road() -> None:
    for card in load_moments():
        assert card.variants["open"].strip() and card.variants["default"].strip()
        assert card.variants["unanswered"] == card.variants["default"]  # never the open road's


def set_road(journal: Journal, road: str) -> None:
    """Put ``journal`` on ``road`` the way a person would: boundaries answers, a decision."""
    if road == "unanswered":
        journal.save_answer(0, "no_contact_asked", "no")  # the rest not answered yet
    elif road == "decision":
        answer(journal)
        journal.add("decisions", decision="move_on")
    else:
        answer(journal, **{"harm": {"harm_or_control": "yes"},
                           "order": {"protective_order": "not_sure"},
                           "boundaries": {"no_contact_asked": "yes"}, "open": {}}[road])


#: Words about contact that only the open road's cards may say.
OPEN_ROAD_ONLY = ("friendly hello", "still want to", "get in touch", "getting in touch",
                  "decision journal")


@pytest.mark.parametrize("road", ["unanswered", "harm", "order", "decision", "boundaries"])
def test_only_the_open_road_cards_speak_of_contact(mine: Journal, road: str) -> None:
    """Before: the unanswered road got the open road's "A short, friendly hello is plenty"."""
    set_road(mine, road)
    said = words(moments_cards(mine)).lower()
    assert [p for p in OPEN_ROAD_ONLY if p in said] == []
    assert not REACHING_OUT.search(said), REACHING_OUT.search(said)


def test_the_open_road_cards_keep_their_words(mine: Journal) -> None:
    set_road(mine, "open")
    said = words(moments_cards(mine)).lower()
    assert "friendly hello" in said and "getting in touch" in said
    assert not having(moments_cards(mine), "exback-moment-safety")


@pytest.mark.parametrize("road", ["harm", "order"])
def test_after_harm_or_an_order_the_cards_put_safety_first(mine: Journal, road: str) -> None:
    """Before: after violence without an order the cards said "a nod ... is enough" and
    "never counts against your No-Contact days", with no safety contacts."""
    set_road(mine, road)
    cards = moments_cards(mine).cards
    running, needed = words(cards["running_into"]), words(cards["needed_contact"])
    assert "emergency number" in running and "a nod" not in running
    assert "No-Contact" not in needed and "Some contact has to happen" not in needed
    for card in ("running_into", "needed_contact"):
        [box] = having(cards[card], "exback-moment-safety")
        assert texts.GATE_SAFETY_HEADING in words(box)
    [logistics] = having(cards["needed_contact"], "exback-logistics")
    logistics.who.value = "them"
    logistics.button.click()
    assert mine.count("contacts") == 1
    assert "streak" not in words(logistics) and "Logged" in words(logistics)


@pytest.mark.parametrize("road", ["unanswered", "decision", "boundaries"])
def test_without_harm_the_cards_show_no_safety_box_and_the_moving_on_words(
        mine: Journal, road: str) -> None:
    set_road(mine, road)
    cards = moments_cards(mine).cards
    assert not having(cards["running_into"], "exback-moment-safety")
    assert "never counts against" not in words(cards["needed_contact"])


def test_the_hard_dates_go_into_the_calendar_with_the_plan_and_no_name(mine: Journal) -> None:
    ex = "Alex"  # the ex's name, written elsewhere in the journal
    mine.add_checkin(mood=3, note=f"{ex} posted again")
    mine.add("unsent", text=f"Dear {ex}, …")
    mine.add("moment_plans", moment="someone_new", plan=f"if {ex} has someone, call Jo")
    mine.add("moment_plans", moment="dates", occasion="birthday", occasion_day="2024-02-29",
             plan="Cinema with Jo; phone off")
    mine.add("moment_plans", moment="dates", occasion="anniversary", occasion_day="2025-03-14",
             plan="Old plan")
    mine.add("moment_plans", moment="dates", occasion="anniversary", occasion_day="2025-03-14",
             plan="Dinner with Sam")
    ics = build_calendar(mine, today=date(2026, 12, 7)).decode("utf-8").replace("\r\n ", "")
    events = [e for e in ics.split("BEGIN:VEVENT") if "UID:moment-" in e]
    assert len(events) == 2  # one per kind of day: the latest plan for the anniversary
    assert ex not in ics and "Old plan" not in ics
    birthday = next(e for e in events if "moment-birthday" in e)
    assert "DTSTART;VALUE=DATE:20270228" in birthday and "RRULE:FREQ=YEARLY" in birthday
    assert "SUMMARY:A day that may be hard" in birthday
    assert "DESCRIPTION:The plan you wrote for this day: Cinema with Jo\\; phone off" in birthday
    assert "TRIGGER:-PT4H" in birthday  # the evening before
    anniversary = next(e for e in events if "moment-anniversary" in e)
    assert "DTSTART;VALUE=DATE:20270314" in anniversary and "Dinner with Sam" in anniversary


@pytest.mark.parametrize(("day", "today", "expected"), [
    (date(2025, 3, 14), date(2026, 3, 14), date(2026, 3, 14)),
    (date(2025, 3, 14), date(2026, 3, 15), date(2027, 3, 14)),
    (date(2024, 2, 29), date(2026, 1, 1), date(2026, 2, 28)),
])
def test_a_yearly_date_comes_round_on_or_after_today(day: date, today: date,
                                                     expected: date) -> None:
    assert next_yearly(day, today) == expected


def test_04_links_to_the_cards_in_09(mine: Journal) -> None:
    part = stages.section("04_holding_steady", "ride_it_out")
    assert 'href="09_moving_on.ipynb"' in raw_text(part)
    assert having(stages.section("09_moving_on", "when_it_happens"), "exback-moments")


def test_the_we_and_i_chart_reaches_the_report_only_when_turned_on(journal: Journal) -> None:
    from exback_kit.report.pdf import plan_pages
    from exback_kit.store.reads import load_tables

    def charts_in_report() -> list[str]:
        pages = plan_pages(journal, load_tables(journal), (), date(2026, 12, 7))
        return [n for page in pages if page.args for n in page.args[0]
                if isinstance(page.args[0], list)]

    assert "we_i" not in charts_in_report() and "clarity" in charts_in_report()
    journal.set_setting(WE_I_SETTING, True)
    assert "we_i" in charts_in_report()


def test_a_locked_journals_calendar_says_where_the_plan_is_not_what_it_says(
        tmp_path: Path) -> None:
    """A calendar syncs and shows on lock screens, where the journal's lock can't follow."""
    from exback_kit.store import locking

    path = tmp_path / "journal.sqlite3"
    with Journal.open(path, backup=False) as j:
        j.add("moment_plans", moment="dates", occasion="birthday", occasion_day="2024-02-29",
              plan="Cinema with Jo\rphone off")
    with Journal.open(path, backup=False) as j:
        plain = build_calendar(j, today=date(2026, 12, 7))
    assert b"Cinema with Jo\\nphone off" in plain and b"\r" not in plain.replace(b"\r\n", b"")
    words = "a long walk by the river"  # a throwaway journal's passphrase
    locking.encrypt(path, words)
    with Journal.open(path, backup=False, passphrase=words) as j:
        ics = build_calendar(j, today=date(2026, 12, 7)).decode("utf-8").replace("\r\n ", "")
    assert "Cinema" not in ics
    assert f"DESCRIPTION:{texts.REMIND_MOMENT_LOCKED.replace(',', chr(92) + ',')}" in ics
