"""Parsing workbook cells into domain values (the columns' kinds: :mod:`.columns`).

A cell arrives as python-calamine gives it: ``float``/``int``, ``bool``, ``str``,
``datetime.date``/``datetime.datetime``, or ``""`` for an empty cell.  Every parser
returns the value or raises :class:`CellError` with a plain message in English and
Dutch.  Empty cells are handled by the callers (``is_empty``); the parsers get a value.

:func:`parse_column` parses a whole column at once, with a numpy fast path when every
filled cell already is a real number (the usual case for numeric columns written by a
program), and returns the problems by row position.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable, Sequence

import numpy as np

from desktop.models.enums import (LABELS, DwellingType, Heating, HeatSolution, Status, Vote,
                                  parse_label)
from desktop.models.numbers import NumberTextError, number_text


class CellError(NumberTextError):
    """A cell that cannot be read as the value its column needs (``message`` in
    English, ``message_nl`` in Dutch)."""


# ----------------------------------------------------------------------------- helpers


def is_empty(value: Any) -> bool:
    """An empty cell: None, "" or only spaces (NaN from a float column too)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    return False


def _show(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


# Numbers, whole numbers and amounts in cents beyond this are refused: they are typing
# errors; within it every whole value is exact as a float, sums over a million rows fit
# in Int64, and products of a few of them (use × tariff × dwellings) stay finite.
MAX_WHOLE = 10**12


def _out_of_range(money: bool) -> CellError:
    if money:
        euros = MAX_WHOLE // 100
        return CellError(f"the amount is out of range (at most {euros:,} euros)",
                         f"het bedrag valt buiten het bereik (hoogstens {euros:,} euro)".replace(",", "."))
    return CellError(f"the number is out of range (at most {MAX_WHOLE:,})",
                     f"het getal valt buiten het bereik (hoogstens {MAX_WHOLE:,})".replace(",", "."))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# ----------------------------------------------------------------------------- numbers
def _number_text(text: str) -> str:
    """The canonical Python-float text for a number cell's text, or CellError (the
    rules: :mod:`desktop.models.numbers`, shared with the app's input fields)."""
    try:
        return number_text(text)
    except NumberTextError as exc:
        raise CellError(exc.message, exc.message_nl) from None


def parse_number(value: Any) -> float:
    """A real number or number text (Dutch or dot-decimal) as a float."""
    if _is_number(value):
        f = float(value)
        if not math.isfinite(f):
            raise CellError("the number is not finite", "het getal is niet eindig")
    elif isinstance(value, str):
        f = float(_number_text(value))
    else:
        raise CellError(f"{_show(value)!r} is not a number", f"{_show(value)!r} is geen getal")
    if abs(f) > MAX_WHOLE:
        raise _out_of_range(money=False)
    return f


def _decimal(value: Any) -> Decimal:
    if _is_number(value):
        f = float(value)
        if not math.isfinite(f):
            raise CellError("the number is not finite", "het getal is niet eindig")
        # repr gives the shortest text that round-trips: 12.345 -> "12.345"
        return Decimal(repr(f)) if isinstance(value, float) else Decimal(int(value))
    if isinstance(value, str):
        try:
            return Decimal(_number_text(value))
        except InvalidOperation:  # pragma: no cover - regex guarantees a number
            raise CellError(f"{_show(value)!r} is not a number", f"{_show(value)!r} is geen getal")
    raise CellError(f"{_show(value)!r} is not an amount", f"{_show(value)!r} is geen bedrag")


def parse_money_cents(value: Any) -> int:
    """An amount in euros as whole cents, rounded half up (12,345 -> 1235)."""
    d = _decimal(value)
    # checked before quantize, which raises InvalidOperation beyond 28 digits (1e308)
    if abs(d) * 100 > MAX_WHOLE:
        raise _out_of_range(money=True)
    return int((d * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_int(value: Any) -> int:
    """A whole number (12, 12.0, "12", "1.234" is ambiguous, 12.5 is an error)."""
    if isinstance(value, bool):
        raise CellError(f"{value!r} is not a whole number", f"{value!r} is geen geheel getal")
    f = parse_number(value)
    if f != int(f):
        raise CellError(f"{_show(value)!r} is not a whole number",
                        f"{_show(value)!r} is geen geheel getal")
    if abs(f) > MAX_WHOLE:
        raise _out_of_range(money=False)
    return int(f)


# ----------------------------------------------------------------------------- dates
_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def parse_date(value: Any) -> _dt.date:
    """A real date, an Excel serial number, or text YYYY-MM-DD / DD-MM-YYYY."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if _is_number(value):
        f = float(value)
        if math.isfinite(f) and 1 <= f < 2958466:  # up to 9999-12-31
            return _EXCEL_EPOCH + _dt.timedelta(days=int(f))
        raise CellError(f"{_show(value)!r} is not a date", f"{_show(value)!r} is geen datum")
    if isinstance(value, str):
        s = value.strip()
        m = _ISO.match(s)
        if m:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
        else:
            m = _DMY.match(s)
            if m:
                d, mo, y = int(m[1]), int(m[2]), int(m[3])
        if m:
            try:
                return _dt.date(y, mo, d)
            except ValueError:
                pass
        raise CellError(f"{_show(value)!r} is not a date (write YYYY-MM-DD or DD-MM-YYYY)",
                        f"{_show(value)!r} is geen datum (schrijf JJJJ-MM-DD of DD-MM-JJJJ)")
    raise CellError(f"{_show(value)!r} is not a date", f"{_show(value)!r} is geen datum")


_ISO_TIME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$")
_DMY_TIME = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$")


def _whole_second(value: _dt.datetime) -> _dt.datetime:
    """To the nearest second: a spreadsheet keeps a time as a fraction of a day, which
    comes back a microsecond off (10:00:00 as 09:59:59.999999)."""
    return (value + _dt.timedelta(microseconds=500_000)).replace(microsecond=0)


def parse_datetime(value: Any) -> _dt.datetime:
    """A real date and time (to the second), an Excel serial number, or text
    ``YYYY-MM-DD HH:MM[:SS]`` / ``DD-MM-YYYY HH:MM[:SS]``; a date alone is midnight."""
    if isinstance(value, _dt.datetime):
        return _whole_second(value.replace(tzinfo=None))
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day)
    if _is_number(value):
        f = float(value)
        if math.isfinite(f) and 1 <= f < 2958466:
            return _whole_second(_dt.datetime(1899, 12, 30) + _dt.timedelta(days=f))
        raise CellError(f"{_show(value)!r} is not a date and time",
                        f"{_show(value)!r} is geen datum en tijd")
    if isinstance(value, str):
        s = value.strip()
        m = _ISO_TIME.match(s)
        if m:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
        else:
            m = _DMY_TIME.match(s)
            if m:
                d, mo, y = int(m[1]), int(m[2]), int(m[3])
        if m:
            try:
                return _whole_second(_dt.datetime(y, mo, d, int(m[4] or 0), int(m[5] or 0),
                                                  int(m[6] or 0), round(float(m[7] or 0) * 1e6)))
            except ValueError:
                pass
        raise CellError(f"{_show(value)!r} is not a date and time (write YYYY-MM-DD HH:MM:SS or "
                        f"DD-MM-YYYY HH:MM:SS)",
                        f"{_show(value)!r} is geen datum en tijd (schrijf JJJJ-MM-DD UU:MM:SS of "
                        f"DD-MM-JJJJ UU:MM:SS)")
    raise CellError(f"{_show(value)!r} is not a date and time",
                    f"{_show(value)!r} is geen datum en tijd")


# ----------------------------------------------------------------------------- yes/no
_YES = {"ja", "yes", "true", "1", "waar", "j", "y"}
_NO = {"nee", "no", "false", "0", "onwaar", "n"}


def parse_yesno(value: Any) -> bool:
    """ja/nee, yes/no, true/false, 1/0 (text or number) and real booleans."""
    if isinstance(value, bool):
        return value
    if _is_number(value):
        if value == 1:
            return True
        if value == 0:
            return False
    elif isinstance(value, str):
        key = value.strip().casefold()
        if key in _YES:
            return True
        if key in _NO:
            return False
    raise CellError(f"{_show(value)!r} is not yes or no (write ja/nee or yes/no)",
                    f"{_show(value)!r} is geen ja of nee (schrijf ja/nee of yes/no)")


# ----------------------------------------------------------------------------- listed values
def _listed(enum, what_en: str, what_nl: str) -> Callable[[Any], str]:
    allowed = ", ".join(f"{m.value} [{m.english}]" for m in enum)

    def parse(value: Any) -> str:
        if isinstance(value, str):
            try:
                return enum.parse(value).value
            except ValueError:
                pass
        raise CellError(f"{_show(value)!r} is not a {what_en}; allowed: {allowed}",
                        f"{_show(value)!r} is geen {what_nl}; toegestaan: {allowed}")

    parse.__name__ = f"parse_{what_en.replace(' ', '_')}"
    return parse


parse_heating = _listed(Heating, "heating", "verwarming")
parse_dwelling_type = _listed(DwellingType, "dwelling type", "woningtype")
parse_heat_solution = _listed(HeatSolution, "heat solution", "warmteoplossing")
parse_status = _listed(Status, "status", "status")
parse_vote = _listed(Vote, "vote", "stem")


def parse_energy_label(value: Any) -> str:
    """An energy label A++++ … A, B … G, case-insensitive."""
    if isinstance(value, str):
        try:
            return parse_label(value)
        except ValueError:
            pass
    allowed = ", ".join(LABELS)
    raise CellError(f"{_show(value)!r} is not an energy label; allowed: {allowed}",
                    f"{_show(value)!r} is geen energielabel; toegestaan: {allowed}")


# ----------------------------------------------------------------------------- text
def _number_as_text(f: float) -> str:
    if math.isfinite(f) and f == int(f):
        return str(int(f))
    return repr(f)


def parse_id(value: Any) -> str:
    """An id as text: "0042" stays "0042", a numeric 42.0 becomes "42"."""
    if isinstance(value, bool):
        raise CellError(f"{value!r} is not an id", f"{value!r} is geen id")
    if _is_number(value):
        return _number_as_text(float(value))
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (_dt.date, _dt.datetime)):
        raise CellError(f"a date ({value}) is not an id; format the cell as text",
                        f"een datum ({value}) is geen id; maak de cel tekst")
    return str(value).strip()


def parse_text(value: Any) -> str:
    """Free text; numbers without a spurious ".0", dates as YYYY-MM-DD."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if _is_number(value):
        return _number_as_text(float(value))
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).strip()


def parse_measures(value: Any) -> str:
    """Measures as ``;``-separated text, each trimmed: "dakisolatie; hr++ glas"."""
    parts = [p.strip() for p in parse_text(value).split(";")]
    return "; ".join(p for p in parts if p)


PARSERS: dict[str, Callable[[Any], Any]] = {
    "text": parse_text,
    "id": parse_id,
    "int": parse_int,
    "number": parse_number,
    "money": parse_money_cents,
    "yesno": parse_yesno,
    "label": parse_energy_label,
    "heating": parse_heating,
    "dwelling_type": parse_dwelling_type,
    "heat_solution": parse_heat_solution,
    "status": parse_status,
    "vote": parse_vote,
    "date": parse_date,
    "datetime": parse_datetime,
    "measures": parse_measures,
}


# ----------------------------------------------------------------------------- columns
_EMPTY_OR_NUMBER_TYPES = frozenset((float, int, str))
_TEXT_OR_BOOL = frozenset((str, bool))


def _numeric_fast(values: Sequence[Any]) -> np.ndarray | None:
    """The column as float64 (NaN for empty cells) when every filled cell is a real
    number (``float``/``int``, not ``bool``) and every other cell is ``""``, else None."""
    types = set(map(type, values))
    if not types <= _EMPTY_OR_NUMBER_TYPES:
        return None
    if str not in types:
        arr = np.array(values, dtype=np.float64).reshape(len(values))
        # a cell holding NaN (<v>NaN</v>) is no number, not an empty cell
        arr[np.isnan(arr)] = np.inf
        return arr
    cells = np.array(values, dtype=object).reshape(len(values))
    blank = cells == ""
    filled = cells[~blank]
    if str in set(map(type, filled)):
        return None
    numbers = filled.astype(np.float64)
    numbers[np.isnan(numbers)] = np.inf
    arr = np.full(len(values), np.nan)
    arr[~blank] = numbers
    return arr


def _cents_from_floats(arr: np.ndarray) -> np.ndarray:
    """Euros to cents, half up, robust to binary noise (1.005 -> 101)."""
    scaled = np.round(arr * 100.0, 6)
    return np.sign(scaled) * np.floor(np.abs(scaled) + 0.5)


def parse_column(values: Sequence[Any], kind: str
                 ) -> tuple[list[Any] | np.ndarray, list[int], list[tuple[int, CellError]]]:
    """Parse one column's cells.

    Returns ``(parsed, empty_positions, errors)``: ``parsed`` holds the value per row
    (None / NaN where empty or wrong), ``empty_positions`` the rows whose cell is empty,
    ``errors`` the ``(row position, CellError)`` pairs.
    """
    if kind in ("number", "int", "money"):
        arr = _numeric_fast(values)
        if arr is not None:
            empty = np.flatnonzero(np.isnan(arr)).tolist()
            errors: list[tuple[int, CellError]] = []
            bad = ~np.isfinite(arr) & ~np.isnan(arr)
            if kind == "int":
                frac = np.isfinite(arr) & (arr != np.trunc(arr))
                for i in np.flatnonzero(frac).tolist():
                    errors.append((i, CellError(f"{values[i]!r} is not a whole number",
                                                f"{values[i]!r} is geen geheel getal")))
                bad |= frac
            for i in np.flatnonzero(~np.isfinite(arr) & ~np.isnan(arr)).tolist():
                errors.append((i, CellError("the number is not finite", "het getal is niet eindig")))
            # beyond the range: 1e20 or 1e308 would become an arbitrary Int64
            limit = MAX_WHOLE / 100 if kind == "money" else MAX_WHOLE
            with np.errstate(invalid="ignore"):
                huge = np.isfinite(arr) & (np.abs(arr) > limit) & ~bad
            for i in np.flatnonzero(huge).tolist():
                errors.append((i, _out_of_range(money=kind == "money")))
            bad |= huge
            if bad.any():
                arr = arr.copy()
                arr[bad] = np.nan
            if kind == "money":
                arr = _cents_from_floats(arr)
            errors.sort(key=lambda e: e[0])
            return arr, empty, errors
    parser = PARSERS[kind]
    out: list[Any] = [None] * len(values)
    empty = []
    errors = []
    if kind in ("text", "id"):
        if set(map(type, values)) == {str}:
            # the usual case: only text cells, kept trimmed (C-level passes, no per-cell Python)
            out = list(map(str.strip, values))
            blank = np.flatnonzero(np.array(out, dtype=object).reshape(len(out)) == "").tolist()
            for i in blank:
                out[i] = None
            return out, blank, errors
        # text cells kept trimmed; anything else goes through the parser
        for i, v in enumerate(values):
            if type(v) is str:
                s = v.strip()
                if s:
                    out[i] = s
                else:
                    empty.append(i)
                continue
            if is_empty(v):
                empty.append(i)
                continue
            try:
                out[i] = parser(v)
            except CellError as exc:
                errors.append((i, exc))
        return out, empty, errors
    if kind in ("label", "heating", "dwelling_type", "heat_solution", "status", "vote", "yesno"):
        # few distinct values: parse each once
        if set(map(type, values)) <= _TEXT_OR_BOOL:
            # text and real booleans: no two distinct cells compare equal (unlike 1, 1.0
            # and True), so the cells themselves key the parsed values: one C-level map
            parsed: dict[Any, Any] = {}
            bad: list[Any] = []
            for v in set(values):
                if is_empty(v):
                    parsed[v] = None
                    bad.append(v)
                    continue
                try:
                    parsed[v] = parser(v)
                except CellError as exc:
                    parsed[v] = exc
                    bad.append(v)
            out = list(map(parsed.__getitem__, values))
            if bad:
                cells = np.array(values, dtype=object).reshape(len(values))
                for v in bad:
                    hit = parsed[v]
                    where = np.flatnonzero(cells == v).tolist()
                    if hit is None:
                        empty += where
                    else:
                        errors += [(i, hit) for i in where]
                        for i in where:
                            out[i] = None
                empty.sort()
                errors.sort(key=lambda e: e[0])
            return out, empty, errors
        memo: dict[tuple[type, Any], Any] = {}
        for i, v in enumerate(values):
            # a float keyed by its text: 0.0 and -0.0 are equal but read differently in
            # a message
            key = (float, repr(v)) if type(v) is float else (type(v), v)
            try:
                hit = memo[key]
            except KeyError:
                if is_empty(v):
                    hit = memo[key] = None
                else:
                    try:
                        hit = memo[key] = parser(v)
                    except CellError as exc:
                        hit = memo[key] = exc
            except TypeError:  # unhashable: cannot happen for cell values
                hit = parser(v)
            if hit is None:
                empty.append(i)
            elif isinstance(hit, CellError):
                errors.append((i, hit))
            else:
                out[i] = hit
        return out, empty, errors
    for i, v in enumerate(values):
        if v == "" or is_empty(v):
            empty.append(i)
            continue
        try:
            out[i] = parser(v)
        except CellError as exc:
            errors.append((i, exc))
    return out, empty, errors
