"""Numbers, money and dates for display, through QLocale (Dutch: € 1.234,56 and 31-12-2025)."""
from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd
from PySide6.QtCore import QCoreApplication, QDate, QLocale

from ..models import texts_nl
from ..models.enums import DwellingType, Heating, HeatSolution, Status, Vote
from ..models.numbers import user_number


def core_text(text):
    """A source or note the core gives a built-in figure, in the interface language."""
    return texts_nl.dutch(text) if is_dutch() else text


def workspace_name(workspace) -> str:
    """The workspace's name as the window shows it; the sample's with "(sample)" in the
    interface language (older sample workspaces kept "(voorbeeld / sample)" in their name)."""
    name = workspace.get_meta("name") or workspace.display_name
    if not workspace.is_sample:
        return name
    name = name.removesuffix(" (voorbeeld / sample)")
    return tr_fmt(QCoreApplication.translate("fmt", "%1 (sample)"), name)


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (
        isinstance(value, float) and math.isnan(value))


def locale() -> QLocale:
    return QLocale()


def integer(value) -> str:
    return "" if _missing(value) else locale().toString(int(value))


def number(value, decimals: int = 0) -> str:
    return "" if _missing(value) else locale().toString(float(value), "f", decimals)


def _currency(euros: float, decimals: int) -> str:
    """The locale's currency format with a leading minus sign for negative amounts
    (-€ 9,83 / -€9.83), not the accounting brackets some locales use."""
    loc = locale()
    text = loc.toCurrencyString(abs(euros), "€", decimals)
    if euros < 0 and round(abs(euros), decimals) != 0:
        return loc.negativeSign() + text
    return text


def money_cents(cents) -> str:
    """Whole cents as a currency amount: € 1.234,56 (nl) / €1,234.56 (en); the space after
    € in Dutch is a no-break space."""
    if _missing(cents):
        return ""
    return _currency(int(cents) / 100, 2)


def money(euros, decimals: int = 2) -> str:
    return "" if _missing(euros) else _currency(float(euros), decimals)


def percent(value, decimals: int = 1) -> str:
    return "" if _missing(value) else f"{number(value, decimals)} %"


def date(value) -> str:
    if _missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        value = value.date()
    if isinstance(value, dt.datetime):
        value = value.date()
    qd = QDate(value.year, value.month, value.day)
    return locale().toString(qd, date_format())


def date_format() -> str:
    """dd-MM-yyyy in Dutch; otherwise the locale's short date format with a four-digit year
    (en_GB: dd/MM/yyyy, en_US: M/d/yyyy)."""
    if is_dutch():
        return "dd-MM-yyyy"
    return re.sub(r"(?<!y)y{1,2}(?!y)", "yyyy", locale().dateFormat(QLocale.FormatType.ShortFormat))


def is_dutch() -> bool:
    """Whether the interface speaks Dutch (the default QLocale set by install_translators)."""
    return locale().language() == QLocale.Language.Dutch


def language() -> str:
    """'nl' or 'en': the language for messages that come from the models and the workbook."""
    return "nl" if is_dutch() else "en"


def message(error) -> str:
    """An error's text in the interface language: ``message_nl`` (store and workbook errors
    carry one) in Dutch, else ``str(error)`` / ``message``."""
    if is_dutch():
        nl = getattr(error, "message_nl", None)
        if nl:
            return str(nl)
    text = getattr(error, "message", None)
    return str(text) if isinstance(text, str) and text else str(error)


def read_number(text) -> float | None:
    """A number typed in an input field, by the rules of :mod:`desktop.models.numbers`
    in the interface's notation ("1.234,5" in Dutch, "1,234.5" in English; "€ 12,50",
    "12.5" and "12,5" in both); None when blank or not a number."""
    return user_number(text, locale().groupSeparator())


def listed(value) -> str:
    """A listed domain value (status, vote, heating) as shown: the canonical Dutch value in a
    Dutch interface, its English alias otherwise. Unknown text is shown as it is."""
    if _missing(value):
        return ""
    text = str(value)
    if is_dutch():
        return text
    for enum in (Status, Vote, Heating, DwellingType, HeatSolution):
        try:
            return enum.parse(text).english
        except ValueError:
            continue
    return text


def listed_other(value) -> str:
    """The same value in the other language (for a tooltip): English alias in Dutch, the
    canonical Dutch value in English."""
    if _missing(value):
        return ""
    for enum in (Status, Vote, Heating, DwellingType, HeatSolution):
        try:
            member = enum.parse(str(value))
        except ValueError:
            continue
        return member.english if is_dutch() else member.value
    return ""


_PLACE = re.compile(r"%(\d{1,2})")


def tr_fmt(text: str, *args) -> str:
    """Fill the ``%1``, ``%2``, … of a translated text in one pass, as Qt's
    ``QString::arg`` does: a value that itself holds ``%2`` is never filled again
    (chained ``.replace("%1", …).replace("%2", …)`` would).  Values are shown with
    ``str()``; format numbers and money first (:func:`integer`, :func:`money_cents`)."""
    def fill(m: re.Match) -> str:
        n = int(m.group(1))
        return str(args[n - 1]) if 1 <= n <= len(args) else m.group(0)
    return _PLACE.sub(fill, text)
