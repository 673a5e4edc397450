"""The words of the notebooks' pages: forms, stages, charts, the report, plans, the two roads.

The other half of :mod:`exback_kit.content.texts`, and read through it (``texts.NAME``): it
is loaded on the first name the command line's and the store's words don't hold, so a
command such as ``exback checkin`` never reads these. Same tone, same rules, same
catalogue: warm, plain, short; never diagnose, shame or pressure.
"""

from __future__ import annotations

# --- finding your words (exback search, the dashboard's search and "Your words") -----------
CLI_HELP_SEARCH = "find the words you wrote (check-in notes, urges, answers, plans…)"
CLI_HELP_SEARCH_WORDS = 'words to find; lake* finds words starting "lake", "lake house" a phrase; AND, OR, NOT work too'
CLI_HELP_SEARCH_FROM = "only entries from this day on (e.g. 2026-03-01)"
CLI_HELP_SEARCH_TO = "only entries up to this day"
CLI_HELP_SEARCH_KIND = "only this kind of entry; repeat for more"
CLI_HELP_SEARCH_LIMIT = "show at most this many (default 20)"
CLI_HELP_SEARCH_RANK = "best matches first instead of newest first"
CLI_HELP_SEARCH_JSON = "print the results as JSON, for scripts"
CLI_HELP_INCLUDE_VAULT = "include your unsent messages (the vault)"
SEARCH_NO_WORDS = "words: {value} has no words to search for. Please type a word or two."
SEARCH_BAD_KIND = "kind: {value} isn't a kind of entry the kit searches. Please use one of: {allowed}."
SEARCH_DATES_REVERSED = "from: {first} is after {last}. Please give the earlier day first."
SEARCH_OPEN_QUOTE = "a quote mark isn't closed"
SEARCH_OPEN_BRACKET = "a bracket isn't closed"
SEARCH_BARE_STAR = "a * needs a word right before it, like lake*"
SEARCH_LONE_OPERATOR = "AND, OR and NOT need words on both sides"
SEARCH_AND_NOT = "NOT works on its own, without AND: lake NOT photos"
SEARCH_NOT_READ = "the search couldn't be read as written"
SEARCH_AS_WORDS = "In your search {problem}, so these are the entries with the words themselves: {words}"
SEARCH_NOTHING = "Nothing you wrote matches {words}."
SEARCH_NOTHING_VAULT = "Your unsent messages weren't searched: add --include-vault to look there too."
SEARCH_HIT = "{day}  {kind}  {snippet}"
SEARCH_COUNT = "{count:n:result}, newest first."
SEARCH_COUNT_RANKED = "{count:n:result}, best matches first."
SEARCH_LABEL = "Find words you wrote"
SEARCH_PLACEHOLDER = "e.g. lake house, or lake*"
SEARCH_BUTTON = "Search"
SEARCH_VAULT = "include the vault (unsent messages)"
SEARCH_WRITTEN_IN = "written in {notebook}"
SEARCH_EMPTY = "Type a word or two and press Enter or Search."
SEARCH_PLAIN_HELP = "Accents don't matter; lake* finds words that start with lake; \"lake house\" finds the phrase."
WORDS_NONE = "Nothing written yet. Whatever you write in the notebooks will show here, by day."
WORDS_PAGE = "Days {first}–{last} of {total}"
WORDS_SHOW = "Show your words"
WORDS_HIDE = "Hide your words"
WORDS_NEWER = "Newer days"
WORDS_OLDER = "Older days"
WORDS_EXPORT_TITLE = "Your words, from exback-kit"
WORDS_EXPORT_INTRO = "Everything you wrote in the kit, by day, oldest first. Exported {when}."
WORDS_EXPORT_EMPTY = "Nothing written yet."
#: What each kind of entry is called where a person's words are listed.
WORDS_KINDS = {
    "checkins": "Check-in note", "contacts": "Contact note", "urges": "Urge",
    "answers": "Answer", "decisions": "Decision", "nocontact_periods": "No-Contact note",
    "signals": "Something you heard", "meetings": "Meeting", "unsent": "Unsent message",
    "reachouts": "Decision journal", "patterns": "A pattern of yours", "repairs": "A repair",
    "agreements": "An agreement", "milestones": "A milestone", "old_habits": "An old habit",
    "reflections": "Moving on", "reappraisals": "A clear-eyed look",
    "checklist_items": "A checklist item", "plans": "An if-then plan",
    "self_notes": "Who am I now", "moment_plans": "A plan for a hard moment",
}
STATUS_MOOD = "Latest mood: {mood}/10 on {day}"
STATUS_NO_MOOD = "Latest mood: no check-ins yet. `exback checkin` takes 30 seconds."
STATUS_STAGE = "Where you are: {stage}"
STATUS_LOCK = "Encrypted: {state}"
STATUS_DEMO = "(This is the demo journal, filled with made-up data.)"
IN_IMPORT_SETTING = "settings, {key!r}: {problem} Nothing was imported."
IMPORT_BAD_SETTINGS = "{path}: its settings aren't a set of names and values. Nothing was imported."
IMPORT_BAD_MANIFEST = ("{path}: {field} is {value}, but an exback-kit export has a whole number "
                       "there. Nothing was imported.")
EXPORT_TOO_BIG = ("That export would be about {size} MB, more than the {limit} MB the kit can read back, so it "
                  "wasn't written. Nothing was changed. A CSV export (a zip) is much smaller.")
IMPORT_TOO_BIG = ("{path} would take about {size} MB to read, more than the {limit} MB an export "
                  "can hold. Nothing was imported.")
IMPORT_TOO_DEEP = ("{path}: {name} nests lists or objects more than {depth} levels deep, which an "
                   "exback-kit export never does. Nothing was imported.")
IMPORT_NOT_UTF8 = "{path}: {name} isn't UTF-8 text. Nothing was imported."
IMPORT_BAD_JSON = ("{path}: {name} isn't valid JSON (line {line}, column {column}). "
                   "Nothing was imported.")
IMPORT_DAMAGED_ZIP = "{path} is a damaged or unreadable zip file. Nothing was imported."
IMPORT_ROW_NOT_OBJECT = "{value} isn't an entry (a set of field names and values)."
IMPORT_TABLE_NOT_LIST = "{kind}: the entries aren't a list. Nothing was imported."
CSV_BAD_COLUMN = ("{name}: the column {column!r} isn't one the kit knows (or appears twice). "
                  "The columns are: {allowed}. Nothing was imported.")
CSV_CELL_COUNT = ("{name}, row {number}: has {found} cells but the header has {expected}. "
                  "Nothing was imported.")
CSV_UNREADABLE = "{name}, line {line}: can't be read as CSV ({problem}). Nothing was imported."
IN_IMPORT_ROW = "{kind}, row {number}: {problem} Nothing was imported."

# --- content and forms ------------------------------------------------------
# Content errors (read by whoever edits data/*.toml): "where" names file, step, question.
CONTENT_WHERE = "{file}"
CONTENT_WHERE_STEP = "{file}, step {step}"
CONTENT_WHERE_QUESTION = "{file}, step {step}, question {question!r}"
CONTENT_WHERE_TOPIC = "{file}, topic {topic!r}"
CONTENT_WHERE_TOPIC_QUESTION = "{file}, topic {topic!r}, question {question!r}"
CONTENT_UNKNOWN_STAGE = "{where}: there is no stage {stage_id!r} in stages.toml. The stages are: {allowed}."
CONTENT_NO_TOPIC = "There is no topic {topic_id!r}. The topics are: {allowed}."
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
# Form chrome: buttons, status lines, field errors.
SAVE = "Save"
SAVED = "Saved."
SAVED_ANSWERS = "Saved {count:n:answer}. Earlier answers stay in your history."
NOTHING_CHANGED = "Nothing new to save: your answers are as they were."
NOT_SAVED = "Nothing was saved. Please have a look at the {count:n:thing} marked below."
NOT_SAVED_ONE = "Nothing was saved. {problem}"
FIELD_PROBLEM = "⚠ {problem}"
SKIP_HINT = "Every question can be skipped. Answer only what feels useful today."
YES = "Yes"
NO = "No"
WHEN = "When"
WHEN_HELP = "Leave empty for now."
NOTE = "Note"
EMPTY_HISTORY = "Nothing here yet."
HISTORY = "Earlier entries"
STEP_HEADING = "Step {number}: {title}"
#: Step notes that follow who ended the relationship (profile question who_ended).
STEP_NOTES_WHO_ENDED = {
    5: {"them": ("When the other person ended it, it's easy to read their choice as a verdict on your "
                 "worth. It says something about what they wanted, not about what you are worth."),
        "me": ("Ending it yourself can still hurt, and guilt or second thoughts can shake how you see "
               "yourself. Those feelings deserve kindness too.")},
}
START_HEADING = "About you"
PROFILE_HEADING = "Your profile"
BOUNDARIES_HEADING = "The boundaries check"
BOUNDARIES_INTRO = ("Four questions about safety and your ex's wishes. If any answer is yes or not sure, "
                    "the kit turns toward your own recovery: self-work, wellbeing and the urge log stay "
                    "open, and the reconnecting stages step aside. You can change or clear these answers "
                    "at any time.")
BOUNDARIES_NOT_SURE = ("Not sure is a fine answer. For now the kit treats it like a yes, to be on the safe "
                       "side, and you can change it whenever things become clearer.")
BOUNDARIES_CLEAR = "Clear: {question}"
BOUNDARIES_CLEARED = "Cleared. Press Save to keep it that way."
BOUNDARIES_CHOICES = {"yes": "Yes", "no": "No", "not_sure": "Not sure"}
# Check-in
CHECKIN_HEADING = "Today's check-in"
CHECKIN_MOOD = "Mood"
CHECKIN_MOOD_ENDS = ("very low", "very good")
CHECKIN_ENERGY = "Energy"
CHECKIN_ENERGY_ENDS = ("drained", "lively")
CHECKIN_SLEEP = "Sleep (hours)"
CHECKIN_MIND = "How much did they take up your mind today?"
CHECKIN_MIND_ENDS = ("not at all", "all day")
CHECKIN_MIND_HELP = "Optional, like every question here. Moving on (09) and the dashboard show it in a chart beside your mood."
CHECKIN_HABITS = "Today I…"
CHECKIN_TO_REDUCE = "{habit} (one to do less of)"
CHECKIN_SAVED = "Saved. Thank you for checking in."
# The quick check-in page `exback lab` opens on (cli/checkin_page.py)
QUICK_INTRO = "How are you today? Only your mood is needed; the rest is up to you. It stays on this computer."
QUICK_WELCOME = ("Welcome. This journal is yours and stays on this computer. You can start with how you "
                 "are today, or begin with the start page, which shows you around.")
