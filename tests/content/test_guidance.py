"""Each stage's guidance lives in data/guidance.toml, and the words keep no promises."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from exback_kit import content, stages
from exback_kit.content import ContentError, texts
from exback_kit.content.guidance import guidance_from, load_guidance

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("stage_id", list(stages.LAYOUTS))
def test_every_stage_and_section_has_its_guidance(stage_id: str) -> None:
    guidance = load_guidance()[stage_id]
    assert guidance.intro
    for sec in stages.LAYOUTS[stage_id].sections:
        assert guidance.section(sec.id) is not None, f"{stage_id}: {sec.id}"


def test_guidance_names_only_known_stages_and_sections() -> None:
    for stage_id, guidance in load_guidance().items():
        assert stage_id in stages.LAYOUTS
        known = {s.id for s in stages.LAYOUTS[stage_id].sections}
        assert set(guidance.sections) <= known


def test_a_section_without_a_heading_names_where(tmp_path: Path) -> None:
    (tmp_path / "guidance.toml").write_text('["01_x".sections.a]\ntext = "words"\n')
    with pytest.raises(ContentError, match=r"guidance.toml, stage '01_x', section 'a'.*heading"):
        guidance_from(tmp_path)


def test_a_broken_guidance_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "guidance.toml").write_text("[oops")
    with pytest.raises(ContentError, match=re.escape("guidance.toml: this isn't valid TOML")):
        guidance_from(tmp_path)


def _all_words() -> str:
    data = Path(str(resources.files("exback_kit.data")))
    words = [p.read_text() for p in data.glob("*.toml")]
    words += [repr(v) for v in texts.english().values()]
    for nb in (REPO / "notebooks").glob("*.ipynb"):
        cells = json.loads(nb.read_text())["cells"]
        words += ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    return "\n".join(words)


@pytest.mark.parametrize("promise", [
    "lose their grip", "fade faster", "calmer head", "hurt more than the breakup",
    "leave the phone with a friend", "finding your way forward alone", "resting for now",
    "did you manage", "you decided: {status}",
])
def test_the_kit_keeps_no_promises_and_no_old_wording(promise: str) -> None:
    assert promise.lower() not in _all_words().lower()


def test_writing_can_hurt_is_said_near_the_journaling_prompts() -> None:
    guidance = load_guidance()
    for stage_id, section_id in [("01_space_and_clarity", "assess"),
                                 ("03_rebuilding_you", "patterns"),
                                 ("04_holding_steady", "urges")]:
        words = guidance[stage_id].section(section_id)
        assert words is not None
        assert re.search(r"stop", words.text) and "worse" in words.text


def test_step_4_says_being_mistreated_was_not_your_part() -> None:
    q = content.load().step(4).question("my_part")
    assert "mistreated was never your part" in q.help


def test_the_default_contacts_include_domestic_abuse_lines_and_australias_000() -> None:
    from exback_kit.content.instruments import default_contacts
    shown = " ".join(f"{c.name} {c.detail}" for c in default_contacts())
    for number in ("1-800-799-7233", "START to 88788", "0808 2000 247", "1800 737 732",
                   "000 in Australia"):
        assert number in shown
    assert all(c.is_default for c in default_contacts())


# --- per-road variants, and the loader's refusal ------------------------------------------

def _kit_folder(tmp_path: Path) -> Path:
    import shutil
    data = tmp_path / "data"
    shutil.copytree(Path(str(resources.files("exback_kit.data"))), data,
                    ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return data


def test_an_open_stage_intro_about_trying_again_needs_a_moving_on_variant(tmp_path: Path) -> None:
    data = _kit_folder(tmp_path)
    g = data / "guidance.toml"
    g.write_text(g.read_text() + '\n["03_rebuilding_you".sections.extra]\nheading = "x"\n'
                 'text = "Change so they might take you back when you try again."\n')
    with pytest.raises(ContentError) as err:
        guidance_from(data)
    message = str(err.value)
    assert "'03_rebuilding_you'" in message and "'extra'" in message
    assert "try again" in message and "text_moving_on" in message


def test_a_gated_stage_may_speak_of_trying_again_and_a_variant_settles_an_open_one(
        tmp_path: Path) -> None:
    data = _kit_folder(tmp_path)
    g = data / "guidance.toml"
    g.write_text(g.read_text() + '\n["03_rebuilding_you".sections.extra]\nheading = "x"\n'
                 'text = "If you try again, go slowly."\ntext_moving_on = "Go slowly."\n'
                 '["05_reconnecting".sections.extra]\nheading = "y"\ntext = "If you try again."\n')
    extra = guidance_from(data)["03_rebuilding_you"].section("extra")
    assert extra is not None and extra.texts == {"default": "If you try again, go slowly.",
                                                 "moving_on": "Go slowly."}


def test_a_variant_that_names_no_road_is_refused(tmp_path: Path) -> None:
    (tmp_path / "guidance.toml").write_text('["01_x"]\nintro = "a"\nintro_someday = "b"\n')
    with pytest.raises(ContentError, match=r"'intro_someday' names no road.*moving_on"):
        guidance_from(tmp_path)


def test_the_welcome_speaks_to_both_questions_and_follows_the_road() -> None:
    welcome = load_guidance()["00_start_here"].intros
    assert "whether to try again" in welcome["default"] and "let go" in welcome["default"]
    assert "try again" not in welcome["moving_on"] and "as good" not in welcome["moving_on"]


def test_as_good_an_outcome_is_said_once_in_all_the_kits_words() -> None:
    """Said everywhere it sounded defensive; it stays in the open road's welcome only."""
    import inspect
    data = Path(str(resources.files("exback_kit.data")))
    words = inspect.getsource(texts) + "".join(p.read_text() for p in data.glob("*.toml"))
    assert len(re.findall(r"as good an outcome", words)) == 1
    assert "as good an outcome" in load_guidance()["00_start_here"].intros["default"]
