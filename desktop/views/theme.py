"""Every colour of the interface, named by what it means, in one place.

The views, the charts included, take their colours from here: a page never holds a
colour literal of its own (tests/views/test_theme.py checks it).  Colours are kept as
``#rrggbb`` strings, which style sheets, pyqtgraph and ``QColor`` all accept; the
``QColor`` and ``QBrush`` objects the table models hand to Qt are built from them.

A state has a pale background (table cells, badges, boxes), a border for a box in that
state, a dark text on that background, and a strong colour for points and lines.
"""
from __future__ import annotations

from PySide6.QtGui import QColor

# ----- text ---------------------------------------------------------------------------
TEXT = "#1f2933"            # dark text on the app's own light notes
HINT = "#4a5560"            # secondary text: captions, notes, explanations
MUTED = "#8a8f98"           # values that are not the user's own (defaults, vacant homes, empty)
ERROR = "#b3261e"           # what is wrong with a form or an edit
SUCCESS = "#1e5b25"         # an edit that went through
DONE = "#2e7d32"            # homes retrofitted (the programme matrix)

# ----- states: pale backgrounds (table cells, badges, boxes) ----------------------------
OK_BG = "#e3f4e1"           # met, affordable, yes, added
BAD_BG = "#fde2e1"          # short, not affordable, no, an error
WARN_BG = "#fff4d6"         # over a target or limit, no answer, an estimate, changed
OK_BORDER = "#9fd19f"
BAD_BORDER = "#f0a9a3"
WARN_BORDER = "#ecd48a"
OK_TEXT = SUCCESS           # dark text on OK_BG
BAD_TEXT = "#8a1f17"        # dark text on BAD_BG
WARN_TEXT = "#5c4700"       # dark text on WARN_BG
# the CO2 summary box: behind the path / on it / no figures yet
BEHIND_BORDER = "#e8b4b0"
ON_PATH_BORDER = "#b5d8b0"

# ----- states: strong colours (points, lines, bars) -------------------------------------
OK = "#2e8b3a"              # affordable / target met / retrofits
BAD = "#c62828"             # not affordable / short / the gap to the path
WARN = "#e0a100"            # attention: over a limit, an estimate, over target
UNKNOWN = "#808080"         # no verdict
YES = "#4c9a52"             # the tally bar: yes votes
NO = "#cf5a4f"              # the tally bar: no votes

# ----- surfaces -----------------------------------------------------------------------
WHITE = "#ffffff"
PANEL_BG = "#f1f3f5"        # the navigation, a neutral box
PANEL_BORDER = "#d0d4d9"
CARD_BG = "#f7f9fb"         # a card of figures
CARD_BORDER = "#d6dbe0"
TOTAL_BG = "#eef1f4"        # a totals row
OPEN_BAR = "#e9ecef"        # the part of a bar not filled
BAR_BORDER = "#c3c9d0"
NOTE_BG = "#eef3f9"         # an informative note in a dialog
NOTE_BORDER = "#c9d7e8"
NOTE_TEXT = "#1f3b57"
BANNER_BG = "#fff3c4"       # the sample-data banner
BANNER_BORDER = "#e6d28a"
BUSY_BORDER = "#b8c2cc"     # the "Calculating…" note
BUSY_BG = "rgba(255, 255, 255, 235)"
SELECTED_BG = "#dbe7f5"     # the chosen page in the navigation
SELECTED_TEXT = "#0b3d6e"

# ----- charts -------------------------------------------------------------------------
CHART_TEXT = "#202020"      # titles, tick labels, legend, readouts
CHART_AXIS = "#606060"
LEGEND_BORDER = "#c0c0c0"
LEGEND_BG = (255, 255, 255, 220)
READOUT_BORDER = "#a0a0a0"
READOUT_BG = (255, 255, 240, 235)
TARGET_LINE = "#505050"     # the target path (CO2), dashed
LIMIT_LINE = "#555555"      # the 3K limit (affordability), dashed
POINT_EDGE = "#303030"      # the outline of a scatter point
PLAN = "#1f5fa8"            # the plan's emissions
CLEANER_GRID = "#5aa0d8"    # reductions from a cleaner electricity grid
GAS_FREE = "#1f8a80"        # homes without natural gas
VERSION = "#8e3fa8"         # a saved plan version (CO2 line, its part of a matrix cell)
GAS_FREE_FILL_ALPHA = 60

# EU energy-label colours (A dark green … G red); the A+ classes darker still;
# "?" for homes without a known label
ENERGY_LABELS = {
    "A++++": "#00441b", "A+++": "#005a2b", "A++": "#00703a", "A+": "#008a45", "A": "#00a651",
    "B": "#50b848", "C": "#bed630", "D": "#fff200", "E": "#fdb913", "F": "#f37021",
    "G": "#ed1c24", "?": "#b5b5b5",
}


def qcolor(name: str, alpha: int | None = None) -> QColor:
    """``name`` (one of the colours above) as a QColor, with ``alpha`` if given."""
    colour = QColor(name)
    if alpha is not None:
        colour.setAlpha(alpha)
    return colour


def text_style(colour: str) -> str:
    """A label's style sheet that only sets its text colour."""
    return f"color: {colour};"


def box_style(selector: str, background: str, border: str, text: str | None = None,
              padding: str = "6px 10px", radius: int = 3) -> str:
    """A style sheet for a coloured box (``selector``: ``#objectName``)."""
    colour = f" color: {text};" if text else ""
    return (f"{selector} {{ background: {background}; border: 1px solid {border};{colour}"
            f" border-radius: {radius}px; padding: {padding}; }}")
