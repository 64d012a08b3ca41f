"""Cell parsing as the workbook's instructions state it: numbers, money, dates, yes/no, listed values, ids."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from desktop.exchange.cells import (
    CellError, is_empty, parse_column, parse_date, parse_energy_label, parse_heating, parse_id,
    parse_int, parse_measures, parse_money_cents, parse_number, parse_status, parse_text,
    parse_vote, parse_yesno,
)


@pytest.mark.parametrize("cell, expected", [
    (1234.5, 1234.5), (42, 42.0), ("1.234,5", 1234.5), ("€ 12,50", 12.5), ("-1.500,0", -1500.0),
    ("1234.5", 1234.5), ("0.8", 0.8), ("12", 12.0), ("  7 ", 7.0), ("1.234.567,89", 1234567.89),
    ("12,5", 12.5), ("0.123", 0.123), ("1234.567", 1234.567), ("1.2345", 1.2345), ("€12,50", 12.5),
    ("−3", -3.0), ("1 234,5", 1234.5),
])
def test_numbers_in_both_notations(cell, expected):
    assert parse_number(cell) == pytest.approx(expected)


@pytest.mark.parametrize("cell", ["1.234", "12.345", "-1.500", "999.000"])
def test_one_dot_three_digits_is_ambiguous(cell):
    with pytest.raises(CellError) as info:
        parse_number(cell)
    assert "ambiguous" in info.value.message
    assert "niet eenduidig" in info.value.message_nl


@pytest.mark.parametrize("cell", ["abc", "1,2,3", "1.23,4", "12..5", "1.234.567", "€", True,
                                  dt.date(2021, 1, 1), float("inf")])
def test_not_a_number(cell):
    with pytest.raises(CellError) as info:
        parse_number(cell)
    assert info.value.message and info.value.message_nl


@pytest.mark.parametrize("cell, cents", [
    (12.5, 1250), ("€ 12,50", 1250), (12.345, 1235), ("12,345", 1235), (1.005, 101),
    (0.125, 13), ("-1.500,0", -150000), (600.5, 60050), (0, 0), (18, 1800), ("0,004", 0),
    (-0.125, -13),
])
def test_money_is_whole_cents_rounded_half_up(cell, cents):
    assert parse_money_cents(cell) == cents
    assert isinstance(parse_money_cents(cell), int)


@pytest.mark.parametrize("cell, expected", [(2021, 2021), (2021.0, 2021), ("2021", 2021),
                                            ("72,0", 72), (" 5 ", 5)])
def test_whole_numbers(cell, expected):
    assert parse_int(cell) == expected


@pytest.mark.parametrize("cell", [12.5, "12,5", True, "1.234"])
def test_not_whole_numbers(cell):
    with pytest.raises(CellError):
        parse_int(cell)


@pytest.mark.parametrize("cell, expected", [
    (dt.date(2021, 3, 4), dt.date(2021, 3, 4)), (dt.datetime(2021, 3, 4, 10, 30), dt.date(2021, 3, 4)),
    ("2021-03-04", dt.date(2021, 3, 4)), ("04-03-2021", dt.date(2021, 3, 4)),
    ("4-3-2021", dt.date(2021, 3, 4)), (44259, dt.date(2021, 3, 4)), (44259.75, dt.date(2021, 3, 4)),
    (" 2021-03-04 ", dt.date(2021, 3, 4)),
])
def test_dates(cell, expected):
    assert parse_date(cell) == expected


@pytest.mark.parametrize("cell", ["2021-02-30", "31-31-2021", "maart 2021", "04/03/2021", -5, True])
def test_not_dates(cell):
    with pytest.raises(CellError) as info:
        parse_date(cell)
    assert "date" in info.value.message and "datum" in info.value.message_nl


@pytest.mark.parametrize("cell, expected", [
    ("ja", True), ("Nee", False), ("YES", True), ("no", False), ("true", True), ("FALSE", False),
    ("1", True), ("0", False), (1, True), (0.0, False), (True, True), (False, False), (" ja ", True),
])
def test_yes_no(cell, expected):
    assert parse_yesno(cell) is expected


@pytest.mark.parametrize("cell", ["misschien", 2, "2", dt.date(2021, 1, 1)])
def test_not_yes_no(cell):
    with pytest.raises(CellError) as info:
        parse_yesno(cell)
    assert "ja/nee" in info.value.message_nl


def test_listed_values_dutch_english_any_case():
    assert parse_heating(" Hybride Warmtepomp ") == "hybride warmtepomp"
    assert parse_heating("heat pump") == "warmtepomp"
    assert parse_status("In Progress") == "in uitvoering"
    assert parse_status("gereed") == "gereed"
    assert parse_vote(" No Response ") == "geen reactie"
    assert parse_vote("JA") == "ja"
    assert parse_energy_label(" a++ ") == "A++"
    assert parse_energy_label("g") == "G"


@pytest.mark.parametrize("parser, cell", [(parse_heating, "kolenkachel"), (parse_status, "bijna"),
                                          (parse_vote, "misschien"), (parse_energy_label, "H"),
                                          (parse_energy_label, 1), (parse_vote, 1)])
def test_unknown_listed_values_name_the_allowed_ones(parser, cell):
    with pytest.raises(CellError) as info:
        parser(cell)
    assert "allowed" in info.value.message and "toegestaan" in info.value.message_nl


def test_ids_are_text():
    assert parse_id("0042") == "0042"
    assert parse_id(42.0) == "42"
    assert parse_id(42) == "42"
    assert parse_id(" P-1001 ") == "P-1001"
    assert parse_id(12.5) == "12.5"
    with pytest.raises(CellError):
        parse_id(dt.date(2021, 1, 1))


def test_text_and_measures():
    assert parse_text(1965.0) == "1965"
    assert parse_text(dt.date(2021, 3, 4)) == "2021-03-04"
    assert parse_measures("dakisolatie;hr++ glas ;; zonnepanelen ") == "dakisolatie; hr++ glas; zonnepanelen"


def test_empty_cells():
    assert is_empty("") and is_empty("   ") and is_empty(None) and is_empty(float("nan"))
    assert not is_empty(0) and not is_empty(False)


def test_column_fast_path_for_real_numbers():
    parsed, empty, errors = parse_column([1100.0, "", 2400.5, 3], "number")
    assert isinstance(parsed, np.ndarray)
    assert np.isnan(parsed[1]) and parsed[0] == 1100.0 and parsed[3] == 3.0
    assert empty == [1] and errors == []


def test_column_fast_path_money_and_ints():
    cents, _, errors = parse_column([12.345, 1.005, 600.5, ""], "money")
    assert cents[:3].tolist() == [1235.0, 101.0, 60050.0] and errors == []
    years, _, errors = parse_column([2021.0, 2021.5, ""], "int")
    assert years[0] == 2021.0 and np.isnan(years[1])
    assert [pos for pos, _ in errors] == [1]


def test_column_mixed_cells_fall_back_per_cell():
    parsed, empty, errors = parse_column([1.5, "1.234,5", "", "1.234", "x"], "number")
    assert parsed[0] == 1.5 and parsed[1] == 1234.5
    assert empty == [2]
    assert [pos for pos, _ in errors] == [3, 4]
