"""One theme: every colour of the interface is named in desktop/views/theme.py, so no
other view module holds a colour literal of its own."""
from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

from PySide6.QtGui import QColor

from desktop.views import theme

VIEWS = Path(theme.__file__).parent
HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
CSS_FUNCTION = re.compile(r"\brgba?\s*\(")
# QColor("white"), QColor(255, 0, 0), mkBrush(31, 138, 128, 60), mkPen("w") …
LITERAL_CALL = re.compile(r"\b(?:QColor|mkColor|mkBrush|mkPen)\(\s*(?:\d|[\"'])")


def _colour_literals(path: Path) -> list[str]:
    found = []
    source = path.read_text(encoding="utf-8")
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING and (HEX.search(token.string)
                                              or CSS_FUNCTION.search(token.string)):
            found.append(f"{path.name}:{token.start[0]}: {token.string}")
    for number, line in enumerate(source.splitlines(), 1):
        code = line.split("#", 1)[0] if '"#' not in line and "'#" not in line else line
        if LITERAL_CALL.search(code):
            found.append(f"{path.name}:{number}: {line.strip()}")
    return found


def test_no_view_module_but_the_theme_holds_a_colour_literal():
    modules = sorted(VIEWS.glob("*.py")) + sorted((VIEWS.parent / "documents").glob("*.py"))
    offenders = [hit for path in modules if path.name != "theme.py"
                 for hit in _colour_literals(path)]
    assert offenders == []


def test_the_check_finds_the_literals_it_is_meant_to_find(tmp_path):
    module = tmp_path / "page.py"
    module.write_text('LABEL = "color:#5f6b76;"\nBRUSH = QColor("white")\n'
                      'FILL = pg.mkBrush(31, 138, 128, 60)\nNOTE = "background: rgba(1, 2, 3, 4)"\n'
                      "# see pyqtgraph issue #3485\nKEY = theme.qcolor(theme.OK)\n")
    assert [hit.split(":")[1] for hit in _colour_literals(module)] == ["1", "4", "2", "3"]


def test_every_theme_colour_is_a_valid_colour():
    names = [n for n in dir(theme) if n.isupper() and isinstance(getattr(theme, n), str)
             and getattr(theme, n).startswith("#")]
    assert len(names) > 40
    for name in names:
        assert QColor(getattr(theme, name)).isValid(), name
    for label, colour in theme.ENERGY_LABELS.items():
        assert QColor(colour).isValid(), label
    assert theme.qcolor(theme.GAS_FREE, theme.GAS_FREE_FILL_ALPHA).getRgb() == (31, 138, 128, 60)
