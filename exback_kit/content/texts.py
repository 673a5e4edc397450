"""Every word the person reads, by name, with {placeholders}: ``texts.NAME``.

This file holds the words of the store, the locked journal, the command line, sync,
the language and the settings, which every command may need. The words of the
notebooks' pages (forms, stages, charts, the report, plans) are in ``page_texts.py``
and are read through this module too: they are loaded on the first name not found
here, so a command like ``exback checkin`` never reads them.

Tone: warm, plain, short. Never diagnose, shame or pressure. Each module keeps
its messages in its own section; format with ``str.format`` or :func:`say`.
"""

from __future__ import annotations

from datetime import date

from exback_kit.content import language

TYPE_CHECKING = False  # as typing's, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any


def _counting() -> Any:
    """Return a formatter that is str.format plus counted nouns: ``{days:n:day}`` gives "1 day"
    or "7 days"; ``{n:n:entry|entries}`` names an irregular plural; a day (a date, a timestamp
    or an ISO ``YYYY-MM-DD`` string) reads the language's way (English: as given).

    Built on the first :func:`say`: ``string`` compiles its Template's pattern when imported,
    which a command that never counts a noun (``exback checkin``) need not pay for.
    """
    import string

    class Counting(string.Formatter):
        def format_field(self, value: Any, format_spec: str) -> str:
            if not format_spec and (isinstance(value, date) or language.is_iso_day(value)):
                return language.day(value)
            if format_spec.startswith("n:"):
                one, _, many = format_spec[2:].partition("|")
                return f"{language.number(value)} {language.counted(one, many or one + 's', value)}"
            return str(super().format_field(value, format_spec))

    return Counting()


_formatter: Any = None


def say(template: str, /, **values: Any) -> str:
    """Fill a message's placeholders; ``{name:n:noun}`` counts the noun (1 day, 2 days)."""
    global _formatter
    if _formatter is None:
        _formatter = _counting()  # stateless, so one serves every call
    return str(_formatter.format(template, **values))

# --- store and validation -------------------------------------------------
BAD_VALUE = "{field}: {value} isn't allowed here. Please use {allowed}."
WHOLE_NUMBER = "a whole number from {lo} to {hi}"
#: The hint inside an empty number field: no example figure, which would read as a norm.
NUMBER_PLACEHOLDER = "a number"
NUMBER = "a number from {lo} to {hi}"
BAD_TEXT = "{field}: {value} isn't text. Please type some words (or leave it empty)."
NUL_IN_TEXT = "{field}: the text holds a hidden NUL character, which can't be saved. Please retype it."
TOO_LONG = ("{field}: that's {length:,} characters; the most this field keeps is {max_len:,}. "
            "Could you shorten it or split it into two entries?")
REQUIRED = "{field}: this one is needed to save (got {value})."
#: What an empty required field held, in REQUIRED's "(got {value})".
NOTHING = "nothing"
BAD_FLAG = "{field}: {value} isn't allowed here. Please use yes or no (True/False)."
BAD_CHOICE = "{field}: {value} isn't one of the options. Please use one of: {allowed}."
BAD_LIST = "{field}: {value} isn't allowed here. Please give a list of short words."
LIST_TOO_LONG = "{field}: {value} has too many entries; the most is {max_len}."
BAD_CHARACTERS = ("{field}: {value} has bytes that aren't valid text (often a terminal set to "
                  "another encoding). Please type it again.")
EMPTY_LIST_ITEM = "{field}: {value} has an empty item. Please leave it out or give it a name."
INVISIBLE_LIST_ITEM = ("{field}: {value} has an item made only of invisible characters. Please leave it out "
                       "or give it a name you can see.")
BIDI_OVERRIDE = ("{field}: {value} holds a hidden character that makes text show in a different order "
                 "than it was typed (a right-to-left override). Please type it again without it.")
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
DISK_FULL = "Your disk is full, so nothing was saved. Free some space and try again."
JOURNAL_READ_ONLY = ("The journal at {path} can't be written to (the file or its folder is "
                     "read-only for you), so nothing was saved. Please check its permissions.")