QUICK_OPEN_KIT = "Open your kit"
QUICK_OPEN_KIT_FIRST = "Begin with the start page"
QUICK_ENDS = "{low} = {low_words}, {high} = {high_words}"
QUICK_LEAVE_OUT = "Leave out"
QUICK_ANOTHER = "Check in again"
QUICK_CLOSE = "Your charts and every stage are in your kit. You can also just close this tab."
QUICK_SAVED_TITLE = "Saved"
QUICK_NOT_SAVED_TITLE = "Not saved"
QUICK_LOCKED = ("Your journal locked itself while this page was open, so this check-in wasn't saved. "
                "Your answers are still here: open your kit (it opens in a new tab) to unlock the "
                "journal, then press Save here again.")
QUICK_UNEXPECTED = ("Something went wrong, and this check-in wasn't saved. The window where exback lab "
                    "runs has a line about it.")
# Contact log
CONTACT_HEADING = "Log a contact"
CONTACT_WHO = "Who started it?"
CONTACT_WHO_CHOICES = {"me": "I did", "them": "They did"}
CONTACT_CHANNEL = "How"
CONTACT_CHANNELS = {"text": "Message", "call": "Call", "in_person": "In person",
                    "social_media": "Social media", "email": "Email", "other": "Other"}
CONTACT_REPLIED = "I replied or answered"
CONTACT_LOGISTICS = "Only logistics (children, home, belongings)"
CONTACT_LOGISTICS_HELP = "Practical contact like this never breaks your No-Contact streak."
CONTACT_LOGISTICS_HELP_TIES = "Practical contact like this ({ties}, from your profile) never breaks your No-Contact streak."
CONTACT_SAVED = "Saved. A slip doesn't erase the days behind you."
CONTACT_SAVED_BOUNDARIES = "Saved. Writing it down honestly is what makes the record useful."
CONTACT_SAVED_ORDER = ("Saved. With a protective order in place, contact can carry legal weight for both of "
                       "you. If you're unsure what the order allows, or you feel unsafe, a domestic-abuse "
                       "helpline or a legal adviser can talk it through with you in confidence.")
CONTACT_SAVED_LOGISTICS = "Saved as logistics. Practical contact doesn't break your No-Contact streak."
CONTACT_SAVED_THEIRS = "Saved. They reached out and you didn't reply; noting it is enough."
#: A contact you made, by road (chosen by ``gate.for_road``): after an order, the order's note;
#: after any other boundaries yes or a decision to move on, no "a slip doesn't erase".
CONTACT_SAVED_BY_ROAD = {"default": CONTACT_SAVED, "moving_on": CONTACT_SAVED_BOUNDARIES,
                         "order": CONTACT_SAVED_ORDER}
# Urge log
URGE_HEADING = "Log an urge"
URGE_INTENSITY = "How strong"
URGE_ENDS = ("a flicker", "overwhelming")
URGE_TRIGGER = "What set it off?"
URGE_ACTED = "I reached out"
URGE_HELPED = "What helped?"
URGE_SAVED = "Saved. Noticing an urge is already a way of riding it out."
URGE_SAVED_ACTED = "Saved. It happens; noticing it is how the pattern changes."
#: An urge you acted on, by road: off the open road it isn't a habit to shrug at.
URGE_SAVED_ACTED_BY_ROAD = {"default": URGE_SAVED_ACTED,
                            "moving_on": "Saved. The vault is here if the pull comes back.",
                            "order": CONTACT_SAVED_ORDER}
# Ride it out (an urge SOS: 04, 08 and exback sos). Nothing here speaks of reaching out
# except SOS_INTRO, which only the open road shows.
SOS_HEADING = "Ride it out"
SOS_INTRO = ("When a strong urge hits, you don't have to act on it or fight it. Give it about "
             "{seconds} seconds: notice it, breathe, and watch it rise and fall like a wave. Whether to "
             "get in touch is a question for a calmer hour, not this one.")
SOS_INTRO_MOVING_ON = ("When a strong feeling hits, you don't have to act on it or fight it. Give "
                       "it about {seconds} seconds: notice it, breathe, and watch it rise and fall like a wave.")
SOS_BEFORE = "How strong is it right now?"
SOS_AFTER = "And how strong is it now?"
SOS_RATING_HELP = "Optional: you can start straight away and rate it later, or not at all."
SOS_START = "Start"
SOS_STOP = "Stop"
SOS_SAVE = "Save to my urge log"
SOS_CLOSE = "Close without saving"
SOS_AGAIN = "Start again"
#: The guided wait, one line after another (urge surfing).
SOS_GUIDE = ("Notice it. Where do you feel it in your body?",
             "Breathe in slowly, and let the breath out a little longer.",
             "Let it be there. You don't have to do anything with it.",
             "Watch it like a wave: it rises, it peaks, and it falls.",
             "Feel the ground under your feet, or the chair holding you.",
             "Keep breathing. It's still here, and so are you.")
SOS_LEFT = "{time} left"
SOS_DONE = "That's the time. However it feels now, you stayed with it."
SOS_STOPPED = "Stopped. That's fine: every moment you stayed with it counts."
SOS_REASONS_HEADING = "In your own words"
SOS_REASONS_NONE = ("When you write in your clear-eyed list (09), your No-Contact note or the "
                    "decision journal, your own words will show here.")
#: Where each of the person's own reasons comes from.
SOS_SOURCES = {"clear_eyed": "From your clear-eyed list",
               "no_contact": "Your note when you began your quiet stretch",
               "quiet_hope": "What you hoped the quiet stretch would give you",
               "decision": "Why you chose to move on",
               "reachout": "What happened last time, in the decision journal"}
SOS_PLAN = "Your plan for this hour: {action}"
SOS_SAVED = "Saved to your urge log: {before} at the start, {after} afterwards."
SOS_SAVED_NO_AFTER = "Saved to your urge log: {before} at the start."
SOS_NEEDS_BEFORE = ("To save it, say how strong it was at the start (1–10). Or close this: "
                    "nothing is kept.")
SOS_CLOSED = "Closed. Nothing was saved."
SOS_CLI_RATE_BEFORE = "How strong is it right now, 1–10? (Enter to skip) "
SOS_CLI_RATE_AFTER = "How strong is it now, 1–10? (Enter to skip) "
SOS_CLI_BAD_RATING = "Please type a whole number from 1 to 10, or just press Enter."
SOS_CLI_HOW = "Press Enter to stop whenever you like; Ctrl-C ends without saving."
SOS_CLI_SAVE = "Save this to your urge log? (y/N) "
SOS_CLI_NOTHING = "Nothing was saved."
SOS_CLI_INTERRUPTED = "Stopped. Nothing was saved. Go gently for the rest of this hour."
SOS_CLI_NO_TERMINAL = ("exback sos: this asks its questions at a terminal, and no terminal is "
                       "attached. Nothing was saved.")
# No-Contact period
NOCONTACT_HEADING = "Start a No-Contact period"
NOCONTACT_TARGET = "Target"
NOCONTACT_TARGETS = {21: "21 days", 30: "30 days", 45: "45 days", 60: "60 days", 0: "My own"}
NOCONTACT_CUSTOM = "My own target (days)"
NOCONTACT_START = "Starting on"
NOCONTACT_CURRENT = "Current period: started {start}, target {target:n:day}."
NOCONTACT_NONE = "No period started yet."
NOCONTACT_BOUNDARY = "If your ex asked for no contact, that request has no end date; a target here is only for you."
NOCONTACT_SAVED = "Saved. Your period of {target:n:day} starts {start}."
#: After harm or an order: No-Contact is no countdown, so the form sets no target (by road).
NOCONTACT_NO_COUNTDOWN = {
    "order": "No target day to set: contact follows the order.",
    "harm": "No target day to set: distance here is about your safety, not a countdown.",
}
NOCONTACT_HEADING_NO_COUNTDOWN = "Your days without contact"
REPORT_NC_NO_COUNTDOWN = {"order": "none: contact follows the order", "harm": "none: no countdown"}
NOCONTACT_UNCHANGED = "That period is already saved (same target, same start day), so nothing new was added."
# Decision (step 2)
DECISION_HEADING = "Where you stand"
DECISION_LABEL = "For now, I think I want to"
DECISION_CHOICES = {"try_again": "Try again", "not_sure": "Not sure yet", "move_on": "Move on"}
DECISION_REASONS = "Why, in your own words"
DECISION_INTRO = "You can change this whenever you like; earlier decisions stay in your history."
DECISION_ROW = "{day}: {decision}"
DECISION_SAVED = "Saved: {decision}."
DECISION_UNCHANGED = "That is already your latest decision, so nothing new was saved. Add a few words of why to note it again."
# Signals (step 3)
SIGNALS_HEADING = "Something you noticed"
SIGNALS_INTRO = "Log only what reached you on its own in everyday life. Going looking for it, monitoring them, is never part of this."
SIGNALS_SOURCE = "Where it came from"
SIGNALS_SOURCE_HINT = "a friend's remark, a reply about something practical"
SIGNALS_WHAT = "What you heard or saw"
SIGNALS_WARMTH = "How warm did it seem?"
SIGNALS_WARMTH_ENDS = ("cool", "warm")
# Meetings (steps 10–13)
MEETING_HEADING = "Log a meeting"
MEETING_PLACE = "Where"
MEETING_FELT = "How it felt for you"
MEETING_ENGAGEMENT = "How engaged they seemed"
MEETING_ENDS = ("not at all", "very")
MEETING_LIGHT = "We kept to light topics"
MEETING_WOUNDS = "Old wounds came up"
MEETING_FLIRTING = "Flirting"
MEETING_FLIRTING_CHOICES = {"none": "None", "a_little": "A little", "clearly": "Clearly"}
MEETING_LANDED = "How it landed"
MEETING_LANDED_CHOICES = {"not_applicable": "Doesn't apply", "well": "Well", "unclear": "Hard to tell",
                          "badly": "Not well"}
MEETING_ROW = "{day} · {place} · felt {felt}/10 · their engagement {engagement}/10"
# Unsent-message vault
VAULT_HEADING = "The unsent-message vault"
VAULT_INTRO = ("Write what you want to say. The kit keeps it here and never sends anything. "
               "After the cooling-off time it asks whether you still want to.")
VAULT_TEXT = "Your message"
VAULT_COOLING = "Cooling-off (hours)"
VAULT_SAVED = "Kept in your vault. Nothing was sent. It will ask again in {hours:n:hour}."
VAULT_WAITING = "Written {day}; cooling off for {left:n:more hour}."
VAULT_DUE = "Written {day}. The cooling-off time is over: do you still want to send this?"
VAULT_REVIEWED = "Written {day}; {status}."
#: What the person decided about a vault message, as the end of a sentence.
VAULT_DECIDED = {"still_want": "you said you still wanted to send it", "let_go": "you let it go",
                 "rewritten": "you chose to rewrite it", "kept": "you chose to keep it, unsent"}
VAULT_STATUSES = {"waiting": "waiting", "still_want": "I still want to", "let_go": "Let it go",
                  "rewritten": "I'll rewrite it", "kept": "Keep it"}
VAULT_REVIEW_NOTE = "A thought about it (optional)"
VAULT_DUE_BOUNDARIES = ("Written {day}. The cooling-off time is over: would you like to keep it, rewrite it "
                        "as a letter to yourself, or let it go?")
