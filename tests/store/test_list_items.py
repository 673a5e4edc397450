"""List fields refuse empty items instead of silently dropping them."""

from __future__ import annotations

import pytest

from exback_kit import ValidationError


@pytest.mark.parametrize("habits", [[""], ["walk", ""], ["   "]])
def test_a_checkin_with_an_empty_habit_is_refused_and_nothing_saved(journal, habits):
    with pytest.raises(ValidationError, match=r"habits: .* empty item"):
        journal.add_checkin(6, habits=habits)
    assert journal.count("checkins") == 0


def test_text_that_is_not_valid_unicode_is_refused_naming_the_field(journal):
    with pytest.raises(ValidationError, match=r"note: .* aren.t valid text"):
        journal.add_checkin(6, note="caf\udce9")
    assert journal.count("checkins") == 0
