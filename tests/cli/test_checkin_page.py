"""The quick check-in page's HTML: labelled, escaped, honest about what was kept and refused.

The page is served by `exback lab` (tests/browser/test_quick_checkin.py drives it in
Chromium); here its HTML is read as a browser's accessibility tree would read it.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest

from exback_kit.cli import checkin_page
from exback_kit.cli.checkin_page import form_page, posted_checkin, saved_page
from exback_kit.content import language, texts
from exback_kit.content.vocab import DEFAULT_HABITS, habit_choices, habit_names

XSRF = '<input type="hidden" name="_xsrf" value="abc">'


class Tree(HTMLParser):
    """The page's inputs, labels, fieldsets with their legends, and every text node."""

    def __init__(self) -> None:
        super().__init__()
        self.inputs: list[dict[str, Any]] = []
        self.labels: dict[str, str] = {}
        self.groups: list[dict[str, Any]] = []
        self.texts: list[str] = []
        self.tags: list[str] = []
        self._label: str | None = None
        self._legend = False
        self._textarea: dict[str, Any] | None = None
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        self._style = tag == "style"
        if tag == "fieldset":
            self.groups.append({"attrs": a, "legend": "", "inputs": []})
        elif tag == "legend":
            self._legend = True
        elif tag in ("input", "textarea", "button"):
            field = {"tag": tag, **a, "text": ""}
            self.inputs.append(field)
            if self.groups and tag == "input":
                self.groups[-1]["inputs"].append(field)
            if tag == "textarea":
                self._textarea = field
        elif tag == "label":
            self._label = a.get("for", "")
            self.labels[self._label] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._label = None
        elif tag == "legend":
            self._legend = False
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._style:
            self._style = False
            return
        self.texts.append(data)
        if self._label is not None:
            self.labels[self._label] += data
        if self._legend:
            self.groups[-1]["legend"] += data
        if self._textarea is not None:
            self._textarea["text"] += data


def tree(page: str) -> Tree:
    parsed = Tree()
    parsed.feed(page)
    return parsed


def page(**kw: Any) -> str:
    defaults = {"habits": habit_choices(list(DEFAULT_HABITS)), "action": "/exback/checkin",
                "kit_url": "/lab/tree/00_start_here.ipynb", "xsrf": XSRF,
                "once": "a-single-use-mark-0123"}
    return form_page(**{**defaults, **kw})


def test_every_input_has_a_label_and_every_group_a_legend() -> None:
    t = tree(page())
    shown = [f for f in t.inputs if f.get("type") != "hidden" and f["tag"] != "button"]
    assert len(shown) > 30  # 10 + 11 + 12 scale buttons, sleep, 8 habits, the note
    for field in shown:
        assert t.labels.get(field["id"], "").strip(), f"no label for {field}"
    radios = [f for f in shown if f.get("type") == "radio"]
    for group in t.groups:
        assert group["legend"].strip()
    grouped = {id(f) for g in t.groups for f in g["inputs"]}
    assert all(id(r) in grouped for r in radios)
    legends = [g["legend"] for g in t.groups]
    assert any(texts.CHECKIN_MOOD in g and "very low" in g and "very good" in g for g in legends)
    assert any(texts.CHECKIN_MIND in g and "0 = not at all" in g for g in legends)
    assert "script" not in t.tags  # nothing to run before the form takes input


def test_mood_is_required_and_the_optional_scales_start_left_out() -> None:
    t = tree(page())
    by_name: dict[str, list[dict[str, Any]]] = {}
    for f in t.inputs:
        by_name.setdefault(f.get("name", ""), []).append(f)
    assert [f["value"] for f in by_name["mood"]] == [str(n) for n in range(1, 11)]
    assert any("required" in f for f in by_name["mood"])
    assert not any("checked" in f for f in by_name["mood"])  # no mood is chosen for the person
    for name in ("energy", "mind"):
        first = by_name[name][0]
        assert first["value"] == "" and "checked" in first
        assert t.labels[first["id"]] == texts.QUICK_LEAVE_OUT


