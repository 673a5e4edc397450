"""The Jupyter server extension behind the quick check-in page (`exback lab` turns it on).

``/exback/checkin``: a GET shows the page (:mod:`exback_kit.cli.checkin_page`), or steps
aside to the start notebook once today's check-in is in the journal (and for the demo
journal, which is for looking around the notebooks); a POST saves the check-in and answers
with a redirect to the "saved" page, which names the entry, so a reload never saves twice.
Both need the server's login, which the token in the address `exback lab` prints sets, and
a POST carries the server's anti-forgery field, as every Jupyter form does. The page's own
Content-Security-Policy allows no script, no frame, no outside address, and posts only to
this server.

The journal work (opening, reading, saving, sending to a sync folder) runs on a worker
thread, never on the server's event loop, so a slow disk or sync folder never freezes
JupyterLab. The journal is opened for each request and closed after it, as a CLI command
does; each save goes to the sync folder the same way. A locked journal is opened only with
the key `exback lab` handed to this server (:mod:`exback_kit.store.handoff`): once that key
is forgotten after a while unused, the page doesn't look elsewhere for it (that would undo
the lock), and the start notebook asks to unlock. A refused value shows the form again with
the person's answers and each problem by its field; a journal that can't be used says why;
nothing is reported saved that isn't on disk, and each form's Save counts once.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web
from tornado.ioloop import IOLoop

from exback_kit.cli.checkin_page import (
    FIELDS,
    ONCE_FIELD,
    form_page,
    posted_checkin,
    saved_page,
    trouble_page,
)
from exback_kit.cli.lab_config import CHECKIN_PAGE, START_NOTEBOOK
from exback_kit.content import language, texts
from exback_kit.content.vocab import habit_choices, habit_names
from exback_kit.errors import JournalError, JournalLocked
from exback_kit.interchange import autosync
from exback_kit.store import Journal, encryption, resolve_path
from exback_kit.store.handoff import read_handoff
from exback_kit.store.paths import JOURNAL_ENV
from exback_kit.store.problems import problems
from exback_kit.store.settings import HABITS_SETTING

#: How many of the newest check-ins the "saved" page looks among for the one it names.
SAVED_WITHIN = 20
#: A saved entry's id as the redirect writes it (a few ASCII digits, nothing else).
ENTRY_ID = re.compile(r"[0-9]{1,12}")
#: A form's single-use mark as the page writes it.
ONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")
#: How many recent Saves are remembered, so a repeated one (a double click) saves nothing.
ONCE_KEPT = 64
#: No script, no frame, nothing from elsewhere; the form posts to this server only.
POLICY = ("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
          "frame-ancestors 'self'; base-uri 'none'")


@contextmanager
def person_journal() -> Iterator[Journal]:
    """Open the person's journal (the one kernels open) for one request; close it after.

    No daily backup here: the start notebook's kernel and every CLI command make it.

    Raises:
        JournalLocked: it is locked and this server holds no key for it.
        JournalError: it can't be used (damaged, disk full, …).
    """
    path = resolve_path(os.environ.get(JOURNAL_ENV) or None).resolve()
    key = read_handoff(path) if encryption.is_encrypted(path) else None
    journal = Journal.open(path, key=key, backup=False)
    try:
        yield journal
    finally:
        journal.close()


def checked_in_today(journal: Journal) -> bool:
    """Return True when the newest check-in is dated today (or later)."""
    newest = journal.records("checkins", limit=1, newest_first=True)
    return bool(newest) and newest[0]["day"] >= date.today()


def is_saved(journal: Journal, entry: str) -> bool:
    """Return True when ``entry`` (a check-in's id, as the redirect after a save names it) is
    one of the newest check-ins in the journal: the page says "saved" only for what is."""
    if not ENTRY_ID.fullmatch(entry):
        return False
    return any(row["id"] == int(entry)
               for row in journal.records("checkins", limit=SAVED_WITHIN, newest_first=True))


@dataclass(frozen=True)
class Seen:
    """What a page needs from the journal, read in one go."""

    habits: list[str]
    language: object
    new: bool
    demo: bool
    today: bool
    saved: bool


def look(journal: Journal, saved_entry: str = "") -> Seen:
    """Return what the page shows of ``journal`` (no entry's words)."""
    return Seen(habits=habit_names(journal.get_setting(HABITS_SETTING, None)),
                language=journal.get_setting(language.SETTING), new=journal.is_empty(),
                demo=journal.is_demo, today=checked_in_today(journal),
                saved=is_saved(journal, saved_entry))


@dataclass(frozen=True)
class Outcome:
    """What became of a posted check-in."""

    seen: Seen
    values: dict[str, Any]
    entry: int | None = None
    refused: dict[str, str] = field(default_factory=dict)
    #: A refusal that belongs to none of the page's fields.
    general: str = ""
    #: What went wrong after the check-in was on disk (its type's name, for the log).
    after_save: str = ""


def save(posted: dict[str, Any]) -> Outcome:
    """Check every posted value, then save the check-in and send it to the sync folder.

    Raises:
        JournalLocked, JournalError: the journal can't be used; nothing was saved.
    """
    with person_journal() as journal:
        seen = look(journal)
        values = {**posted, "habits": [h for h in posted["habits"] if h in seen.habits]}
        found = problems("checkins", values)
        if found:
            by_field = {e.field: str(e) for e in reversed(found) if e.field in FIELDS}
            general = " ".join(str(e) for e in found if e.field not in FIELDS)
            return Outcome(seen, values, refused=by_field, general=general)
        entry = journal.add_checkin(**values)  # on disk once this returns
        try:
            autosync.send_after_save(journal)  # the folder may be slow or written by others
        except Exception as exc:  # the check-in is saved whatever the folder does
            return Outcome(seen, values, entry, after_save=type(exc).__name__)
    return Outcome(seen, values, entry)


def speak(setting: object) -> None:
    """Speak the person's language: the system's, unless the journal names a shipped one."""
    language.choose(None)
    language.follow(setting)


class CheckinHandler(JupyterHandler):
    """``GET`` the quick check-in page, ``POST`` a check-in."""

    #: Recent Saves by their form's single-use mark: the save under way, or done.
    saves: ClassVar[OrderedDict[str, asyncio.Future[Outcome]]] = OrderedDict()

    @property
    def content_security_policy(self) -> str:
        """Return the page's policy (see :data:`POLICY`)."""
        return POLICY

    @property
    def kit_url(self) -> str:
        """Return JupyterLab's address for the start notebook."""
        return url_path_join(self.base_url, "lab", "tree", START_NOTEBOOK)

    @property
    def page_url(self) -> str:
        """Return this page's address."""
        return url_path_join(self.base_url, CHECKIN_PAGE)

    def _form(self, seen: Seen | None, **extra: Any) -> str:
        offered = seen.habits if seen is not None else habit_names(None)
        return form_page(habits=habit_choices(offered), action=self.page_url,
                         kit_url=self.kit_url, xsrf=self.xsrf_form_html(),
                         once=secrets.token_urlsafe(18),
                         new_journal=seen is not None and seen.new and not extra, **extra)

    def _unexpected(self, exc: BaseException) -> str:
        # the person never sees a traceback; the terminal gets one line, none of their words
        self.log.warning("exback-kit: the quick check-in page met %s", type(exc).__name__)
        self.set_status(500)
        return texts.QUICK_UNEXPECTED

    @web.authenticated
    async def get(self) -> None:
        """Show the form; the "saved" page after a save; the kit once today is checked in."""
        saved_entry = self.get_argument("saved", "")
        try:
            seen = await IOLoop.current().run_in_executor(None, _look_now, saved_entry)
        except JournalLocked:
            self.redirect(self.kit_url)  # the start notebook asks to unlock it
            return
        except JournalError as exc:
            self.set_status(503)
            self.finish(trouble_page(message=str(exc), kit_url=self.kit_url))
            return
        except Exception as exc:
            self.finish(trouble_page(message=self._unexpected(exc), kit_url=self.kit_url))
            return
        speak(seen.language)
        if seen.saved:
            self.finish(saved_page(kit_url=self.kit_url, again_url=self.page_url + "?again=1"))
        elif seen.demo or (seen.today and self.get_argument("again", "") != "1"):
            self.redirect(self.kit_url)
        else:
            self.finish(self._form(seen))

    @web.authenticated
    async def post(self) -> None:
        """Save the posted check-in once, then redirect to the "saved" page.

        When it can't be saved the form comes back with the person's answers in it and the
        problem named, so nothing they wrote is lost.
        """
        posted = posted_checkin(lambda n: self.get_body_argument(n, "", strip=False) or "",
                                lambda n: self.get_body_arguments(n, strip=False))
        once = self.get_body_argument(ONCE_FIELD, "")
        try:
            outcome = await asyncio.shield(self._save_once(posted, once))
        except JournalLocked:
            self.set_status(503)
            self.finish(self._form(None, values=posted, general=texts.QUICK_LOCKED,
                                   kit_in_new_tab=True))
            return
        except Exception as exc:
            message = str(exc) if isinstance(exc, JournalError) else self._unexpected(exc)
            self.set_status(503 if isinstance(exc, JournalError) else 500)
            self.finish(self._form(None, values=posted, general=message))
            return
        speak(outcome.seen.language)
        if outcome.entry is None:
            self.set_status(400)
            self.finish(self._form(outcome.seen, values=outcome.values,
                                   problems=outcome.refused, general=outcome.general))
            return
        if outcome.after_save:
            self.log.warning("exback-kit: a check-in was saved; sending it to the sync folder "
                             "met %s", outcome.after_save)
        self.redirect(f"{self.page_url}?saved={outcome.entry}", status=303)

    def _save_once(self, posted: dict[str, Any], once: str) -> asyncio.Future[Outcome]:
        """Return the save of this form: started now, or the one a first Save started."""
        if ONCE.fullmatch(once) and once in self.saves:
            return self.saves[once]
        future = asyncio.ensure_future(IOLoop.current().run_in_executor(None, save, posted))
        if ONCE.fullmatch(once):
            self.saves[once] = future
            while len(self.saves) > ONCE_KEPT:
                self.saves.popitem(last=False)
            future.add_done_callback(lambda done: self._forget_unsaved(once, done))
        return future

    def _forget_unsaved(self, once: str, done: asyncio.Future[Outcome]) -> None:
        """A Save that saved nothing may be pressed again with the same form."""
        if done.cancelled() or done.exception() is not None or done.result().entry is None:
            self.saves.pop(once, None)


def _look_now(saved_entry: str) -> Seen:
    with person_journal() as journal:
        return look(journal, saved_entry)


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": __name__}]


def warm_up() -> None:
    """Open the journal once while the browser is still on its way (a new journal is made
    here, not while the person waits for the page). Whatever goes wrong is said by the page
    itself when it is asked for, so nothing is said here."""
    with suppress(Exception):  # the page's own request meets it and says why
        _look_now("")


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Add the page to the server (Jupyter calls this when `exback lab` starts it)."""
    web_app = serverapp.web_app
    web_app.add_handlers(".*$", [(url_path_join(web_app.settings["base_url"], CHECKIN_PAGE),
                                  CheckinHandler)])
    threading.Thread(target=warm_up, name="exback-checkin-warm-up", daemon=True).start()