JOURNAL_FAILED = "The journal at {path} couldn't be read or written ({reason}), so nothing was saved."
JOURNAL_NOT_A_FILE = ("{path} is a folder or a device, not a journal file. It was left untouched; "
                      "please name a file such as journal.sqlite3.")
JOURNAL_GONE = ("The journal at {path} was deleted or replaced while it was open, so this wasn't "
                "saved. Please restart the notebook's kernel (or run the command again) to use "
                "the journal that is there now.")
NOT_A_PLAIN_FILE = ("{path} is a link, a folder or a device, so the kit won't write over it. "
                    "Nothing was changed; please name a new file.")
BACKUP_INCOMPLETE = "The backup {path} came out incomplete, so it was not kept. Nothing else changed."
BACKUP_OVER_OTHER_FILE = ("{path} already exists and isn't an exback-kit backup, so it was left "
                          "alone. Please name a new file.")
NOT_A_BACKUP = ("{path} isn't a complete exback-kit journal or backup, so nothing was restored. "
                "Your journal is untouched.")

# --- the locked journal (store/locking.py, exback encrypt/decrypt/passphrase) ----
LOCK_LOCKED = ("{path} is locked with a passphrase. Set EXBACK_PASSPHRASE, or run the command in a "
               "terminal to be asked. Nothing was read or changed.")
LOCK_WRONG_PASSPHRASE = "That passphrase doesn't open {path}. Nothing was read or changed; please try again."
LOCK_WRONG_RECOVERY_KEY = "That recovery key doesn't open {path}. Nothing was read or changed."
LOCK_WRONG_KEY = "The key this notebook was given doesn't open {path} (its passphrase may have changed). Please unlock it again."
LOCK_BAD_RECOVERY_KEY = ("recovery key: that isn't a recovery key the kit wrote (55 letters and digits in "
                         "groups of five). Please check each character.")
LOCK_EMPTY_PASSPHRASE = "{field}: an empty passphrase can't lock anything. Please choose some words only you know."
LOCK_KEY_FILE_MISSING = ("{path} is locked, and its key file {key_file} is missing. Your recovery key still "
                         "opens it: set EXBACK_RECOVERY_KEY and run `exback passphrase` to write a new key file.")
LOCK_KEY_FILE_DAMAGED = ("The key file {key_file} is damaged, so the passphrase can't be checked. Nothing was "
                         "changed. Your recovery key still opens the journal: set EXBACK_RECOVERY_KEY and run "
                         "`exback passphrase` to write a new key file.")
LOCK_KEY_FILE_NOT_THIS = ("The passphrase fits the key file {key_file}, but that key doesn't open {path}: the key "
                          "file may belong to another journal, or the journal may be damaged. Nothing was changed. "
                          "If the key file was copied from elsewhere, put this journal's own back, or use this "
                          "journal's recovery key (EXBACK_RECOVERY_KEY, then `exback passphrase` writes a new key "
                          "file). {backup_hint}")
LOCK_KEY_FILE_NEWER = "The key file {key_file} was written by a newer version of exback-kit. Please update the kit."
LOCK_IN_USE = ("{path} is open in a notebook, the app or another command. Please close them (stop `exback lab` / "
               "`exback app`) and try again. Nothing was changed.")
LOCK_CONVERT_FAILED = "The copy at {path} didn't check out, so the journal was left as it was."
LOCK_FOREIGN_HINT = (" If it is a locked journal whose key file {key_file} went missing, your recovery key "
                     "opens it (EXBACK_RECOVERY_KEY).")
LOCK_IS_LOCKED = "yes (locked with a passphrase)"
LOCK_IS_PLAIN = "no"
LOCK_ASK = "Passphrase for your journal: "
LOCK_ASK_NEW = "Choose a passphrase: "
LOCK_WEAK_PASSPHRASE = ("A note on this passphrase: it is short, or a single word, which a guesser tries early. "
                        "Several ordinary words together (\"blue door second floor\") are easy to remember and "
                        "much harder to guess. It was accepted as it is; `exback passphrase` changes it any time.")