def test_the_persons_words_and_habit_names_are_escaped() -> None:
    hostile = '"><img src=x onerror="alert(1)">'
    html = page(habits=[(hostile, hostile)],
                values={"note": "</textarea><script>alert(2)</script>", "sleep_hours": '"><b>',
                        "habits": [hostile]},
                problems={"note": "note: <i>too long</i>"}, general="<u>disk</u>")
    assert "<img" not in html and "<script" not in html and "<i>" not in html
    assert "<b>" not in html and "<u>" not in html
    t = tree(html)
    note = next(f for f in t.inputs if f.get("id") == "note")
    assert note["text"] == "</textarea><script>alert(2)</script>"  # the same words, as text
    assert t.labels["habit-0"] == hostile
    habit = next(f for f in t.inputs if f.get("id") == "habit-0")
    assert habit["value"] == hostile and "checked" in habit  # the whole name, one attribute


def test_a_refused_answer_comes_back_with_everything_the_person_gave() -> None:
    values = {"mood": "7", "energy": "3", "mind": "", "sleep_hours": "30",
              "habits": ["exercise", "drank alcohol"], "note": "a long day"}
    html = page(values=values, problems={"sleep_hours": "sleep_hours: 30 isn't allowed"})
    t = tree(html)
    checked = {(f["name"], f["value"]) for f in t.inputs if "checked" in f}
    assert {("mood", "7"), ("energy", "3"), ("mind", ""), ("habits", "exercise"),
            ("habits", "drank alcohol")} == checked
    sleep = next(f for f in t.inputs if f.get("id") == "sleep_hours")
    assert sleep["value"] == "30" and sleep["aria-invalid"] == "true"
    assert sleep["aria-describedby"] == "problem-sleep_hours" and "autofocus" in sleep
    assert [f["id"] for f in t.inputs if "autofocus" in f] == ["sleep_hours"]
    assert next(f for f in t.inputs if f.get("id") == "note")["text"] == "a long day"
    words = "".join(t.texts)
    assert "⚠ sleep_hours: 30 isn't allowed" in words
    assert "Nothing was saved. Please have a look at the 1 thing marked below." in words
    assert f"{texts.QUICK_NOT_SAVED_TITLE} – {texts.CHECKIN_HEADING}" in words


def test_every_refused_field_is_marked_and_the_first_has_the_focus() -> None:
    t = tree(page(values={}, problems={"mood": "mood: this one is needed to save",
                                       "note": "note: too long"}))
    mood = next(g for g in t.groups if texts.CHECKIN_MOOD in g["legend"])
    assert mood["attrs"]["role"] == "radiogroup" and mood["attrs"]["aria-required"] == "true"
    assert mood["attrs"]["aria-invalid"] == "true"
    assert mood["attrs"]["aria-describedby"] == "problem-mood"
    assert not any(g["attrs"].get("aria-invalid") for g in t.groups if g is not mood)
    assert [f["id"] for f in t.inputs if "autofocus" in f] == ["mood-1"]
    note = next(f for f in t.inputs if f.get("id") == "note")
    assert note["aria-invalid"] == "true"
    assert "2 things marked below" in "".join(t.texts)


def test_a_problem_of_no_field_is_said_at_the_top_and_the_kit_can_open_beside() -> None:
    html = page(values={"note": "kept"}, general=texts.QUICK_LOCKED, kit_in_new_tab=True)
    t = tree(html)
    assert texts.NOT_SAVED_ONE.format(problem=texts.QUICK_LOCKED) in "".join(t.texts)
    assert 'target="_blank" rel="noopener"' in html
    assert not [f for f in t.inputs if "autofocus" in f]
    assert next(f for f in t.inputs if f.get("id") == "note")["text"] == "kept"


