"""The PDF progress report: it opens, has the pages it should, and says what the charts say.

The PDF is read back with poppler's ``pdftotext``/``pdfinfo`` (or pypdf when
installed). Without poppler the text checks are skipped with a reason, except
under CI, where they fail.
"""

from __future__ import annotations

import math
import os
import shutil
import stat
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from exback_kit import Journal, report
from exback_kit.cli import main
from exback_kit.errors import ValidationError
from exback_kit.notebook.report_button import report_widget

TODAY = date.today() - timedelta(days=1)
HOPE = "That I stop reaching for my phone, and that $5 and $10 feel like small change"
LONG = "Every evening I wrote another draft and deleted it. " * 60


def _needs(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} (poppler-utils) is needed in CI to read the report back")
        pytest.skip(f"{tool} (poppler-utils) is not installed; apt-get install poppler-utils")
    return found


def pdf_text(path: Path) -> str:
    """Return the PDF's text with every run of whitespace made one space."""
    result = subprocess.run([_needs("pdftotext"), "-layout", str(path), "-"], capture_output=True,
                            text=True, timeout=60, check=True)
    return " ".join(result.stdout.split())


def page_count(path: Path) -> int:
    """Return the number of pages (pypdf if installed, else pdfinfo)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        result = subprocess.run([_needs("pdfinfo"), str(path)], capture_output=True, text=True,
                                timeout=60, check=True)
        return int(next(line.split()[-1] for line in result.stdout.splitlines()
                        if line.startswith("Pages:")))
    return len(PdfReader(str(path)).pages)


def _at(days_ago: int, hour: int = 20) -> datetime:
    day = TODAY - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, hour).astimezone()


def fill(journal: Journal) -> None:
    """Two months of check-ins, a No-Contact period, a lapse, urges, wellbeing and answers."""
    journal.add_many("checkins", [
        {"at": _at(i), "mood": 3 + (i * 7) % 7, "energy": 2 + (i * 3) % 8, "sleep_hours": 7,
         "habits": ["exercise"] if i % 2 else ["saw friends"], "note": ""} for i in range(60)])
    journal.add("nocontact_periods", at=_at(45), start_day=TODAY - timedelta(days=45),
                target_days=60)
    journal.log_contact("me", at=_at(20), note="texted about the keys")
    journal.add_many("urges", [{"at": _at(i, 23), "intensity": 6, "trigger": "old photos",
                                "helped": "a walk", "acted_on": i == 20} for i in range(0, 40, 4)])
    journal.add("instrument_results", at=_at(16), instrument="who5", items=[3, 3, 3, 3, 3],
                raw=15, score=60.0)
    journal.add("instrument_results", at=_at(2), instrument="who5", items=[4, 3, 4, 3, 4],
                raw=18, score=72.0)
    journal.add("instrument_results", at=_at(5), instrument="rosenberg", items=[2] * 10,
                raw=20, score=20.0)
    journal.save_answer(1, "quiet_hope", HOPE, at=_at(30))
    journal.save_answer(1, "hardest_moments", ["late_night", "weekends"], at=_at(30))
    journal.save_answer(2, "what_drove_apart", LONG, at=_at(29))


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory):
    """A journal with two months of data, shared by the tests that only read it."""
    folder = tmp_path_factory.mktemp("report")
    with Journal.open(folder / "journal.sqlite3") as journal:
        fill(journal)
        yield journal


@pytest.fixture(scope="module")
def plain(filled: Journal, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report made without any answers."""
    return report.build_report(filled, tmp_path_factory.mktemp("plain") / "r.pdf", today=TODAY)