LOCK_ASK_NEW_AGAIN = "Type it once more: "
LOCK_ASK_EXPORT = "Passphrase for the export: "
LOCK_MISMATCH = "passphrase: the two didn't match. Nothing was changed; please try again."
LOCK_NO_TERMINAL = ("There is no terminal here to ask for the {field}. Please set {env}, or run this in a "
                    "terminal to be asked; the passphrase is never taken from the command line.")
LOCK_ENCRYPTED = ("Your journal is now locked: {path}\nIts backups are locked too ({count:n:backup} converted).\n\n"
                  "Your recovery key (shown only this once):\n\n    {recovery}\n\n"
                  "Keep it somewhere safe and apart from this computer. If you lose both the passphrase and "
                  "this key, nobody can open the journal — not even the kit.")
LOCK_RECOVERY_WRITTEN = "Your recovery key was also written to {path} (readable only by you)."
LOCK_ALREADY = "Your journal was already locked. Backups still plain are locked now ({count:n:backup})."
LOCK_DECRYPTED = ("Your journal is no longer locked: {path}\nIts backups were unlocked with it "
                  "({count:n:backup}), so each one opens without the passphrase.")
LOCK_NOT_LOCKED = "{path} isn't locked, so there was nothing to unlock."
LOCK_CHANGED = "Your passphrase was changed. Only the key file {key_file} was rewritten; the recovery key stays the same."
LOCK_EXPORT_PLAIN = "This export is not encrypted: anyone with the file can read it. `exback export --encrypt FILE` locks it."
LOCK_EXPORT_SEALED = "The export is encrypted (age, with your passphrase); `age -d` or `exback import` opens it."
LOCK_REPORT_PLAIN = "The PDF is not encrypted: anyone with the file can read it."
LOCK_AGE_WRONG = "file: that passphrase doesn't open {path}. Nothing was imported."
CLI_HELP_ENCRYPT = "lock the journal and its backups with a passphrase"
CLI_HELP_DECRYPT = "unlock the journal and its backups for good"
CLI_HELP_PASSPHRASE = "change the passphrase (or write a new key file with the recovery key)"
CLI_HELP_RECOVERY_FILE = "also write the recovery key to FILE (mode 0600)"
CLI_HELP_EXPORT_ENCRYPT = "encrypt the export with a passphrase (an age file)"
LAUNCH_UNLOCKED = ("Unlocked. Notebooks opened from here get the key while this runs. Any left unused lock "
                   "themselves after a while (--lock-after), and so does this.")
LAUNCH_KEY_FORGOTTEN = ("No notebook has been opened for {minutes} minutes, so the key is forgotten here: "
                        "notebooks opened from now on ask for the passphrase. Those already open keep working "
                        "until they lock themselves.")
LAUNCH_SWEPT_HANDOFFS = ("Cleared {count:n:key hand-off} left by an earlier `exback lab` or `app` that was "
                         "stopped before it could tidy up.")
LAUNCH_RUNTIME_NOT_OURS = ("{folder} isn't a private folder of yours (it is a link, or belongs to another user), "
                           "so the key won't be handed over there. Nothing was changed. Please remove it, or "
                           "set XDG_RUNTIME_DIR to a folder only you can open.")
# Remembering the key in the OS keyring (store/remembered.py, exback remember, --remember).
REMEMBER_DONE = ("The key to {path} is now remembered in this computer's keyring, so the kit won't ask "
                 "for the passphrase here. Anyone who can log in as you can now open the journal too. "
                 "`exback remember --forget` undoes this.")
REMEMBER_NO_KEYRING = ("This computer has no keyring the kit can use, so the key wasn't remembered. "
                       "Everything still works: you'll be asked for the passphrase as before.")
REMEMBER_USED = "Unlocked with the key remembered in this computer's keyring."
REMEMBER_FORGOTTEN = ("The key to {path} is no longer remembered in this computer's keyring; the kit "
                      "will ask for the passphrase again.")
