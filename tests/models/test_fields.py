"""The field registry (desktop/models/fields.py) is consistent with what is built from it,
and it is the one place a column is declared: a field added to it is read and written
by the workbook without touching the reader or the writer."""
from __future__ import annotations

import dataclasses

import openpyxl
import pytest

from desktop.exchange.reader import read_workbook
from desktop.exchange.writer import INSTRUCTIONS_SHEET, write_workbook
from desktop.models import fields
from desktop.models.dataset import Dataset, conform
from desktop.models.invariants import LISTED_KINDS, validate_dataset
from desktop.sample import build_sample


def test_every_field_has_the_dtype_of_its_frame_column():
    frames = Dataset.empty().frames()
    assert list(frames) == [t.name for t in fields.tables()]
    for t in fields.tables():
        frame = frames[t.name]
        assert list(frame.columns) == [f.name for f in t.fields], t.name
        assert [str(d) for d in frame.dtypes] == [f.dtype for f in t.fields], t.name


def test_a_workbook_table_has_both_sheet_names_and_every_column_both_headers():
    for t in fields.tables():
        assert (t.dutch is None) == (t.english is None), t.name
        for f in t.fields:
            assert (f.dutch is None) == (f.english is None), (t.name, f.name)
            if f.in_workbook:
                assert t.in_workbook, f"{t.name}.{f.name} has a header but its table no sheet"
                assert f.dutch.strip() and f.english.strip()
                assert f.help_nl and f.help_en, f"{t.name}.{f.name} has no help text"
        if t.in_workbook:
            assert t.help_nl and t.help_en
            # a row is identified by columns that are in the workbook
            assert all(t.field(k).in_workbook for k in t.keys), t.name


def test_keys_are_required_fields_and_kinds_are_known():
    for t in fields.tables():
        # one key may be empty on purpose: usage.dwelling (a complex-level row of measured use)
        optional_keys = {"dwelling"} if t.name == "usage" else set()
        assert set(t.keys) - optional_keys <= set(fields.required(t.name)), t.name
        for f in t.fields:
            assert f.kind in fields.DTYPES, (t.name, f.name)
            if f.kind == "money":
                assert f.name.endswith("_cents"), "money is stored in cents and named so"


def test_defaults_are_valid_values_of_their_field():
    """A default is in range, an allowed listed value, and survives typing as its field."""
    for t in fields.tables():
        for name, default in fields.defaults(t.name).items():
            f = t.field(name)
            assert not f.required, "a required field has no default"
            if f.minimum is not None:
                assert default >= f.minimum, (t.name, name)
            if f.maximum is not None:
                assert default <= f.maximum, (t.name, name)
            if f.kind in LISTED_KINDS:
                assert default in LISTED_KINDS[f.kind], (t.name, name)
            # an empty value of a conformed frame takes the default, typed as the field
            frame = conform(t.name, [{}])
            assert frame[name].iloc[0] == default
            assert str(frame[name].dtype) == f.dtype


def test_the_declared_defaults_and_ranges():
    """What the workbook spec says, as users see it (the invariants and import use these)."""
    assert fields.defaults("complexes") == {"heating": "gasketel", "row_version": 1}
    assert fields.defaults("dwellings") == {"let": True, "row_version": 1}
    assert fields.defaults("projects") == {"electricity_saving_kwh": 0.0, "rent_increase_cents": 0,
                                           "status": "gepland", "row_version": 1}
    assert fields.required("projects") == ("project", "complex", "year", "gas_saving_m3")
    assert fields.ranges("complexes")["build_year"] == (1800, 2100)
    assert "electricity_saving_kwh" not in fields.ranges("projects")   # may be negative


