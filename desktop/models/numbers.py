"""Numbers written by people — in workbook cells and in the app's input fields — read
by one set of rules (the workbook contract's "Numbers", docs/workbook.md).

* Spaces (also no-break and narrow ones), ``€`` and ``EUR`` are ignored; a
  typographic minus is a minus.
* A comma is the decimal separator when there is one: ``12,50``, ``,5``; dots before
  it group thousands: ``1.234,5``, ``1.000.000,00``.
* Otherwise a dot is the decimal separator: ``1234.5``, ``0.8``, ``12.``.
* ``1.234`` (one dot, three digits after it) could be either.  A workbook cell says
  which it means (:func:`number_text` without ``group`` refuses it); an input field
  reads it as the interface language writes it: with ``group="."`` (Dutch) the dots
  group thousands (``1.234`` = 1234, ``1.234.567``), with ``group=","`` (English) the
  commas do (``1,234`` = 1234, ``1,234.5``) and ``1.234`` is a decimal number.
* Nothing else is a number: no exponents, no ``nan`` or ``inf``.
"""
from __future__ import annotations

import re
from typing import Any

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
# "1.234,5", "-1.500,0", "12,50", ",5": comma decimal, dots group thousands
_COMMA_DECIMAL = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d*),\d+$|^[+-]?\d{1,3}(?:\.\d{3})+$")
# "1234.5", "0.8", "12", ".5": dot decimal (or none)
_DOT_DECIMAL = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
# "1.234": one dot, three digits after it, a possible thousands group before it
_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}\.\d{3}$")


class NumberTextError(ValueError):
    """Text that is not a number by these rules; the message in English and Dutch."""

    def __init__(self, message: str, message_nl: str):
        super().__init__(message)
        self.message = message
        self.message_nl = message_nl


def _show(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _grouped(s: str, group: str) -> str | None:
    """``s`` as a number whose thousands are grouped by ``group`` ("." or ","), the
    other sign being the decimal separator; None when it is not written so."""
    g, d = re.escape(group), re.escape("," if group == "." else ".")
    if re.fullmatch(rf"[+-]?[1-9]\d{{0,2}}(?:{g}\d{{3}})+(?:{d}\d*)?", s):
        return s.replace(group, "").replace(",", ".")
    return None


def number_text(text: str, group: str | None = None) -> str:
    """The canonical Python-float text of a written number, or NumberTextError.

    ``group``: the thousands separator of the interface the text was typed in ("."
    or ","), None for a workbook cell (see the module's rules)."""
    s = _SPACES.sub("", text.strip())
    s = s.replace("€", "").replace("EUR", "").replace("eur", "")
    s = s.replace("\u2212", "-")  # a typographic minus
    if not s:
        raise NumberTextError(f"{_show(text)!r} is not a number", f"{_show(text)!r} is geen getal")
    if group in (".", ","):
        plain = _grouped(s, group)
        if plain is not None:
            return plain
    if "," in s:
        if s.count(",") == 1 and _COMMA_DECIMAL.match(s):
            return s.replace(".", "").replace(",", ".")
        raise NumberTextError(
            f"{_show(text)!r} is not a number (write e.g. 1.234,5 or 1234.5)",
            f"{_show(text)!r} is geen getal (schrijf bijv. 1.234,5 of 1234.5)")
    if group is None and _AMBIGUOUS.match(s):
        raise NumberTextError(
            f"{_show(text)!r} is ambiguous: write {s.replace('.', '')} for thousands or "
            f"{s.replace('.', ',')} for a decimal number",
            f"{_show(text)!r} is niet eenduidig: schrijf {s.replace('.', '')} voor duizendtallen of "
            f"{s.replace('.', ',')} voor een decimaal getal")
    if _DOT_DECIMAL.match(s):
        return s
    raise NumberTextError(f"{_show(text)!r} is not a number", f"{_show(text)!r} is geen getal")


def user_number(text: object, group: str | None) -> float | None:
    """A number typed in an input field (``group``: the interface's thousands
    separator); None when blank or not a number."""
    if text is None or not str(text).strip():
        return None
    try:
        return float(number_text(str(text), group))
    except NumberTextError:
        return None


__all__ = ["NumberTextError", "number_text", "user_number"]