REMEMBER_NOTHING = "No key to {path} was remembered in this computer's keyring, so nothing changed."
REMEMBER_NOT_LOCKED = "{path} isn't locked, so there is no key to remember."
REMEMBER_STILL = ("The key remembered in this computer's keyring still opens the journal (the key "
                  "itself didn't change); `exback remember --forget` removes it.")
REMEMBER_REMOVED = "The key remembered in this computer's keyring was removed too."
CLI_HELP_REMEMBER = "keep the journal's key in this computer's keyring, so the passphrase isn't asked"
CLI_HELP_REMEMBER_FORGET = "remove the remembered key instead"
CLI_HELP_LAUNCH_REMEMBER = "on a locked journal, also keep its key in this computer's keyring"
CLI_HELP_LOCK_AFTER = ("on a locked journal, minutes without use after which a notebook forgets the key "
                       "(default 30; 0 never)")
IDLE_BAD_MINUTES = "{field}: {value} isn't a number of minutes. Please use a number from 0 (never) to {hi}."
# Notebook: the unlock form at the top of the page (the first cell), and the calm line every other part shows.
NB_LOCKED = "Your journal is locked. Type its passphrase at the top of this page and press Unlock."
NB_LOCKED_PART = "The journal is locked; this part appears once you unlock it at the top of this page."
NB_PASSWORD = "Passphrase"
NB_UNLOCK = "Unlock"
NB_LOCK_NOW = "Lock now"
NB_LOCKED_AGAIN = "Locked. The key is gone from this notebook; unlock again whenever you like."
NB_LOCKED_IDLE = ("Locked after {minutes} minutes without use, so your words stay private if you stepped "
                  "away. Nothing you saved is lost; type the passphrase to go on whenever you like.")
NB_LOCKED_AGAIN_REMEMBERED = ("Locked in this notebook. This computer's keyring still remembers the key, "
                              "so a notebook opened again unlocks by itself; to stop that, run "
                              "`exback remember --forget` in a terminal.")

# --- command line -----------------------------------------------------------
BAD_EXPORT_FORMAT = "format: {value!r} isn't a format the kit can write. Please use one of: {allowed}."
BAD_IMPORT_FORMAT = "format: {value!r} isn't a format the kit can read. Please use one of: {allowed}. Nothing was imported."
NOT_AN_EXPORT = "{path} isn't an exback-kit export (no manifest the kit recognises). Nothing was imported."
NEWER_EXPORT = "{path} was exported by a newer version of exback-kit. Nothing was imported; please update the kit."
DEMO_EXPORT = "{path} is an export of the demo journal (made-up entries), so it stays out of your own journal. Nothing was imported."
NO_SUCH_FILE = "{path} doesn't exist. Please check the path."
CLI_DESCRIPTION = "exback-kit: a private journal for the weeks after a breakup. Everything stays on this computer."
CLI_USAGE_ERROR = "{prog}: {problem}\n"
#: An option's value that isn't a number (argparse puts the option, "--mood: ", before it).
CLI_NOT_WHOLE_NUMBER = "{value!r} isn't a whole number. Please use digits, like 7."
CLI_NOT_A_NUMBER = "{value!r} isn't a number. Please use digits, like 7 or 6.5."
#: argparse's own words around the kit's help and in its usage errors, by argparse's message
#: (its gettext msgid; the %-placeholders are kept): cli/parsing.py hands argparse these.
#: tests/cli/test_parsing.py holds the keys to the running Python's argparse. Messages only
#: a programming mistake raises, or options the kit doesn't use, are left out.
ARGPARSE = {
    "usage: ": "usage: ",
    "options": "options",
    "positional arguments": "arguments",
    "show this help message and exit": "show this help and exit",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "not understood here: %s",
    "the following arguments are required: %s": "please add: %s",
    "one of the arguments %s is required": "please add one of: %s",
    "not allowed with argument %s": "can't be used together with %s",
    "ignored explicit argument %r": "takes no value: %r",
    "expected one argument": "needs a value after it",
    "expected at most one argument": "takes at most one value",
    "expected at least one argument": "needs at least one value",
    "ambiguous option: %(option)s could match %(matches)s":
        "%(option)s could be more than one option: %(matches)s",
    "unexpected option string: %s": "unexpected option: %s",
    "invalid %(type)s value: %(value)r": "%(value)r isn't a valid %(type)s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "%(value)r isn't one of the choices (choose from %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "%(parser_name)r isn't a command (choose from %(choices)s)",
    "can't open '%(filename)s': %(error)s": "can't open '%(filename)s': %(error)s",
}
CLI_PROBLEM = "Nothing was changed. {problem}"
CLI_SWEPT_UNFINISHED = ("Cleared {count:n:unfinished file} left in {folder} by a command that was stopped "
                        "part-way (such as `exback encrypt` or `decrypt`). Your journal itself is as it was.")
