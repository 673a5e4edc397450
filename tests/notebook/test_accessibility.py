"""Every input the kit builds has a name, every chart image its summary as alt text.

Tested without a browser by walking the widget trees of every stage and every
form, built on a journal that holds entries of each kind (so the per-entry
inputs — a pattern's plan, a due message's review, an open reach-out — exist
too). The browser tests (tests/browser/test_accessibility.py) check what the
page makes of them with axe-core.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
import traitlets

from exback_kit import Journal, content, stages
from exback_kit.content import texts
from exback_kit.interchange import demo
from exback_kit.notebook import forms
from exback_kit.notebook.accessible import ChoiceGroup, Slider
from exback_kit.notebook.inputs import CheckGroup
from exback_kit.store.validate import now

from .widget_tree import walk

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
#: Widgets a screen reader or keyboard cannot use well in ipywidgets 8.1 (see accessible.py).
UNNAMED_KINDS = (widgets.Image, widgets.ToggleButtons, widgets.RadioButtons,
                 widgets.IntSlider, widgets.FloatSlider, widgets.SelectionSlider,
                 widgets.IntRangeSlider, widgets.ToggleButton)
#: Inputs that take a value from the person.
INPUT_KINDS = (widgets.Text, widgets.Textarea, widgets.DatePicker, widgets.Dropdown,
               widgets.IntText, widgets.FloatText, widgets.TagsInput, widgets.SelectMultiple,
               widgets.Select, widgets.Checkbox, ChoiceGroup, Slider)
BUILDERS = [name for name in forms.__all__ if name not in ("safety_widget", "step_form")]


def unnamed(root: Any) -> list[str]:
    """Return a line for each input inside ``root`` without a programmatic label."""
    found = []
    for w in walk(root):
        where = " ".join(c for c in w._dom_classes if c.startswith("exback-field-")) or "?"
        if isinstance(w, UNNAMED_KINDS):
            found.append(f"{type(w).__name__} ({where}) cannot carry a name")
        elif isinstance(w, INPUT_KINDS) and not str(w.description).strip():
            found.append(f"{type(w).__name__} ({where}) has no label")
    return found


@pytest.fixture(scope="module")
def full_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 60-day demo journal plus entries that are still open (so their inputs show)."""
    path = demo.make_demo(tmp_path_factory.mktemp("a11y") / "demo" / "journal.sqlite3",
                          days=60)
    with Journal.open(path, backup=False) as j:
        j.add("unsent", text="A message whose cooling-off is over.",
              at=now() - timedelta(days=5))
        j.add("reachouts", plan="Ask about the book club.", expectation="A short reply.")
        j.add("repairs", issue="Arguing about chores.", plan="A weekly plan together.")
        j.add("patterns", pattern="going quiet", root="fear of conflict", plan="")
        j.add("milestones", title="A walk together")
    return path


@pytest.fixture
def filled(full_journal: Path) -> Iterator[Journal]:
    with Journal.open(full_journal, backup=False) as j:
        stages.use_journal(j)
        yield j


@pytest.mark.parametrize("stage_id", list(stages.LAYOUTS))
def test_every_input_in_a_stage_has_a_label(filled: Journal, stage_id: str) -> None:
    view = stages.show(stage_id)
    assert [w for w in walk(view) if isinstance(w, INPUT_KINDS)] or stage_id in (
        "08_dashboard",), "the stage showed no inputs at all"
    assert unnamed(view) == []


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_input_in_a_form_has_a_label(filled: Journal, builder: str) -> None:
    """Forms built directly, with their per-entry inputs (review, outcome, plan, status)."""
    assert unnamed(getattr(forms, builder)(filled)) == []


@pytest.mark.parametrize("step", range(content.LAST_STEP + 1))
def test_every_step_question_has_a_label(filled: Journal, step: int) -> None:
    form = forms.step_form(filled, step)
    assert form.fields
    assert unnamed(form) == []


def test_a_form_label_is_the_inputs_own_description(journal: Journal) -> None:
    """The words that say what a field asks are the input's description, not loose text."""
    form = forms.checkin_form(journal)
    assert form.fields["mood"].description == texts.CHECKIN_MOOD
    assert form.fields["energy"].description == texts.CHECKIN_ENERGY
    assert form.fields["note"].description == texts.NOTE
    assert form.fields["sleep_hours"].description == texts.CHECKIN_SLEEP
    assert list(form.fields["energy"].ends) == list(texts.CHECKIN_ENERGY_ENDS)
    loose = [w.value for w in walk(form) if isinstance(w, widgets.HTML)]
    assert not any(texts.CHECKIN_MOOD in v for v in loose)  # said once, by the input


def test_the_check_catches_an_unnamed_input() -> None:
    """Control: a bare Text, a Textarea without description and an IntSlider are reported."""
    box = widgets.VBox([widgets.Text(placeholder="e.g. 7"), widgets.Textarea(),
                        widgets.IntSlider(description="Mood"), CheckGroup([("a", "A")])])
    assert len(unnamed(box)) == 3


