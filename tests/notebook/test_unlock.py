"""A locked journal in a notebook: Unlock in the first cell, calm parts, Lock now."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from exback_kit import stages
from exback_kit.content import texts
from exback_kit.errors import JournalLocked
from exback_kit.notebook import session as stageview
from exback_kit.store import handoff, keys, locking

from .conftest import LOCKED_PASSPHRASE
from .widget_tree import having, words

PW = LOCKED_PASSPHRASE


@pytest.fixture(autouse=True)
def _no_passphrase_around(monkeypatch) -> None:
    """A cheap key derivation, and no passphrase or key handed over by the environment."""
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    for name in (keys.PASSPHRASE_ENV, keys.RECOVERY_ENV, handoff.KEY_HANDOFF_ENV):
        monkeypatch.delenv(name, raising=False)


def _unlock(header: widgets.Widget, passphrase: str) -> None:
    (password,) = having(header, "exback-unlock-password")
    (button,) = having(header, "exback-unlock")
    assert isinstance(password, widgets.Password) and password.description
    password.value = passphrase
    button.click()


def test_the_first_cell_shows_a_labelled_password_field_and_unlock(locked):
    header = stages.header("00_start_here")
    assert isinstance(having(header, "exback-unlock-password")[0], widgets.Password)
    assert having(header, "exback-unlock")[0].description == texts.NB_UNLOCK
    assert texts.NB_LOCKED in words(header)


def test_every_other_part_says_calmly_that_the_journal_is_locked(locked):
    stages.header("00_start_here")
    for part in (stages.section("00_start_here", "checkin"), stages.charts("00_start_here"),
                 stages.section("01_space_and_clarity", "no_contact")):
        assert texts.NB_LOCKED_PART in words(part)
        assert not having(part, "exback-form-checkin_form")
        assert "Traceback" not in words(part)


def test_unlock_with_the_passphrase_brings_every_part_back(locked):
    header = stages.header("00_start_here")
    checkin = stages.section("00_start_here", "checkin")
    _unlock(header, PW)
    assert not having(header, "exback-unlock")
    assert having(header, "exback-lock-now")
    assert having(checkin, "exback-form-checkin_form")
    assert stages.journal().count("checkins") == 1


def test_a_wrong_passphrase_says_so_and_clears_the_field(locked):
    header = stages.header("00_start_here")
    _unlock(header, "not the mug")
    assert "doesn't open" in words(header)
    assert having(header, "exback-unlock-password")[0].value == ""
    assert stageview.session().locked()


def test_lock_now_forgets_the_key_and_nothing_can_be_written(locked):
    header = stages.header("00_start_here")
    checkin = stages.section("00_start_here", "checkin")
    _unlock(header, PW)
    having(header, "exback-lock-now")[0].click()
    assert stageview.session()._key is None
    assert having(header, "exback-unlock")
    assert texts.NB_LOCKED_AGAIN in words(header)
    assert texts.NB_LOCKED_PART in words(checkin)
    before = locked.read_bytes()
    with pytest.raises(JournalLocked):
        stages.journal()
    assert locked.read_bytes() == before


def test_a_kernel_started_by_exback_lab_takes_the_handed_over_key(locked, monkeypatch, tmp_path):
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run))
    with handoff.KeyHandoff(locked, locking.unlock(locked, PW)) as server:
        monkeypatch.setenv(handoff.KEY_HANDOFF_ENV, str(server.path))
        header = stages.header("00_start_here")
        assert not having(header, "exback-unlock")
        assert stages.journal().count("checkins") == 1
        having(header, "exback-lock-now")[0].click()  # Lock now also ignores the server's key
        assert stageview.session().locked()


def test_a_plain_journal_shows_no_unlock_and_no_lock_now(tmp_path, monkeypatch):
    monkeypatch.setenv(stageview.JOURNAL_ENV, str(tmp_path / "plain.sqlite3"))
    header = stages.header("00_start_here")
    assert not having(header, "exback-unlock") and not having(header, "exback-lock-now")
