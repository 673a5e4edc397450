"""Lock after idle: an unlocked notebook forgets the key after a while without use, calmly."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from exback_kit import ValidationError, stages
from exback_kit.cli import launch, main
from exback_kit.content import texts
from exback_kit.errors import JournalLocked
from exback_kit.notebook import idle
from exback_kit.notebook import session as stageview
from exback_kit.store import handoff, keys, locking

from .conftest import LOCKED_PASSPHRASE
from .widget_tree import having, words

PW = LOCKED_PASSPHRASE


@pytest.fixture(autouse=True)
def _nothing_handed_over(monkeypatch) -> None:
    for name in (keys.PASSPHRASE_ENV, keys.RECOVERY_ENV, handoff.KEY_HANDOFF_ENV,
                 idle.LOCK_AFTER_ENV):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def clock(monkeypatch) -> list[float]:
    """A clock the test moves on by hand (the idle check reads idle._now)."""
    now = [1000.0]
    monkeypatch.setattr(idle, "_now", lambda: now[0])
    return now


def _unlock(header, passphrase: str = PW) -> None:
    having(header, "exback-unlock-password")[0].value = passphrase
    having(header, "exback-unlock")[0].click()


def test_the_default_while_is_30_minutes(locked):
    assert idle.DEFAULT_MINUTES == 30
    assert stageview.session().idle_minutes == 30


def test_an_unlocked_notebook_locks_itself_after_the_while_and_says_so(locked, monkeypatch):
    monkeypatch.setenv(idle.LOCK_AFTER_ENV, "0.01")  # 0.6 seconds, for the test
    header = stages.header("00_start_here")
    checkin = stages.section("00_start_here", "checkin")
    _unlock(header)
    assert having(checkin, "exback-form-checkin_form")
    deadline = time.monotonic() + 60  # the timer thread locks, then re-draws every part

    def redrawn() -> bool:
        return bool(having(header, "exback-unlock")) and \
            texts.NB_LOCKED_PART in words(checkin)

    while not redrawn() and time.monotonic() < deadline:
        time.sleep(0.05)
    here = stageview.session()
    assert here.idle_locked and here._key is None
    assert "Locked after 0.01 minutes without use" in words(header)
    assert having(header, "exback-unlock") and not having(header, "exback-lock-now")
    assert not having(checkin, "exback-form-checkin_form")
    with pytest.raises(JournalLocked):  # the next action asks again
        stages.journal()
    _unlock(header)
    assert stages.journal().count("checkins") == 1
    assert not stageview.session().idle_locked


def test_an_action_after_the_while_finds_the_key_gone_even_before_the_check_ran(
        locked, clock):
    header = stages.header("00_start_here")
    _unlock(header)
    clock[0] += 29 * 60
    assert stages.journal().count("checkins") == 1  # used: the while starts again
    clock[0] += 29 * 60
    assert stages.journal().count("checkins") == 1
    clock[0] += 30 * 60
    with pytest.raises(JournalLocked):
        stages.journal()
    assert stageview.session().idle_locked and stageview.session()._key is None


def test_a_key_from_exback_lab_is_forgotten_too_and_not_taken_again(locked, clock,
                                                                     monkeypatch):
    with handoff.KeyHandoff(locked, locking.unlock(locked, PW)) as server:
        monkeypatch.setenv(handoff.KEY_HANDOFF_ENV, str(server.path))
        header = stages.header("00_start_here")
        assert not having(header, "exback-unlock")
        clock[0] += 31 * 60
        with pytest.raises(JournalLocked):
            stages.journal()
        assert having(header, "exback-unlock")  # the passphrase is asked, the server not


def test_zero_means_never(locked, clock, monkeypatch):
    monkeypatch.setenv(idle.LOCK_AFTER_ENV, "0")
    _unlock(stages.header("00_start_here"))
    clock[0] += 10 * 24 * 3600
    assert stages.journal().count("checkins") == 1


def test_a_plain_journal_is_never_locked(tmp_path, clock, monkeypatch):
    monkeypatch.setenv(stageview.JOURNAL_ENV, str(tmp_path / "plain.sqlite3"))
    stages.journal().add_checkin(mood=5)
    clock[0] += 31 * 60
    assert stages.journal().count("checkins") == 1


@pytest.mark.parametrize("value", ["abc", "-1", "nan", "1441", "inf"])
def test_a_lock_after_value_that_is_not_minutes_is_refused_naming_the_option(value, capsys,
                                                                             monkeypatch,
                                                                             tmp_path):
    with pytest.raises(ValidationError, match=r"^--lock-after: ") as e:
        idle.minutes_from(value)
    assert e.value.field == "--lock-after"
    monkeypatch.setattr(launch, "notebooks_dir", lambda explicit: tmp_path)
    monkeypatch.setattr(launch, "serve", lambda *a, **k: pytest.fail("the server started"))
    assert main(["lab", "--no-browser", "--lock-after", value]) == 2
    assert "--lock-after" in capsys.readouterr().err


def test_lab_tells_its_kernels_the_while(monkeypatch, tmp_path):
    seen = {}

    def fake_serve(server, env, *, open_browser):
        seen.update(env)
        return 0

    monkeypatch.setattr(launch, "notebooks_dir", lambda explicit: tmp_path)
    monkeypatch.setattr(launch, "serve", fake_serve)
    assert main(["lab", "--no-browser", "--lock-after", "5"]) == 0
    assert seen[idle.LOCK_AFTER_ENV] == "5"


def test_exback_lab_forgets_the_key_when_no_notebook_asked_for_the_while(locked, monkeypatch,
                                                                         tmp_path, capsys):
    run_dir = tmp_path / "run"
    run_dir.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run_dir))
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PW)
    seen = {}

    def fake_serve(server, env, *, open_browser):
        monkeypatch.setenv(handoff.KEY_HANDOFF_ENV, env[handoff.KEY_HANDOFF_ENV])
        seen["first"] = handoff.read_handoff(locked)  # a notebook opened at once
        deadline = time.monotonic() + 30
        while Path(env[handoff.KEY_HANDOFF_ENV]).exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        seen["later"] = handoff.read_handoff(locked)  # one opened after the while
        return 0

    monkeypatch.setattr(launch, "notebooks_dir", lambda explicit: tmp_path)
    monkeypatch.setattr(launch, "serve", fake_serve)
    assert main(["lab", "--no-browser", "--lock-after", "0.005", "--journal", str(locked)]) == 0
    assert seen["first"] == locking.unlock(locked, PW) and seen["later"] is None
    assert "No notebook has been opened for 0.005 minutes" in capsys.readouterr().out


def test_the_timer_and_an_action_locking_at_once_close_the_journal_once(locked, monkeypatch):
    """Without an event loop the idle check runs on a timer thread; an action that finds the
    while passed locks too. Both at once closed one connection twice at the same moment,
    which crashed the process (a bus error in a CI run): now the second finds it done."""
    header = stages.header("00_start_here")
    _unlock(header)
    here = stageview.session()
    journal = here.mine()
    closed: list[int] = []
    close = type(journal).close

    def slow_close(self) -> None:  # a wide window for the other thread to come in
        closed.append(id(self))
        time.sleep(0.2)
        close(self)

    monkeypatch.setattr(type(journal), "close", slow_close)
    start = threading.Barrier(2)

    def lock() -> None:
        start.wait()
        here.lock_idle()

    threads = [threading.Thread(target=lock) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert closed.count(id(journal)) == 1
    assert here.idle_locked and here._key is None
    with pytest.raises(JournalLocked):
        stages.journal()