def test_a_new_journal_is_welcomed_and_pointed_to_the_start_page() -> None:
    new = "".join(tree(page(new_journal=True)).texts)
    known = "".join(tree(page()).texts)
    assert texts.QUICK_WELCOME in new and texts.QUICK_OPEN_KIT_FIRST in new
    assert texts.QUICK_INTRO in known and texts.QUICK_OPEN_KIT in known
    assert texts.QUICK_WELCOME not in known


def test_the_saved_page_says_saved_and_leads_into_the_kit() -> None:
    html = saved_page(kit_url="/lab/tree/00_start_here.ipynb", again_url="/exback/checkin?again=1")
    assert texts.CHECKIN_SAVED in html and 'role="status"' in html
    assert f"<title>{texts.QUICK_SAVED_TITLE} – " in html
    assert 'href="/lab/tree/00_start_here.ipynb"' in html


def test_posted_values_become_what_the_journal_takes() -> None:
    form = {"mood": ["6"], "energy": [""], "mind": [" 2 "], "sleep_hours": [""],
            "habits": ["exercise", " ", "hobby"], "note": ["  kept as typed  "]}
    got = posted_checkin(lambda n: form.get(n, [""])[0], lambda n: form.get(n, []))
    assert got == {"mood": "6", "energy": None, "mind": "2", "sleep_hours": None,
                   "habits": ["exercise", "hobby"], "note": "  kept as typed  "}
    nothing = posted_checkin(lambda n: "", lambda n: [])
    assert nothing["mood"] is None and nothing["habits"] == [] and nothing["note"] == ""


@pytest.mark.parametrize(("saved", "offered"), [
    (None, list(DEFAULT_HABITS)),
    ([], list(DEFAULT_HABITS)),
    ("not a list", list(DEFAULT_HABITS)),
    ([1, 2], list(DEFAULT_HABITS)),
    (["walk", 3], list(DEFAULT_HABITS)),
    (["walk", "read"], ["walk", "read"]),
])
def test_the_habits_offered_follow_the_persons_list(saved: object, offered: list[str]) -> None:
    assert habit_names(saved) == offered


def test_in_spanish_the_page_speaks_spanish() -> None:
    try:
        language.choose("es")
        html = page(new_journal=True)
        assert '<html lang="es">' in html
        words = "".join(tree(html).texts)
        for english in ("Today's check-in", "Mood", "Energy", "Leave out", "Welcome",
                        "very low", "Save", "exercise"):
            assert english not in words, english
    finally:
        language.choose("en")


def test_under_the_pseudo_locale_every_word_on_the_pages_is_the_catalogues() -> None:
    """Each page's words (the title and the attributes a screen reader reads included) go
    through the catalogue: under ``xx`` nothing English is left but the kit's name."""
    from exback_kit.cli.checkin_page import trouble_page
    from tests.content.test_pseudo_walk import unbracketed

    try:
        language.choose(language.PSEUDO)
        pages = [page(new_journal=True), page(values={"mood": "3"}, problems={"mood": "x"}),
                 page(general="x", kit_in_new_tab=True),
                 saved_page(kit_url="/k", again_url="/a"),
                 trouble_page(message="[x]", kit_url="/k")]
    finally:
        language.choose(language.ENGLISH)
    for html in pages:
        t = tree(html)
        words = " ".join(t.texts).replace("exback-kit", " ")
        assert unbracketed(words) == []
        assert not any(f.get("aria-label") or f.get("title") for f in t.inputs)
    assert unbracketed(" ".join(tree(page()).texts))  # the control: English is found


def test_the_page_has_no_script_and_its_policy_allows_none() -> None:
    from exback_kit.cli.checkin_server import POLICY

    assert "default-src 'none'" in POLICY and "script-src" not in POLICY
    assert "form-action 'self'" in POLICY
    assert "<script" not in checkin_page.STYLE and "<script" not in page()