VAULT_INTRO_BOUNDARIES = ("Write what you'd want to say. The kit keeps it here and never sends anything. "
                          "After the cooling-off time it asks whether to keep it, rewrite it as a letter to "
                          "yourself, or let it go.")
VAULT_STATUSES_BOUNDARIES = {"kept": "Keep it", "rewritten": "Rewrite it as a letter to myself",
                             "let_go": "Let it go"}
VAULT_KEPT = "Kept, unsent. It stays here for you to read again whenever you like."
VAULT_REWRITE_LETTER = "Noted. Write the letter to yourself above; it stays in the vault, unsent."
VAULT_STILL_WANT = "Noted. The kit still sends nothing; if you do reach out, step 9 and the decision journal may help first."
VAULT_LET_GO = "Let go. It stays here, unsent, in case you want to read it again."
VAULT_REWRITE = "Noted. Write the new version above; it starts its own cooling-off."
# Decision journal (reach-outs)
REACH_HEADING = "Decision journal"
REACH_INTRO = "Before any reach-out, write down your plan and what you expect. Afterwards, come back and note what happened."
#: The open road's stop rule: in steps 9, 10 and 14 and in the decision journal.
STOP_RULE = ("If they say no, or don't reply, that is their answer: please don't ask again. Then update "
             "the boundaries check in Start here (00), and the kit will turn toward you.")
#: Notes a step shows on the open road only (besides its own ``open_notes``), by step number.
STEP_NOTES_OPEN_ROAD = {9: (STOP_RULE,), 10: (STOP_RULE,), 14: (STOP_RULE,)}
REACH_PLAN = "What you plan to do"
REACH_EXPECT = "What you expect will happen"
REACH_WHY = "Why you want to do it"
REACH_OUTCOME = "What actually happened"
REACH_SAVE_OUTCOME = "Save what happened"
REACH_BEFORE = "Before"
REACH_AFTER = "After"
REACH_PENDING = "Not written yet."
REACH_BOUNDARY = ("Your boundaries check means reaching out isn't the step here, so please don't. "
                  "When the pull comes, you can still write here what you feel like doing and why, "
                  "and later what happened to the feeling. Nothing is sent.")
REACH_MOVING_ON = ("You chose to move on. If the pull to get in touch comes anyway, write here what you "
                   "feel like doing and why, and later what happened to the feeling. Nothing is sent.")
#: The decision journal's labels on the moving-on road: a feeling to notice, not a plan.
REACH_LABELS_MOVING_ON = {"plan": "What you feel like doing", "expectation": "What you hope it would bring",
                          "why": "Why it matters right now", "outcome": "What happened to the feeling"}
#: The decision journal's opening by road (chosen by ``gate.for_road``).
REACH_INTRO_BY_ROAD = {"default": f"{REACH_INTRO} {STOP_RULE}", "boundaries": REACH_BOUNDARY,
                       "decision": REACH_MOVING_ON}
# A review date (open road, 05): a day to decide whether to keep trying.
REVIEW_HEADING = "A day to look again"
REVIEW_INTRO = ("Pick a day to stop and ask honestly whether to keep trying. It goes into your calendar "
                "file. Signs that it is the old on-and-off cycle again:")
REVIEW_SIGNS = ("the same argument coming back, never settled",
                "splitting up and making up again within weeks",
                "promises that hold only until the next quarrel",
                "watching what you say to keep the peace",
                "feeling worse about yourself than before")
REVIEW_DAY = "Review day"
REVIEW_SAVED = "Saved. On {day} the kit's calendar reminds you to look again."
REVIEW_CLEARED = "Cleared: no review day now."
REVIEW_CURRENT = "Your review day: {day}."
REVIEW_PAST = "Please choose a day from today on (the review day field got {day})."
REMIND_REVIEW_SUMMARY = "A day to look again"
REMIND_REVIEW_DESCRIPTION = "The day you chose to ask honestly whether to keep trying. Your journal has the signs you noted; either answer is yours to make."
# Who am I now (03 and 09): notes on yourself, a weekly clarity rating, "we" and "I" counts
SELF_HEADING = "What I like, value and do"
SELF_WHY = ("After a breakup it is common to feel less sure who you are. Knowing yourself apart from "
            "the relationship went with less distress in studies of breakups, and coming back to it "
            "in short, regular reflections helped it grow (Slotter, Gardner & Finkel, 2010; Larson & "
            "Sbarra, 2015). Skip anything you like.")
SELF_KIND = "This is something I…"
SELF_KINDS = {"like": "like", "value": "value", "do": "do"}
SELF_ITEM = "What is it?"
SELF_ITEM_HELP = "For example: cooking for friends, honesty, Sunday swims."
SELF_SINCE = "Mine from before, or new?"
SELF_SINCES = {"before": "mine from before", "new": "new", "": "not saying"}
SELF_SAVED = "Saved. It's on your list below."
SELF_LIST_EMPTY = "Nothing here yet. Whatever you add shows up here, in your words."
SELF_LIST_HEADINGS = {"like": "Things I like", "value": "Things I value", "do": "Things I do"}
SELF_TAG = {"before": "mine from before", "new": "new", "": ""}
CLARITY_HEADING = "I know who I am apart from them"
CLARITY_QUESTION = "How true does this feel today?"
CLARITY_ENDS = ("not at all", "completely")
CLARITY_HELP = "Asked at most once a week; the chart shows how it moves. Skipping is fine."
CLARITY_SAVED = "Saved: {rating} out of 10. This comes back in a week."
CLARITY_NOT_YET = ("You answered this on {day} ({rating} out of 10). It asks again from {next_day}, "
                   "so the chart shows weeks rather than moods of the moment.")
WE_I_HEADING = "“We” and “I” in your own words"
WE_I_INTRO = ("If you like, the kit can count, week by week, how often your own writing here uses "
              "“we” words (we, us, our) and “I” words (I, me, my). In one study, "
              "“we” words became rarer as people recovered from a breakup (Larson & Sbarra, "
              "2015). It is a pattern in words, not a measure of you: a week of writing about your "
              "family will count “we” too. It is counted on this computer each time you "
              "look, and nothing is kept but the switch. Only English words are counted; words in "
              "other languages are left out.")
WE_I_TOGGLE = "Count “we” and “I” in what I write"
WE_I_ON = "Counting is on. Turn it off whenever you like; nothing is kept."
WE_I_OFF = "Counting is off."
# When it happens (09, linked from 04): a few plain lines and a small plan for each hard moment
MOMENTS_LINK_LEAD = "For the moments that knock you over (a new partner, running into them, a hard date):"
MOMENTS_LINK = "When it happens, in Moving on"
MOMENTS_PLAN = "My plan for this"
MOMENTS_PLAN_HELP = "A few lines are enough. Skip it if you'd rather not."
MOMENTS_DAY = "Which day?"
MOMENTS_OCCASION = "What kind of day?"
MOMENTS_OCCASIONS = {"birthday": "a birthday", "anniversary": "an anniversary",
                     "holiday": "a holiday", "other": "another day"}
MOMENTS_CALENDAR_HELP = ("Dates go into the calendar file from exback remind, with your plan "
                         "attached. Leave names out of the plan: a calendar can show on a lock screen.")
MOMENTS_SAVED = "Saved. Your plan is here whenever you come back."
MOMENTS_SAVED_DAY = "Saved. Your plan is here, and in the calendar file the next time you run exback remind."
MOMENTS_NEEDS_DAY = "Which day: please pick the date as well, so the calendar can hold it."
MOMENTS_LOGISTICS = "Log a practical contact now"
MOMENTS_LOGISTICS_BY = "Who started it?"
MOMENTS_LOGISTICS_NOTE = "What it was about (brief and factual)"
MOMENTS_LOGISTICS_SAVED = "Logged as logistics. Practical contact doesn't break your No-Contact streak."
MOMENTS_LOGISTICS_SAVED_ORDER = ("Logged. With a protective order in place, keep to what the order "
                                 "allows; a legal adviser or helpline can talk it through with you.")
#: What logging a practical contact says, by road (``gate.for_road``): after harm or an order
#: there is no No-Contact countdown, so no word of a streak.
MOMENTS_LOGISTICS_SAVED_BY_ROAD = {
    "default": MOMENTS_LOGISTICS_SAVED,
    "harm": ("Logged. Keep it to the facts and to what feels safe; a domestic-abuse helpline can "
             "talk it through with you in confidence."),
    "order": MOMENTS_LOGISTICS_SAVED_ORDER,
}
MOMENTS_SAVED_DATES = "Your dates"
MOMENTS_DATE_LINE = "{occasion}, {day}: {plan}"
# Patterns, repairs, agreements, milestones, old habits
PATTERNS_HEADING = "Patterns you brought"
PATTERN = "A pattern (e.g. insecurity, jealousy, shutting down)"
PATTERN_ROOT = "Where it might come from"
PATTERN_PLAN = "Your plan for it"
PATTERN_SAVE_PLAN = "Save plan"
PATTERN_NO_PLAN = "No plan yet."
REPAIRS_HEADING = "Issues and how they'll be repaired"
REPAIR_ISSUE = "The issue"
REPAIR_PLAN = "How it will be repaired (e.g. rebuilding trust, couples therapy)"
REPAIR_STATUS = "Where it stands"
REPAIR_STATUSES = {"open": "Not started", "in_progress": "Working on it", "resolved": "Resolved"}
REPAIR_UPDATE = "Update"
AGREEMENTS_HEADING = "Agreements for relationship 2.0"
AGREEMENT_TEXT = "What you agree"
MILESTONES_HEADING = "Milestones, one small step at a time"
MILESTONE_TITLE = "Milestone (e.g. a weekend away; moving back in, later)"
MILESTONE_TARGET = "Aim for"
MILESTONE_DONE = "Mark done today"
MILESTONE_ROW_DONE = "done {day}"
MILESTONE_ROW_TARGET = "aiming for {day}"
OLD_HABITS_HEADING = "Old habits to ease off"
OLD_HABITS_INTRO = "Log a moment when an old habit showed up. Fewer entries over time is the goal; one slip is just information."
OLD_HABIT = "The habit"
OLD_HABIT_SUGGESTIONS = ("checking their phone", "asking again where they were", "bringing up old mistakes",
                         "re-arguing something settled")
OLD_HABITS_COUNT = "{habit}: {recent} in the last 14 days, {before} in the 14 days before."
# Wellbeing forms
WHO5_HEADING = "Wellbeing check (WHO-5)"
ROSENBERG_HEADING = "Self-esteem scale (Rosenberg)"
INSTRUMENT_CREDIT = "Source: {credit}"
INSTRUMENT_SAVED = "Saved."
CRISIS_HEADING = "Your crisis contacts"
LATE_NIGHT_CONTACTS = "If a late night gets too heavy, you don't have to ride it out alone:"
CRISIS_LABEL = "Contacts, one a line"
CRISIS_SAVED = "Saved {count:n:contact}."

