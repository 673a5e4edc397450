"""The progress report: a private, multi-page PDF made on the person's own computer.

A cover with the period the journal covers, every chart of :mod:`exback_kit.charts`
with its one-sentence summary, No-Contact and urges in numbers, wellbeing scores
with their bands and, only for the steps the person picks, their latest answers.
Drawn on matplotlib ``Figure`` objects (never pyplot) into ``PdfPages``; this
module imports nothing heavy until a report is made.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import warnings
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exback_kit import texts
from exback_kit.errors import ValidationError
from exback_kit.store import Journal

if TYPE_CHECKING:
    import ipywidgets
    from matplotlib.figure import Figure

    from exback_kit.report_pages import Line
    from exback_kit.tracking import Tables

#: progress(fraction from 0 to 1, what is happening) — e.g. to move a progress bar.
Progress = Callable[[float, str], None]
PageDraw = Callable[["Figure"], None]

LAST_STEP = 18
MAX_ANSWER_CHARS = 1500
RECENT_RESULTS = 14
TOP_LABELS = 4
REPORTS_FOLDER = "reports"
#: TrueType glyphs in the PDF, so text tools and screen readers get the words back.
PDF_FONTTYPE = 42
PDF_METADATA = {"Title": texts.REPORT_TITLE, "Creator": "exback-kit"}


# --- choosing what goes in ------------------------------------------------------

def check_steps(steps: Iterable[object], field: str = "include_steps") -> tuple[int, ...]:
    """Return the step numbers sorted and without repeats.

    Raises:
        ValidationError: a step is not a whole number from 0 to 18.
    """
    out = set()
    for step in steps:
        if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= LAST_STEP:
            raise ValidationError(texts.REPORT_BAD_STEPS.format(field=field, value=step),
                                  field=field)
        out.add(step)
    return tuple(sorted(out))


def parse_steps(text: str, field: str = "--include-steps") -> tuple[int, ...]:
    """Return the steps in ``"2,4"``; an empty text means none.

    Raises:
        ValidationError: a part is not a step number from 0 to 18.
    """
    parts = [p.strip() for p in (text or "").split(",") if p.strip()]
    if not all(p.isdigit() for p in parts):
        raise ValidationError(texts.REPORT_BAD_STEPS.format(field=field, value=text), field=field)
    return check_steps((int(p) for p in parts), field)


def default_path(journal: Journal) -> Path:
    """Return a dated file name in the ``reports`` folder beside the journal."""
    name = f"exback-report-{datetime.now():%Y%m%d-%H%M%S}.pdf"
    return journal.path.parent / REPORTS_FOLDER / name


# --- the words and numbers of each page -------------------------------------------

def period(tables: Tables, today: date) -> tuple[date, date] | None:
    """Return the first and last day with any entry (up to ``today``), or None."""
    from exback_kit import tracking

    end = tracking.as_day(today)
    days = [df["day"][df["day"] <= end] for kind, df in tables.items()
            if kind in tracking.ACTIVITY_KINDS and len(df)]
    days = [d for d in days if len(d)]
    if not days:
        return None
    return min(d.min() for d in days).date(), max(d.max() for d in days).date()


def cover_lines(journal: Journal, tables: Tables, steps: Sequence[int], today: date) -> list[Line]:
    """Return the cover's lines: title, period, privacy note and what is inside."""
    from exback_kit.report_pages import wrap

    span = period(tables, today)
    lines: list[Line] = [("title", texts.REPORT_TITLE)]
    lines += wrap(texts.REPORT_PERIOD.format(first=span[0], last=span[1]) if span
                  else texts.REPORT_NO_ENTRIES, "heading")
    lines += [("gap", ""), *wrap(texts.REPORT_MADE.format(day=today)),
              *wrap(texts.REPORT_PRIVATE, "strong")]
    if journal.is_demo:
        lines += wrap(texts.REPORT_DEMO)
    inside = [texts.REPORT_INSIDE_CHARTS, texts.REPORT_INSIDE_FIGURES,
              texts.REPORT_INSIDE_WELLBEING]
    if steps:
        inside.append(texts.REPORT_INSIDE_ANSWERS.format(steps=", ".join(map(str, steps))))
    lines += [("gap", ""), ("heading", texts.REPORT_INSIDE)]
    return lines + [line for item in inside for line in wrap(f"•  {item}")]


def _labels(frame: Any) -> str:
    top = frame.head(TOP_LABELS)
    return "; ".join(texts.REPORT_URGE_LABEL.format(label=label, count=int(row["count"]))
                     for label, row in top.iterrows()) or texts.REPORT_NOTHING_YET


