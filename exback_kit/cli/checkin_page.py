"""The quick check-in page `exback lab` opens on: today's check-in as one plain HTML form.

A person who opens the kit to say how they are should not wait for JupyterLab first (its
page takes 6–8 s to load here). So the command's address is this page, served by the same
Jupyter server (:mod:`exback_kit.cli.checkin_server`), with the daily check-in's questions
in the notebook's words; JupyterLab is one click away, at the top and after saving, and the
page steps aside (straight to the start notebook) once today's check-in is in the journal.

Plain HTML on purpose: no script runs on it, so there is nothing to load before the form
takes input, and it works with the keyboard, a screen reader and any browser zoom as the
browser's own controls do. Every scale is a radio group (a fieldset whose legend names the
question and its two ends); a chosen number is filled and ticked, not only coloured. After a
refusal each problem sits by its field, named in the alert at the top, and the first field
with a problem has the focus. It shows nothing already written (no earlier notes on a screen
that may be read over a shoulder) and escapes everything it puts into HTML.

This module only builds the pages and reads the posted form; it imports no server.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from exback_kit import colours as c
from exback_kit.content import language, texts

#: The scales on the page, as (field, lowest, highest, required); the notebook's check-in asks
#: the same (mood 1–10, energy 1–10, how much they took up your mind 0–10).
SCALES = (("mood", 1, 10, True), ("energy", 1, 10, False), ("mind", 0, 10, False))
#: The check-in's fields the page asks for (a problem with any other is said at the top).
FIELDS = ("mood", "energy", "sleep_hours", "mind", "habits", "note")
#: Rows of the note's text box.
NOTE_ROWS = 3
#: The hidden field that makes a form's Save count once (a double click saves one check-in).
ONCE_FIELD = "once"

STYLE = f"""
:root {{ color-scheme: light dark; --page: {c.PAGE}; --card: {c.CHART_CARD}; --text: {c.BOX_TEXT};
  --soft: {c.SOFT_TEXT}; --line: {c.CARD_BORDER}; --link: {c.LINK}; --focus: {c.FOCUS};
  --ok: {c.OK_TEXT}; --ok-tint: {c.OK_TINT}; --bad: {c.PROBLEM_TEXT};
  --bad-tint: {c.PROBLEM_TINT}; --quiet: {c.BOX_QUIET}; }}
@media (prefers-color-scheme: dark) {{
  :root {{ --page: {c.PAGE_DARK}; --card: {c.CARD_DARK}; --text: {c.TEXT_DARK};
    --soft: {c.SOFT_TEXT_DARK}; --line: {c.CARD_BORDER_DARK}; --link: {c.FOCUS_DARK};
    --focus: {c.FOCUS_DARK}; --ok: {c.OK_TEXT_DARK}; --ok-tint: {c.CARD_DARK};
    --bad: {c.PROBLEM_TEXT_DARK}; --bad-tint: {c.CARD_DARK}; --quiet: {c.CARD_BORDER_DARK}; }}
}}
body {{ margin: 0; background: var(--page); color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }}
main {{ max-width: 40rem; margin: 0 auto; padding: 1rem; box-sizing: border-box; }}
h1 {{ font-size: 1.5rem; margin: .5rem 0; }}
p {{ margin: .5rem 0; }}
a {{ color: var(--link); }}
.way-on {{ display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }}
.button {{ display: inline-block; padding: .6rem 1.1rem; border-radius: 6px;
  border: 2px solid {c.CHOICE_PICKED}; background: {c.CHOICE_PICKED};
  color: {c.CHOICE_PICKED_TEXT}; font: inherit; font-weight: 600; text-decoration: none;
  cursor: pointer; }}
.button.quiet {{ background: var(--card); color: var(--link); border-color: var(--link); }}
.button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible {{
  outline: 3px solid var(--focus); outline-offset: 2px; }}
fieldset, .field {{ border: 1px solid var(--line); border-radius: 8px; margin: .9rem 0;
  padding: .6rem .8rem; background: var(--card); }}
