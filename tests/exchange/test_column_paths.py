"""Whole-column parsing (``cells.parse_column``) and the reader's row handling give
exactly what parsing each cell on its own gives, whichever fast path a column takes."""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import openpyxl
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.exchange.cells import PARSERS, CellError, is_empty, parse_column
from desktop.exchange.reader import read_workbook


def cell_by_cell(values, kind):
    """The reference: every cell parsed on its own."""
    out, empty, errors = [], [], []
    for i, v in enumerate(values):
        if is_empty(v):
            out.append(None)
            empty.append(i)
            continue
        try:
            out.append(PARSERS[kind](v))
        except CellError as exc:
            out.append(None)
            errors.append((i, exc.message, exc.message_nl))
    return out, empty, errors


def as_list(parsed):
    if isinstance(parsed, np.ndarray):
        return [None if math.isnan(x) else x for x in parsed.tolist()]
    return list(parsed)


WORDS = st.sampled_from(["", " ", "\u00a0", "  B ", "b", "A++", "x", "ja", "Nee", "YES", "0",
                         "1", "gasketel", "Heat pump", "akkoord", "cancelled", "tegen",
                         "0042", " 0042 ", "Kerkpad 1, Soest", "12,5", "1.234"])
CELLS = st.one_of(WORDS, st.booleans(), st.integers(-10**6, 10**6),
                  st.floats(-1e6, 1e6, allow_nan=False), st.just(2.5), st.just(1.0))


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["text", "id", "label", "heating", "status", "vote", "yesno"]),
       values=st.lists(st.one_of(WORDS, WORDS, CELLS), max_size=30))
@example(kind="label", values=[0.0, -0.0])      # equal, but each message quotes its own cell
def test_text_and_listed_columns_match_cell_by_cell(kind, values):
    parsed, empty, errors = parse_column(values, kind)
    ref, ref_empty, ref_errors = cell_by_cell(values, kind)
    assert as_list(parsed) == ref
    assert [type(v) for v in as_list(parsed)] == [type(v) for v in ref]
    assert empty == ref_empty
    assert [(i, e.message, e.message_nl) for i, e in errors] == ref_errors


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["number", "int"]),
       values=st.lists(st.one_of(st.just(""), st.integers(-10**9, 10**9),
                                 st.floats(-1e9, 1e9, allow_nan=False), st.just(3.5)),
                       max_size=30))
def test_numeric_columns_match_cell_by_cell(kind, values):
    parsed, empty, errors = parse_column(values, kind)
    ref, ref_empty, _ = cell_by_cell(values, kind)
    assert as_list(parsed) == [None if v is None else float(v) for v in ref]
    assert empty == ref_empty
    assert [i for i, _ in errors] == [i for i, v in enumerate(values)
                                      if v != "" and ref[i] is None]


def test_text_column_of_only_text_is_trimmed_with_empty_cells_as_none():
    parsed, empty, errors = parse_column(["  0042 ", "", "  ", "Kerkpad\u00a01 "], "id")
    assert parsed == ["0042", None, None, "Kerkpad\u00a01"]
    assert empty == [1, 2] and errors == []


def test_listed_column_reports_each_bad_cell_where_it_is():
    parsed, empty, errors = parse_column(["ja", "", "misschien", "nee", "misschien", True], "yesno")
    assert parsed == [True, None, None, False, None, True]
    assert empty == [1]
    assert [i for i, _ in errors] == [2, 4]
    assert errors[0][1].message.startswith("'misschien' is not yes or no")


def test_numeric_column_with_a_text_cell_falls_back_per_cell():
    parsed, empty, errors = parse_column([1.5, "", "2,5", "x"], "number")
    assert as_list(parsed) == [1.5, None, 2.5, None]
    assert empty == [1] and [i for i, _ in errors] == [3]


def test_rows_blank_spaced_or_filled_after_an_empty_first_cell(tmp_path: Path):
    """A row of spaces is skipped; a row whose first cell is empty but whose other cells
    are filled is a row (with a 'required' error) at its own Excel row number."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Complexen"
    for row in (["Complex", "Corporatie", "Wijk", "Aantal woningen"],
                ["C-1", "Portaal", "Centrum", 3],
                ["   ", None, " ", None],
                [None, None, None, None],
                [None, "Portaal", "Noord", 4],
                ["C-3", "Portaal", "Noord"]):          # a short row: the count is empty
        ws.append(row)
    path = tmp_path / "rows.xlsx"
    wb.save(path)
    result = read_workbook(path)
    assert result.row_numbers["complexes"] == [2, 5, 6]
    frame = result.dataset.complexes
    assert frame["complex"].tolist()[0] == "C-1" and frame["complex"].tolist()[2] == "C-3"
    assert frame["complex"].isna().tolist() == [False, True, False]
    assert frame["dwellings"].isna().tolist() == [False, False, True]
    required = [(p.row, p.column) for p in result.errors if "required" in p.message]
    assert (5, "Complex") in required
