"""Plan versions through the workbook (issue 21.3): the sheets Planversies and Planversie
projecten (Plan versions, Plan version projects), Dutch and English; export -> import into
an empty workspace gives the same versions, and into the same workspace changes nothing."""
from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from desktop import edits
from desktop.exchange.importer import export_workspace, import_workbook
from desktop.models import versions
from desktop.store.workspace import Workspace

from ..models.test_versions import stock

COLS = ["version", "kind", "created", "created_by", "source", "objective", "solver_status",
        "gap", "note"]


def _versions(ws: Workspace) -> tuple[list, list]:
    ds = ws.load()
    head = ds.plan_versions[COLS].astype(object).where(ds.plan_versions[COLS].notna(), None)
    rows = ds.plan_version_projects.drop(columns=["changed_at", "changed_by", "changed_fields",
                                                  "row_version"])
    rows = rows.astype(object).where(rows.notna(), None)
    return (head.to_dict("records"),
            rows.sort_values(["version", "project"]).to_dict("records"))


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path / "a.rpw", user="Anna")
    w.replace_all(stock())
    ds = w.load()
    w.apply(edits.save_version(ds, "Voorstel CO2", versions.version_projects(ds, "Bod"),
                               kind="proposal", objective="co2", solver_status="optimal",
                               gap=0.0075, note="1,840 woningen te weinig"))
    yield w
    w.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_export_then_import_gives_the_same_versions(ws, tmp_path, lang):
    path = export_workspace(ws, tmp_path / f"export-{lang}.xlsx", lang=lang)
    book = load_workbook(path, read_only=True)
    sheet, rows_sheet = (("Planversies", "Planversie projecten") if lang == "nl"
                         else ("Plan versions", "Plan version projects"))
    assert sheet in book.sheetnames and rows_sheet in book.sheetnames
    header = [c.value for c in next(book[sheet].iter_rows(max_row=1))]
    assert header[:3] == (["Planversie", "Soort", "Gemaakt op"] if lang == "nl"
                          else ["Plan version", "Kind", "Created at"])
    book.close()
    with Workspace.open(tmp_path / f"b-{lang}.rpw", user="Bert") as other:
        outcome = import_workbook(path, other)
        assert outcome.ok, outcome
        assert _versions(other) == _versions(ws)
        assert versions.version_header(other.load(), "Voorstel CO2")["gap"] == 0.0075


def test_importing_the_export_into_its_own_workspace_changes_nothing(ws, tmp_path):
    before = _versions(ws)
    path = export_workspace(ws, tmp_path / "again.xlsx")
    assert import_workbook(path, ws).ok
    assert _versions(ws) == before


def test_a_version_project_of_an_unknown_version_is_an_error(ws, tmp_path):
    from desktop.exchange.reader import read_workbook
    from desktop.exchange.writer import write_workbook

    ds = ws.load(history=True)
    ds.plan_version_projects = pd.concat(
        [ds.plan_version_projects,
         ds.plan_version_projects.iloc[:1].assign(version="Weg")], ignore_index=True)
    write_workbook(ds, tmp_path / "bad.xlsx")
    result = read_workbook(tmp_path / "bad.xlsx")
    bad = [p for p in result.errors if "Weg" in p.message]
    assert bad and "bestaat niet in Planversies" in (bad[0].message_nl or "")