legend {{ float: left; width: 100%; padding: 0; font-weight: 600; }}
.field > label {{ font-weight: 600; }}
.ends {{ display: block; font-weight: normal; color: var(--soft); font-size: .9rem; }}
.scale, .habits, .field-problem {{ clear: both; }}
.scale {{ display: flex; flex-wrap: wrap; gap: .35rem; padding-top: .3rem; }}
.scale input, .habits input {{ position: absolute; opacity: 0; width: 1px; height: 1px; }}
.scale label {{ min-width: 2.4rem; padding: .45rem .2rem; text-align: center;
  border: 2px solid {c.CHOICE_BORDER}; border-radius: 6px; background: var(--card);
  cursor: pointer; }}
.scale label.skip {{ min-width: auto; padding: .45rem .6rem; font-size: .9rem; }}
.scale input:checked + label {{ background: {c.CHOICE_PICKED}; border-color: {c.CHOICE_PICKED};
  color: {c.CHOICE_PICKED_TEXT}; font-weight: 700; }}
.scale input:checked + label::before {{ content: "\\2713\\00a0"; }}
.scale input:checked + label.skip {{ background: var(--quiet); border-color: {c.CHOICE_BORDER};
  color: var(--text); }}
.scale input:focus-visible + label, .habits input:focus-visible + label {{
  outline: 3px solid var(--focus); outline-offset: 2px; }}
.habits {{ display: flex; flex-direction: column; gap: .3rem; padding-top: .3rem; }}
.habits label {{ display: flex; gap: .5rem; align-items: center; cursor: pointer; }}
.habits label::before {{ content: ""; flex: none; width: 1.1rem; height: 1.1rem;
  border: 2px solid {c.CHOICE_BORDER}; border-radius: 4px; background: var(--card); }}
.habits input:checked + label::before {{ content: "\\2713"; background: {c.CHOICE_PICKED};
  border-color: {c.CHOICE_PICKED}; color: {c.CHOICE_PICKED_TEXT}; font-size: .9rem;
  line-height: 1.1rem; text-align: center; }}
input[type=number], textarea {{ font: inherit; padding: .4rem; border: 1px solid {c.CHOICE_BORDER};
  border-radius: 6px; box-sizing: border-box; max-width: 100%; background: var(--card);
  color: var(--text); }}
textarea {{ width: 100%; }}
.problem {{ border-left: 4px solid var(--bad); background: var(--bad-tint); padding: .5rem .8rem; }}
.field-problem {{ color: var(--bad); margin: .3rem 0 0; }}
.saved {{ border-left: 4px solid var(--ok); background: var(--ok-tint); padding: .5rem .8rem; }}
[aria-invalid=true] {{ border-color: var(--bad); }}
"""


def esc(text: object) -> str:
    """Return ``text`` escaped for HTML, quotes included."""
    return html.escape(str(text), quote=True)


def _document(title: str, body: str, state: str = "") -> str:
    shown = f"{state} – {title}" if state else title
    return (f'<!doctype html>\n<html lang="{esc(language.babel_locale())}"><head>'
            '<meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(shown)} · exback-kit</title><style>{STYLE}</style></head>"
            f"<body><main>{body}</main></body></html>")


class _Problems:
    """The refused fields: what each says, and the focus on the first one."""

    def __init__(self, found: Mapping[str, str]) -> None:
        self.found = dict(found)
        self.first = next(iter(self.found), "")

    def marks(self, name: str) -> str:
        """Return the attributes that tie a refused control to its problem."""
        if name not in self.found:
            return ""
        return f' aria-invalid="true" aria-describedby="problem-{name}"'

    def focus(self, name: str) -> str:
        """Return ``autofocus`` for the first control of the first refused field."""
        return " autofocus" if name == self.first else ""

    def line(self, name: str) -> str:
        """Return the problem's line, placed by its field."""
        if name not in self.found:
            return ""
        problem = texts.FIELD_PROBLEM.format(problem=self.found[name])
        return f'<p class="field-problem" id="problem-{name}">{esc(problem)}</p>'