CLI_FILE_PROBLEM = "{path}: {reason}. Please check the folder exists and is yours to write in."
CLI_OS_PROBLEM = "The computer reported a problem: {reason}."
CLI_BAD_TEXT = ("Some text couldn't be read or written as valid characters (often a terminal set "
                "to another encoding). Please type it again.")
CLI_STOPPED = "Stopped. Nothing was saved."
CLI_INTERRUPTED = "Stopped. Anything already saved is safe."
CLI_NEEDS_YES = "This needs a yes from you. Run it in a terminal to be asked, or add --yes."
CLI_CANCELLED = "Okay, nothing was changed."
CLI_WHERE_DETAIL = "journal exists: {exists}\nencrypted: {locked}\nbackups folder: {backups}"
CLI_ASK_MOOD = "Mood right now, 1 ({low}) to 10 ({high}): "
CLI_ASK_ENERGY = "Energy, 1 ({low}) to 10 ({high}) — Enter to skip: "
CLI_ASK_SLEEP = "Hours slept last night — Enter to skip: "
CLI_ASK_MIND = "How much did they take up your mind today, 0 ({low}) to 10 ({high}) — Enter to skip: "
CLI_ASK_HABITS = "Anything from today, separated by commas (e.g. exercise, saw friends) — Enter to skip: "
CLI_ASK_NOTE = "A note, if you like — Enter to skip: "
CLI_MOOD_NEEDED = "mood: please add --mood with a whole number from 1 to 10 (or run it in a terminal to be asked)."
CLI_SAVED_CHECKIN = "Saved your check-in (mood {mood}/10). Thanks for checking in."
CLI_SAVED_CONTACT = "Saved. Logging it honestly is what makes the numbers useful."
CLI_SAVED_LOGISTICS = "Saved as logistics. It doesn't break your No-Contact streak."
CLI_SAVED_URGE = "Saved. You noticed the urge and let it pass — that counts."
CLI_SAVED_URGE_ACTED = "Saved. It happens; noticing it is how the pattern changes."
CLI_EXPORTED = "Exported to {path}"
CLI_IMPORTED = "Imported {count:n:new entry|new entries} ({kinds})."
#: CLI_IMPORTED's {kinds} when no kind of entry was new.
CLI_IMPORTED_NOTHING_NEW = "nothing new"
CLI_BACKED_UP = "Backed up to {path}"
CLI_NO_BACKUPS = "backup: there are no backups yet. `exback backup` makes one."
CLI_CONFIRM_RESTORE = "Replace the journal with {source}? A copy of the current journal is kept first. Type yes: "
CLI_RESTORED = "Restored from {source}. The journal as it was is kept at {safety}."
CLI_RESTORED_DAMAGED = ("Restored from {source}. The journal that couldn't be opened was kept, "
                        "untouched, as {kept}.")
CLI_CONFIRM_FORGET = "This deletes {path} and all its backups, for good. Type delete to go ahead: "
CLI_FORGOTTEN = "Deleted {count:n:file}:\n{files}"
CLI_NOTHING_TO_FORGET = "There is no journal at {path}, so nothing was deleted."
FORGET_NOT_A_JOURNAL = ("{path} isn't an exback-kit journal, so the kit won't delete it. "
                        "Nothing was deleted.")