def test_chart_images_carry_their_summary_as_alt_text(filled: Journal) -> None:
    view = stages.charts("08_dashboard")
    charts = [w for w in walk(view) if "exback-chart" in w._dom_classes]
    assert len(charts) >= 5
    for chart in charts:
        (image,) = [w for w in walk(chart) if "exback-chart-image" in w._dom_classes]
        (summary,) = [w for w in walk(chart) if "exback-chart-summary" in w._dom_classes]
        alt = re.search(r'<img alt="([^"]*)"', image.value)
        assert alt and alt.group(1).strip(), chart._dom_classes
        said = re.sub(r"<[^>]+>", "", summary.value)
        assert html.unescape(alt.group(1)) == html.unescape(said)
        assert 'src="data:image/png;base64,iVBORw0KGgo' in image.value


def test_alt_text_is_escaped() -> None:
    """A summary with quotes or markup cannot break out of the alt attribute."""
    from exback_kit.notebook import parts

    def fake_render(name: str, tables: Any, today: Any = None) -> tuple[Any, str]:
        return object(), 'Mood "rose" <b>7</b> & more'

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8 + (120).to_bytes(4, "big") + b"\x00" * 20
    import exback_kit.charts as charts
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(charts, "render", fake_render)
        mp.setattr(charts, "to_png", lambda fig: png)
        view = parts.chart_view("mood", {})
    image = view.children[0].value
    assert 'alt="Mood &quot;rose&quot; &lt;b&gt;7&lt;/b&gt; &amp; more"' in image
    assert 'width="120"' in image


# --- the kit's own inputs ------------------------------------------------------------------

def test_a_choice_group_takes_only_its_choices() -> None:
    group = ChoiceGroup([("Yes", True), ("No", False)])
    assert group.value is None
    group.value = False
    assert group.value is False
    with pytest.raises(traitlets.TraitError):
        group.value = 0  # not the same choice as False
    with pytest.raises(traitlets.TraitError):
        group.value = "maybe"
    group.value = None
    assert group.value is None


def test_a_choice_group_starts_empty_unless_given_a_known_value() -> None:
    assert ChoiceGroup([("1", 1), ("2", 2)], 3).value is None
    assert ChoiceGroup([("1", 1), ("2", 2)], 2).value == 2
    assert ChoiceGroup([("1", 1), ("2", 2)], True).value is None


def test_a_choice_group_tells_observers() -> None:
    group = ChoiceGroup([("a", "a"), ("b", "b")])
    seen: list[object] = []
    group.observe(lambda change: seen.append(change["new"]), "value")
    group.value = "b"
    assert seen == ["b"]


def test_a_slider_clamps_like_an_ipywidgets_slider() -> None:
    s = Slider(5, min=1, max=10)
    s.value = 14
    assert s.value == 10
    s.value = -3
    assert s.value == 1


# --- page titles -----------------------------------------------------------------------------

@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_app_views_page_title_names_the_stage(notebook: Path) -> None:
    """Voila uses the notebook's metadata title as the page's <title>."""
    title = json.loads(notebook.read_text())["metadata"].get("title")
    stage = content.load().stage(notebook.stem)
    assert title == texts.PAGE_TITLE.format(stage=stage.title)


#: ipywidgets button styles whose white text on colour meets 4.5:1 (success, warning, info
#: do not: axe's color-contrast rule fails them).
READABLE_BUTTON_STYLES = ("", "primary", "danger")


@pytest.mark.parametrize("stage_id", list(stages.LAYOUTS))
def test_buttons_use_only_styles_with_enough_contrast(filled: Journal, stage_id: str) -> None:
    buttons = [w for w in walk(stages.show(stage_id)) if isinstance(w, widgets.Button)]
    assert all(b.description for b in buttons)
    assert {b.button_style for b in buttons} <= set(READABLE_BUTTON_STYLES)


TYPED_KINDS = (widgets.Text, widgets.Textarea, widgets.Password)


def sends_per_key(root: Any) -> list[str]:
    """Return a line for each text input inside ``root`` that syncs on every key."""
    return [f"{type(w).__name__} ({' '.join(w._dom_classes) or w.description})"
            for w in walk(root) if isinstance(w, TYPED_KINDS) and w.continuous_update]


@pytest.mark.parametrize("stage_id", list(stages.LAYOUTS))
def test_typed_text_reaches_the_kernel_before_a_save_pressed_right_after(
        filled: Journal, stage_id: str) -> None:
    """A click overtakes a held-back typing update in ipywidgets; text sent when the field
    is left can't be overtaken (the keyboard check-in once saved 'a quiet even')."""
    view = stages.show(stage_id)
    assert sends_per_key(view) == []
    if stage_id == "00_start_here":
        assert [w for w in walk(view) if isinstance(w, TYPED_KINDS)], "no text input at all"


def test_the_unlock_and_per_entry_text_fields_send_when_left(filled: Journal) -> None:
    from exback_kit.notebook.unlock import unlock_children

    assert sends_per_key(widgets.VBox(unlock_children())) == []
    for builder in BUILDERS:
        assert sends_per_key(getattr(forms, builder)(filled)) == [], builder
