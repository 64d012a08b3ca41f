"""The evaluation behind ``check`` (``python -m desktop check --help``), computed by the same
rule functions the views use.

Each rule module exposes a function that takes a :class:`Dataset` and returns a
``(DataFrame, list[Problem])`` pair: the rows of its part and the warnings it found.
``evaluate`` turns those frames into the plain-JSON parts of the check report.
"""
from __future__ import annotations

import math
from typing import Any

import pandas as pd

from .dataset import Dataset, Problem
from .defaults import BASE_YEAR


def _plain(value: Any) -> Any:
    """A JSON-ready Python scalar: numpy/pandas scalars unwrapped, NA -> None."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def frame_records(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    return [{c: _plain(v) for c, v in zip(columns, row)}
            for row in frame[columns].itertuples(index=False, name=None)]


def evaluate(ds: Dataset, base_year: int = BASE_YEAR) -> tuple[dict[str, list], list[Problem]]:
    """All computed parts of the check report, and the warnings the rules raised."""
    from . import affordability, co2, programme, realised, support, yardsticks

    warnings: list[Problem] = []
    parts: dict[str, list] = {}

    frame, w = support.support_table(ds)
    warnings += w
    parts["support"] = frame_records(frame, [
        "project", "dwellings", "tenants", "yes", "no", "no_response", "support_pct", "status"])

    projects, w = affordability.project_table(ds)
    warnings += w
    parts["affordability"] = frame_records(projects, [
        "project", "tariff_year", "project_year", "rent_increase_per_month",
        "energy_saving_per_month", "ok"])

    # from the project table above: computing it again took a fifth of the evaluation
    frame, w = affordability.corporation_year_table(ds, projects)
    warnings += w
    parts["affordability_by_corporation_year"] = frame_records(frame, [
        "corporation", "year", "dwellings", "avg_rent_increase_per_month",
        "avg_energy_saving_per_month", "ok"])

    frame, w = programme.programme_table(ds)
    warnings += w
    parts["programme"] = frame_records(frame, [
        "corporation", "from_year", "to_year", "target", "planned", "done"])

    frame, w = co2.co2_by_corporation(ds, base_year=base_year)
    warnings += w
    parts["co2"] = frame_records(frame, ["year", "corporation", "tonnes"])

    parts["realised"] = realised.check_section(ds)
    result = yardsticks.yardsticks(ds, base_year=base_year)
    frame = yardsticks.indicators_by_corporation(ds, base_year, result=result)
    parts["indicators"] = frame_records(frame, list(frame.columns))
    frame = yardsticks.efg_after_deadline(ds, result)
    parts["efg_2028"] = frame_records(frame, list(frame.columns))

    return parts, warnings
