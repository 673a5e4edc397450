"""The quick check-in page `exback lab` opens on: today's check-in as one plain HTML form.

A person who opens the kit to say how they are should not wait for JupyterLab first (its
page takes 6–8 s to load here). So the command's address is this page, served by the same
Jupyter server (:mod:`exback_kit.cli.checkin_server`), with the daily check-in's questions
in the notebook's words; JupyterLab is one click away, at the top and after saving, and the
page steps aside (straight to the start notebook) once today's check-in is in the journal.

Plain HTML on purpose: no script runs on it, so there is nothing to load before the
form takes input, and it works with the keyboard, a screen reader and any browser zoom as
the browser's own controls do. Every scale is a group of radio buttons (a fieldset whose
legend names the question and its two ends); a chosen number is filled and ticked, not only
coloured. It shows nothing already written (no earlier notes on a screen that may be
read over a shoulder) and escapes everything it puts into HTML.

This module only builds the page and reads the posted form; it imports no server.
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
#: Longest note the page takes (the journal's own limit also applies).
NOTE_ROWS = 3

STYLE = f"""
:root {{ color-scheme: light; }}
body {{ margin: 0; background: {c.PAGE}; color: {c.BOX_TEXT};
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }}
main {{ max-width: 40rem; margin: 0 auto; padding: 1rem; box-sizing: border-box; }}
h1 {{ font-size: 1.5rem; margin: .5rem 0; }}
p {{ margin: .5rem 0; }}
a {{ color: {c.LINK}; }}
.way-on {{ display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }}
.button {{ display: inline-block; padding: .6rem 1.1rem; border-radius: 6px;
  border: 2px solid {c.CHOICE_PICKED}; background: {c.CHOICE_PICKED};
  color: {c.CHOICE_PICKED_TEXT}; font: inherit; font-weight: 600; text-decoration: none;
  cursor: pointer; }}
.button.quiet {{ background: {c.CHART_CARD}; color: {c.CHOICE_PICKED}; }}
.button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible {{
  outline: 3px solid {c.FOCUS}; outline-offset: 2px; }}
fieldset, .field {{ border: 1px solid {c.CARD_BORDER}; border-radius: 8px; margin: .9rem 0;
  padding: .6rem .8rem; background: {c.CHART_CARD}; }}
legend {{ float: left; width: 100%; padding: 0; font-weight: 600; }}
.field > label {{ font-weight: 600; }}
.ends {{ display: block; font-weight: normal; color: {c.SOFT_TEXT}; font-size: .9rem; }}
.scale, .habits {{ clear: both; }}
.scale {{ display: flex; flex-wrap: wrap; gap: .35rem; padding-top: .3rem; }}
.scale input, .habits input {{ position: absolute; opacity: 0; width: 1px; height: 1px; }}
.scale label {{ min-width: 2.4rem; padding: .45rem .2rem; text-align: center;
  border: 2px solid {c.CHOICE_BORDER}; border-radius: 6px; background: {c.CHART_CARD};
  cursor: pointer; }}
.scale label.skip {{ min-width: auto; padding: .45rem .6rem; font-size: .9rem; }}
.scale input:checked + label {{ background: {c.CHOICE_PICKED}; border-color: {c.CHOICE_PICKED};
  color: {c.CHOICE_PICKED_TEXT}; font-weight: 700; }}
.scale input:checked + label::before {{ content: "\\2713\\00a0"; }}
.scale input:checked + label.skip {{ background: {c.BOX_QUIET}; border-color: {c.CHOICE_BORDER};
  color: {c.BOX_TEXT}; }}
.scale input:focus-visible + label, .habits input:focus-visible + label {{
  outline: 3px solid {c.FOCUS}; outline-offset: 2px; }}
.habits {{ display: flex; flex-direction: column; gap: .3rem; padding-top: .3rem; }}
.habits label {{ display: flex; gap: .5rem; align-items: center; cursor: pointer; }}
.habits label::before {{ content: ""; flex: none; width: 1.1rem; height: 1.1rem;
  border: 2px solid {c.CHOICE_BORDER}; border-radius: 4px; background: {c.CHART_CARD}; }}
