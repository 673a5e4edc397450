"""What a notebook calls: each stage's forms, charts, "where you are" and "what comes next".

A notebook cell makes one call, e.g. ``stages.header("01_space_and_clarity")``,
``stages.section("01_space_and_clarity", "no_contact")``,
``stages.charts("01_space_and_clarity")`` or ``stages.next_steps(...)``;
``stages.show(stage_id)`` gives the whole stage in one widget. This facade only
re-exports :mod:`exback_kit.notebook.stage_view`.
"""

from exback_kit.notebook.stage_view import (
    LAYOUTS,
    Section,
    StageLayout,
    charts,
    header,
    journal,
    next_steps,
    section,
    show,
    use_demo,
    use_journal,
)

__all__ = ["LAYOUTS", "Section", "StageLayout", "charts", "header", "journal", "next_steps",
           "section", "show", "use_demo", "use_journal"]