HABITS_HEADING = "Your check-in habits"
HABITS_INTRO = "The daily check-in offers these to tick. Make the list yours: add what helps you, remove what doesn't fit. Your mood chart compares days with and without each one."
HABITS_LABEL = "Habits"
HABITS_HELP = "Type a habit and press Enter to add it; click × to remove one. Up to 30, each a few words."
HABITS_SAVED = "Saved. The check-in offers this list from now on (re-run its cell to see it)."
HABITS_RESET = "The list was empty, so the kit's own list is back."

# Moving on (09): reflections, the clear-eyed list, the checklists
REFLECTION_SAVED = "Saved {count:n:answer}. Earlier answers stay in your history."
CLEAR_EYED_FEELINGS_BEFORE = "Right now, how strong are your feelings for them?"
CLEAR_EYED_FEELINGS_ENDS = ("none", "very strong")
CLEAR_EYED_MOOD_BEFORE = "Right now, how is your mood?"
CLEAR_EYED_MOOD_ENDS = ("very low", "very good")
CLEAR_EYED_WHAT = "Something that didn't work between you"
CLEAR_EYED_WHAT_HELP = "Plainly, without blaming either of you: a habit, a pattern, a moment."
CLEAR_EYED_PLEASANT = "Something pleasant to do next"
CLEAR_EYED_PLEASANT_HINT = "a walk, a song, a call with a friend"
CLEAR_EYED_SAVED = "Saved. If you can, do the pleasant thing now; afterwards, rate how you feel on the entry below."
CLEAR_EYED_AFTER_INTRO = "And now, after the pleasant thing:"
CLEAR_EYED_FEELINGS_AFTER = "Feelings for them now"
CLEAR_EYED_MOOD_AFTER = "Mood now"
CLEAR_EYED_SAVE_AFTER = "Save how I feel now"
CLEAR_EYED_AFTER_NEEDED = "Pick a rating for your feelings or your mood first (or both)."
CLEAR_EYED_AFTER_SAVED = "Saved your after-ratings. The chart below shows your own before and after."
CLEAR_EYED_ROW = "{day}"
CLEAR_EYED_RATINGS = "feelings for them {feelings} · mood {mood}"
CLEAR_EYED_NEXT = "Next: {pleasant}"
CLEAR_EYED_NO_RATING = "–"
CHECKLIST_SUGGESTED = "Suggestions: tick any you'd like on your list"
CHECKLIST_OWN = "Or add one of your own"
CHECKLIST_ADDED = "Added {count:n:item} to your list."
CHECKLIST_NOTHING = "Nothing to add: tick a suggestion or write an item of your own."
CHECKLIST_ALREADY = "That's already on your list."
CHECKLIST_EMPTY = "Nothing on it yet. Add only what fits your life."
CHECKLIST_HEADING = "Your list"
CHECKLIST_COUNT = "{done} of {count:n:item} done."
CHECKLIST_OPEN = "○ {item}"
CHECKLIST_DONE_ROW = "✓ {item} · done {day}"
CHECKLIST_DONE_ON = "Done on"
CHECKLIST_MARK_DONE = "Mark done"
CHECKLIST_UNDO = "Not done after all"
CHECKLIST_MARKED = "Marked done on {day}."
CHECKLIST_REOPENED = "Back on your list as not done yet."
CHECKLIST_CONTACT_LINK = "Log a needed contact as logistics in the contact log (Space and clarity, 01)"

# --- boundaries, moving-on path, readiness ----------------------------------
#: "Not sure" answers: treated like a yes, said gently and reversibly.
GATE_REASONS_NOT_SURE = {
    "no_contact_asked": "You're not sure whether your ex asked for no contact or blocked you.",
    "said_no_reunion": "You're not sure whether your ex said they don't want to get back together.",
    "harm_or_control": "You're not sure whether there was violence, threats or control.",
    "protective_order": "You're not sure whether there is a protective or restraining order.",
}
GATE_NOT_SURE = ("While an answer is \"not sure\", the kit errs on the side of respect and safety, and "
                 "treats it like a yes. That can change whenever things become clearer to you.")
GATE_REASONS = {
    "no_contact_asked": "Your ex asked for no contact, or blocked you. Their wish is final here, so the kit won't help with reaching out.",
    "harm_or_control": "You said there was violence, threats or controlling behaviour. Your safety comes first, so the reconnecting steps are set aside.",
    "protective_order": "There is a protective or restraining order between you. You keep to it, and the kit prepares no contact of any kind.",
    "said_no_reunion": "Your ex said clearly that they don't want to get back together. The kit takes them at their word.",
    "decision": "On {day} you decided to move on.",
}
GATE_HEADING_BOUNDARIES = "This part of the kit is set aside"
GATE_HEADING_DECISION = "This stage is set aside, by your choice"
GATE_INTRO_BOUNDARIES = "Based on your boundaries check, this stage, which is about reaching out to your ex, is closed. That isn't a judgement of you. Here is why:"
GATE_INTRO_DECISION = "You decided to move on. This stage is about reconnecting, so it rests while that is your decision:"
GATE_STILL_OPEN = "Everything for you stays open: rebuilding you (03), holding steady (04), your check-ins, the urge log, the vault and the wellbeing checks."
GATE_REVISIT_BOUNDARIES = "If something has changed, you can look at your answers again in the boundaries check in Start here (00)."
GATE_REVISIT_DECISION = "If your thinking changes, you can update your decision in Space and clarity (01) and this stage opens again."
GATE_SAFETY_HEADING = "If you feel unsafe, or want to talk it through in confidence:"
#: After harm, control or an order was named: the journal's own lock, and a device check.
SAFETY_LOCK_LINE = ("If someone else can reach this computer, you can lock this journal with a passphrase: "
                    "run exback encrypt in a terminal (the README's \"Locking your journal\" says how).")
DEVICE_SAFETY_HEADING = "Your own device check, whenever it feels right:"
DEVICE_SAFETY = ("Location sharing: which apps and people can see where you are",
                 "Shared accounts and passwords: email, cloud photos, streaming, the phone's own account",
                 "Apps you didn't install yourself, or ones that can track or mirror your phone",
                 "Tracking tags (small Bluetooth trackers) in a bag, coat or car; many phones can scan for them")
GATE_MOVING_ON = "There is a stage for this road, of equal standing:"
GATE_MOVING_ON_LINK = "Open Moving on (09)"
GATE_ASK_FIRST_HEADING = "First, the boundaries check"
GATE_ASK_FIRST = ("Before this stage, please answer the four questions of the boundaries check in Start "
                  "here (00). They make sure the kit respects your ex's wishes and your safety. Any of "
                  "them can be answered \"not sure\".")
GATE_ASK_FIRST_LINK = "Open Start here (00)"
READINESS_HEADING = "Readiness checklist"
READINESS_INTRO = "A look at your own notes. It only advises: nothing here is a test, and you decide."
READINESS_GATED = "You're on the moving-on road, so this checklist is set aside: nothing here leans either way, and the moving-on stage (09) is the one made for you."
READINESS_MARKS = {True: "✓", False: "○", None: "?"}
READINESS_STATE = {True: "looks ready", False: "not yet", None: "no data yet"}
READINESS_LINE = "{mark} {label}: {state}. Based on {based_on}."
READINESS_MARK_NEUTRAL = "•"
READINESS_TODAY = "today"
READINESS_AGO = "{age:n:day} ago"
#: Item-specific states that replace the generic READINESS_STATE wording.
READINESS_STATES = {
    "boundaries_yes": "reconnecting is set aside, out of respect for what you answered",
    "set_aside": "set aside: you're on the moving-on road",
    "try_again": "you'd like to try again",
    "not_sure": "not decided yet, and that's fine",
    "move_on": "you chose to move on",
}
READINESS_LABELS = {
    "boundaries": "Boundaries check",
    "no_contact": "No-Contact target reached",
    "decision": "Where you stand (step 2)",
    "urges": "Urges mostly let pass in the last 14 days",
    "wellbeing": "Wellbeing in a good range (WHO-5 above 50 %, no low item)",
    "patterns": "Every pattern from step 4 has a plan",
}
READINESS_BASED = {
    "boundaries_none": "the boundaries check, which isn't answered yet",
    "boundaries": "your boundaries check ({answered} of {questions} answered)",
    "no_contact_none": "your No-Contact periods; none with a target has started yet",
    "no_contact": "your {target}-day period from {start}: {current:n:day} in a row now, longest {longest:n:day}",
    "decision_none": "your decisions; none recorded yet (step 2)",
    "decision": "your latest decision ({day}): {decision}",
    "urges_none": "your urge log; no urges noted in the last 14 days",
    "urges": "{count:n:urge} noted in the last 14 days, {passed} let pass",
    "wellbeing_none": "your WHO-5 checks; none yet",
    "wellbeing": "your latest WHO-5 ({day}, {ago}): {percent} %",
    "patterns_none": "your patterns list (step 4), which is empty so far",
    "patterns": "{planned} of {count:n:pattern} with a plan",
}

# --- wellbeing scales -------------------------------------------------------
WHO5_BANDS = {
    "low": "Low wellbeing over the last two weeks",
    "middle": "Wellbeing somewhat below the usual range",
    "good": "Wellbeing in a good range",
}
WHO5_RESULT = "WHO-5: {raw} of 25, which is {percent} %. {band}."
WHO5_CHANGE = "That is {sign}{size:n:point} since your last one ({previous} %), a change worth noticing."
WHO5_SMALL_CHANGE = "That is {sign}{size:n:point} since your last one ({previous} %), within the usual ups and downs."
WHO5_SAME = "That is the same as your last one ({previous} %)."
ROSENBERG_RESULT = "Self-esteem scale: {total} of 30. Compare it with your own earlier results; the number carries no label."
INSTRUMENT_ITEM_MISSING = "{field}: this statement has no answer yet. Please pick one (all are needed to score the scale)."
INSTRUMENT_UNKNOWN_ITEM = "{field}: the {instrument} has no statement with this id. Its statements are: {allowed}."
INSTRUMENT_WRONG_COUNT = "{field}: {value} has {count} answers; the {instrument} has {expected} statements."
SAFETY_INTRO = ("The last two weeks sound like they have been heavy. This isn't a diagnosis, and nothing to be "
                "ashamed of. It may be a good moment to talk with someone you trust or with a professional, "
                "such as a doctor or counsellor. If you ever feel unsafe, or think about harming yourself, "
                "please reach out right away:")
SAFETY_INTRO_ITEM = ("Your overall score isn't low, but one of your answers was, and that is worth a "
                     "moment of care. This isn't a diagnosis. If that part of life has been hard, "
                     "talking with someone you trust or with a professional, such as a doctor or "
                     "counsellor, may help. If you ever feel unsafe, or think about harming "
                     "yourself, please reach out right away:")
SAFETY_CONTACT = "• {name}: {detail}"
SAFETY_CHECK_COUNTRY = "These are general defaults: please check they are right for your country."
SAFETY_NO_CONTACTS = "• Your local emergency number"
SAFETY_OUTRO = "You can change this list of contacts at any time (crisis contacts, in Rebuilding you, 03)."
CRISIS_BAD_LINE = "Line {number}: {problem}"
CRISIS_TOO_MANY = "That's {count} contacts; please keep it to {most} or fewer."
CRISIS_DEFAULTS_NOTE = "These are general defaults: check they are right for your country, then edit and save your own."
CRISIS_RESET = "Back to the default list."
CRISIS_HELP = "One contact a line, as name: how to reach them. Leave it empty and save to go back to the defaults."