def figures_lines(tables: Tables, today: date) -> list[Line]:
    """Return the No-Contact and urge figures as label/value rows."""
    from exback_kit import tracking, urges
    from exback_kit.report_pages import wrap

    nc = tracking.no_contact(tables["contacts"], tables["nocontact_periods"], today,
                             fallback=tracking.first_day(tables, today))
    days = texts.REPORT_NC_DAYS.format
    lines: list[Line] = [("title", texts.REPORT_FIGURES_TITLE), ("heading", texts.REPORT_NC_HEAD)]
    if nc.start_day is None:
        lines += wrap(texts.REPORT_NC_NONE)
    else:
        target = (texts.REPORT_NC_TARGET_DAYS.format(days=nc.target_days) if nc.target_days
                  else texts.REPORT_NC_NO_TARGET)
        rows = [(texts.REPORT_NC_START, str(nc.start_day)), (texts.REPORT_NC_TARGET, target),
                (texts.REPORT_NC_CURRENT, days(days=nc.current_streak)),
                (texts.REPORT_NC_LONGEST, days(days=nc.longest_streak)),
                (texts.REPORT_NC_WITHOUT, days(days=nc.days_without_contact)),
                (texts.REPORT_NC_SHARE,
                 texts.REPORT_NC_PERCENT.format(percent=round(100 * nc.share_last_30))),
                (texts.REPORT_NC_LAPSES, str(nc.lapses))]
        if nc.days_to_target is not None:
            rows.append((texts.REPORT_NC_TO_TARGET, texts.REPORT_NC_REACHED
                         if nc.target_reached else days(days=nc.days_to_target)))
        lines += [("row", f"{label}\t{value}") for label, value in rows]
        lines += [("gap", ""), *wrap(texts.REPORT_NC_NOTE, "soft")]
    lines += [("gap", ""), ("heading", texts.REPORT_URGE_HEAD)]
    logged = tables["urges"]
    if not len(logged):
        return lines + wrap(texts.REPORT_URGE_NONE)
    count = texts.REPORT_URGE_COUNT.format
    total, recent = urges.urge_totals(logged, today), urges.urge_totals(logged, today, days=30)
    lines += [("row", f"{texts.REPORT_URGE_TOTAL}\t{count(count=total[0], resisted=total[1])}"),
              ("row", f"{texts.REPORT_URGE_RECENT}\t{count(count=recent[0], resisted=recent[1])}"),
              ("gap", ""), ("strong", texts.REPORT_URGE_TRIGGERS),
              *wrap(_labels(urges.urge_triggers(logged, today))),
              ("gap", ""), ("strong", texts.REPORT_URGE_HELPED),
              *wrap(_labels(urges.urge_helped(logged, today)))]
    return lines


def _result_row(row: Any) -> Line:
    day = row["day"].date()
    if row["instrument"] == "who5":
        band = texts.WHO5_BANDS.get(row["band"], row["band"])
        value = texts.REPORT_WELLBEING_WHO5_VALUE.format(value=round(row["value"]))
        return "row", f"{day} · {texts.REPORT_WELLBEING_WHO5}\t{value}\t{band}"
    value = texts.REPORT_WELLBEING_ROSENBERG_VALUE.format(value=round(row["value"]))
    return "row", f"{day} · {texts.REPORT_WELLBEING_ROSENBERG}\t{value}"


def wellbeing_lines(journal: Journal, tables: Tables, today: date) -> list[Line]:
    """Return the wellbeing page: recent scores with bands, band counts, care note if due."""
    from exback_kit import instruments, tracking
    from exback_kit.report_pages import wrap

    lines: list[Line] = [("title", texts.REPORT_WELLBEING_TITLE),
                         *wrap(texts.REPORT_WELLBEING_INTRO, "soft"), ("gap", "")]
    scores = tracking.wellbeing(tables["instrument_results"], today)
    if scores.empty:
        return lines + wrap(texts.REPORT_WELLBEING_NONE)
    recent = scores.iloc[::-1].head(RECENT_RESULTS)
    lines.append(("strong", texts.REPORT_WELLBEING_RECENT.format(count=len(recent))))
    lines += [_result_row(row) for _, row in recent.iterrows()]
    who5 = scores[scores["instrument"] == "who5"]
    if len(who5):
        counts = who5["band"].value_counts()
        parts = [texts.REPORT_WELLBEING_BAND_COUNT.format(label=label, count=int(counts[band]))
                 for band, label in texts.WHO5_BANDS.items() if band in counts]
        lines += [("gap", ""), *wrap(texts.REPORT_WELLBEING_BAND_COUNTS.format(
            total=len(who5), counts="; ".join(parts)))]
    latest = instruments.latest_who5(journal)
    if latest is not None and latest.needs_care:
        lines += [("gap", ""), *wrap(instruments.safety_message(journal), "strong")]
    return lines