def _headers(path) -> dict[str, list[str]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {ws.title: [c.value for c in next(ws.iter_rows(max_row=1))]
                for ws in wb.worksheets if ws.title not in INSTRUCTIONS_SHEET}
    finally:
        wb.close()


def test_personal_fields_are_exactly_the_columns_a_privacy_export_leaves_out(tmp_path):
    ds, _ = build_sample()
    full, private = tmp_path / "full.xlsx", tmp_path / "private.xlsx"
    write_workbook(ds, full)
    write_workbook(ds, private, personal_data=False)
    full_headers, private_headers = _headers(full), _headers(private)
    left_out = set()
    for t in fields.tables():
        if t.in_workbook:
            for header in set(full_headers[t.dutch]) - set(private_headers[t.dutch]):
                left_out.add((t.name, next(f.name for f in t.fields if f.dutch == header)))
    editable = ("complexes", "dwellings", "projects", "targets", "tariffs", "emission_factors",
                "capacities", "rent_limits", "measures", "usage", "degree_days", "heat_plan",
                "end_states", "plan_versions", "plan_version_projects", "letter_templates")
    assert left_out == fields.personal_fields() == {
        ("dwellings", "address"), ("dwellings", "tenant_name"), ("votes", "recorded_by"),
        ("vote_history", "recorded_by"), ("usage", "dwelling"),
        ("vote_history", "note"), ("status_history", "reason"), ("status_history", "changed_by"),
        ("plan_versions", "created_by"), *((t, "changed_by") for t in editable)}
    # and the personal data itself is in neither place of the private file
    wb = openpyxl.load_workbook(private, read_only=True)
    addresses = set(ds.dwellings["address"].dropna())
    assert addresses
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not addresses & set(row)
    wb.close()


def test_upsert_fields_are_the_form_fields_but_key_and_status():
    assert fields.form_fields("projects") == (
        "project", "complex", "year", "measures", "label_after", "gas_saving_m3",
        "electricity_saving_kwh", "rent_increase_cents", "investment_cents", "status",
        "ep2_after_kwh_m2", "heat_demand_after_kwh_m2")
    assert fields.upsert_fields("projects") == (
        "complex", "year", "measures", "label_after", "gas_saving_m3",
        "electricity_saving_kwh", "rent_increase_cents", "investment_cents",
        "ep2_after_kwh_m2", "heat_demand_after_kwh_m2")


# ----- one place ------------------------------------------------------------------
@pytest.fixture
def contractor(monkeypatch):
    """The registry with a new optional text column on projects, as a developer adds it."""
    new = fields.Field("contractor", "text", "Aannemer", "Contractor",
                       help_nl="Aannemer die het project uitvoert.",
                       help_en="Contractor carrying out the project.")
    registry = tuple(
        dataclasses.replace(t, fields=t.fields + (new,)) if t.name == "projects" else t
        for t in fields.REGISTRY)
    monkeypatch.setattr(fields, "REGISTRY", registry)
    return new


def test_a_field_added_to_the_registry_is_written_and_read_back(contractor, tmp_path):
    ds, _ = build_sample()
    projects = ds.projects.copy()
    projects["contractor"] = ["Bouwbedrijf " + str(i) for i in range(len(projects))]
    ds = Dataset.from_records(**{**ds.frames(), "projects": projects})
    assert ds.projects["contractor"].dtype == "string"

    path = tmp_path / "with-contractor.xlsx"
    write_workbook(ds, path)
    wb = openpyxl.load_workbook(path, read_only=True)
    header = [c.value for c in next(wb["Projecten"].iter_rows(max_row=1))]
    assert header[-1] == "Aannemer"
    column = [r[-1] for r in wb["Projecten"].iter_rows(min_row=2, values_only=True)]
    assert column == list(projects["contractor"])
    explained = [r for r in wb["Toelichting"].iter_rows(values_only=True) if r[1:2] == ("Aannemer [Contractor]",)]
    assert explained and explained[0][4:6] == ("Aannemer die het project uitvoert.",
                                               "Contractor carrying out the project.")
    wb.close()

    result = read_workbook(path)
    assert not [p for p in result.problems if "Aannemer" in str(p.column) or "Aannemer" in p.message]
    assert "contractor" in result.present_columns["projects"]
    assert list(result.dataset.projects["contractor"]) == list(projects["contractor"])


def test_without_the_added_field_its_column_is_unknown(tmp_path):
    """The counterpart: the same workbook column is ignored with a warning when the
    registry does not declare it (so the test above proves the registry did it)."""
    path = tmp_path / "extra.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Projecten"
    ws.append(["Project", "Complex", "Jaar", "Gasbesparing m3 per woning per jaar", "Aannemer"])
    ws.append(["P-1", "C-1", 2027, 100, "Bouwbedrijf"])
    wb.save(path)
    result = read_workbook(path)
    assert [p.message for p in result.problems if p.column == "Aannemer"] == [
        "unknown column 'Aannemer' is ignored"]
    assert "contractor" not in result.dataset.projects.columns


def test_the_invariants_follow_the_registry(contractor, monkeypatch):
    """A range or requirement declared in the registry is checked without other code."""
    projects = fields.table("projects")
    stricter = dataclasses.replace(projects, fields=tuple(
        dataclasses.replace(f, required=True) if f.name == "contractor" else f
        for f in projects.fields))
    monkeypatch.setattr(fields, "REGISTRY", tuple(
        stricter if t.name == "projects" else t for t in fields.REGISTRY))
    ds = Dataset.from_records(
        complexes=[{"complex": "C-1", "corporation": "Portaal", "neighbourhood": "Hart", "dwellings": 1}],
        projects=[{"project": "P-1", "complex": "C-1", "year": 2027, "gas_saving_m3": 1.0}])
    problems = [(p.table, p.column, p.message) for p in validate_dataset(ds)]
    assert problems == [("projects", "contractor", "this value is required")]


def test_the_registry_in_force_again_after_a_test_replaced_it():
    assert "contractor" not in [f.name for f in fields.table("projects").fields]
    assert "contractor" not in Dataset.empty().projects.columns


def test_the_project_form_checks_follow_the_registry(monkeypatch):
    """The checks of a project edit read the range and requirement from the registry."""
    from desktop.models.programme import validate_project_edit

    good = {"project": "P-1", "complex": "C-1", "year": 2027, "gas_saving_m3": 10,
            "investment_cents": 5000}
    assert validate_project_edit(good, {"C-1"}, require_all=True) == {}
    projects = fields.table("projects")
    changed = dataclasses.replace(projects, fields=tuple(
        dataclasses.replace(f, minimum=10_000) if f.name == "investment_cents"
        else dataclasses.replace(f, maximum=2026) if f.name == "year"
        else dataclasses.replace(f, required=True) if f.name == "measures" else f
        for f in projects.fields))
    monkeypatch.setattr(fields, "REGISTRY", tuple(
        changed if t.name == "projects" else t for t in fields.REGISTRY))
    assert validate_project_edit(good, {"C-1"}, require_all=True) == {
        "year": "The year must lie between 2000 and 2026.",
        "investment_cents": "The investment must be at least 100.",     # euros
        "measures": "This value is required."}
