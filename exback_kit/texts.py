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
# Content errors (read by whoever edits data/*.toml): "where" names file, step, question.
CONTENT_WHERE = "{file}"
CONTENT_WHERE_STEP = "{file}, step {step}"
CONTENT_WHERE_QUESTION = "{file}, step {step}, question {question!r}"
CONTENT_BAD_TOML = "{where}: this isn't valid TOML ({reason})."
CONTENT_MISSING = "{where}: {key!r} is missing or empty; please add it."
CONTENT_UNKNOWN_TYPE = "{where}: unknown question type {type!r}. Allowed: {allowed}."
CONTENT_DUPLICATE = "{where}: the id {id!r} is used twice; each {what} needs its own id."
CONTENT_BAD_ID = "{where}: {id!r} isn't a usable id; use lower-case letters, digits and _ (at most 64)."
CONTENT_BAD_RANGE = "{where}: {key} needs whole numbers with min below max (got {lo!r} to {hi!r})."
CONTENT_BAD_CHOICES = "{where}: choices need an id and a label each ({problem})."
CONTENT_BAD_STEPS = "{where}: {problem}"
CONTENT_NO_STEP = "There is no step {number}; the steps run from 0 to 18."
CONTENT_NO_STAGE = "There is no stage {stage_id!r}. The stages are: {allowed}."
ANSWER_NOT_CHOICE = "{field}: {value} isn't one of the options. Please pick from: {allowed}."
ANSWER_NOT_YESNO = "{field}: please answer yes or no (got {value})."
ANSWER_NOT_NUMBER = "{field}: {value} isn't a number. Please type a number like 12 or 3.5 (or leave it empty)."

# --- boundaries, moving-on path, readiness ----------------------------------

# --- wellbeing scales -------------------------------------------------------
WHO5_BANDS = {
    "low": "Low wellbeing over the last two weeks",
    "middle": "Wellbeing somewhat below the usual range",
    "good": "Wellbeing in a good range",
}
WHO5_RESULT = "WHO-5: {raw} of 25, which is {percent} %. {band}."
WHO5_CHANGE = "That is {delta:+d} points since your last one ({previous} %), a change worth noticing."
WHO5_SMALL_CHANGE = "That is {delta:+d} points since your last one ({previous} %), within the usual ups and downs."
ROSENBERG_RESULT = "Self-esteem scale: {total} of 30. Compare it with your own earlier results; the number carries no label."
INSTRUMENT_ITEM_MISSING = "{field}: this statement has no answer yet. Please pick one (all are needed to score the scale)."
INSTRUMENT_UNKNOWN_ITEM = "{field}: the {instrument} has no statement with this id. Its statements are: {allowed}."
INSTRUMENT_WRONG_COUNT = "{field}: {value} has {count} answers; the {instrument} has {expected} statements."
SAFETY_INTRO = ("The last two weeks sound like they have been heavy. This isn't a diagnosis, and nothing to be "
                "ashamed of. It may be a good moment to talk with someone you trust or with a professional, "
                "such as a doctor or counsellor. If you ever feel unsafe, or think about harming yourself, "
                "please reach out right away:")
SAFETY_CONTACT = "• {name}: {detail}"
SAFETY_CHECK_COUNTRY = " (check this is right for your country)"
SAFETY_NO_CONTACTS = "• Your local emergency number"
SAFETY_OUTRO = "You can change this list of contacts at any time (crisis contacts, in the start-here notebook)."
CRISIS_BAD_LINE = "Line {number}: {problem}"
CRISIS_TOO_MANY = "That's {count} contacts; please keep it to {most} or fewer."
CRISIS_DEFAULTS_NOTE = "These are general defaults: check they are right for your country, then edit and save your own."
CRISIS_RESET = "Back to the default list."
CRISIS_HELP = "One contact a line, as name: how to reach them. Leave it empty and save to go back to the defaults."

# --- charts and summaries ---------------------------------------------------

# --- notebooks and stages ---------------------------------------------------

# --- report, reminders, imports ---------------------------------------------
# Calendar words may sync to a cloud and show on a lock screen: keep them discreet.
REMIND_CHECKIN_SUMMARY = "Journal check-in"
REMIND_CHECKIN_DESCRIPTION = "Thirty seconds in your journal: how today felt, how you slept. Skip it freely if today isn't the day."
REMIND_WHO5_SUMMARY = "Wellbeing check"
REMIND_WHO5_DESCRIPTION = "Five short questions about the last two weeks, in your journal. About a minute."
REMIND_NC_SUMMARY = "A milestone in your journal: {days} days"
REMIND_NC_DESCRIPTION = "Today your period of space reaches the {days} days you chose. Whatever comes next, you gave yourself room to think."
REMIND_UNSENT_SUMMARY = "A message in your vault is ready for a second look"
REMIND_UNSENT_DESCRIPTION = "Its cooling-off time is over. When you have a calm moment, open your journal and decide whether to keep it, rewrite it or let it go. Nothing is ever sent for you."
REMIND_ALARM = "A reminder from your journal"
REMIND_WRITTEN = "Wrote {count} reminders to {path}. Import it into your calendar app; importing it again updates them instead of adding copies."
BAD_CLOCK_TIME = "{field}: {value!r} isn't a time of day. Please use HH:MM, e.g. 20:00 or 07:30."
CLI_HELP_REMIND = "calendar reminders (.ics) for check-ins, wellbeing checks and dates that matter"
CLI_HELP_REMIND_OUT = "the .ics file to write"
CLI_HELP_REMIND_TIME = "time of the daily check-in reminder, HH:MM (default 20:00)"
