"""The Jupyter server extension behind the quick check-in page (`exback lab` turns it on).

``/exback/checkin``: a GET shows the page (:mod:`exback_kit.cli.checkin_page`), or steps
aside to the start notebook once today's check-in is in the journal; a POST saves the
check-in and answers with a redirect to the "saved" page (so a reload never saves twice).
Both need the server's login, which the token in the address `exback lab` prints sets, and
a POST carries the server's anti-forgery field, as every Jupyter form does. The page's own
Content-Security-Policy allows no script, no frame, no outside address and posts only to
this server.

The journal is opened for each request and closed after it, as a CLI command does, and each
save goes to the sync folder the same way. A locked journal is opened with the key `exback
lab` handed to this server (:mod:`exback_kit.store.handoff`) or the one remembered in the OS
keyring; without either, the start notebook asks to unlock it. A refused value shows the
form again with the person's answers and the problem named; a journal that can't be used
says why; nothing is reported saved that isn't on disk.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

from exback_kit.cli.checkin_page import form_page, posted_checkin, saved_page, trouble_page
from exback_kit.cli.lab_config import CHECKIN_PAGE, START_NOTEBOOK
from exback_kit.content import language, texts
from exback_kit.content.vocab import HABITS_SETTING, habit_choices, habit_names
from exback_kit.errors import JournalError, JournalLocked, ValidationError
from exback_kit.interchange import autosync
from exback_kit.store import Journal, encryption, resolve_path
from exback_kit.store.handoff import read_handoff
from exback_kit.store.paths import JOURNAL_ENV

#: How many of the newest check-ins the "saved" page looks among for the one it names.
SAVED_WITHIN = 20
#: No script, no frame, nothing from elsewhere; the form posts to this server only.
POLICY = ("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
          "frame-ancestors 'self'; base-uri 'none'")


@contextmanager
def person_journal() -> Iterator[Journal]:
    """Open the person's journal for one request, in the language they chose; close it after.

    Raises:
        JournalLocked: it is locked and this server has no key for it.
        JournalError: it can't be used (damaged, disk full, …).
    """
    path = resolve_path(os.environ.get(JOURNAL_ENV) or None).resolve()  # as kernels find it
    key = None
    if encryption.is_encrypted(path):
        key = read_handoff(path)
        if key is None:
            # late import: the OS keyring loads only for a locked journal without a hand-off
            from exback_kit.store import remembered

            key = remembered.recall(path)
    journal = Journal.open(path, key=key)
    try:
        language.choose(None)  # the system's, unless the journal names a shipped language
        language.follow(journal.get_setting(language.SETTING))
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
    if not entry.isdigit():
        return False
    return any(row["id"] == int(entry)
               for row in journal.records("checkins", limit=SAVED_WITHIN, newest_first=True))


class CheckinHandler(JupyterHandler):
    """``GET`` the quick check-in page, ``POST`` a check-in."""

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

    def _form(self, journal: Journal, **extra: Any) -> str:
        offered = habit_choices(habit_names(journal.get_setting(HABITS_SETTING, None)))
        return form_page(habits=offered, action=self.page_url, kit_url=self.kit_url,
                         xsrf=self.xsrf_form_html(), new_journal=journal.is_empty(), **extra)

    @web.authenticated
    def get(self) -> None:
        """Show the form; the "saved" page after a save; the kit once today is checked in."""
        try:
            with person_journal() as journal:
                if is_saved(journal, self.get_argument("saved", "")):
                    page = saved_page(kit_url=self.kit_url, again_url=self.page_url + "?again=1")
                elif self.get_argument("again", "") != "1" and checked_in_today(journal):
                    self.redirect(self.kit_url)
                    return
                else:
                    page = self._form(journal)
        except JournalLocked:
            self.redirect(self.kit_url)  # the start notebook asks to unlock it
            return
        except JournalError as exc:
            self.set_status(503)
            page = trouble_page(message=str(exc), kit_url=self.kit_url)
        self.finish(page)

    @web.authenticated
    def post(self) -> None:
        """Save the posted check-in, then redirect to the "saved" page.

        When it can't be saved the form comes back with the person's answers in it and the
        problem named, so nothing they wrote is lost.
        """
        posted = posted_checkin(lambda n: self.get_body_argument(n, "") or "",
                                self.get_body_arguments)
        try:
            with person_journal() as journal:
                offered = habit_names(journal.get_setting(HABITS_SETTING, None))
                values = {**posted, "habits": [h for h in posted["habits"] if h in offered]}
                try:
                    saved = autosync.attach(journal).add_checkin(**values)
                except ValidationError as exc:
                    self.set_status(400)
                    self.finish(self._form(journal, values=values, problem=(
                        exc.field or "", texts.NOT_SAVED_ONE.format(problem=exc))))
                    return
        except Exception as exc:  # locked meanwhile, disk full, anything else: not saved
            self._not_saved(posted, exc)
            return
        self.redirect(f"{self.page_url}?saved={saved}", status=303)

    def _not_saved(self, posted: dict[str, Any], exc: Exception) -> None:
        """Show the form again with what was posted and why it was not saved."""
        if isinstance(exc, JournalError):
            message = str(exc)
            self.set_status(503)
        else:  # the person never sees a traceback; the terminal gets one line
            self.log.warning("exback-kit: the quick check-in was not saved (%s)",
                             type(exc).__name__)
            message = texts.QUICK_UNEXPECTED
            self.set_status(500)
        offered = habit_names(None) + [h for h in posted["habits"] if h not in habit_names(None)]
        self.finish(form_page(habits=habit_choices(offered), action=self.page_url,
                              kit_url=self.kit_url, xsrf=self.xsrf_form_html(), values=posted,
                              problem=("", texts.NOT_SAVED_ONE.format(problem=message))))


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": __name__}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Add the page to the server (Jupyter calls this when `exback lab` starts it)."""
    web_app = serverapp.web_app
    web_app.add_handlers(".*$", [(url_path_join(web_app.settings["base_url"], CHECKIN_PAGE),
                                  CheckinHandler)])
