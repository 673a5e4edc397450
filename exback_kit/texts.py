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
BAD_EXPORT_FORMAT = "format: {value!r} isn't a format the kit can write. Please use one of: {allowed}."
NOT_AN_EXPORT = "{path} isn't an exback-kit export (no manifest the kit recognises). Nothing was imported."
NEWER_EXPORT = "{path} was exported by a newer version of exback-kit. Nothing was imported; please update the kit."
NO_SUCH_FILE = "{path} doesn't exist. Please check the path."
CLI_DESCRIPTION = "exback-kit: a private journal for the weeks after a breakup. Everything stays on this computer."
CLI_USAGE_ERROR = "{prog}: {problem}\n"
CLI_PROBLEM = "Nothing was changed. {problem}"
CLI_INTERRUPTED = "Stopped. Anything already saved is safe."
CLI_NEEDS_YES = "This needs a yes from you. Run it in a terminal to be asked, or add --yes."
CLI_CANCELLED = "Okay, nothing was changed."
CLI_WHERE_DETAIL = "journal exists: {exists}\nbackups folder: {backups}"
CLI_ASK_MOOD = "Mood right now, 1 (very low) to 10 (very good): "
CLI_ASK_ENERGY = "Energy, 1 (drained) to 10 (buzzing) — Enter to skip: "
CLI_ASK_SLEEP = "Hours slept last night — Enter to skip: "
CLI_ASK_HABITS = "Anything from today, separated by commas (e.g. exercise, saw friends) — Enter to skip: "
CLI_ASK_NOTE = "A note, if you like — Enter to skip: "
CLI_MOOD_NEEDED = "mood: please add --mood with a whole number from 1 to 10 (or run it in a terminal to be asked)."
CLI_SAVED_CHECKIN = "Saved your check-in (mood {mood}/10). Thanks for checking in."
CLI_SAVED_CONTACT = "Saved. Logging it honestly is what makes the numbers useful."
CLI_SAVED_LOGISTICS = "Saved as logistics. It doesn't break your No-Contact streak."
CLI_SAVED_URGE = "Saved. You noticed the urge and let it pass — that counts."
CLI_SAVED_URGE_ACTED = "Saved. It happens; noticing it is how the pattern changes."
CLI_EXPORTED = "Exported to {path}"
CLI_IMPORTED = "Imported {count} new entries ({kinds})."
CLI_BACKED_UP = "Backed up to {path}"
CLI_NO_BACKUPS = "backup: there are no backups yet. `exback backup` makes one."
CLI_CONFIRM_RESTORE = "Replace the journal with {source}? A copy of the current journal is kept first. Type yes: "
CLI_RESTORED = "Restored from {source}. The journal as it was is kept at {safety}."
CLI_CONFIRM_FORGET = "This deletes {path} and all its backups, for good. Type delete to go ahead: "
CLI_FORGOTTEN = "Deleted {path} and its backups."
CLI_HELP_JOURNAL = "use the journal at PATH instead of the usual one"
CLI_HELP_AT = "when it happened (e.g. 2026-03-14 or 2026-03-14T21:30); default now"
CLI_HELP_NOTE = "a short note (optional)"
CLI_HELP_WHERE = "show where the journal lives"
CLI_HELP_CHECKIN = "a 30-second check-in: mood, energy, sleep, habits, note"
CLI_HELP_SLEEP = "hours slept, 0–24"
CLI_HELP_HABIT = "something you did today; repeat for more"
CLI_HELP_CONTACT = "log contact with your ex"
CLI_HELP_REPLIED = "you replied to them"
CLI_HELP_LOGISTICS = "needed contact (children, a shared lease…); it doesn't break the streak"
CLI_HELP_URGE = "log an urge to reach out"
CLI_HELP_ACTED_ON = "you acted on it"
CLI_HELP_HELPED = "what helped you ride it out"
CLI_HELP_STATUS = "No-Contact streak, latest mood and where you are"
CLI_HELP_EXPORT = "export everything (a zip of CSVs, or JSON)"
CLI_HELP_EXPORT_OUT = "file to write (.zip or .json); default a dated name here"
CLI_HELP_IMPORT = "add the entries of an exback-kit export"
CLI_HELP_BACKUP = "make a backup copy now"
CLI_HELP_RESTORE = "bring back a backup (the newest unless you name one)"
CLI_HELP_FORGET = "delete the journal and its backups"
STATUS_NO_CONTACT_TARGET = "No-Contact: day {day} of {target} (longest streak {longest} days, lapses {lapses})"
STATUS_NO_CONTACT = "No-Contact: day {day} (longest streak {longest} days, lapses {lapses}). No target set yet."
STATUS_MOOD = "Latest mood: {mood}/10 on {day}"
STATUS_NO_MOOD = "Latest mood: no check-ins yet. `exback checkin` takes 30 seconds."
STATUS_STAGE = "Where you are: {stage}"
STATUS_DEMO = "(This is the demo journal, filled with made-up data.)"
IN_IMPORT_ROW = "{kind}, row {number}: {problem} Nothing was imported."

# --- content and forms ------------------------------------------------------

# --- boundaries, moving-on path, readiness ----------------------------------

# --- wellbeing scales -------------------------------------------------------

# --- charts and summaries ---------------------------------------------------

# --- notebooks and stages ---------------------------------------------------

# --- report, reminders, imports ---------------------------------------------
