"""Every word the person reads, in one place, with {placeholders}.

Tone: warm, plain, short. Never diagnose, shame or pressure. Each module keeps
its messages in its own section below; format with ``str.format``.
"""

from __future__ import annotations

# --- store and validation -------------------------------------------------
BAD_VALUE = "{field}: {value} isn't allowed here. Please use {allowed}."
WHOLE_NUMBER = "a whole number from {lo} to {hi}"
NUMBER = "a number from {lo} to {hi}"
BAD_TEXT = "{field}: {value} isn't text. Please type some words (or leave it empty)."
NUL_IN_TEXT = "{field}: the text holds a hidden NUL character, which can't be saved. Please retype it."
TOO_LONG = ("{field}: that's {length:,} characters; the most this field keeps is {max_len:,}. "
            "Could you shorten it or split it into two entries?")
REQUIRED = "{field}: this one is needed to save (got {value})."
BAD_FLAG = "{field}: {value} isn't allowed here. Please use yes or no (True/False)."
BAD_CHOICE = "{field}: {value} isn't one of the options. Please use one of: {allowed}."
BAD_LIST = "{field}: {value} isn't allowed here. Please give a list of short words."
LIST_TOO_LONG = "{field}: {value} has too many entries; the most is {max_len}."
BAD_ANSWER = "{field}: {value} can't be saved as an answer. Please use text, a number, yes/no, a date or a list."
BAD_MOMENT = "{field}: {value} isn't a date or time. Please use a date like 2026-03-14 or a time like 2026-03-14T21:30."
BAD_DAY = "{field}: {value} isn't a date. Please use a date like 2026-03-14."
TOO_EARLY = "{field}: {value} is before {earliest}. Please check the year."
IN_FUTURE = "{field}: {value} is in the future. Entries can be for today or earlier."
UNKNOWN_FIELD = "{kind} has no field called {field!r}. The fields are: {allowed}."
UNKNOWN_KIND = "The journal has no kind of entry called {kind!r}. The kinds are: {allowed}."
IN_ENTRY = "Entry {number}: {problem} Nothing was saved."
NO_SUCH_ENTRY = "There is no {kind} entry with id {id}."
NOT_UPDATABLE = "{field}: entries keep their history, so this can't be changed after saving. Fields you can change in {kind}: {allowed}."
NOT_A_JOURNAL = ("{path} isn't an exback-kit journal (it may be another file, or damaged). "
                 "It was left untouched. {backup_hint}")
BACKUP_HINT = "Your newest backup is {backup}; `exback restore` can bring it back."
NO_BACKUP_HINT = "No backup was found next to it."
NEWER_JOURNAL = ("{path} was written by a newer version of exback-kit (format {found}; this "
                 "version reads up to {known}). It was left untouched. Please update the kit.")
JOURNAL_BUSY = ("The journal at {path} stayed busy for {seconds:.0f} s (another notebook or "
                "command is writing). Nothing was saved; please try again.")
NETWORK_FOLDER = "{path} can't be opened: {reason}"

# --- command line -----------------------------------------------------------

# --- content and forms ------------------------------------------------------

# --- boundaries, moving-on path, readiness ----------------------------------

# --- wellbeing scales -------------------------------------------------------

# --- charts and summaries ---------------------------------------------------

# --- notebooks and stages ---------------------------------------------------

# --- report, reminders, imports ---------------------------------------------