def _shortened(text: str) -> str:
    if len(text) <= MAX_ANSWER_CHARS:
        return text
    cut = text[:MAX_ANSWER_CHARS].rsplit(None, 1)[0]
    return f"{cut} {texts.REPORT_SHORTENED}"


def answer_text(question: Any, value: object) -> str:
    """Return an answer as the person would read it (choice labels, yes/no, lists)."""
    labels = {c.id: c.label for c in getattr(question, "choices", ())}
    if isinstance(value, bool):
        return texts.REPORT_YES if value else texts.REPORT_NO
    if isinstance(value, list):
        return ", ".join(str(labels.get(str(v), v)) for v in value)
    if value is None:
        return ""
    return _shortened(str(labels.get(str(value), value)))


def answer_lines(journal: Journal, steps: Sequence[int]) -> list[Line]:
    """Return the person's latest answers to ``steps``, each question with its answer."""
    from exback_kit import content
    from exback_kit.report_pages import wrap

    kit = content.load()
    lines: list[Line] = [("title", texts.REPORT_ANSWERS_TITLE),
                         *wrap(texts.REPORT_ANSWERS_INTRO, "soft")]
    for number in steps:
        step = kit.step(number)
        lines += [("gap", ""), *wrap(texts.REPORT_STEP_HEAD.format(number=number,
                                                                   title=step.title), "heading")]
        saved = journal.latest_answers(number)
        questions = {q.id: q for q in step.questions}
        order = [q for q in questions if q in saved] + sorted(set(saved) - set(questions))
        shown = [(qid, answer_text(questions.get(qid), saved[qid])) for qid in order]
        shown = [(qid, text) for qid, text in shown if text.strip()]
        if not shown:
            lines += wrap(texts.REPORT_NO_ANSWERS, "soft")
        for qid, text in shown:
            question = questions[qid].text if qid in questions else qid
            lines += [*wrap(question, "strong"), *wrap(text), ("gap", "")]
    return lines


# --- putting the pages together ------------------------------------------------------

def _draw_charts(names: Sequence[str], tables: Tables, today: date, fig: Figure) -> None:
    from exback_kit import charts, report_pages

    drawn = []
    for name in names:
        spec = charts.CHARTS[name]
        data = spec.prepare(tables, today)
        drawn.append((partial(spec.draw, data), spec.summarize(data)))
    report_pages.chart_page(fig, drawn)


def _draw_text(lines: list[Line], fig: Figure) -> None:
    from exback_kit.report_pages import draw_lines

    draw_lines(fig, lines)


def plan_pages(journal: Journal, tables: Tables, steps: Sequence[int],
               today: date) -> list[PageDraw]:
    """Return one drawing function per page, in order (charts are prepared when drawn)."""
    from exback_kit import charts, report_pages

    pages: list[PageDraw] = [partial(report_pages.cover,
                                     lines=cover_lines(journal, tables, steps, today))]
    names = list(charts.CHARTS)
    pages += [partial(_draw_charts, names[i:i + 2], tables, today)
              for i in range(0, len(names), 2)]
    flows = [figures_lines(tables, today), wellbeing_lines(journal, tables, today)]
    if steps:
        flows.append(answer_lines(journal, steps))
    for flow in flows:
        pages += [partial(_draw_text, page) for page in report_pages.paginate(flow)]
    return pages


def _pdf_path(out: str | os.PathLike[str], field: str = "out") -> Path:
    path = Path(out).expanduser()
    if path.suffix.lower() != ".pdf":
        raise ValidationError(texts.REPORT_NOT_PDF.format(field=field, value=str(out)),
                              field=field)
    return path


