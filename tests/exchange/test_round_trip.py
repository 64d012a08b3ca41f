"""Export -> import is lossless (issue 18.2): whole random workspaces, built through the
store's own commands (votes with corrections, status changes with reasons, edits by
several users at several moments), exported, imported into an empty workspace: every
SQL table holds the same rows (ids, dates, history entries, who and when), and exporting
again gives a workbook with the same cell values on every sheet.

The data is drawn from the field registry, field by field and kind by kind, so a field
added to the registry later is covered without touching this test.
"""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook
from sqlalchemy import select, text, update

from desktop.exchange.importer import export_workspace, import_workbook
from desktop.models import fields
from desktop.models.dataset import Dataset
from desktop.models.enums import LABELS, DwellingType, Heating, Status, Vote
from desktop.models.measures import CATALOGUE
from desktop.store import schema as s
from desktop.store.commands import RecordVotes, SetStatus, Upsert
from desktop.store.copy import table_rows
from desktop.store.workspace import Workspace

DATA = Path(__file__).resolve().parents[1] / "data"
USERS = ("Anna de Vries", "B. Jansen", "=cmd", "Chloë")
TEXT = st.text(alphabet="abcXYZ éë'-=+@;0123 ", min_size=1, max_size=10).map(str.strip) \
    .map(lambda t: t or None)


def _value(kind: str, f: fields.Field):
    """A strategy for one field's value, from its kind and range (None: empty cell)."""
    lo = f.minimum if f.minimum is not None else (0 if kind in ("int", "money") else -5000)
    hi = f.maximum if f.maximum is not None else (10_000_000 if kind == "money" else 5000)
    if kind in ("int", "money"):
        strategy = st.integers(int(lo), int(hi))
    elif kind == "number":   # up to 3 decimals: what people enter, exact in a workbook
        strategy = st.integers(int(lo * 1000), int(hi * 1000)).map(lambda n: n / 1000)
    elif kind == "yesno":
        strategy = st.booleans()
    elif kind == "date":
        strategy = st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))
    elif kind == "label":
        strategy = st.sampled_from(LABELS)
    elif kind == "heating":
        strategy = st.sampled_from(tuple(Heating.values()))
    elif kind == "dwelling_type":
        strategy = st.sampled_from(tuple(DwellingType.values()))
    elif kind == "status":
        strategy = st.sampled_from(tuple(Status.values()))
    elif kind == "vote":
        strategy = st.sampled_from(tuple(Vote.values()))
    elif kind == "measures":
        strategy = st.lists(st.sampled_from([m.key for m in CATALOGUE]), min_size=1, max_size=3,
                            unique=True).map("; ".join)
    else:                    # text, id
        return TEXT if not f.required else TEXT.filter(bool)
    return strategy if f.required else st.none() | strategy


def _row(data, table: str, **given) -> dict:
    """One row of ``table``: ``given`` values, every other field drawn by its kind."""
    row = dict(given)
    for f in fields.table(table).fields:
        if f.name not in row and not f.audit:
            row[f.name] = data.draw(_value(f.kind, f), label=f"{table}.{f.name}")
    return row


def _rows(data, table: str, keys: list[dict]) -> list[dict]:
    return [_row(data, table, **k) for k in keys]