.habits input:checked + label::before {{ content: "\\2713"; background: {c.CHOICE_PICKED};
  border-color: {c.CHOICE_PICKED}; color: {c.CHOICE_PICKED_TEXT}; font-size: .9rem;
  line-height: 1.1rem; text-align: center; }}
input[type=number], textarea {{ font: inherit; padding: .4rem; border: 1px solid {c.CHOICE_BORDER};
  border-radius: 6px; box-sizing: border-box; max-width: 100%; }}
textarea {{ width: 100%; }}
.problem {{ border-left: 4px solid {c.PROBLEM_TEXT}; background: {c.PROBLEM_TINT};
  padding: .5rem .8rem; }}
.saved {{ border-left: 4px solid {c.OK_TEXT}; background: {c.OK_TINT}; padding: .5rem .8rem; }}
[aria-invalid=true] {{ border-color: {c.PROBLEM_TEXT}; }}
"""


def esc(text: object) -> str:
    """Return ``text`` escaped for HTML, quotes included."""
    return html.escape(str(text), quote=True)


def _document(title: str, body: str) -> str:
    return (f'<!doctype html>\n<html lang="{esc(language.babel_locale())}"><head>'
            '<meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)} · exback-kit</title><style>{STYLE}</style></head>"
            f"<body><main>{body}</main></body></html>")


def _scale(name: str, low: int, high: int, required: bool, chosen: str,
           invalid: bool) -> str:
    question, (low_words, high_words) = {
        "mood": (texts.CHECKIN_MOOD, texts.CHECKIN_MOOD_ENDS),
        "energy": (texts.CHECKIN_ENERGY, texts.CHECKIN_ENERGY_ENDS),
        "mind": (texts.CHECKIN_MIND, texts.CHECKIN_MIND_ENDS)}[name]
    ends = texts.QUICK_ENDS.format(low=low, low_words=low_words, high=high,
                                   high_words=high_words)
    options = []
    if not required:
        checked = " checked" if not chosen else ""
        options.append(f'<input type="radio" id="{name}-skip" name="{name}" value=""{checked}>'
                       f'<label class="skip" for="{name}-skip">{esc(texts.QUICK_LEAVE_OUT)}'
                       "</label>")
    for n in range(low, high + 1):
        checked = " checked" if chosen == str(n) else ""
        need = " required" if required and n == low else ""
        options.append(f'<input type="radio" id="{name}-{n}" name="{name}" value="{n}"'
                       f"{checked}{need}><label for=\"{name}-{n}\">{n}</label>")
    bad = ' aria-invalid="true" aria-describedby="problem"' if invalid else ""
    return (f'<fieldset class="exback-quick-{name}"{bad}><legend>{esc(question)}'
            f'<span class="ends">{esc(ends)}</span></legend>'
            f'<div class="scale">{"".join(options)}</div></fieldset>')


def form_page(*, habits: Sequence[tuple[str, str]], action: str, kit_url: str, xsrf: str,
              values: Mapping[str, Any] | None = None, problem: tuple[str, str] | None = None,
              new_journal: bool = False) -> str:
    """Return the check-in page.

    Args:
        habits: (id, words) of each habit offered, as the notebook's check-in offers them.
        action: where the form posts (this page's path).
        kit_url: JupyterLab's start notebook.
        xsrf: the server's hidden anti-forgery field (HTML it made).
        values: what the person posted, shown again after a problem (nothing is saved).
        problem: (field, message) of a value the journal refused.
        new_journal: the journal holds nothing yet: say where the start page is.
    """
    values = values or {}
    wrong = problem[0] if problem else ""
    parts = [f"<h1>{esc(texts.CHECKIN_HEADING)}</h1>",
             f"<p>{esc(texts.QUICK_WELCOME if new_journal else texts.QUICK_INTRO)}</p>",
             f'<p class="way-on"><a class="button quiet" href="{esc(kit_url)}">'
             f"{esc(texts.QUICK_OPEN_KIT_FIRST if new_journal else texts.QUICK_OPEN_KIT)}"
             "</a></p>"]
    if problem:
        parts.append(f'<p class="problem" id="problem" role="alert">{esc(problem[1])}</p>')
    fields = [_scale(name, low, high, required, str(values.get(name) or ""), wrong == name)
              for name, low, high, required in SCALES]
    sleep = values.get("sleep_hours")
    bad_sleep = ' aria-invalid="true" aria-describedby="problem"' if wrong == "sleep_hours" else ""
    fields.insert(2, '<div class="field exback-quick-sleep">'
                     f'<label for="sleep_hours">{esc(texts.CHECKIN_SLEEP)}</label><br>'
                     '<input type="number" id="sleep_hours" name="sleep_hours" min="0" max="24"'
                     f' step="any" inputmode="decimal" value="{esc(sleep or "")}"{bad_sleep}>'
                     "</div>")
    ticked = set(values.get("habits") or ())
    boxes = "".join(
        f'<input type="checkbox" id="habit-{i}" name="habits" value="{esc(h)}"'
        f'{" checked" if h in ticked else ""}><label for="habit-{i}">{esc(words)}</label>'
        for i, (h, words) in enumerate(habits))
    fields.append(f'<fieldset class="exback-quick-habits"><legend>{esc(texts.CHECKIN_HABITS)}'
                  f'</legend><div class="habits">{boxes}</div></fieldset>')
    bad_note = ' aria-invalid="true" aria-describedby="problem"' if wrong == "note" else ""
    fields.append(f'<div class="field exback-quick-note"><label for="note">{esc(texts.NOTE)}'
                  f'</label><textarea id="note" name="note" rows="{NOTE_ROWS}"{bad_note}>'
                  f'{esc(values.get("note") or "")}</textarea></div>')
    parts.append(f'<form method="post" action="{esc(action)}" class="exback-quick">{xsrf}'
                 f'{"".join(fields)}<p class="way-on"><button class="button" type="submit">'
                 f"{esc(texts.SAVE)}</button></p></form>")
    return _document(texts.CHECKIN_HEADING, "".join(parts))


def saved_page(*, kit_url: str, again_url: str) -> str:
    """Return the page shown once the check-in is on disk."""
    body = (f"<h1>{esc(texts.CHECKIN_HEADING)}</h1>"
            f'<p class="saved" role="status">{esc(texts.CHECKIN_SAVED)}</p>'
            f'<p class="way-on"><a class="button" href="{esc(kit_url)}">'
            f"{esc(texts.QUICK_OPEN_KIT)}</a>"
            f'<a href="{esc(again_url)}">{esc(texts.QUICK_ANOTHER)}</a></p>'
            f"<p>{esc(texts.QUICK_CLOSE)}</p>")
    return _document(texts.CHECKIN_HEADING, body)


def trouble_page(*, message: str, kit_url: str) -> str:
    """Return the page shown when the journal can't be used (nothing was saved)."""
    body = (f"<h1>{esc(texts.CHECKIN_HEADING)}</h1>"
            f'<p class="problem" role="alert">{esc(message)}</p>'
            f'<p class="way-on"><a class="button" href="{esc(kit_url)}">'
            f"{esc(texts.QUICK_OPEN_KIT)}</a></p>")
    return _document(texts.CHECKIN_HEADING, body)


def posted_checkin(first: Callable[[str], str],
                   every: Callable[[str], list[str]]) -> dict[str, Any]:
    """Return the check-in the form posted, as :meth:`Journal.add_checkin` takes it.

    ``first(name)`` gives a field's value ("" when absent), ``every(name)`` all of them.
    Empty answers become "not given". The journal checks every value (and refuses, naming
    the field, what it doesn't allow); the caller keeps only the habits it offered.
    """
    def given(name: str) -> str | None:
        value = first(name).strip()
        return value or None

    return {"mood": given("mood"), "energy": given("energy"),
            "sleep_hours": given("sleep_hours"), "mind": given("mind"),
            "habits": [h for h in every("habits") if h.strip()], "note": first("note")}
