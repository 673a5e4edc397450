"""How the kit's widgets look: every box style and text colour the notebooks use."""

from __future__ import annotations

from exback_kit import colours as c

#: The kit's boxes: "where you are", the demo offer, the demo banner, "what comes next".
#: Each sets its text colour too, so it stays readable in JupyterLab's dark theme.
BOX_STYLE = {
    "where": f"background:{c.BOX_QUIET};color:{c.BOX_TEXT};border-left:4px solid {c.BORDER_INFO};",
    "offer": f"background:{c.BOX_OFFER};color:{c.BOX_TEXT};border-left:4px solid {c.BORDER_INFO};",
    "banner": f"background:{c.BOX_BANNER};color:{c.BOX_TEXT};"
              f"border-left:4px solid {c.BORDER_BANNER};font-weight:600;",
    "next": f"background:{c.BOX_QUIET};color:{c.BOX_TEXT};border-left:4px solid {c.BORDER_NEXT};",
}
#: The light card a chart image sits on.
CHART_CARD = (f"background:{c.CHART_CARD};padding:8px;border-radius:6px;display:inline-block;"
              "max-width:100%;box-sizing:border-box")
LINK_STYLE = f"color:{c.LINK};text-decoration:underline;font-weight:600"
SOFT_STYLE = f"color:{c.SOFT_TEXT}"
GATE_BOX = f"border-left:4px solid {c.BORDER_GATE};padding:0.4em 0.9em"
SAFETY_BOX = f"border-left:4px solid {c.BORDER_SAFETY};padding:0.4em 0.8em;margin:0.5em 0"
ENTRY_BOX = f"margin:0.3em 0;padding:0.3em 0.6em;border-left:3px solid {c.BORDER_ENTRY}"


def status_colour(ok: bool) -> str:
    """Return the colour of a status line: saved, or a problem."""
    return c.OK_TEXT if ok else c.PROBLEM_TEXT