def draw_workspace(data) -> tuple[Dataset, list]:
    """A programme drawn field by field, and the edits made on it afterwards."""
    corporations = ["Portaal", "de Alliantie"]
    n_complexes = data.draw(st.integers(1, 3), label="complexes")
    complexes, dwellings, projects = [], [], []
    for i in range(n_complexes):
        cid = f"{i:04d}"
        mine = [_row(data, "dwellings", dwelling=f"W-{i}{j}", complex=cid)
                for j in range(data.draw(st.integers(0, 4), label="dwellings"))]
        dwellings += mine
        c = _row(data, "complexes", complex=cid, corporation=data.draw(st.sampled_from(corporations)),
                 neighbourhood=data.draw(st.sampled_from(["'t Hart", "Overhees"])))
        c["dwellings"] = len(mine) or data.draw(st.integers(1, 50))
        complexes.append(c)
        projects += [_row(data, "projects", project=f"PR-{i}{k}", complex=cid)
                     for k in range(data.draw(st.integers(0, 2), label="projects"))]
    years = st.lists(st.integers(fields.YEAR_MIN, fields.YEAR_MAX), max_size=3, unique=True)
    targets = []
    for corp in corporations:
        for a, b in data.draw(st.lists(st.tuples(st.integers(2020, 2030), st.integers(0, 5)),
                                       max_size=2, unique_by=lambda t: t[0])):
            targets.append(_row(data, "targets", corporation=corp, from_year=a, to_year=a + b))
    ds = Dataset.from_records(
        complexes=complexes, dwellings=dwellings, projects=projects, targets=targets,
        tariffs=_rows(data, "tariffs", [{"year": y} for y in data.draw(years)]),
        emission_factors=_rows(data, "emission_factors", [{"year": y} for y in data.draw(years)]),
        capacities=_rows(data, "capacities", [{"corporation": c, "year": y} for c in corporations
                                              for y in data.draw(years)]),
        rent_limits=_rows(data, "rent_limits", [{"year": y} for y in data.draw(years)]),
        measures=_rows(data, "measures", [{"measure": m} for m in data.draw(
            st.lists(st.sampled_from(["dakisolatie", "groen dak", "=formule", "warmtepomp"]),
                     max_size=2, unique=True))]))

    # a rule of the registry's fields that a random draw breaks (e.g. a tenancy that ends
    # before it starts) makes no workspace: such a draw is dropped, not tested
    assume(not [p for p in ds.validate() if p.severity == "error"])

    # the edits: votes and corrections, status changes, a changed record; each by someone
    edits = []
    let = {c["complex"]: [d["dwelling"] for d in dwellings if d["complex"] == c["complex"] and d["let"]]
           for c in complexes}
    for p in projects:
        # a vote is dated within its campaign and not in the future (the app refuses others)
        start = p.get("campaign_start")
        first = max(dt.date(2024, 1, 1), pd.Timestamp(start).date() if start is not None else dt.date.min)
        last = max(first, dt.date(2026, 1, 1))
        voters = let[p["complex"]] if last <= dt.date.today() else []
        for dwelling in voters:
            for _ in range(data.draw(st.integers(0, 3), label="votes per dwelling")):
                vote = pd.DataFrame([{
                    "project": p["project"], "dwelling": dwelling,
                    "vote": data.draw(st.sampled_from(tuple(Vote.values()))),
                    "date": pd.Timestamp(data.draw(st.dates(first, last))),
                    "recorded_by": data.draw(st.none() | st.sampled_from(USERS))}])
                edits.append((data.draw(st.sampled_from(USERS)),
                              RecordVotes(vote, note=data.draw(st.none() | TEXT))))
        for _ in range(data.draw(st.integers(0, 2), label="status changes")):
            edits.append((data.draw(st.sampled_from(USERS)), SetStatus(
                p["project"], data.draw(st.sampled_from(tuple(Status.values()))),
                reason=data.draw(TEXT.filter(bool)))))
    for c in complexes:
        if data.draw(st.booleans(), label="edit the complex"):
            edits.append((data.draw(st.sampled_from(USERS)),
                          Upsert("complexes", {"complex": c["complex"]}, {"name": data.draw(TEXT)})))
    return ds, edits


def build(path: Path, template: Path, ds: Dataset, edits: list, seconds: int) -> None:
    """The workspace at ``path``: ``ds``, then the edits, each by its user, then every
    moment of recording spread over months (the store stamps them all 'now')."""
    shutil.copy(template, path)
    with Workspace.open(path) as ws:
        ws.replace_all(ds)
        for user, cmd in edits:
            ws.user = user
            ws.apply(cmd)
        with ws.transaction() as conn:
            for table, column in [(s.vote_events, "recorded_at"), (s.status_events, "changed_at")] + [
                    (t, "changed_at") for t, _keys in s.TABLE_KEYS.values()]:
                for i, (key,) in enumerate(conn.execute(
                        text(f"SELECT rowid FROM {table.name} WHERE {column} IS NOT NULL"))):
                    stamp = dt.datetime(2024, 1, 1) + dt.timedelta(seconds=seconds * (i + 1) * 7919)
                    conn.execute(update(table).where(text(f"rowid = {key}")).values({column: stamp}))