def _scale(name: str, low: int, high: int, required: bool, chosen: str,
           problems: _Problems) -> str:
    question, (low_words, high_words) = {
        "mood": (texts.CHECKIN_MOOD, texts.CHECKIN_MOOD_ENDS),
        "energy": (texts.CHECKIN_ENERGY, texts.CHECKIN_ENERGY_ENDS),
        "mind": (texts.CHECKIN_MIND, texts.CHECKIN_MIND_ENDS)}[name]
    ends = texts.QUICK_ENDS.format(low=low, low_words=low_words, high=high,
                                   high_words=high_words)
    focus = problems.focus(name)
    options = []
    if not required:
        checked = " checked" if not chosen else ""
        options.append(f'<input type="radio" id="{name}-skip" name="{name}" value=""'
                       f"{checked}{focus}>"
                       f'<label class="skip" for="{name}-skip">{esc(texts.QUICK_LEAVE_OUT)}'
                       "</label>")
        focus = ""
    for n in range(low, high + 1):
        checked = " checked" if chosen == str(n) else ""
        need = " required" if required and n == low else ""
        options.append(f'<input type="radio" id="{name}-{n}" name="{name}" value="{n}"'
                       f"{checked}{need}{focus if n == low else ''}>"
                       f'<label for="{name}-{n}">{n}</label>')
    need = ' aria-required="true"' if required else ""
    return (f'<fieldset class="exback-quick-{name}" role="radiogroup"{need}'
            f"{problems.marks(name)}><legend>{esc(question)}"
            f'<span class="ends">{esc(ends)}</span></legend>'
            f'<div class="scale">{"".join(options)}</div>{problems.line(name)}</fieldset>')


def _fields(habits: Sequence[tuple[str, str]], values: Mapping[str, Any],
            problems: _Problems) -> list[str]:
    fields = [_scale(name, low, high, required, str(values.get(name) or ""), problems)
              for name, low, high, required in SCALES]
    sleep = values.get("sleep_hours")
    fields.insert(2, '<div class="field exback-quick-sleep">'
                     f'<label for="sleep_hours">{esc(texts.CHECKIN_SLEEP)}</label><br>'
                     '<input type="number" id="sleep_hours" name="sleep_hours" min="0" max="24"'
                     f' step="any" inputmode="decimal" value="{esc(sleep or "")}"'
                     f'{problems.marks("sleep_hours")}{problems.focus("sleep_hours")}>'
                     f'{problems.line("sleep_hours")}</div>')
    ticked = set(values.get("habits") or ())
    boxes = "".join(
        f'<input type="checkbox" id="habit-{i}" name="habits" value="{esc(h)}"'
        f'{" checked" if h in ticked else ""}{problems.focus("habits") if i == 0 else ""}>'
        f'<label for="habit-{i}">{esc(words)}</label>'
        for i, (h, words) in enumerate(habits))
    fields.append(f'<fieldset class="exback-quick-habits"{problems.marks("habits")}>'
                  f'<legend>{esc(texts.CHECKIN_HABITS)}</legend><div class="habits">{boxes}'
                  f'</div>{problems.line("habits")}</fieldset>')
    fields.append(f'<div class="field exback-quick-note"><label for="note">{esc(texts.NOTE)}'
                  f'</label><textarea id="note" name="note" rows="{NOTE_ROWS}"'
                  f'{problems.marks("note")}{problems.focus("note")}>'
                  f'{esc(values.get("note") or "")}</textarea>{problems.line("note")}</div>')
    return fields