# --- charts and summaries ---------------------------------------------------
CHART_TITLES = {
    "mood": "Mood over time",
    "mood_meter": "Mood meter: how pleasant, how much energy",
    "year_pixels": "Your year in pixels",
    "no_contact": "Days without contact",
    "urges": "When urges come",
    "habits": "Habits and mood",
    "wellbeing": "Wellbeing check-ins",
    "journey": "Your journey so far",
    "mind": "How much they were on your mind",
    "reappraisal": "Before and after your clear-eyed list",
    "clarity": "I know who I am apart from them",
    "we_i": "“We” and “I” in your writing, by week",
}
CHART_UNKNOWN = "There is no chart called {name!r}. The charts are: {allowed}."
# Month and weekday names come from Babel (CLDR) for the language: content/language.py
# months() and weekdays(). CLDR has no "every Saturday" form, so that one is the kit's:
#: A weekday that comes back each week ("on Saturdays", "Saturdays 22:00–24:00"), Monday first.
WEEKDAYS_RECURRING = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays",
                      "Sundays")
CHART_CONTACT_DAY = "contact day"
CHART_STAGE_START = "a stage began"
CHART_STAGES_TOGETHER = "{first} · {then}"
#: Stages begun close together whose names are too long for the chart's height together:
#: {first} is the first one or more names, {count} how many more began there.
CHART_STAGES_MORE = "{first} · {count} more"
CHART_BREAKUP_DAY = "the breakup (day 0)"
SUMMARY_MOOD_BREAKUP = "; the dashed line marks the breakup, {days:n:day} ago."
#: The mood chart's text alternative, after the week's sentence: {stages} names the stages whose
#: start a dotted line marks, as a list ("Start here, Space and clarity, and Moving on").
SUMMARY_MOOD_STAGES = "; dotted lines mark where {stages} began."
CHART_NO_CHECKIN = "no check-in"
CHART_MOOD_AXIS = "Mood (1–10)"
CHART_MOOD_DAILY = "each day"
CHART_MOOD_ROLLING = "7-day average"
MOOD_BAND_RANGES = ("1–2", "3–4", "5–6", "7–8", "9–10")
CHART_MOOD_BANDS = ("mood " + MOOD_BAND_RANGES[0], *MOOD_BAND_RANGES[1:])
CHART_MOOD_CHANGE = {"up": "a little higher than", "down": "a little lower than", "same": "about the same as"}
CHART_EMPTY_MOOD = "Your mood line starts with your first check-in. It takes about half a minute."
CHART_METER_X = "How pleasant (mood 1–10)"
CHART_METER_Y = "Energy (1–10)"
CHART_METER_RECENT = "last 7 days"
CHART_METER_EARLIER = "earlier"
CHART_QUADRANTS = {"tense": "stirred up, unpleasant", "lively_pleasant": "lively, pleasant",
                   "low": "low energy, unpleasant", "calm_pleasant": "calm, pleasant"}
CHART_EMPTY_METER = "Add your energy to a check-in and it lands here as a dot in one of four corners."
CHART_EMPTY_YEAR = "Each day you check in colours one square here, a little mosaic of your year."
CHART_NC_STREAK = "days in a row without contact"
CHART_NC_TARGET = "your target: {days} days"
CHART_NC_NOW = "now: {days}"
CHART_NC_LONGEST = "longest: {days}"
CHART_NC_AXIS = "Days in a row"
CHART_EMPTY_NO_CONTACT = "When you start a No-Contact period (stage 01), your days without contact appear here."
CHART_URGES_WEEKLY = "Each week: urges noted, and how many you let pass"
CHART_URGES_LOGGED = "urges"
CHART_URGES_RESISTED = "let pass"
CHART_URGES_SCALE = "urges in that hour"
CHART_URGES_THIN = "Not enough yet: {total} of {needed} urges. With {needed}, this shows the hours they come."
CHART_EMPTY_URGES = "No urges noted yet. When one comes, writing it down can help it pass, and the pattern shows here."
CHART_HABIT_DAYS = "{with_:,} / {without:,}"
CHART_HABIT_DAYS_HEADER = "days with / without"
CHART_HABIT_TO_REDUCE = " (to do less)"
CHART_HABITS_AXIS = "Mood on days with it minus days without (thin lines: a rough range)"
CHART_HABITS_THIN = "Not enough yet to compare a habit with your mood: each needs {needed} days with it and {needed} without; the closest, “{habit}”, has {with_} of {needed} days with it and {without} of {needed} without."
CHART_HABITS_WAITING = "Not shown yet: {count:n:habit} with fewer than {needed} days with or without it."
CHART_EMPTY_HABITS = "Tick habits in your check-ins; after a week or two you'll see how each lines up with your mood."
CHART_WHO5_AXIS = "WHO-5 wellbeing (%)"
CHART_WHO5_LABEL = "WHO-5 wellbeing (%)"
CHART_ROSENBERG_AXIS = "Self-esteem (0–30)"
CHART_ROSENBERG_LABEL = "self-esteem total (0–30)"
CHART_WHO5_BANDS = {"low": "0–28", "middle": "29–50", "good": "51–100"}
CHART_WHO5_BAND_WORDS = {"low": "in the lowest of its three bands", "middle": "in its middle band",
                         "good": "in its upper band"}
CHART_EMPTY_WELLBEING = "Your WHO-5 and self-esteem check-ins appear here; each takes about two minutes."
CHART_JOURNEY_COUNT = "{answered} of {questions}"
CHART_EMPTY_JOURNEY = "Your journey starts in Start here. Each answer you save fills in a little of these bars."
CHART_MIND_AXIS = "On your mind (0–10)"
CHART_MIND_DAILY = "on your mind, each day"
CHART_MIND_ROLLING = "on your mind, 7-day average"
CHART_MIND_MOOD = "mood, 7-day average"
CHART_MIND_CHANGE = {"up": "a little more than", "down": "a little less than", "same": "about the same as"}
CHART_EMPTY_MIND = "This line starts with the first check-in where you say how much they were on your mind. That question is optional."
CHART_REAPPRAISAL_AXIS = "Rating (0–10)"
CHART_REAPPRAISAL_FEELINGS = "feelings for them"
CHART_REAPPRAISAL_MOOD = "mood"
CHART_REAPPRAISAL_BEFORE = "before"
CHART_REAPPRAISAL_AFTER = "after"
CHART_EMPTY_REAPPRAISAL = "Your before-and-after ratings show here once a line of your clear-eyed list has both."
SUMMARY_MIND_EMPTY = "No check-in says yet how much they were on your mind, so there is no line to describe."
CHART_CLARITY_AXIS = "How true (0–10)"
CHART_EMPTY_CLARITY = "This line starts with your first answer to “I know who I am apart from them”, in Who am I now."
SUMMARY_CLARITY_EMPTY = "No answer yet to “I know who I am apart from them”, so there is no line to describe."
SUMMARY_CLARITY = ("“I know who I am apart from them”: {count:n:answer} over {weeks:n:week}, "
                   "from {first} to {last} out of 10 most recently.")
CHART_WE = "“we” words"
CHART_I = "“I” words"
CHART_WE_I_AXIS = "Words counted"
CHART_WE_I_NOTE = "A pattern in words, not a measure of you. Only English words are counted."
CHART_EMPTY_WE_I = "Nothing you wrote in the last {weeks} weeks uses “we” or “I” words in English, so there is nothing to count."
SUMMARY_WE_I_EMPTY = "No “we” or “I” words in English in what you wrote over the last {weeks} weeks; words in other languages are left uncounted."
SUMMARY_WE_I = ("In your writing over the last {count:n:week}, the weeks with any: {weeks} (a pattern "
                "in words, not a measure of you; words in other languages are left uncounted).")
SUMMARY_WE_I_WEEK = "week of {week}: {we} “we”, {i} “I”"
SUMMARY_MIND_QUIET = "No check-in in the last 7 days says how much they were on your mind; the line shows the earlier ones."
SUMMARY_MIND_WEEK = "Over the last 7 days they took up your mind {mean} out of 10 on average, across {days:n:day} with a rating."
SUMMARY_MIND_COMPARE = "Over the last 7 days they took up your mind {mean} out of 10 on average across {days:n:day} with a rating, {change} the week before ({previous})."
SUMMARY_PAIRS_EMPTY = "No line of your clear-eyed list has a before and an after rating yet."
SUMMARY_PAIRS = "Across {count:n:line} with before and after ratings, on average {changes}."
SUMMARY_PAIRS_FEELINGS = "feelings for them went from {before} to {after}"
SUMMARY_PAIRS_MOOD = "mood went from {before} to {after}"
SUMMARY_MOOD_EMPTY = "There are no check-ins yet, so there is no mood line to describe."
SUMMARY_MOOD_QUIET = "There were no check-ins in the last 7 days; on {day}, your most recent one, your mood was {mood} out of 10."
SUMMARY_MOOD_WEEK = "Over the last 7 days your mood averaged {mean} out of 10, across {days:n:day} with a check-in."
SUMMARY_MOOD_COMPARE = "Over the last 7 days your mood averaged {mean} out of 10 across {days:n:day} with a check-in, {change} the week before ({previous})."
SUMMARY_METER_EMPTY = "There are no check-ins with both mood and energy in the last {days} days yet."
SUMMARY_METER = "In the last {days} days, {count} of your {total:n:check-in} sat in the {quadrant} corner, more than any other."
SUMMARY_METER_THIN = "In the last {days} days you have {total:n:check-in} with mood and energy; not enough yet to say which corner you're in most: {total} of {needed}."
SUMMARY_METER_TIED = "In the last {days} days your {total:n:check-in} with mood and energy spread across the corners, none more than another."
SUMMARY_YEAR_EMPTY = "The year-in-pixels is still blank; it fills in one square for each day you check in."
SUMMARY_YEAR_NO_MOOD = "There are no check-ins in the last year yet; contact days marked: {lapses}."
SUMMARY_YEAR_LAPSES = "; contact days marked: {lapses}."
SUMMARY_YEAR_NO_CONTACT = "Over the last year you checked in on {days:n:day}, most often with a mood of {band}."
SUMMARY_YEAR_FEW = "Over the last year you checked in on {days:n:day}; no mood stands out as the commonest yet."
SUMMARY_NC_EMPTY = "No No-Contact period has started yet; you can begin one in stage 01 whenever you choose."
SUMMARY_NC_LAPSES = ", with {lapses:n:contact day} along the way"
SUMMARY_NC = "Day {day} of your {target}-day No-Contact period: {current:n:day} in a row without contact and {clean} in all{lapses}."
SUMMARY_NC_REACHED = "You reached your {target}-day No-Contact target; right now it is {current:n:day} in a row, and {clean} of {days:n:day} in all{lapses}."
SUMMARY_NC_NO_TARGET = "Since {start}: {current:n:day} in a row without contact and {clean} of {days:n:day} in all{lapses}."
SUMMARY_URGES_EMPTY = "No urges noted yet; when one comes, logging it here helps you see its pattern."
SUMMARY_URGES = "In the last {days} days you noted {count:n:urge} and let {passed} of them pass ({share} %)"
SUMMARY_URGES_QUIET = "No urges noted in the last {days} days; of all {total:n:urge} so far you let {share} % pass"
SUMMARY_URGES_WHEN = "; {peak} of {total:n:urge} so far came on {weekdays} around {hour}, more than in any other hour of the week."
SUMMARY_URGES_NO_PEAK = "; across {total:n:urge} so far, no hour of the week stands out yet."
SUMMARY_URGES_THIN = "; not enough yet to say when they come: {total} of {needed} urges."
SUMMARY_HABITS_EMPTY = "No habits ticked yet, so there is nothing to compare with your mood."
SUMMARY_HABITS = "On days you ticked “{habit}” your mood averaged {with_}, against {without} on days without ({days_with:,} and {days_without:,} days); this shows what goes together, not what causes what."
SUMMARY_WB_EMPTY = "No wellbeing check-ins yet; the WHO-5 and the self-esteem scale appear here once you take them."
SUMMARY_WB_WHO5 = "your latest WHO-5 wellbeing score is {percent} %, {band}"
SUMMARY_WB_CHANGE = " ({delta:+d} points since the one before)"
SUMMARY_WB_ROSENBERG = "your latest self-esteem total is {total} of 30"
SUMMARY_WB_JOIN = ", and "
SUMMARY_JOURNEY_EMPTY = "No answers saved yet; the journey begins in Start here, at your own pace."
SUMMARY_JOURNEY = "You have answered {answered} of {questions} questions, in {touched} of {stages} stages, most recently in {latest}."
DEMO_MADE = ("Made a demo journal with {days} days of invented entries at {path}. It is kept apart "
             "from your own journal; open it with: exback lab --journal {path}")