CLI_HELP_JOURNAL = "use the journal at PATH instead of the usual one"
CLI_HELP_AT = "when it happened (e.g. 2026-03-14 or 2026-03-14T21:30); default now"
CLI_HELP_NOTE = "a short note (optional)"
CLI_HELP_WHERE = "show where the journal lives"
CLI_HELP_CHECKIN = "a 30-second check-in: mood, energy, sleep, how much they were on your mind, habits, note"
CLI_HELP_SLEEP = "hours slept, 0–24"
CLI_HELP_MIND = "how much they took up your mind today, 0 (not at all) to 10 (all day); optional"
CLI_HELP_HABIT = "something you did today; repeat for more"
CLI_HELP_CONTACT = "log contact with your ex"
CLI_HELP_REPLIED = "you replied to them"
CLI_HELP_LOGISTICS = "needed contact (children, a shared lease…); it doesn't break the streak"
CLI_HELP_URGE = "log an urge to reach out"
CLI_HELP_SOS = "ride out a strong urge: a short guided wait with your own words"
CLI_HELP_SOS_SECONDS = "how long the guided wait lasts, {lo}–{hi} seconds (default {default})"
CLI_HELP_ACTED_ON = "you acted on it"
CLI_HELP_HELPED = "what helped you ride it out"
CLI_HELP_STATUS = "No-Contact streak, latest mood and where you are"
CLI_HELP_EXPORT = "export everything (a zip of CSVs, JSON, or your words as Markdown)"
CLI_HELP_EXPORT_OUT = "file to write (.zip, .json or .md); default a dated name here"
CLI_HELP_IMPORT = "add the entries of an exback-kit export"
CLI_HELP_BACKUP = "make a backup copy now"
CLI_HELP_RESTORE = "bring back a backup (the newest unless you name one)"
CLI_HELP_FORGET = "delete the journal and its backups"
# --- several devices (exback sync DIR) ----------------------------------------------------
SYNC_NOT_A_RECORD = "this line isn't a journal record"
SYNC_BAD_FILE = "{path}, line {line}, isn't a line the kit wrote (it may be damaged). That line was left out; the rest was merged."
SYNC_BAD_RECORD = "{path}, line {number}: {problem} That line was left out; the rest was merged."
SYNC_UNSIGNED = "{path}, line {line}, isn't signed with this folder's key, so it wasn't written by one of your computers (or it was changed since). It was left out: nothing from it was merged."
SYNC_LINE_TOO_LONG = "{path}, line {line}, is longer than any line the kit writes ({mb} MB). It was left out."
SYNC_AHEAD = "version {version} is more than a day ahead of this computer's clock."
SYNC_LINK = "{path} is a link (or not a plain file or folder). The kit never reads or writes through a link in a sync folder, so it was left alone and nothing went through it. Please remove it."
SYNC_TOO_LARGE = "{path} is larger than {mb} MB, more than the kit ever writes there, so it wasn't read."
SYNC_NOT_A_DEVICE = "{name} in {folder} isn't a device folder the kit wrote; it was left out."
SYNC_REPAIRED = "This computer's file in the sync folder was damaged or missing, so it was written again from your journal."
SYNC_TIDIED = "Your sync tool had made {count:n:conflict file} ({names}). Every line of them is in your journal and in this computer's file now, so they were removed."
SYNC_NEED_CODE = "{folder} was set up by another of your computers. To join it, run exback sync {folder} --join CODE with the code that computer showed when it first synced there. Nothing was merged."
SYNC_WRONG_CODE = "That code doesn't open {folder}: it isn't the one shown when the folder was set up, or the folder's exback-sync.json was changed since. Nothing was merged."
SYNC_BAD_CODE = "{field}: {value} isn't a join code. Please use the code your first computer showed, like ABCD-EFGH-JKLM-NPQR-STUV-WXYZ."
SYNC_JOIN_EMPTY = "No computer has synced through {folder} yet, so there is nothing to join. If your sync tool is still copying the folder here, wait a moment and try again. Nothing was written."
SYNC_OLD_FORMAT = "{folder} was set up by an earlier version of the kit, before every line was signed. Please choose a new, empty folder (or empty this one) and sync again: every entry is in your journal. Nothing was merged."
SYNC_FORGOT = "Removed this computer's files from {folder}:"
SYNC_FORGOT_LEFT = "Left where they are (the kit didn't write them, so it never removes them; remove them yourself if you don't need them):"
SYNC_FORGOT_NONE = "This computer has no files in {folder}; it is forgotten here now."
SYNC_FORGOT_OTHERS = "Files your other computers wrote there are theirs to remove: run exback sync {folder} --forget-folder on each."
SYNC_PLAIN_LEFT = "Your sync folder {folder} still holds this journal's entries unlocked. To remove this computer's files there: exback sync {folder} --forget-folder. Then sync the locked journal through a new folder."
SYNC_AUTO_CAME_IN = "Synced with {folder}: {merged:n:change} came in from your other computers."
SYNC_NEWER = "{path} was written by a newer version of exback-kit (sync format {found}; this version reads up to {known}). Nothing was merged or written. Please update the kit on this computer."
SYNC_WRONG_PASSPHRASE = "That passphrase doesn't open the sync folder {folder}. Use the passphrase of the journal that first synced there. Nothing was merged."
SYNC_NEED_PASSPHRASE = "Your journal is locked, so its sync files in {folder} are locked too. Syncing needs your passphrase (set EXBACK_PASSPHRASE, or type it when asked). Nothing was merged."
SYNC_OTHER_FOLDER = "{path} belongs to a different sync folder (it was copied in from elsewhere). Nothing from it was merged."
SYNC_LOCK_MISMATCH_FILE = "{path} is locked differently from the rest of the folder. Nothing from it was merged."
SYNC_FOLDER_LOCKED = "The sync folder {folder} holds a locked journal's files, and this journal isn't locked. Lock it first (exback encrypt), then sync. Nothing was merged."
SYNC_FOLDER_PLAIN = "The sync folder {folder} holds an unlocked journal's files, and this journal is locked: its entries would go into the folder in the clear. Use a new folder for the locked journal. Nothing was merged."
SYNC_DEMO = "{folder} is used by a different journal — one is the demo (made-up entries), the other is real — and the two never mix. Nothing was merged."
SYNC_JOURNAL_INSIDE = "{folder} holds the journal itself ({path}). Keep the journal outside any synced folder — a sync tool copying a live journal can lose entries — and choose a separate folder for sync files."
SYNC_NOT_A_FOLDER = "{folder} isn't a folder. Please choose a folder to sync through."
SYNC_NO_CLAIM = "No journal has synced through {folder} yet."
SYNC_DONE = "Synced with {folder}: sent {sent:n:change}, brought in {merged} from other devices."
SYNC_CLAIMED = "This journal now owns {folder}. Its join code, shown only this once: {code}\nKeep it somewhere safe, as you would a key. On your other computer, run: exback sync {folder} --join {code}"
SYNC_JOINED = "This journal joined {folder}."
SYNC_PROBLEMS = "Some files were left out:"
SYNC_STATUS_HEAD = "Devices that sync through {folder}:"
SYNC_STATUS_LINE = "  {device}{this}: last wrote {when}; brought {brought:n:record} here; {files:n:file}"
SYNC_STATUS_THIS = " (this computer)"
SYNC_STATUS_NONE = "  no device has written here yet"
CLI_HELP_SYNC = "merge this journal with its copies on your other devices, through a folder you already sync"
CLI_HELP_SYNC_DIR = "the synced folder (Syncthing, Dropbox, a USB stick); never the journal's own folder"
CLI_HELP_SYNC_JOIN = "join a folder another of your computers set up, with the code it showed then"
CLI_HELP_SYNC_FORGET = "remove this computer's files from the folder and forget the folder here (your journal keeps every entry)"
CLI_HELP_SYNC_STATUS = "show the devices seen in the folder, when each last wrote, how many records each brought"
CLI_HELP_SYNC_VAULT = "also sync the unsent messages (they stay on this device unless you ask)"
SYNC_WIDGET_FOLDER = "Sync folder"
SYNC_WIDGET_BUTTON = "Sync"
SYNC_WIDGET_VAULT = "Include unsent messages"
SYNC_WIDGET_PASSPHRASE = "Passphrase"
SYNC_WIDGET_CODE = "Join code"
SYNC_WIDGET_CODE_HINT = "only to join a folder another computer set up"
SYNC_WIDGET_HINT = "A folder your sync tool (Syncthing, Dropbox, a USB stick) already keeps in step. Your journal file itself stays where it is."
SYNC_WIDGET_NO_FOLDER = "Please choose a folder first."