def form_page(*, habits: Sequence[tuple[str, str]], action: str, kit_url: str, xsrf: str,
              once: str, values: Mapping[str, Any] | None = None,
              problems: Mapping[str, str] | None = None, general: str = "",
              new_journal: bool = False, kit_in_new_tab: bool = False) -> str:
    """Return the check-in page.

    Args:
        habits: (id, words) of each habit offered, as the notebook's check-in offers them.
        action: where the form posts (this page's path).
        kit_url: JupyterLab's start notebook.
        xsrf: the server's hidden anti-forgery field (HTML it made).
        once: this form's single-use mark (see :data:`ONCE_FIELD`).
        values: what the person posted, shown again after a problem (nothing is saved).
        problems: {field: message} for each value the journal refused, shown by its field.
        general: a problem that belongs to no field (the journal can't be used right now).
        new_journal: the journal holds nothing yet: say where the start page is.
        kit_in_new_tab: open the kit in a new tab, keeping this form and its answers.
    """
    values = values or {}
    refused = _Problems(problems or {})
    new_tab = ' target="_blank" rel="noopener"' if kit_in_new_tab else ""
    parts = [f"<h1>{esc(texts.CHECKIN_HEADING)}</h1>",
             f"<p>{esc(texts.QUICK_WELCOME if new_journal else texts.QUICK_INTRO)}</p>",
             f'<p class="way-on"><a class="button quiet" href="{esc(kit_url)}"{new_tab}>'
             f"{esc(texts.QUICK_OPEN_KIT_FIRST if new_journal else texts.QUICK_OPEN_KIT)}"
             "</a></p>"]
    if refused.found or general:
        said = [texts.say(texts.NOT_SAVED, count=len(refused.found))] if refused.found else []
        said += [texts.NOT_SAVED_ONE.format(problem=general)] if general else []
        parts.append(f'<p class="problem" id="problem" role="alert">{esc(" ".join(said))}</p>')
    parts.append(f'<form method="post" action="{esc(action)}" class="exback-quick">{xsrf}'
                 f'<input type="hidden" name="{ONCE_FIELD}" value="{esc(once)}">'
                 f'{"".join(_fields(habits, values, refused))}<p class="way-on">'
                 f'<button class="button" type="submit">{esc(texts.SAVE)}</button></p></form>')
    state = texts.QUICK_NOT_SAVED_TITLE if refused.found or general else ""
    return _document(texts.CHECKIN_HEADING, "".join(parts), state)


def saved_page(*, kit_url: str, again_url: str) -> str:
    """Return the page shown once the check-in is on disk."""
    body = (f"<h1>{esc(texts.CHECKIN_HEADING)}</h1>"
            f'<p class="saved" role="status">{esc(texts.CHECKIN_SAVED)}</p>'
            f'<p class="way-on"><a class="button" href="{esc(kit_url)}">'
            f"{esc(texts.QUICK_OPEN_KIT)}</a>"
            f'<a href="{esc(again_url)}">{esc(texts.QUICK_ANOTHER)}</a></p>'
            f"<p>{esc(texts.QUICK_CLOSE)}</p>")
    return _document(texts.CHECKIN_HEADING, body, texts.QUICK_SAVED_TITLE)


def trouble_page(*, message: str, kit_url: str) -> str:
    """Return the page shown when the journal can't be read (the form can't be built)."""
    body = (f"<h1>{esc(texts.CHECKIN_HEADING)}</h1>"
            f'<p class="problem" role="alert">{esc(message)}</p>'
            f'<p class="way-on"><a class="button" href="{esc(kit_url)}">'
            f"{esc(texts.QUICK_OPEN_KIT)}</a></p>")
    return _document(texts.CHECKIN_HEADING, body)


def posted_checkin(first: Callable[[str], str],
                   every: Callable[[str], list[str]]) -> dict[str, Any]:
    """Return the check-in the form posted, as :meth:`Journal.add_checkin` takes it.

    ``first(name)`` gives a field's value as sent ("" when absent), ``every(name)`` all of
    them. Empty answers become "not given"; the note is kept as typed. The journal checks
    every value (and refuses, naming the field, what it doesn't allow); the caller keeps
    only the habits it offered.
    """
    def given(name: str) -> str | None:
        value = first(name).strip()
        return value or None

    return {"mood": given("mood"), "energy": given("energy"),
            "sleep_hours": given("sleep_hours"), "mind": given("mind"),
            "habits": [h for h in every("habits") if h.strip()], "note": first("note")}