DEMO_NOT_REAL = "{path} is your own journal, so the demo was not written there. Please pick another place with --path."
DEMO_NOT_DEMO = "{path} already holds something that isn't the demo journal, so it was left untouched. Please pick another place with --path."
DEMO_ANSWER = "An invented answer for the demo journal."
CLI_HELP_DEMO = "create a separate demo journal full of invented entries, to see every chart filled"
CLI_HELP_DEMO_DAYS = "how many days of invented entries (default 120)"
CLI_HELP_DEMO_SEED = "seed for the invented entries (the same seed gives the same journal)"
CLI_HELP_DEMO_PATH = "where to write the demo journal (default: demo/ beside your journal)"

# --- notebooks and stages ---------------------------------------------------
LAUNCH_STARTING = "{what} is starting… this can take a few seconds."
LAUNCH_READY = ("{what} is running. Open this address in your browser:\n\n    {url}\n\n"
                "It is reachable from this computer only. Press Ctrl-C here to stop it.")
LAUNCH_STOPPED = "{what} stopped. Everything you saved is in your journal."
LAUNCH_FAILED = "{what} stopped unexpectedly (exit status {code}). The lines above may say why."
LAUNCH_PORT_BUSY = "port: {port} is already in use on this computer. Pick another with --port, or leave --port out to use a free one."
LAUNCH_PORT_RANGE = "port: {port} isn't a port number. Please use a whole number from 1 to 65535."
LAUNCH_NO_NOTEBOOKS = "notebooks: the kit's notebooks weren't found beside the package. Reinstalling exback-kit should bring them back."
LAUNCH_NO_VOILA = "app: the app view needs Voila, which isn't installed. Install it with: pip install 'exback-kit[app]'"
LAUNCH_COPIED = "Put your own copy of the notebooks in {folder}. Later updates add new notebooks there but never overwrite yours."
CLI_HELP_LAB = "open the kit: today's check-in first, then the notebooks in JupyterLab from 00_start_here"
CLI_HELP_APP = "open the notebooks as a simple app, with the code hidden (needs Voila)"
CLI_HELP_PORT = "port to listen on (default: a free one)"
CLI_HELP_NO_BROWSER = "print the address instead of opening a browser"
CLI_HELP_NOTEBOOKS = "serve the notebooks in DIR (kit notebooks missing there are copied in; yours are never overwritten)"
STAGE_UNKNOWN = "There is no stage called {stage_id!r}. The stages are: {allowed}."
STAGE_NO_SECTION = "Stage {stage_id} has no part called {section!r}. Its parts are: {allowed}."
#: The app view's page title (kept in each notebook's metadata; a test checks they match).
PAGE_TITLE = "{stage} · exback-kit"
STAGE_PART_ERROR = "Something went wrong while redrawing this part, so it's left empty for now. What you saved is safe. (Details: {problem})"
FOLDED_PROFILE = "You've filled in your profile. It stays folded so the daily check-in is quicker to reach."
FOLDED_BOUNDARIES_NO = "You've answered the boundaries check, with no to each question. You can look at your answers or change them whenever you like."
FOLDED_BOUNDARIES_YES = "You've answered the boundaries check, and a yes or not sure there sets the reconnecting stages aside. You can look at your answers or change them whenever you like."
FOLDED_OPEN = "Show my answers"
DEMO_OFFER = "Your journal is still empty, so the charts have nothing to show yet. Would you like to look around with a demo journal full of made-up entries first? It is kept apart from yours."
DEMO_ON_BUTTON = "Show me the demo journal"
DEMO_BANNER = "DEMO: you're looking at made-up data, not your own journal. Anything saved right now goes into the demo journal."
DEMO_OFF_BUTTON = "Back to my own journal"
WHERE_HEADING = "Where you are"
WHERE_STAGE = "Most recently you worked on: {stage}."
WHERE_STAGE_NEW = "You're at the very beginning. Take your time."
WHERE_NO_CONTACT_TARGET = "No-Contact: day {day} of {target} (longest stretch so far: {longest:n:day})."
WHERE_NO_CONTACT = "No-Contact: day {day}, no target set (longest stretch so far: {longest:n:day})."
WHERE_NO_CONTACT_NO_COUNTDOWN = "Days without contact: {day} in a row (longest stretch so far: {longest:n:day})."
WHERE_NO_CONTACT_NONE = "No-Contact: not started yet. You can start a period in Space and clarity."
WHERE_SET_ASIDE = "This stage is set aside on your road, so it never counts against your progress."
WHERE_PROGRESS = "In this stage you've answered {answered} of {steps:n:step}."
WHERE_TOPICS = "In this stage you've made a start on {answered} of {parts} prompts and lists, in whatever order suits you."
WHERE_JOURNAL = "Your journal is stored on this computer at: {path}"
WHERE_LAST_CHECKIN = "Your latest check-in ({day}): mood {mood}/10."
WHERE_LAST_NOTE = "Its note:"
WHERE_NOTE_HIDDEN = "It has a note, kept off the screen."
WHERE_SHOW_NOTE = "Show my latest note here"
NEXT_LINK = "Open the next notebook: {title}"
MOVING_ON_TITLE = "Moving on"
NEXT_MOVING_ON = "On the road you're on, the moving-on stage is the one made for you:"
NEXT_OR_MOVING_ON = "Or, if letting go is more your question today:"
WHERE_MOVING_ON = "You're on the moving-on road, which counts every bit as much. Moving on (09) is the stage for it; the set-aside stages don't count against you."
NEXT_SKIPPED = "Some stages are set aside for now, so the next one for you is below."
NEXT_ASK_FIRST = "Once the boundaries check is answered, this stage shows what it holds, or explains why it is set aside."
NEXT_GATED = "Nothing here needs doing. Your check-ins, the urge log, the vault and the wellbeing checks all stay open, and the dashboard shows how you're doing."
#: "What comes next" on the moving-on road, where the usual words would point to contact.
NEXT_TEXT_MOVING_ON = {
    "01_space_and_clarity": "Let the days add up at their own pace. Your decision isn't final: you can record a new one whenever your view changes.",
    "03_rebuilding_you": "Keep the habits that lift your mood. A wellbeing check every couple of weeks shows the trend.",
    "04_holding_steady": "Keep logging urges when they come; over time the pattern shows. The vault keeps what you write, unsent.",
}
NEXT_TEXT = {
    "00_start_here": "Come back for a quick check-in whenever you like; a few seconds a day is plenty. When you're ready, the next stage is about giving yourself some room.",
    "01_space_and_clarity": "Let the No-Contact days add up at their own pace. Your decision isn't final: you can record a new one whenever your view changes.",
    "02_reading_the_signals": "Whatever you noticed, the next stage is about you, and it helps whichever way things go.",
    "03_rebuilding_you": "Keep the habits that lift your mood. A wellbeing check every couple of weeks shows the trend.",
    "04_holding_steady": "Keep logging urges when they come; over time the pattern shows. Check the vault again once a message's cooling-off time is over.",
    "05_reconnecting": "Go slowly. If meetings feel good on both sides, the next stage prepares the bigger talk.",
    "06_the_conversation": "Give each other time to think. The agreements you write here are the base for what follows.",
    "07_relationship_2_0": "Small steps, each with a date you both choose. The dashboard shows the whole picture.",
    "08_dashboard": "This page gathers everything. Come back to it whenever you want to see how far you've come.",
    "09_moving_on": "There's no finish line here. Come back to any part whenever it helps, and leave the rest; the dashboard gathers all your charts.",
}