# --- choosing the language ----------------------------------------------------------
#: The kit's own habits (content/vocab.py DEFAULT_HABITS), by the name the journal stores.
HABIT_NAMES = {"exercise": "exercise", "time outside": "time outside", "mindfulness": "mindfulness",
               "ate well": "ate well", "saw friends": "saw friends", "hobby": "hobby",
               "checked their social media": "checked their social media",
               "drank alcohol": "drank alcohol"}
LANGUAGE_LABEL = "Language"
LANGUAGE_SAVED = "Saved. The kit now speaks {language}. To see every part in it, choose Run → Run All Cells."
LANGUAGE_UNKNOWN = "The kit has no words in {code!r} yet. It speaks: {allowed}."
CLI_HELP_LANG = "the language to speak for this command (e.g. en, es); default: your setting, else your system's"


# --- settings, each checked by its own rule (store/settings.py) ----------------------------
UNKNOWN_SETTING = "{field}: the journal keeps no setting called {value}. The settings are: {allowed}."
#: What a setting of crisis contacts may hold, in BAD_VALUE's "Please use {allowed}".
SETTING_CONTACTS = "a list of at most {most} contacts, each with a name and a detail"
#: What the calendar's setting may hold, in BAD_VALUE's "Please use {allowed}".
SETTING_CALENDAR_CODE = "a code of {lo} to {hi} digits and letters a to f"