def every_table(path: Path) -> dict[str, list[tuple]]:
    """Every row of every SQL table but the workspace's own metadata (creation time).
    A target's surrogate row number is no data (its key is corporation and period, as
    in Doelen) and follows the order of inserting: targets are compared by their key."""
    with Workspace.open(path, create=False) as ws, ws.engine.connect() as conn:
        out = {t.name: table_rows(conn, t) for t in s.metadata.sorted_tables
               if t is not s.meta and t is not s.targets}
        keys = [s.targets.c[k] for k in fields.table("targets").keys]
        out["targets"] = [tuple(r) for r in conn.execute(
            select(*[c for c in s.targets.c if c.name != "id"]).order_by(*keys))]
        return out


def cells(path: Path) -> dict[str, list[list]]:
    """The cell values of every sheet (what a user sees; file timestamps are no cells)."""
    wb = CalamineWorkbook.from_path(str(path))
    return {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}


def import_into_empty(book: Path, path: Path, template: Path) -> None:
    shutil.copy(template, path)
    with Workspace.open(path, user="Importer") as ws:
        outcome = import_workbook(book, ws)
        assert outcome.ok, [p.message for p in outcome.errors]
        assert not outcome.warnings, [p.message for p in outcome.warnings]


def exported_workspace(tmp_path: Path, template: Path, data, seconds: int) -> tuple[Path, list]:
    """A drawn workspace ``a.rpw`` (tmp_path emptied first: one per example) exported as
    ``a.xlsx``; returns its path and the edits made on it."""
    ds, edits = draw_workspace(data)
    for p in tmp_path.glob("*"):
        p.unlink() if p.is_file() else shutil.rmtree(p)
    a = tmp_path / "a.rpw"
    build(a, template, ds, edits, seconds)
    with Workspace.open(a) as ws:
        export_workspace(ws, tmp_path / "a.xlsx")
    return a, edits


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """An empty workspace at the newest schema, copied for each example (migrating one
    per example would take most of the time)."""
    path = tmp_path_factory.mktemp("template") / "empty.rpw"
    Workspace.open(path).close()
    return path


@settings(max_examples=8, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(data=st.data(), seconds=st.integers(1, 5000))
def test_export_import_export_is_lossless(tmp_path, template, data, seconds):
    a, edits = exported_workspace(tmp_path, template, data, seconds)
    b = tmp_path / "b.rpw"
    import_into_empty(tmp_path / "a.xlsx", b, template)

    before, after = every_table(a), every_table(b)
    assert before.keys() == after.keys()
    for name in before:
        assert after[name] == before[name], (name, set(after[name]) ^ set(before[name]))
    assert len(before["vote_events"]) == sum(isinstance(c, RecordVotes) for _u, c in edits)

    with Workspace.open(b) as ws:
        export_workspace(ws, tmp_path / "b.xlsx")
    first, second = cells(tmp_path / "a.xlsx"), cells(tmp_path / "b.xlsx")
    assert list(first) == list(second)
    for sheet in first:
        assert second[sheet] == first[sheet], sheet

    # importing the same workbook again changes nothing and warns of nothing
    with Workspace.open(b) as ws:
        outcome = import_workbook(tmp_path / "a.xlsx", ws)
        assert outcome.ok and outcome.plan.is_empty and not outcome.warnings


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def resave_with_libreoffice(book: Path, out_dir: Path) -> Path:
    """The workbook as LibreOffice Calc saves it again (its own xlsx writer)."""
    out_dir.mkdir(exist_ok=True)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{out_dir / 'profile'}", "--headless",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out_dir),
                    str(book)], check=True, capture_output=True, timeout=180)
    return out_dir / book.name


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@settings(max_examples=3, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(data=st.data(), seconds=st.integers(1, 5000))
def test_a_workbook_saved_again_by_libreoffice_imports_to_the_same_data(tmp_path, template, data,
                                                                         seconds):
    a, _edits = exported_workspace(tmp_path, template, data, seconds)
    c = tmp_path / "c.rpw"
    resaved = resave_with_libreoffice(tmp_path / "a.xlsx", tmp_path / "calc")
    import_into_empty(resaved, c, template)
    before, after = every_table(a), every_table(c)
    for name in before:
        assert after[name] == before[name], (name, set(after[name]) ^ set(before[name]))