# --- report, reminders, imports ---------------------------------------------
# Calendar words may sync to a cloud and show on a lock screen: keep them discreet.
REMIND_CHECKIN_SUMMARY = "Journal check-in"
REMIND_CHECKIN_DESCRIPTION = "Thirty seconds in your journal: how today felt, how you slept. Skip it freely if today isn't the day."
REMIND_WHO5_SUMMARY = "Wellbeing check"
REMIND_WHO5_DESCRIPTION = "Five short questions about the last two weeks, in your journal. About a minute."
REMIND_NC_SUMMARY = "{days} days of space, in your journal"
REMIND_NC_DESCRIPTION = "Today your period of space reaches the {days} days you chose. Whatever comes next, you gave yourself room to think."
#: The milestone's words by road: off the open road nothing is pending, so no "whatever comes next".
REMIND_NC_DESCRIPTION_BY_ROAD = {
    "default": REMIND_NC_DESCRIPTION,
    "moving_on": "Today your period of space reaches the {days} days you chose. Those days were for you.",
}
REMIND_UNSENT_SUMMARY = "A message in your vault is ready for a second look"
REMIND_UNSENT_DESCRIPTION = "Its cooling-off time is over. When you have a calm moment, open your journal and decide whether to keep it, rewrite it or let it go. Nothing is ever sent for you."
REMIND_ALARM = "A reminder from your journal"
REMIND_WRITTEN = "Wrote {count} reminders to {path}. Import it into your calendar app; importing it again updates them instead of adding copies."
BAD_CLOCK_TIME = "{field}: {value!r} isn't a time of day. Please use HH:MM, e.g. 20:00 or 07:30."
CLI_HELP_REMIND = "calendar reminders (.ics) for check-ins, wellbeing checks, dates that matter and your plans"
CLI_HELP_REMIND_OUT = "the .ics file to write"
CLI_HELP_REMIND_TIME = "time of the daily check-in reminder, HH:MM (default 20:00)"
DAYLIO_NOT_EXPORT = "{path} doesn't look like a Daylio CSV export: the column(s) {missing} are missing. A Daylio export starts with the line: {expected} (older versions of the app wrote {old}). Nothing was imported."
DAYLIO_NOT_TEXT = "{path} isn't a readable CSV file (it should be UTF-8 text exported from Daylio). Nothing was imported."
DAYLIO_EMPTY = "{path} has no entries in it. Nothing was imported."
DAYLIO_BAD_ROW = "Row {number} of the Daylio file: {problem} Nothing was imported."
DAYLIO_BAD_DATE = "full_date: {value!r} isn't a date. Daylio writes dates like 2024-03-14."
DAYLIO_BAD_YEAR = "year: {value!r} isn't a year. Older Daylio exports write it like 2018."
DAYLIO_BAD_OLD_DATE = "date: the kit can't read a day and month in {value!r}. Older Daylio exports write them like \"18 May\" or \"7 września\"."
DAYLIO_BAD_TIME = "time: {value!r} isn't a time. Daylio writes times like 9:15 pm or 21:15."
DAYLIO_NO_MOOD = "mood: this entry has no mood."
DAYLIO_UNMAPPED = "mood: the kit can't place these mood names on the 1–10 scale on its own: {moods}. Please say where each sits with --map-mood \"NAME=SCORE\", a score from 1 to 10 or one of Daylio's levels (rad, good, meh, bad, awful){proposals}. In a notebook, pass mood_map={{\"NAME\": SCORE}}. Nothing was imported."
DAYLIO_UNMAPPED_PROPOSALS = ". What the kit would propose, if it's right for you: {examples}"
DAYLIO_MAP_EXAMPLE = "--map-mood \"{name}={score}\""
DAYLIO_BAD_MOOD_MAP = "{field}: {value!r} isn't a mapping the kit can use. Please write mood=score with a whole number from 1 to 10 or one of Daylio's levels (rad, good, meh, bad, awful), e.g. \"ecstatic=10\" or \"sad=bad\"."
DAYLIO_BAD_ACTIVITY_MAP = "{field}: {value!r} isn't a mapping the kit can use. Please write activity=habit, e.g. \"gym=exercise\" (or \"work=\" to leave an activity out)."
DAYLIO_PREVIEW_HEAD = "Found {rows} Daylio entries from {first} to {last}."
DAYLIO_PREVIEW_OLD_LAYOUT = "This is the layout older versions of Daylio wrote (a year column and dates in the phone's language); the kit read each date from it."
DAYLIO_PREVIEW_MOODS = "Moods, and where they go on the 1–10 scale:"
DAYLIO_COL_MOOD = "mood"
DAYLIO_COL_ENTRIES = "entries"
DAYLIO_COL_SCORE = "score"
DAYLIO_COL_WHY = "why"
DAYLIO_PROPOSED_SCORE = "{score}?"
DAYLIO_NO_SCORE = "–"
DAYLIO_WHY_DAYLIO = "Daylio's {level}"
DAYLIO_WHY_NAMED = "a name for Daylio's {level}"
DAYLIO_WHY_MARKED = "a name for Daylio's {level}, moved a step by its mark"
DAYLIO_WHY_YOURS = "your mapping"
DAYLIO_WHY_SUGGESTED = "needs you: it sounds like Daylio's {level}. If that's right, add --map-mood \"{name}={score}\""
DAYLIO_WHY_GAP = "needs you: {level} is the one level no other name here stands for. If that's right, add --map-mood \"{name}={score}\""
DAYLIO_WHY_UNKNOWN = "needs you: the kit can't tell where it sits. Add --map-mood \"{name}=SCORE\" (1 to 10, or rad, good, meh, bad, awful)"
DAYLIO_PREVIEW_ACTIVITIES = "Activities, and the habits they become:"
DAYLIO_PREVIEW_ACTIVITY = "  {name} ({count}) → {habit}"
DAYLIO_PREVIEW_LEFT_OUT = "(left out)"
DAYLIO_PREVIEW_NO_ACTIVITIES = "  (none)"
DAYLIO_PREVIEW_TITLES = "Entries with a note title: {count}. A check-in has one note, so the title becomes its first line."
DAYLIO_PREVIEW_SCALES = "Entries with a sleep time: {sleep} (it goes into sleep hours). Entries with other scales: {scales} (they are kept at the end of the note)."
DAYLIO_PREVIEW_EXTRA = "Rows with more cells than the file has columns: {rows}. Their extra text is added to the end of the note, so nothing is lost."
DAYLIO_SCALES_IN_NOTE = "Daylio scales: {scales}"
DAYLIO_DRY_RUN = "This was a dry run: nothing was imported."
DAYLIO_IMPORTED = "Done. New check-ins: {added}. Imported before and updated to this mapping: {updated}. Already in your journal as they are: {unchanged}."
DAYLIO_SKIPPED_UNMAPPED = "{count} entries with an unmapped mood ({moods}) were left out."
CLI_HELP_DAYLIO = "bring your mood history in from a Daylio CSV export"
CLI_HELP_DAYLIO_FILE = "the CSV file Daylio exported"
CLI_HELP_MAP_MOOD = "where a mood goes on the 1–10 scale, as a score or a Daylio level, e.g. \"ecstatic=10\" or \"sad=bad\"; repeat for more"
CLI_HELP_MAP_ACTIVITY = "rename an activity as a habit, e.g. \"gym=exercise\" (\"work=\" leaves it out); repeat for more"
CLI_HELP_DRY_RUN = "show what would be imported, and import nothing"
CLI_HELP_SKIP_UNMAPPED = "leave out entries whose mood has no mapping instead of stopping"
REPORT_TITLE = "Your progress report"
REPORT_PERIOD = "Covering {first} to {last}"
REPORT_NO_ENTRIES = "Your journal has no entries yet, so most pages are still waiting for you."
REPORT_MADE = "Made on {day} by exback-kit, on this computer. Nothing was sent anywhere."
REPORT_PRIVATE = "This report is private: it holds your own notes and numbers. Keep it somewhere only you can open, and share it only if you want to."
REPORT_DEMO = "Made from the demo journal: every entry in it is invented."
REPORT_INSIDE = "Inside"
REPORT_INSIDE_CHARTS = "Your charts, each with a sentence on what it shows"
REPORT_INSIDE_FIGURES = "No-Contact and urges in numbers"
REPORT_INSIDE_WELLBEING = "Your wellbeing scores"
REPORT_INSIDE_ANSWERS = "Your answers to step {steps}, because you chose to include them"
REPORT_FOOTER = "exback-kit · private · page {page} of {pages}"
REPORT_FIGURES_TITLE = "No-Contact and urges in numbers"
REPORT_NC_HEAD = "No-Contact"
REPORT_NC_START = "Period started"
REPORT_NC_TARGET = "Target"
REPORT_NC_TARGET_DAYS = "{days} days"
REPORT_NC_NO_TARGET = "none set"
REPORT_NC_CURRENT = "Current streak"
REPORT_NC_LONGEST = "Longest streak"
REPORT_NC_WITHOUT = "Days without contact"
REPORT_NC_SHARE = "Last 30 days without contact"
REPORT_NC_LAPSES = "Days with a lapse"
REPORT_NC_TO_TARGET = "Days to the target"
REPORT_NC_REACHED = "reached"
REPORT_NC_DAYS = "{days:n:day}"
REPORT_NC_PERCENT = "{percent} %"
REPORT_NC_NONE = "No No-Contact period yet."
REPORT_NC_NOTE = "Needed contact (children, a shared lease) logged as logistics doesn't count as a lapse, and a lapse never wipes out the days before it."
REPORT_URGE_HEAD = "Urges"
REPORT_URGE_TOTAL = "Urges logged"
REPORT_URGE_COUNT = "{count} ({resisted} ridden out)"
REPORT_URGE_RECENT = "In the last 30 days"
REPORT_URGE_TRIGGERS = "What set them off most often"
REPORT_URGE_HELPED = "What helped most"
REPORT_URGE_LABEL = "{label} ({count})"
REPORT_NOTHING_YET = "nothing noted yet"
REPORT_URGE_NONE = "No urges logged yet."
REPORT_WELLBEING_TITLE = "Wellbeing scores"
REPORT_WELLBEING_INTRO = "WHO-5 (Topp et al. 2015) as a percentage with its band, and the Rosenberg Self-Esteem Scale (Rosenberg 1965) as its total out of 30, which has no bands. Each is best compared with your own earlier results."
REPORT_WELLBEING_RECENT = "The {count} most recent results, newest first"
REPORT_WELLBEING_WHO5 = "WHO-5"
REPORT_WELLBEING_ROSENBERG = "Self-esteem"
REPORT_WELLBEING_WHO5_VALUE = "{value} %"
REPORT_WELLBEING_ROSENBERG_VALUE = "{value} of 30"
REPORT_WELLBEING_BAND_COUNTS = "All {total} WHO-5 results by band: {counts}."
REPORT_WELLBEING_BAND_COUNT = "{label}: {count}"
REPORT_WELLBEING_NONE = "No wellbeing checks yet. The WHO-5 takes about a minute, every two weeks."
REPORT_ANSWERS_TITLE = "Your answers"
REPORT_ANSWERS_INTRO = "Your own words, as you last saved them, for the steps you chose to include."
REPORT_STEP_HEAD = "Step {number}: {title}"
REPORT_NO_ANSWERS = "No answers saved for this step yet."
REPORT_SHORTENED = "… (shortened here; the whole text is in your journal)"
REPORT_YES = "yes"
REPORT_NO = "no"
REPORT_BAD_STEPS = "{field}: {value!r} isn't a list of steps. Please give step numbers from 0 to 18 separated by commas, e.g. 2,4."
REPORT_NOT_PDF = "{field}: {value!r} doesn't end in .pdf. Please give a file name like report.pdf."
REPORT_WRITTEN = "Saved your report to {path} ({pages} pages). The PDF is not encrypted and holds your private notes: keep it somewhere only you can open."
REPORT_PROGRESS_READING = "Reading your journal"
REPORT_PROGRESS_PAGE = "Page {page} of {pages}"
REPORT_PROGRESS_DONE = "Done"
REPORT_WIDGET_INTRO = "A PDF of your charts, figures and wellbeing scores, made and kept on this computer. Your answers go in only for the steps you pick below."
REPORT_WIDGET_STEPS = "Answers to include"
REPORT_WIDGET_STEPS_HELP = "Optional. Ctrl-click (Cmd-click on a Mac) to pick several, or none."
REPORT_WIDGET_PATH = "Save as"
REPORT_WIDGET_BUTTON = "Create the report"
REPORT_WIDGET_WORKING = "Working on it…"
REPORT_WIDGET_STEP_OPTION = "Step {number}: {title}"
CLI_HELP_REPORT = "a PDF progress report: charts, figures, wellbeing; your answers only if you ask"
CLI_HELP_REPORT_OUT = "the PDF to write; default a dated name in a reports folder next to your journal"
CLI_HELP_INCLUDE_STEPS = "also include your latest answers to these steps, e.g. 2,4"