# --- the catalogue: reading a name above goes through the language in force ------------------
# New messages go ABOVE this block: a constant below it would skip the catalogue
# (tests/content/test_catalogues.py fails on one).
#: The English source of every constant above, by name (the catalogue's msgids); the
#: pages' words join it when first asked for (:func:`_source`).
_ENGLISH: dict[str, Any] = {name: value for name, value in globals().items() if name.isupper()}
for _name in _ENGLISH:
    del globals()[_name]
_TRANSLATED: dict[tuple[str, str], Any] = {}
_pages_read = False


def _read_the_pages() -> None:
    """Add the pages' words to the English source (once; reading them twice adds nothing)."""
    global _pages_read
    # late import: a command that never shows a page (exback checkin) never reads them
    from exback_kit.content import page_texts

    _ENGLISH.update((name, value) for name, value in vars(page_texts).items() if name.isupper())
    _pages_read = True


def _source(name: str) -> Any:
    """Return the English of ``name``, reading the pages' words if it isn't among these."""
    try:
        return _ENGLISH[name]
    except KeyError:
        if _pages_read or not name.isupper():
            raise
    _read_the_pages()
    return _ENGLISH[name]


def english() -> dict[str, Any]:
    """Return every message in English, by constant name (the source the catalogues translate)."""
    if not _pages_read:
        _read_the_pages()
    return dict(_ENGLISH)


def _translated(context: str, value: Any) -> Any:
    if isinstance(value, str):
        return language.word(context, value)
    if isinstance(value, dict):
        return {k: _translated(f"{context}.{k}", v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_translated(f"{context}.{i}", v) for i, v in enumerate(value))
    return value


def __getattr__(name: str) -> Any:
    """Return the message ``name`` in the language in force (English: the source itself)."""
    try:
        source = _source(name)
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    if language.is_english():
        return source
    key = (language.current(), name)
    found = _TRANSLATED.get(key)
    if found is None:
        found = _TRANSLATED[key] = _translated(f"texts.{name}", source)
    return found
