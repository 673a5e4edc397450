"""The kit's one colour palette: Okabe–Ito, safe for the common colour-vision differences.

Charts (:mod:`exback_kit.charts.palette`) and widgets (:mod:`exback_kit.notebook.look`)
take every colour from here. Okabe & Ito (2008) chose these eight hues to stay
distinct with protanopia, deuteranopia and tritanopia; the mood scale runs through
five of them, from vermillion (low) to blue (high), so it reads by lightness as well
as hue. Plain hex strings: importing this module loads nothing.
"""

from __future__ import annotations

BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
#: Okabe–Ito in their usual order (the colour cycle of every chart).
OKABE_ITO = (ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILLION, PURPLE, BLACK)

INK = "#333333"         # text, axes
SOFT_INK = "#777777"    # secondary text
GRID = "#E3E3E3"
MISSING = "#E9E9E9"     # a day without a check-in
OUTSIDE = "#FFFFFF"     # a day outside the chart's range (e.g. after today)

#: Mood 1–10 in five steps: 1–2, 3–4, 5–6, 7–8, 9–10.
MOOD_COLORS = (VERMILLION, ORANGE, YELLOW, SKY, BLUE)
MOOD_BOUNDS = (0.5, 2.5, 4.5, 6.5, 8.5, 10.5)
MOOD_POINT = SKY
MOOD_LINE = BLUE
LAPSE = BLACK           # days with contact that counted against No-Contact
STAGE = PURPLE
TARGET = GREEN
URGES = ORANGE
RESISTED = BLUE
HIGHER = BLUE           # habit days with a higher mood
LOWER = VERMILLION      # habit days with a lower mood
WHO5 = BLUE
ROSENBERG = PURPLE
#: Background tints of the WHO-5 bands (keys as exback_kit.instruments.who5_band returns).
BAND_TINTS = {"low": "#F7DCCB", "middle": "#FBEFD2", "good": "#DCEEF8"}
#: Light to dark for counts (urges by hour and weekday).
HEAT = ("#FFFFFF", SKY, BLUE)
MIND = ORANGE           # how much the ex took up your mind (09)
FEELINGS = PURPLE       # feelings for them, before and after the clear-eyed list
PLANNED = VERMILLION     # outline of an urge-heatmap window that has a plan
PROGRESS = GREEN
PROGRESS_TRACK = "#EEEEEE"

# Widgets (HTML boxes and status lines in the notebooks).
#: Text that says something was saved, and text that says it was not (both ≥ 4.5:1 on white).
OK_TEXT = "#1b7837"
PROBLEM_TEXT = "#b2182b"
#: Soft backgrounds of the kit's boxes, and their left borders.
BOX_QUIET = "#f4f6f8"
BOX_OFFER = "#eef5fb"
BOX_BANNER = "#fff4d6"
BORDER_INFO = "#4477aa"
BORDER_BANNER = "#cc9900"
BORDER_NEXT = "#228833"
BORDER_SAFETY = "#2166ac"
BORDER_GATE = "#4393c3"
BORDER_ENTRY = "#999999"
LINK = "#2a6ebb"
SOFT_TEXT = "#555555"
#: Text inside the soft boxes: set, so a box stays readable in a dark theme (≥ 4.5:1 on each).
BOX_TEXT = "#1f2328"
#: The card behind a chart image, so charts drawn on white stay readable in a dark theme.
CHART_CARD = "#ffffff"
#: The keyboard focus ring (≥ 3:1 next to white), and on a dark theme.
FOCUS = "#1a5fb4"
FOCUS_DARK = "#99c1f1"
#: A choice's outline (≥ 3:1 on white); a picked choice (white text on it, ≥ 4.5:1).
CHOICE_BORDER = "#767676"
CHOICE_PICKED = "#1a5fb4"
CHOICE_PICKED_TEXT = "#ffffff"
#: The quick check-in page (cli/checkin_page.py): its background, its cards' outline, and the
#: tints behind "saved" and "not saved".
PAGE = "#fafafa"
CARD_BORDER = "#dddddd"
OK_TINT = "#e9f5ec"
PROBLEM_TINT = "#fdecea"
#: The same page on a dark screen (checked in at night): page, cards, text, soft text and
#: the cards' outline (text ≥ 7:1, soft text ≥ 4.5:1 on the card).
PAGE_DARK = "#111111"
CARD_DARK = "#1e1e1e"
TEXT_DARK = "#e8e8e8"
SOFT_TEXT_DARK = "#b8b8b8"
CARD_BORDER_DARK = "#444444"
#: Status and soft text on a dark theme (≥ 4.5:1 on JupyterLab Dark's #111111).
OK_TEXT_DARK = "#8ff0a4"
PROBLEM_TEXT_DARK = "#ffa39e"
