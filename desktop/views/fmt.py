"""Numbers, money and dates for display, through QLocale (Dutch: € 1.234,56 and 31-12-2025)."""
from __future__ import annotations

import datetime as dt
import math

import pandas as pd
from PySide6.QtCore import QDate, QLocale


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (
        isinstance(value, float) and math.isnan(value))


def locale() -> QLocale:
    return QLocale()


def integer(value) -> str:
    return "" if _missing(value) else locale().toString(int(value))


def number(value, decimals: int = 0) -> str:
    return "" if _missing(value) else locale().toString(float(value), "f", decimals)


def money_cents(cents) -> str:
    """Whole cents as a currency amount: € 1.234,56 (nl) / €1,234.56 (en)."""
    if _missing(cents):
        return ""
    return locale().toCurrencyString(int(cents) / 100, "€", 2)


def money(euros, decimals: int = 2) -> str:
    return "" if _missing(euros) else locale().toCurrencyString(float(euros), "€", decimals)


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
    fmt = "dd-MM-yyyy" if locale().language() == QLocale.Language.Dutch else locale().dateFormat(
        QLocale.FormatType.ShortFormat)
    return locale().toString(qd, fmt)
