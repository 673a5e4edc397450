"""The "Ride it out" card (04 and 08): rate an urge, a guided wait with a visible countdown
that can be stopped at any time, the person's own words, then rate again and save.

The countdown runs in a background thread that updates the clock widget once a
``tick`` (a second); stopping sets an event, so the wait ends at once. Tests pass
``runner`` (how the loop is started) and ``tick`` to run it without real time, or
call :meth:`RideItOut.step` themselves. Nothing is saved until Save is pressed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

import ipywidgets as widgets

from exback_kit.content import texts
from exback_kit.domain import sos
from exback_kit.errors import JournalError, ValidationError
from exback_kit.notebook.form_kit import OnSave, error_html, esc, heading
from exback_kit.notebook.inputs import labelled, scale_buttons
from exback_kit.notebook.look import ENTRY_BOX, LINK_STYLE, SOFT_STYLE, status_colour
from exback_kit.notebook.session import session
from exback_kit.store import Journal
from exback_kit.store.reads import own_words_sources

Runner = Callable[[Callable[[], None]], None]
HIDDEN, SHOWN = "none", ""
CLOCK_STYLE = "font-size:2.2em;font-weight:700;font-variant-numeric:tabular-nums"


def in_a_thread(loop: Callable[[], None]) -> None:
    """Start ``loop`` in a daemon thread (the kernel stays free for the Stop button)."""
    threading.Thread(target=loop, daemon=True, name="exback-ride-it-out").start()


def reasons_html(reasons: list[sos.Reason]) -> str:
    """Return the person's own words as HTML, every piece of their text escaped."""
    if not reasons:
        return f'<p style="{SOFT_STYLE}">{esc(texts.SOS_REASONS_NONE)}</p>'
    items = "".join(f'<div style="{ENTRY_BOX}"><small style="{SOFT_STYLE}">{esc(r.label)}</small>'
                    f"<br>{esc(r.text)}</div>" for r in reasons)
    return f"<b>{esc(texts.SOS_REASONS_HEADING)}</b>{items}"