# --- plans: risky times, if-then plans, what helped (domain/plans.py, notebook/plans_form.py,
# cli/plans.py, the calendar and the urge chart) ------------------------------------------------
PLAN_WINDOW = "{weekday} {start}–{end}"
PLAN_WINDOW_LINE = "{window}: {urges:n:urge} in {weeks} weeks, {let_pass} let pass"
PLAN_IF_THEN = "If it's {window} and I feel like reaching out, then I will …"
PLAN_SENTENCE = "If it's {window} and I feel like reaching out, then I will {action}"
PLAN_BAD_WHEN = "{field}: {value!r} isn't a weekday and a time. Please give both, e.g. \"sat 22:00\"."
PLAN_BAD_WEEKDAY = "{field}: {value!r} isn't a weekday. Please use one of: {allowed} (or the full name)."
PLAN_BAD_TIME = "{field}: {value!r} isn't a time of day. Please use a 24-hour time from 00:00 to 23:59, e.g. 22:00."
PLAN_EMPTY_THEN = "{field}: the plan needs a few words about what you will do (got nothing)."
PLAN_NO_SUCH = "{field}: there is no plan with id {value!r}. `exback plan list --all` shows the ids."
PLAN_ALREADY_ENDED = "{field}: plan {value} has already ended; nothing to change."
PLAN_KIT_IDEAS = ("call or message a friend", "write it in the unsent-message vault",
                  "go for a walk", "put the phone in another room for an hour")

PLANS_HEADING = "Your risky times"
PLANS_INTRO = ("From the urges you noted in the last {weeks} weeks: the times of the week when "
               "they came most. A plan made ahead for a known moment can make it easier to "
               "ride out. Use it or leave it; it's yours.")
PLANS_NEED_MORE = ("Your risky times show here once a few more urges are logged: {least} or more "
                   "at about the same time of the week, within {weeks} weeks. You can still make "
                   "a plan for a time you already know is hard.")
PLANS_WINDOW = "When"
PLANS_WINDOW_HELP = "Your risky times come first; any other time of the week is there too."
PLANS_ACTION_HELP = "Pick an idea or write your own words."
PLANS_IDEAS_OWN = "Ideas from what you wrote under \"what helped\": {ideas}."
PLANS_IDEAS_KIT = "A few ideas to start from: {ideas}."
PLANS_SAVE = "Save this plan"
PLANS_SAVED = "Saved your plan for {window}."
PLANS_SAME_WINDOW = "You already have a plan for {window}; you can change it below."
PLANS_ACTIVE = "Your plans"
PLANS_NONE = "No plans yet."
PLANS_HAS_PLAN = "your plan: {action}"
PLANS_NO_PLAN = "no plan yet"
PLANS_CHANGE_LABEL = "then I will"
PLANS_SAVE_CHANGE = "Save change"
PLANS_END = "End this plan"
PLANS_CHANGED = "Saved the change to your plan for {window}."
PLANS_ENDED = "Ended your plan for {window}. It stays in your journal's history."
PLANS_ENDED_COUNT = "{count:n:earlier plan} ended."
PLANS_REVIEW = ("In the {weeks} weeks before this plan: {before_acted} of {before_urges:n:urge} in "
                "this window ended in reaching out. Since it began ({days:n:day}): "
                "{since_acted} of {since_urges:n:urge}.")
PLANS_REVIEW_NOTE = "These are counts, side by side; many things change over weeks."
HELPED_HEADING = "What helped, honestly"
HELPED_ROW = ("{label}: noted with {uses:n:urge}, {let_pass} let pass, {contact_after} followed "
              "by contact with your ex within a day.")
HELPED_FEW = ("Things you wrote under \"what helped\" show here from {least} uses each, always "
              "with the counts behind them.")
HELPED_CONTACT = ("Of the {total:n:urge} noted, {followed} ({share} %) were followed by contact "
                  "with your ex within 24 hours.")
HELPED_CONTACT_NONE = "No urges noted yet."

CLI_HELP_URGES = "your risky times of the week, triggers, what helped (with counts) and your plans"
CLI_HELP_PLAN = "if-then plans for your risky times: add, list, end"
CLI_HELP_PLAN_ADD = "make a plan for the 2-hour window holding a weekday and time"
CLI_HELP_PLAN_WHEN = "a weekday and a 24-hour time, e.g. \"sat 22:00\""
CLI_HELP_PLAN_THEN = "what you will do then, in your own words"
CLI_HELP_PLAN_LIST = "your active plans, one a line, each starting with its id"
CLI_HELP_PLAN_ALL = "also list plans that have ended"
CLI_HELP_PLAN_END = "end a plan (it stays in your journal's history)"
CLI_HELP_PLAN_ID = "the plan's id, from `exback plan list`"
CLI_URGES_WINDOWS = "Risky times (last {weeks} weeks, {least} or more urges):"
CLI_URGES_NO_WINDOWS = "Risky times: none yet; they show once {least} or more urges come at about the same time of the week within {weeks} weeks."
CLI_URGES_TRIGGERS = "What set urges off (all urges):"
CLI_URGES_TRIGGER_ROW = "  {label}: {count:n:urge}, {resisted} let pass"
CLI_URGES_HELPED = "What helped (all urges, shown from {least} uses):"
CLI_URGES_PLANS = "Your plans:"
CLI_URGES_NONE = "  none yet"
CLI_PLAN_ROW = "{id}  {window}: {action}"
CLI_PLAN_ROW_ENDED = "{id}  {window}: {action}  (ended {day})"
CLI_PLAN_ADDED = "Saved plan {id}: {sentence}"
CLI_PLAN_ENDED = "Ended plan {id} ({window}). It stays in your journal's history."
CLI_PLAN_NONE = "No active plans. `exback plan add --when \"sat 22:00\" --then \"…\"` makes one."

REMIND_PLAN_SUMMARY = "A time you planned for is coming up"
REMIND_PLAN_DESCRIPTION = "In half an hour it's one of the times you made a plan for. Your plan is in your journal, whenever you want it."
REMIND_MOMENT_SUMMARY = "A day that may be hard"
REMIND_MOMENT_DESCRIPTION = "The plan you wrote for this day: {plan}"
REMIND_MOMENT_LOCKED = "Your plan for this day is in your journal, in Moving on (09)."
CHART_URGES_PLANNED = "outlined: a time you have a plan for"
SUMMARY_URGES_PLANS = "the chart outlines the times you have a plan for ({windows})."
PLAN_DUPLICATE = "{field}: you already have plan {id} for {window}. To replace it, end that one first: `exback plan end {id}`."

# --- the two roads: flags, the journey's day 0 --------------------------------------------------
CONTENT_BAD_FLAG = "{where}: {key} must be true or false (got {value!r})."
CONTENT_NO_ROAD_DECISION_STEP = ("{where}: the {key} speaks to trying again ({words!r}) on a stage that stays "
                                 "open on every road. Move the sentence to open_notes, mark the question "
                                 "open_road_only, or set every_road = true once it holds on every road.")
CONTENT_BAD_VARIANT = "{where}: {key!r} names no road. A variant ends in one of: {allowed}."
CONTENT_NO_ROAD_DECISION = ("{where}: {key!r} speaks to trying again ({words!r}) on a stage that stays open on "
                            "every road. Give it a moving-on variant ({key}_moving_on), mark it "
                            "open_road_only, or set every_road = true once it holds on every road.")
CHART_JOURNEY_FROM_DAY = " · from day {day}"
CHART_JOURNEY_DAY0 = "Days count from the breakup on {day} (day 0)."
SUMMARY_JOURNEY_BREAKUP = "; counting the breakup on {day} as day 0, today is day {today}."
SUMMARY_JOURNEY_BEGAN = "; counting the breakup on {day} as day 0, you began on day {began} and today is day {today}."

# --- the notebook page's own words (title, hint, headings, closing links) ---------------
#: After a stage's title: its steps.
PAGE_STEPS = "steps {first}–{last}"
PAGE_STEP = "step {number}"
#: JupyterLab only (the app view has no cells to run); HTML the kit wrote.
PAGE_LAB_HINT = ("<strong>New to notebooks?</strong> The forms appear below the cells by themselves once the "
                 "notebook has started, and you never need to change the code. If you only see grey code "
                 "cells, choose <em>Run → Run All Cells</em> in the menu.")
PAGE_SKIP = "Every question can be skipped."
PAGE_NEXT_HEADING = "What comes next"
#: The heading above a stage's charts, by stage.
PAGE_CHARTS_HEADING = {"00_start_here": "Your mood over time", "01_space_and_clarity": "Your progress",
                       "03_rebuilding_you": "Habits, mood and wellbeing",
                       "04_holding_steady": "When urges come, and how you feel",
                       "07_relationship_2_0": "Your habits", "08_dashboard": "Every chart",
                       "09_moving_on": "Your charts"}
#: The closing line's name for the links to other notebooks (read by screen readers).
PAGE_OTHER_NOTEBOOKS = "Other notebooks"

# --- a locked journal's exports, sealed like the journal (cli/exchange.py) --------------------
LOCK_EXPORT_SEALED_LOCKED = ("Your journal is locked, so this export is encrypted too (age, with your "
                             "journal's passphrase); `exback import` or `age -d` opens it. For a copy anyone "
                             "with the file can read, use `exback export --plain`.")
CLI_HELP_EXPORT_PLAIN = "from a locked journal, write a copy that isn't encrypted (it is otherwise)"
#: The dashboard's export form (notebook/export_button.py).
EXPORT_WIDGET_FORMAT = "What to export"
EXPORT_WIDGET_FORMATS = {"csv": "Everything, as a zip of spreadsheets (CSV)",
                         "json": "Everything, as one JSON file",
                         "markdown": "Your words, as one Markdown file"}
EXPORT_WIDGET_PATH = "Save as"
EXPORT_WIDGET_PASSPHRASE = "Your journal's passphrase"
EXPORT_WIDGET_CLEAR = "A copy that isn't encrypted (anyone with the file can read it)"
EXPORT_WIDGET_BUTTON = "Export"
EXPORT_WIDGET_NEED_PASSPHRASE = ("Your journal is locked, so its copy is locked too: please type your "
                                 "journal's passphrase, or tick the box for a copy that isn't encrypted. "
                                 "Nothing was written.")
EXPORT_WIDGET_SEALED = ("Exported to {path}. It is encrypted with your journal's passphrase, as your "
                        "journal is; exback import or age -d opens it.")
EXPORT_WIDGET_PLAIN = "Exported to {path}. This copy isn't encrypted: anyone with the file can read it."