def write_report(journal: Journal, out: str | os.PathLike[str], *,
                 include_steps: Iterable[int] = (), today: date | None = None,
                 progress: Progress | None = None) -> tuple[Path, int]:
    """Write the report (see :func:`build_report`); return its path and page count."""
    steps = check_steps(include_steps)
    path = _pdf_path(out)
    tell = progress or (lambda fraction, label: None)
    tell(0.0, texts.REPORT_PROGRESS_READING)
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages

    from exback_kit import palette, report_pages, tracking

    rc: Any = {**palette.RC, "pdf.fonttype": PDF_FONTTYPE}
    today = today or date.today()
    pages = plan_pages(journal, tracking.load_tables(journal), steps, today)
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=".exback-report-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh, mpl.rc_context(rc), warnings.catch_warnings(), \
                PdfPages(fh, metadata=PDF_METADATA) as pdf:
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
            for number, draw in enumerate(pages, start=1):
                fig = report_pages.new_page(number, len(pages))
                draw(fig)
                pdf.savefig(fig)
                tell(0.05 + 0.9 * number / len(pages), texts.REPORT_PROGRESS_PAGE.format(
                    page=number, pages=len(pages)))
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    tell(1.0, texts.REPORT_PROGRESS_DONE)
    return path, len(pages)


def build_report(journal: Journal, out: str | os.PathLike[str], *,
                 include_steps: Iterable[int] = (), today: date | None = None,
                 progress: Progress | None = None) -> Path:
    """Write the progress report as a PDF readable only by its owner; return its path.

    Args:
        journal: the open journal.
        out: the PDF to write (its folder is made if needed; an old file is replaced).
        include_steps: steps (0–18) whose latest answers go in; none by default.
        today: the last day the report covers; default today.
        progress: called as ``progress(fraction, label)`` while the report is made.

    Raises:
        ValidationError: ``out`` does not end in .pdf, or a step is not 0–18.
    """
    return write_report(journal, out, include_steps=include_steps, today=today,
                        progress=progress)[0]


# --- the notebook widget ------------------------------------------------------------------

def _step_options() -> list[tuple[str, int]]:
    from exback_kit import content

    kit = content.load()
    return [(texts.REPORT_WIDGET_STEP_OPTION.format(number=n, title=kit.step(n).title), n)
            for n in range(LAST_STEP + 1)]


def report_widget(journal: Journal) -> ipywidgets.Widget:
    """Return the report form: steps to include, file name, a button, a progress bar, a status.

    Args:
        journal: the open journal the report is made from.
    """
    import ipywidgets as widgets

    steps = widgets.SelectMultiple(options=_step_options(), rows=8,
                                   description=texts.REPORT_WIDGET_STEPS,
                                   style={"description_width": "initial"})
    path = widgets.Text(value=str(default_path(journal)), description=texts.REPORT_WIDGET_PATH,
                        layout=widgets.Layout(width="90%"))
    button = widgets.Button(description=texts.REPORT_WIDGET_BUTTON, button_style="primary",
                            icon="file-pdf-o")
    bar = widgets.FloatProgress(value=0.0, min=0.0, max=1.0, layout=widgets.Layout(width="90%"))
    status = widgets.Label(value="")

    def on_progress(fraction: float, label: str) -> None:
        bar.value, status.value = fraction, label

    def on_click(_: object) -> None:
        button.disabled = True
        status.value = texts.REPORT_WIDGET_WORKING
        try:
            written, pages = write_report(journal, path.value.strip(),
                                          include_steps=steps.value, progress=on_progress)
            status.value = texts.REPORT_WRITTEN.format(path=written, pages=pages)
            path.value = str(default_path(journal))
        except ValidationError as exc:
            bar.value, status.value = 0.0, str(exc)
        finally:
            button.disabled = False

    button.on_click(on_click)
    return widgets.VBox([widgets.Label(texts.REPORT_WIDGET_INTRO), steps,
                         widgets.Label(texts.REPORT_WIDGET_STEPS_HELP), path, button, bar,
                         status])


# --- command line ----------------------------------------------------------------------

def run(args: argparse.Namespace) -> int:
    """``exback report [OUT.pdf] [--include-steps 2,4]``: write the report."""
    steps = parse_steps(args.include_steps)
    out = args.out and _pdf_path(args.out, "OUT")
    with Journal.open(args.journal) as journal:
        written, pages = write_report(journal, out or default_path(journal), include_steps=steps)
    print(texts.REPORT_WRITTEN.format(path=written, pages=pages))
    return 0


def add_cli(sub: Any) -> None:
    """Add ``exback report`` to the command line."""
    p = sub.add_parser("report", help=texts.CLI_HELP_REPORT)
    p.add_argument("out", nargs="?", help=texts.CLI_HELP_REPORT_OUT)
    p.add_argument("--include-steps", default="", metavar="2,4", help=texts.CLI_HELP_INCLUDE_STEPS)
    p.set_defaults(func=run)
