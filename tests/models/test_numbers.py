"""One set of rules for numbers people write: a workbook cell (no interface language)
and an input field in Dutch (thousands grouped by ".") or English (by ",")."""
from __future__ import annotations

import pytest

from desktop.exchange.cells import CellError, parse_number
from desktop.models.numbers import NumberTextError, number_text, user_number

X = None   # not a number

RULES = [
    # text             cell      Dutch field  English field
    ("12",             12.0,     12.0,        12.0),
    ("12,5",           12.5,     12.5,        12.5),
    ("12.5",           12.5,     12.5,        12.5),
    ("€ 12,50",        12.5,     12.5,        12.5),
    ("€\u00a012,50",   12.5,     12.5,        12.5),
    ("12,50 EUR",      12.5,     12.5,        12.5),
    ("1.234,5",        1234.5,   1234.5,      1234.5),
    ("1.000.000,00",   1e6,      1e6,         1e6),
    ("1 234,5",        1234.5,   1234.5,      1234.5),
    ("12 500",         12500.0,  12500.0,     12500.0),
    ("1.234",          X,        1234.0,      1.234),     # ambiguous: the field's language decides
    ("1.234.567",      X,        1234567.0,   X),
    ("1,234",          1.234,    1.234,       1234.0),
    ("12,345",         12.345,   12.345,      12345.0),
    ("1,234.5",        X,        X,           1234.5),
    ("1,000,000.00",   X,        X,           1e6),
    ("0,001",          0.001,    0.001,       0.001),     # no group starts with 0
    ("-3,5",           -3.5,     -3.5,        -3.5),
    ("\u22123,5",      -3.5,     -3.5,        -3.5),      # typographic minus
    ("+4",             4.0,      4.0,         4.0),
    (".5",             0.5,      0.5,         0.5),
    (",5",             0.5,      0.5,         0.5),
    ("12.",            12.0,     12.0,        12.0),
    ("1.2.3",          X,        X,           X),
    ("1e3",            X,        X,           X),
    ("nan",            X,        X,           X),
    ("inf",            X,        X,           X),
    ("abc",            X,        X,           X),
    ("  ",             X,        X,           X),
]


@pytest.mark.parametrize("text, cell, dutch, english", RULES)
def test_one_rule_table_for_cells_and_fields(text, cell, dutch, english):
    if cell is None:
        with pytest.raises(CellError):
            parse_number(text)
    else:
        assert parse_number(text) == pytest.approx(cell)
    assert user_number(text, ".") == (None if dutch is None else pytest.approx(dutch))
    assert user_number(text, ",") == (None if english is None else pytest.approx(english))


def test_refusals_say_why_in_both_languages():
    with pytest.raises(NumberTextError) as err:
        number_text("1.234")
    assert "ambiguous" in err.value.message and "1234" in err.value.message
    assert "niet eenduidig" in err.value.message_nl
    assert user_number(None, ".") is None and user_number("", ",") is None


def test_the_app_fields_read_in_the_interface_language(qapp):
    from PySide6.QtCore import QLocale

    from desktop.views import fmt
    from desktop.views.project_dialog import euros_to_cents, parse_number as dialog_number
    from desktop.views.tariffs import parse_value

    old = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        assert parse_value("1.234,5") == dialog_number("1.234,5") == 1234.5
        assert fmt.read_number("1.234") == 1234.0 and euros_to_cents("€ 1.234,56") == 123456
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        assert fmt.read_number("1.234") == 1.234 and euros_to_cents("1,234.56") == 123456
        assert parse_value is dialog_number is fmt.read_number
    finally:
        QLocale.setDefault(old)