# --- the journal the page opens and saves to ------------------------------------------------

PW = "a long walk by the river"


@pytest.fixture
def journal_path(tmp_path, monkeypatch):
    """The journal `exback lab --journal` names (EXBACK_JOURNAL), not EXBACK_HOME's."""
    from exback_kit.store import paths

    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "elsewhere"))
    path = tmp_path / "named" / "journal.sqlite3"
    path.parent.mkdir()
    monkeypatch.setenv(paths.JOURNAL_ENV, str(path))
    return path


def posted(**given: Any) -> dict[str, Any]:
    return {"mood": None, "energy": None, "sleep_hours": None, "mind": None, "habits": [],
            "note": "", **given}


def test_a_save_checks_every_field_first_and_writes_nothing_when_one_is_refused(journal_path):
    from exback_kit import Journal
    from exback_kit.cli.checkin_server import save

    out = save(posted(sleep_hours="30", energy="eleven", note="kept"))
    assert out.entry is None
    assert set(out.refused) == {"mood", "sleep_hours", "energy"}  # all at once
    assert out.values["note"] == "kept"
    with Journal.open(journal_path) as j:
        assert j.count("checkins") == 0
    out = save(posted(mood="6", habits=["exercise", "not offered"], note="  as typed "))
    assert out.entry is not None and out.refused == {}
    with Journal.open(journal_path) as j:
        [row] = j.records("checkins")
    assert (row["id"], row["mood"], row["habits"], row["note"]) == (
        out.entry, 6, ["exercise"], "  as typed ")
    assert not (journal_path.parent.parent / "elsewhere").exists()


def test_a_sync_folder_that_fails_after_the_save_never_unsays_it(journal_path, monkeypatch):
    """The check-in is on disk before the folder is written; a folder that fails (it can be
    written by others) is logged by its type, and the page still says saved."""
    from exback_kit import Journal
    from exback_kit.cli import checkin_server

    def broken(journal: Any) -> None:
        raise RuntimeError("someone else's file")

    monkeypatch.setattr(checkin_server.autosync, "send_after_save", broken)
    out = checkin_server.save(posted(mood="5"))
    assert out.entry is not None and out.after_save == "RuntimeError"
    with Journal.open(journal_path) as j:
        assert [r["id"] for r in j.records("checkins")] == [out.entry]


def test_a_locked_journal_opens_only_with_the_key_exback_lab_handed_over(
        journal_path, tmp_path, monkeypatch):
    """The server opens a locked journal with the hand-off's key; without it (forgotten
    after a while unused) it refuses as locked and does not fall back on a remembered key,
    which would undo the lock."""
    from exback_kit import Journal
    from exback_kit.cli.checkin_server import checked_in_today, is_saved, person_journal
    from exback_kit.errors import JournalLocked
    from exback_kit.store import handoff, locking

    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run))
    monkeypatch.delenv(handoff.KEY_HANDOFF_ENV, raising=False)
    with Journal.open(journal_path) as j:
        j.add_checkin(mood=4, note="rainy day", at="2026-01-02T09:00:00+00:00")
    locking.encrypt(journal_path, PW)
    key = locking.unlock(journal_path, PW)
    monkeypatch.setattr("exback_kit.store.remembered.recall", lambda path: key)
    with pytest.raises(JournalLocked), person_journal():
        pass
    with handoff.KeyHandoff(journal_path, key) as server:
        monkeypatch.setenv(handoff.KEY_HANDOFF_ENV, str(server.path))
        with person_journal() as journal:
            assert journal.encrypted and not checked_in_today(journal)
            new = journal.add_checkin(mood=6)
            assert checked_in_today(journal)
            assert is_saved(journal, str(new)) and not is_saved(journal, str(new + 1))
            for odd in ("1; DROP TABLE checkins", "", "²", "9" * 5000, "-1", " 1"):
                assert not is_saved(journal, odd)
