"""The progress report: a private, multi-page PDF made on the person's own computer.

A cover with the period the journal covers, every chart of :mod:`exback_kit.charts`
with its one-sentence summary, No-Contact and urges in numbers, wellbeing scores
with their bands and, only for the steps the person picks, their latest answers.
Drawn on matplotlib ``Figure`` objects (never pyplot) into ``PdfPages``; this
module imports nothing heavy until a report is made.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exback_kit.content import LAST_STEP, texts
from exback_kit.errors import ValidationError
from exback_kit.store import Journal, reads
from exback_kit.store.files import open_replacing
from exback_kit.store.settings import WE_I_SETTING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from exback_kit.domain.timeline import Tables
    from exback_kit.report.pages import Line

#: progress(fraction from 0 to 1, what is happening) — e.g. to move a progress bar.
Progress = Callable[[float, str], None]
PageDraw = Callable[["Figure"], None]


REPORTS_FOLDER = "reports"
#: TrueType glyphs in the PDF, so text tools and screen readers get the words back.
PDF_FONTTYPE = 42
CREATOR = "exback-kit"


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


# --- putting the pages together ------------------------------------------------------

def _draw_charts(names: Sequence[str], tables: Tables, today: date, fig: Figure) -> None:
    # late import: matplotlib loads only when a report is made (see the module docstring)
    from exback_kit import charts
    from exback_kit.report import pages as report_pages
    drawn = []
    for name in names:
        spec = charts.CHARTS[name]
        data = spec.prepare(tables, today)
        drawn.append((partial(spec.draw, data), spec.summarize(data)))
    report_pages.chart_page(fig, drawn)


def _draw_text(lines: list[Line], fig: Figure) -> None:
    # late import: matplotlib loads only when a report is made (see the module docstring)
    from exback_kit.report.pages import draw_lines

    draw_lines(fig, lines)


def plan_pages(journal: Journal, tables: Tables, steps: Sequence[int],
               today: date) -> list[PageDraw]:
    """Return one drawing function per page, in order (charts are prepared when drawn)."""
    # late import: matplotlib loads only when a report is made (see the module docstring)
    from exback_kit import charts
    from exback_kit.domain.self_concept import WE_I_CHART
    from exback_kit.report import pages as report_pages
    from exback_kit.report.text import answer_lines, cover_lines, figures_lines, wellbeing_lines

    pages: list[PageDraw] = [partial(report_pages.cover,
                                     lines=cover_lines(journal, tables, steps, today))]
    counting = journal.get_setting(WE_I_SETTING, False)  # "we" and "I": only when turned on
    names = [name for name in charts.CHARTS if name != WE_I_CHART or counting]
    pages += [partial(_draw_charts, names[i:i + 2], tables, today)
              for i in range(0, len(names), 2)]
    flows = [figures_lines(tables, today), wellbeing_lines(journal, tables, today)]
    if steps:
        flows.append(answer_lines(tables, steps))
    for flow in flows:
        pages += [partial(_draw_text, page) for page in report_pages.paginate(flow)]
    return pages


def pdf_path(out: str | os.PathLike[str], field: str = "out") -> Path:
    """Return ``out`` as a path, or refuse a name that does not end in .pdf (naming ``field``)."""
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
    path = pdf_path(out)
    tell = progress or (lambda fraction, label: None)
    tell(0.0, texts.REPORT_PROGRESS_READING)
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages

    # late import: matplotlib loads only when a report is made (see the module docstring)
    from exback_kit.charts import palette
    from exback_kit.report import pages as report_pages
    rc: Any = {**palette.RC, "pdf.fonttype": PDF_FONTTYPE}
    today = today or date.today()
    pages = plan_pages(journal, reads.load_tables(journal), steps, today)
    metadata = {"Title": texts.REPORT_TITLE, "Creator": CREATOR}
    with open_replacing(path, make_folder=True) as fh, mpl.rc_context(rc), \
            warnings.catch_warnings(), PdfPages(fh, metadata=metadata) as pdf:
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        for number, draw in enumerate(pages, start=1):
            fig = report_pages.new_page(number, len(pages))
            draw(fig)
            pdf.savefig(fig)
            tell(0.05 + 0.9 * number / len(pages), texts.REPORT_PROGRESS_PAGE.format(
                page=number, pages=len(pages)))
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