@pytest.fixture(scope="module")
def with_answers(filled: Journal, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report made with the answers to steps 1 and 2."""
    return report.build_report(filled, tmp_path_factory.mktemp("answers") / "r.pdf",
                               include_steps=[2, 1], today=TODAY)


def _expected_pages() -> int:
    from exback_kit import charts
    # cover + two charts a page (the we/I chart only when counting is on) + figures + wellbeing
    return 1 + math.ceil(len([n for n in charts.CHARTS if n != "we_i"]) / 2) + 1 + 1


def test_the_report_opens_with_the_expected_pages(plain, with_answers):
    assert page_count(plain) == _expected_pages()
    assert page_count(with_answers) == _expected_pages() + 1


def test_every_chart_summary_is_in_the_pdf(filled, plain):
    from exback_kit import charts
    from exback_kit.store import reads
    tables = reads.load_tables(filled)
    text = pdf_text(plain)
    for name, spec in charts.CHARTS.items():
        summary = " ".join(spec.summarize(spec.prepare(tables, TODAY)).split())
        if name == "we_i":  # off until the person turns counting on: not in the report
            assert summary not in text and spec.title not in text
            continue
        assert summary in text, name
        assert spec.title in text, name


def test_cover_names_the_period_and_says_it_is_private(plain):
    text = pdf_text(plain)
    assert f"Covering {TODAY - timedelta(days=59)} to {TODAY}" in text
    assert "This report is private" in text


def test_no_contact_urge_and_wellbeing_figures_are_in_the_pdf(plain):
    text = pdf_text(plain)
    assert "Period started " + str(TODAY - timedelta(days=45)) in text
    assert "Current streak 20 days" in text  # the lapse was 20 days ago, today counts
    assert "Days with a lapse 1" in text
    assert "Urges logged 10 (9 ridden out)" in text
    assert "old photos (10)" in text and "a walk (10)" in text
    assert "72 % Wellbeing in a good range" in text
    assert "20 of 30" in text


def test_a_calm_care_note_follows_a_low_wellbeing_score_only(journal, tmp_path, plain):
    from exback_kit.content import texts
    opening = " ".join(texts.SAFETY_INTRO.split()[:6])
    journal.add("instrument_results", at=_at(1), instrument="who5", items=[1, 1, 1, 1, 1],
                raw=5, score=20.0)
    assert opening in pdf_text(report.build_report(journal, tmp_path / "low.pdf", today=TODAY))
    assert opening not in pdf_text(plain)


def test_answers_appear_only_when_asked(plain, with_answers):
    without, with_ = pdf_text(plain), pdf_text(with_answers)
    assert "$5 and $10" not in without and "Late at night" not in without
    assert HOPE in with_  # dollar signs stay text, not mathematics
    assert "Late at night, Weekends" in with_  # choice labels, not ids
    assert "Step 1: " in with_ and "Step 2: " in with_
    assert with_.index("Step 1: ") < with_.index("Step 2: ")


def test_long_answers_are_shortened_politely(with_answers):
    text = pdf_text(with_answers)
    assert "shortened here; the whole text is in your journal" in text
    assert text.count("Every evening I wrote another draft") < LONG.count("Every evening")


def test_a_step_without_answers_says_so(filled, tmp_path):
    text = pdf_text(report.build_report(filled, tmp_path / "r.pdf", include_steps=[7],
                                        today=TODAY))
    assert "No answers saved for this step yet." in text


def test_the_report_is_private_and_leaves_no_temporary_file(plain):
    assert stat.S_IMODE(plain.stat().st_mode) == 0o600
    assert [p.name for p in plain.parent.iterdir()] == ["r.pdf"]


def test_progress_runs_from_0_to_1(filled, tmp_path):
    seen: list[tuple[float, str]] = []
    report.build_report(filled, tmp_path / "r.pdf", today=TODAY,
                        progress=lambda f, label: seen.append((f, label)))
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert f"Page {_expected_pages()} of {_expected_pages()}" in [label for _, label in seen]


def test_a_failure_leaves_neither_a_report_nor_a_partial_file(filled, tmp_path, monkeypatch):
    from exback_kit.report import pages as report_pages
    def broken(*args, **kwargs):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(report_pages, "chart_page", broken)
    with pytest.raises(RuntimeError):
        report.build_report(filled, tmp_path / "r.pdf", today=TODAY)
    assert list(tmp_path.iterdir()) == []


def test_an_empty_journal_still_makes_a_report(journal, tmp_path):
    out = report.build_report(journal, tmp_path / "empty.pdf")
    assert page_count(out) == _expected_pages()
    text = pdf_text(out)
    assert "no entries yet" in text and "No wellbeing checks yet" in text


@pytest.mark.parametrize("steps", [[19], [-1], ["2"], [2.0], [True]])
def test_steps_outside_0_to_18_are_refused(journal, tmp_path, steps):
    with pytest.raises(ValidationError, match="0 to 18"):
        report.build_report(journal, tmp_path / "r.pdf", include_steps=steps)
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("text,expected", [("2,4", (2, 4)), (" 4, 2 ,2", (2, 4)), ("", ()),
                                           ("0,18", (0, 18))])
def test_parse_steps_reads_comma_separated_numbers(text, expected):
    assert report.parse_steps(text) == expected


@pytest.mark.parametrize("text", ["2;4", "two", "2,19", "-1"])
def test_parse_steps_refuses_other_text_naming_the_option(text):
    with pytest.raises(ValidationError, match="--include-steps"):
        report.parse_steps(text)


def test_a_name_not_ending_in_pdf_is_refused(journal, tmp_path):
    with pytest.raises(ValidationError, match=r"\.pdf"):
        report.build_report(journal, tmp_path / "report.txt")


def test_the_default_path_is_a_reports_folder_beside_the_journal(journal):
    path = report.default_path(journal)
    assert path.parent == journal.path.parent / "reports" and path.suffix == ".pdf"


def _find(widget, kind):
    return next(child for child in widget.children if isinstance(child, kind))


def test_the_widget_writes_the_report_and_moves_the_bar(filled, tmp_path):
    import ipywidgets as widgets

    form = report_widget(filled)
    _find(form, widgets.SelectMultiple).value = (1,)
    _find(form, widgets.Text).value = str(tmp_path / "mine.pdf")
    _find(form, widgets.Button).click()
    status = form.children[-1].value
    assert (tmp_path / "mine.pdf").is_file() and str(tmp_path / "mine.pdf") in status
    assert _find(form, widgets.FloatProgress).value == 1.0
    assert HOPE in pdf_text(tmp_path / "mine.pdf")
    assert not _find(form, widgets.Button).disabled


def test_the_widget_shows_a_problem_instead_of_failing(filled, tmp_path):
    import ipywidgets as widgets

    form = report_widget(filled)
    _find(form, widgets.Text).value = str(tmp_path / "mine.docx")
    _find(form, widgets.Button).click()
    assert ".pdf" in form.children[-1].value
    assert list(tmp_path.iterdir()) == []


def test_the_widget_offers_every_step_and_writes_beside_the_journal_by_default(filled):
    import ipywidgets as widgets

    form = report_widget(filled)
    assert [value for _, value in _find(form, widgets.SelectMultiple).options] == list(range(19))
    assert Path(_find(form, widgets.Text).value).parent == filled.path.parent / "reports"


def test_cli_writes_the_report(tmp_path, capsys):
    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as journal:
        fill(journal)
    out = tmp_path / "out.pdf"
    assert main(["--journal", str(path), "report", str(out), "--include-steps", "1"]) == 0
    assert str(out) in capsys.readouterr().out
    assert HOPE in pdf_text(out)


@pytest.mark.parametrize("args,words", [(["r.pdf", "--include-steps", "one"], "--include-steps"),
                                        (["r.txt"], ".pdf")])
def test_cli_refuses_bad_input_with_exit_2(tmp_path, capsys, args, words):
    args[0] = str(tmp_path / args[0])
    assert main(["--journal", str(tmp_path / "j.sqlite3"), "report", *args]) == 2
    assert words in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_cli_runs_as_a_real_command(tmp_path):
    out = tmp_path / "r.pdf"
    result = subprocess.run([sys.executable, "-m", "exback_kit.cli", "--journal",
                             str(tmp_path / "j.sqlite3"), "report", str(out)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert page_count(out) == _expected_pages()


def test_report_module_imports_nothing_heavy():
    code = ("import sys, exback_kit.report.pdf; "
            "print([m for m in ('pandas', 'matplotlib', 'ipywidgets') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]"