class RideItOut(widgets.VBox):
    """The card. ``before``/``after`` are the ratings, ``clock`` and ``guide`` the wait,
    ``start_button``, ``stop_button``, ``save_button``, ``close_button`` and ``status``."""

    def __init__(self, journal: Journal, *, open_road: bool, reasons: list[sos.Reason],
                 plan: str | None, on_save: OnSave = None, seconds: int = sos.SOS_SECONDS,
                 tick: float = 1.0, runner: Runner = in_a_thread) -> None:
        super().__init__(_dom_classes=("exback-form", "exback-sos"))
        self.journal, self.on_save = journal, on_save
        self.seconds, self.tick, self.runner = seconds, tick, runner
        self.elapsed, self.running = 0, False
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.header = widgets.HTML(heading(texts.SOS_HEADING, sos.intro(open_road, seconds)))
        self.before = labelled(scale_buttons(1, 10, ends=texts.URGE_ENDS), texts.SOS_BEFORE)
        self.before.add_class("exback-field-before")
        self.start_button = self._button(texts.SOS_START, "exback-sos-start", self.start, "primary")
        self.clock = widgets.HTML("", _dom_classes=("exback-sos-clock",))
        self.guide = widgets.HTML("", _dom_classes=("exback-sos-guide",))
        self.stop_button = self._button(texts.SOS_STOP, "exback-sos-stop", self.stop, "danger")
        words = reasons_html(reasons)
        if plan:
            words += f'<p><b>{esc(texts.SOS_PLAN.format(action=plan))}</b></p>'
        self.words = widgets.HTML(words, _dom_classes=("exback-sos-words",))
        self.after = labelled(scale_buttons(1, 10, ends=texts.URGE_ENDS), texts.SOS_AFTER)
        self.after.add_class("exback-field-after")
        self.save_button = self._button(texts.SOS_SAVE, "exback-save", self.save, "primary")
        self.close_button = self._button(texts.SOS_CLOSE, "exback-sos-close", self.close_card)
        self.status = widgets.HTML("", _dom_classes=("exback-status",))
        self.message = ""
        self.waiting = widgets.VBox([self.clock, self.guide, widgets.HBox([self.stop_button]),
                                     self.words])
        self.finishing = widgets.VBox([self.after,
                                       widgets.HBox([self.save_button, self.close_button])])
        self.children = (self.header, self.before,
                         widgets.HTML(f"<small>{esc(texts.SOS_RATING_HELP)}</small>"),
                         widgets.HBox([self.start_button]), self.waiting, self.finishing,
                         self.status)
        self._show(waiting=False, finishing=False)

    @staticmethod
    def _button(label: str, css: str, action: Callable[[], None],
                style: str = "") -> widgets.Button:
        button = widgets.Button(description=label, button_style=style,
                                layout=widgets.Layout(width="auto"))
        button.add_class(css)
        button.on_click(lambda _b: action())
        return button

    def _show(self, *, waiting: bool, finishing: bool) -> None:
        self.waiting.layout.display = SHOWN if waiting else HIDDEN
        self.finishing.layout.display = SHOWN if finishing else HIDDEN
        self.stop_button.layout.display = SHOWN if self.running else HIDDEN
        self.start_button.layout.display = HIDDEN if self.running else SHOWN

    def say(self, message: str, *, ok: bool = True) -> None:
        """Show a message on the status line (escaped)."""
        self.message = message
        css = "exback-ok" if ok else "exback-bad"
        self.status.value = (f'<span class="{css}" style="color:{status_colour(ok)}">'
                             f"{esc(message)}</span>")

    # -- the wait ---------------------------------------------------------------------

    def start(self) -> None:
        """Begin (or begin again) the guided wait."""
        with self._lock:
            if self.running:
                return
            self.elapsed, self.running = 0, True
            self._stop.clear()
        self.say("")
        self.after.value = None
        self.start_button.description = texts.SOS_AGAIN
        self._draw()
        self._show(waiting=True, finishing=False)
        self.stop_button.focus()  # Start is hidden now: the keyboard lands on Stop
        self.runner(self._loop)

    def _loop(self) -> None:
        while self.step():
            if self._stop.wait(self.tick):
                return

    def step(self) -> bool:
        """Count one second; return False once the wait is over or stopped."""
        with self._lock:
            if not self.running:
                return False
            self.elapsed += 1
            over = self.elapsed >= self.seconds
        if over:
            self._finish(texts.SOS_DONE)
            return False
        self._draw()
        return True

    def _draw(self) -> None:
        left = texts.SOS_LEFT.format(time=sos.clock_text(self.seconds - self.elapsed))
        self.clock.value = f'<div style="{CLOCK_STYLE}">{esc(left)}</div>'
        line = sos.guide_line(self.elapsed, self.seconds)
        self.guide.value = f'<p role="status" aria-live="polite">{esc(line)}</p>'

    def stop(self) -> None:
        """Stop the wait now (the Stop button)."""
        with self._lock:
            if not self.running:
                return
        self._finish(texts.SOS_STOPPED)

    def _finish(self, line: str) -> None:
        with self._lock:
            self.running = False
            self._stop.set()
        self.guide.value = f'<p role="status" aria-live="polite">{esc(line)}</p>'
        self._show(waiting=True, finishing=True)
        self.save_button.focus()  # Stop is hidden now; the rating is one Shift+Tab back

    # -- after -------------------------------------------------------------------------

    def save(self) -> None:
        """Save the urge with its strength before and after; nothing if "before" is missing."""
        before, after = self.before.value, self.after.value
        if before is None:
            self.say(texts.SOS_NEEDS_BEFORE, ok=False)
            return
        try:
            entry = self.journal.add("urges", **sos.urge_values(before, after))
        except ValidationError as exc:
            self.status.value = error_html(exc)
            return
        except JournalError as exc:
            self.say(str(exc), ok=False)
            return
        self.before.value = self.after.value = None
        self._show(waiting=False, finishing=False)
        self.say(sos.saved_message(before, after))
        if self.on_save is not None:
            self.on_save(entry)

    def close_card(self) -> None:
        """End without saving anything."""
        self.stop()
        self.before.value = self.after.value = None
        self._show(waiting=False, finishing=False)
        self.say(texts.SOS_CLOSED)

    def close(self) -> None:
        """Stop the countdown thread, then close the widgets (a redraw replaced the card)."""
        self._stop.set()
        self.running = False
        super().close()

    def __repr__(self) -> str:
        return "exback-kit ride it out"


def ride_it_out_card(journal: Journal, *, on_save: OnSave = None, now: datetime | None = None,
                     **options: Any) -> RideItOut:
    """Return the "Ride it out" card for ``journal`` (its road, the person's own words, and
    their if-then plan for this hour)."""
    road = session().journey(journal)
    reasons = sos.own_reasons(**own_words_sources(journal), open_road=road.open_road)
    plan = sos.plan_for_now(journal.records("plans"), now or datetime.now().astimezone())
    return RideItOut(journal, open_road=road.open_road, reasons=reasons, plan=plan,
                     on_save=on_save, **options)


def moments_link(journal: Journal, *, on_save: OnSave = None) -> widgets.HTML:
    """Return the line in 04 that leads to the "when it happens" cards in 09."""
    link = (f'<a href="09_moving_on.ipynb" style="{LINK_STYLE}">'
            f"{esc(texts.MOMENTS_LINK)}</a>")
    return widgets.HTML(f"<p>{esc(texts.MOMENTS_LINK_LEAD)} {link}</p>",
                        _dom_classes=("exback-moments-link",))
