"""The kernel session behind the stage notebooks (the widgets that hold each part are in
:mod:`exback_kit.notebook.parts`).

One :class:`Session` per kernel opens the journal once, caches its tables until the
next Save, and keeps every displayed :class:`Part` so a Save can re-draw the charts
and "where you are", and switching to or from the demo journal can rebuild them all.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import threading
from typing import Any

import ipywidgets as widgets

from exback_kit import content
from exback_kit.content import language
from exback_kit.domain import gate
from exback_kit.domain.gate import Journey
from exback_kit.errors import JournalLocked
from exback_kit.notebook import chart_cache
from exback_kit.notebook.idle import IdleLock
from exback_kit.notebook.kernel_tables import KernelTables, LazyTables
from exback_kit.notebook.parts import Builder, Part, calm_when_locked
from exback_kit.store import Journal
from exback_kit.store.handoff import read_handoff
from exback_kit.store.keys import PASSPHRASE_ENV, RECOVERY_ENV
from exback_kit.store.paths import JOURNAL_ENV
from exback_kit.store.settings import DEMO_SETTING


class Session:
    """This kernel's journal (the person's, or the demo), its tables and its parts."""

    def __init__(self) -> None:
        self._mine: Journal | None = None
        self._demo: Journal | None = None
        self._showing_demo: bool | None = None
        #: The tables read so far: a table is re-read only when its stamp moves.
        self._read = KernelTables()
        self._parts: dict[str, Part] = {}
        # The data key of a locked journal: held in memory for the kernel's life only.
        self._key: bytes | None = None
        #: True after "Lock now": the server's key is not taken again in this kernel.
        self.locked_here = False
        #: The hand-off file and the OS keyring are asked once per kernel, not by every part.
        self._looked_for_key = False
        #: True when the key came from the OS keyring (Lock now then says it is still there).
        self.key_remembered = False
        #: Labels of folded sections the person opened in this kernel.
        self.unfolded: set[str] = set()
        #: Forgets the key after a while without use (notebook/idle.py).
        self._idle = IdleLock(self.lock_idle)
        #: True when the key was forgotten after that while (the unlock form says so).
        self.idle_locked = False
        #: Held while the journals are opened, checked against the idle while, or closed.
        #: Without a running event loop the idle check runs on a timer thread (notebook/idle.py),
        #: and two threads closing one connection at once crash the process.
        self._guard = threading.RLock()

    def _path(self) -> Any:
        # late import: every notebook imports the session first; these load only when needed
        from exback_kit.store import resolve_path

        return resolve_path(os.environ.get(JOURNAL_ENV) or None)

    def mine(self) -> Journal:
        """Return the person's own journal, opened once.

        Raises:
            JournalLocked: the journal is locked and this kernel has no key for it yet.
        """
        with self._guard:
            if self._mine is not None and self._mine.encrypted and self._idle.expired():
                self.lock_idle()  # the while passed before the check ran: forget before reading
            if self._mine is None:
                # late import: every notebook imports the session first; these load when needed
                from exback_kit.store import encryption

                path = self._path()
                if self._key is None and not (self.locked_here or self._looked_for_key) \
                        and encryption.is_encrypted(path):
                    self._looked_for_key = True
                    # from `exback lab` / `exback app`, else the OS keyring if the person chose it
                    self._key = read_handoff(path)
                    if self._key is None:
                        self._key = self._remembered(path)
                        self.key_remembered = self._key is not None
                self._mine = Journal.open(path, key=self._key)
                language.follow(self._mine.get_setting(language.SETTING))  # the person's choice
                from exback_kit.interchange import autosync

                autosync.round_at_start(autosync.attach(self._mine))  # the Sync part shows it
            if self._mine.encrypted:
                self._idle.used()
            return self._mine

    @staticmethod
    def _remembered(path: Any) -> bytes | None:
        if any(os.environ.get(n) is not None for n in (PASSPHRASE_ENV, RECOVERY_ENV)):
            return None  # Journal.open takes EXBACK_PASSPHRASE (or the recovery key) itself
        # late import: every notebook imports the session first; these load only when needed
        from exback_kit.store import remembered

        return remembered.recall(path)

    @property
    def idle_minutes(self) -> float:
        """Return the minutes without use after which the key is forgotten (0: never)."""
        return self._idle.minutes

    def locked(self) -> bool:
        """Return True while the person's journal is locked in this kernel."""
        try:
            self.mine()
        except JournalLocked:
            return True
        return False

    def unlock(self, passphrase: str) -> None:
        """Unlock the journal with ``passphrase``; keep its key in memory; rebuild every part.

        Raises:
            JournalLocked: the passphrase does not open it.
            ValidationError: the passphrase is empty.
        """
        # late import: every notebook imports the session first; these load only when needed
        from exback_kit.store import locking

        key = locking.unlock(self._path(), passphrase)
        with self._guard:
            self._key = key
            self.idle_locked = False
            self._close_journals()
            self._rebuild_all()

    def lock_idle(self) -> None:
        """Lock an unlocked journal after the idle while; the unlock form says why, calmly."""
        with self._guard:  # asked by the timer and by an action at once: the second finds it done
            if self._mine is not None and self._mine.encrypted:
                self.idle_locked = True
                self.lock_now()

    def lock_now(self) -> None:
        """Forget the key and close the journal; every part says calmly it is locked."""
        with self._guard:
            self._idle.stop()
            self._key = None
            self.locked_here = True
            self._close_journals()
            self._rebuild_all()

    def _close_journals(self) -> None:
        for j in (self._mine, self._demo):
            if j is not None:
                j.close()
        self._mine = self._demo = None
        self._read.forget()
        chart_cache.forget()  # nothing drawn from a journal outlives its closing
        self._showing_demo = None

    def journal(self) -> Journal:
        """Return the journal shown now: the demo one if chosen, else the person's."""
        with self._guard:
            if self._showing_demo is None:
                self._showing_demo = bool(self.mine().get_setting(DEMO_SETTING, False))
            return self._open_demo() if self._showing_demo else self.mine()

    def _open_demo(self) -> Journal:
        if self._demo is None:
            # late import: every notebook imports the session first; these load only when needed
            from exback_kit.interchange import demo

            path = demo.demo_path(self.mine().path)
            if not path.exists():
                demo.make_demo(path)
            self._demo = Journal.open(path, backup=False)
        return self._demo

    def journey(self, journal: Journal | None = None) -> Journey:
        """Return where the journey of ``journal`` stands; without one, the journey the
        pages follow: the person's own when it is on the moving-on path (also while the
        demo is shown), else the shown journal's."""
        if journal is not None:
            tables = self.tables(journal)
            if "journey" not in tables.derived:  # asked by every part: worked out once a change
                tables.derived["journey"] = gate.journey_of(tables, kit=content.load())
            return tables.derived["journey"]
        own = self.journey(self.mine())
        if own.moving_on or self.journal() is self.mine():
            return own
        return self.journey(self.journal())

    def gated_by(self, stage_id: str) -> Journey | None:
        """Return the journey that sets ``stage_id`` aside, or None if the stage is open.

        The person's own boundaries check always counts, also while the demo is shown.
        """
        journey = self.journey()
        return journey if gate.is_gated(stage_id, journey) else None

    def asks_boundaries_first(self, stage_id: str) -> bool:
        """Return True when ``stage_id`` waits for the person's own boundaries check."""
        return gate.asks_first(stage_id, self.journey(self.mine()))

    def use(self, journal: Journal) -> None:
        """Use ``journal`` as the person's journal from now on; rebuild every part."""
        self._mine, self._showing_demo = journal, None
        self._rebuild_all()

    def use_demo(self, on: bool) -> None:
        """Show the demo journal (or the person's again) and remember it across notebooks."""
        self.mine().set_setting(DEMO_SETTING, bool(on))
        self._showing_demo = bool(on)
        self._rebuild_all()

    def tables(self, journal: Journal | None = None) -> LazyTables:
        """Return the typed tables of ``journal`` (default: the one shown), read once.

        A table is read again only after something was written to it, from this kernel or
        from anywhere else (the terminal, another notebook): its stamp in
        :meth:`Journal.table_stamps` tells; the frames of unchanged tables are kept.
        """
        return self._read.tables(journal if journal is not None else self.journal())

    def view(self) -> contextlib.AbstractContextManager[None]:
        """Build a view (a part, or every part after a Save) from one state of the journal:
        inside, :meth:`tables` asks for each journal's stamps once (see :class:`KernelTables`)."""
        return self._read.view()

    def _in_view(self, build: Builder) -> Builder:
        def viewed() -> list[widgets.Widget]:
            with self.view():
                return build()
        return viewed

    def saved(self, *_args: Any, **_kwargs: Any) -> None:
        """Form callback after any Save: re-draw charts and headers from the changed tables."""
        with self.view():
            for part in list(self._parts.values()):
                if part.refresh_on_save:
                    part.rebuild(quiet=True)

    def _rebuild_all(self) -> None:
        self._read.forget()
        with self.view():
            for part in list(self._parts.values()):
                part.rebuild(quiet=True)

    def unfold(self, label: str) -> None:
        """Open a folded section (its forms are built now)."""
        self.unfolded.add(label)
        if label in self._parts:
            self._parts[label].rebuild(quiet=True)

    def part(self, stage_id: str, name: str, build: Builder, *,
             refresh_on_save: bool = False) -> Part:
        """Return a new Part built now and kept for later re-draws (replacing an older one)."""
        build = self._in_view(calm_when_locked(build))
        part = Part(stage_id, name, build, build(), refresh_on_save=refresh_on_save)
        old = self._parts.get(part.label)
        self._parts[part.label] = part
        if old is not None and old is not part:
            old.close()
        return part

    def close(self) -> None:
        """Close the journals and forget every part (for tests)."""
        for part in self._parts.values():
            part.close()
        self._parts.clear()
        self._close_journals()
        self._idle.stop()
        self._key = None


_SESSION: Session | None = None


def session() -> Session:
    """Return this kernel's session, creating it on first use."""
    global _SESSION
    if _SESSION is None:
        shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
        if type(shell).__name__ == "ZMQInteractiveShell":  # a kernel (Lab, Voila), not a test:
            gc.freeze()  # its imports live as long as it; full collections now skip them
        _SESSION = Session()
    return _SESSION


def reset() -> None:
    """Close and forget this kernel's session (tests use it between cases)."""
    global _SESSION
    if _SESSION is not None:
        _SESSION.close()
    _SESSION = None
