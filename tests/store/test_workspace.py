"""The workspace store against real SQLite files and a real PostgreSQL server (the
``workspace_url`` fixture, tests/store/conftest.py): round trips, reopening, migrations,
refusals, backups, commands and their inverses, conflicting edits.  File-only matters
(permissions, backups, damaged files) are tested on SQLite only."""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, insert, text

from desktop.models import fields
from desktop.models.dataset import Dataset
from desktop.store import schema as s
from desktop.store.commands import Batch, Delete, RecordVotes, SetStatus, Upsert
from desktop.store.workspace import (
    ConflictError, DamagedWorkspaceError, NewerWorkspaceError, Workspace, WorkspaceError,
    engine_url, head_revision, public_location,
)


def every_entity() -> Dataset:
    return Dataset.from_records(
        complexes=[
            {"complex": "0042", "corporation": "Portaal", "neighbourhood": "'t Hart", "name": "Kerkpad",
             "build_year": 1964, "dwellings": 2, "heating": "blokverwarming", "label": "E",
             "gas_m3": 970.5, "electricity_kwh": 2450.0, "rent_cents": 59200},
            {"complex": "A-1", "corporation": "de Alliantie", "neighbourhood": "Overhees",
             "dwellings": 12},
        ],
        dwellings=[
            {"dwelling": "0042-1", "complex": "0042", "address": "Kerkpad 1, Soest", "let": True,
             "label": "D", "gas_m3": 900.0, "electricity_kwh": 2100.0, "rent_cents": 60001},
            {"dwelling": "0042-2", "complex": "0042", "address": "Kerkpad 2, Soest", "let": False},
        ],
        projects=[
            {"project": "P-24-003", "complex": "0042", "year": 2024, "measures": "dakisolatie; hr++ glas",
             "label_after": "A", "gas_saving_m3": 880.0, "electricity_saving_kwh": -1500.0,
             "rent_increase_cents": 1000, "investment_cents": 3050000, "status": "akkoord",
             "campaign_start": "2024-02-01", "notified_on": "2024-03-15"},
        ],
        votes=[{"project": "P-24-003", "dwelling": "0042-1", "vote": "ja", "date": "2024-02-10",
                "recorded_by": "Anna"}],
        targets=[{"corporation": "Portaal", "from_year": 2022, "to_year": 2024, "dwellings": 542}],
        tariffs=[{"year": 2022, "gas_eur_m3": 2.30, "electricity_eur_kwh": 0.535}],
        emission_factors=[{"year": 2025, "gas_kg_m3": 1.779, "electricity_kg_kwh": 0.4}],
        capacities=[{"corporation": "Portaal", "year": 2024, "max_dwellings": 200,
                     "budget_cents": 500000000}],
        rent_limits=[{"year": 2021, "aftopping_small_cents": 63325, "aftopping_large_cents": 67866,
                      "liberalisation_cents": 64000}],
        measures=[
            {"measure": "dakisolatie", "name_en": "Roof insulation", "gas_saving_m3": 650.0,
             "electricity_saving_kwh": 0.0, "cost_cents": 450000, "source": "own tender 2024"},
            {"measure": "groen dak", "name_en": "Green roof", "gas_saving_m3": None,
             "electricity_saving_kwh": -12.5, "cost_cents": None, "source": None},
        ],
    )


def assert_same(a: Dataset, b: Dataset, ignore: tuple[str, ...] = ()) -> None:
    """Every frame equal, but for the columns named in ``ignore``."""
    for name, frame in a.frames().items():
        other = b.frames()[name]
        drop = [c for c in ignore if c in frame.columns]
        pd.testing.assert_frame_equal(frame.drop(columns=drop), other.drop(columns=drop),
                                      check_like=False, obj=name)


def test_round_trip_every_entity_and_reopen(workspace_url):
    path = workspace_url
    ds = every_entity()
    with Workspace.open(path) as ws:
        ws.replace_all(ds, meta={"name": "Test"})
        assert_same(ds, ws.load())
    with Workspace.open(path) as ws:          # survives reopening
        assert_same(ds, ws.load())
        assert ws.get_meta("name") == "Test"
        assert ws.schema_revision == head_revision()


def test_new_workspace_is_private_to_its_owner(tmp_path):
    path = tmp_path / "private.rpw"
    Workspace.open(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_schema_declaration_matches_the_migrations(workspace_url):
    with Workspace.open(workspace_url) as ws, ws.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), s.metadata)
    assert diff == []


def test_migrates_schema_version_1_after_a_backup(tmp_path):
    path = tmp_path / "old.rpw"
    _version_1_with_data(str(path))          # a real version-1 workspace with data in it
    assert {r[0] for r in sqlite3.connect(path).execute("select version_num from alembic_version")} == {"0001"}

    with Workspace.open(path) as ws:
        assert ws.schema_revision == head_revision()
        ds = ws.load()
        assert ds.projects["project"].tolist() == ["P1"]
        assert ds.projects["campaign_start"].isna().all()   # new column, empty
        backups = ws.backups()
    assert len(backups) == 1 and "0001" in backups[0].name
    # the backup is the untouched version-1 workspace
    con = sqlite3.connect(backups[0])
    assert con.execute("select version_num from alembic_version").fetchone()[0] == "0001"
    assert con.execute("select count(*) from projects").fetchone()[0] == 1
    con.close()


def _version_1_with_data(location: str) -> None:
    """Build a real version-1 workspace at ``location`` (schema 0001) with one project."""
    engine = create_engine(engine_url(location) if "://" in location else f"sqlite:///{location}")
    ws = Workspace.__new__(Workspace)
    Workspace.__init__(ws, engine, location, None)
    ws.upgrade("0001")
    with engine.begin() as conn:
        conn.execute(insert(s.corporations).values(name="Portaal"))
        conn.execute(insert(s.neighbourhoods).values(name="Overhees"))
        conn.execute(text("INSERT INTO complexes (complex, corporation, neighbourhood, dwellings) "
                          "VALUES ('C1', 'Portaal', 'Overhees', 10)"))
        conn.execute(text("INSERT INTO projects (project, complex, year, gas_saving_m3, row_version) "
                          "VALUES ('P1', 'C1', 2021, 400, 3)"))
    engine.dispose()


def test_upgrades_an_older_database_to_the_newest_schema(workspace_url):
    """Both backends: version 1 with data -> the newest schema, data kept, new columns empty."""
    _version_1_with_data(workspace_url)
    with Workspace.open(workspace_url) as ws:
        assert ws.schema_revision == head_revision()
        ds = ws.load()
        assert ds.projects["project"].tolist() == ["P1"]
        assert ds.projects["gas_saving_m3"].tolist() == [400.0]
        assert ds.projects["campaign_start"].isna().all()
        assert ws.row_versions("projects") == {("P1",): 3}
        with ws.engine.connect() as conn:
            editor = conn.execute(text("SELECT changed_by, changed_at, changed_fields FROM projects")).one()
        assert tuple(editor) == (None, None, None)
        # and the upgraded database takes edits with their editor
        ws.user = "Anna"
        ws.apply(Upsert("projects", {"project": "P1"}, {"year": 2022}, expected_version=3))
        with ws.engine.connect() as conn:
            row = conn.execute(text("SELECT row_version, changed_by, changed_fields FROM projects")).one()
        assert tuple(row) == (4, "Anna", "year")


def test_newer_workspace_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.rpw"
    Workspace.open(path).close()
    con = sqlite3.connect(path)
    con.execute("update alembic_version set version_num = '9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(NewerWorkspaceError, match="newer version"):
        Workspace.open(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [b"this is not a database at all" * 10, b"SQLite format 3\x00" + b"\xff" * 2000])
def test_damaged_file_is_reported(tmp_path, content):
    path = tmp_path / "broken.rpw"
    path.write_bytes(content)
    with pytest.raises(DamagedWorkspaceError):
        Workspace.open(path)


def test_missing_workspace_without_create(tmp_path):
    with pytest.raises(WorkspaceError, match="not found"):
        Workspace.open(tmp_path / "nope.rpw", create=False)


def test_backups_keep_the_last_n_and_restore(tmp_path):
    path = tmp_path / "ws.rpw"
    with Workspace.open(path) as ws:
        ws.replace_all(every_entity())
        for _ in range(4):
            ws.backup(reason="test", keep=3)
        backups = ws.backups()
        assert len(backups) == 3
        ws.apply(Delete("capacities", {"corporation": "Portaal", "year": 2024}))
        assert ws.load().capacities.empty
    Workspace.restore(backups[-1], path)
    with Workspace.open(path) as ws:
        assert len(ws.load().capacities) == 1


def test_newer_server_workspace_is_refused(workspace_url, backend):
    Workspace.open(workspace_url).close()
    engine = create_engine(engine_url(workspace_url) if backend != "sqlite" else f"sqlite:///{workspace_url}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(NewerWorkspaceError, match="newer version"):
        Workspace.open(workspace_url)
    engine = create_engine(engine_url(workspace_url) if backend != "sqlite" else f"sqlite:///{workspace_url}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
    engine.dispose()


def test_upsert_delete_and_their_inverses(workspace_url):
    with Workspace.open(workspace_url) as ws:
        ws.replace_all(every_entity())
        inverse = ws.apply(Upsert("projects", {"project": "P-24-003"}, {"year": 2025}))
        assert ws.load().projects.at[0, "year"] == 2025
        ws.apply(inverse)
        assert ws.load().projects.at[0, "year"] == 2024
        # a new record's inverse deletes it, and that delete's inverse brings it back whole
        add = Upsert("targets", {"corporation": "Portaal", "from_year": 2021, "to_year": 2021},
                     {"dwellings": 176})
        undo_add = ws.apply(add)
        assert len(ws.load().targets) == 2
        redo_add = ws.apply(undo_add)
        assert len(ws.load().targets) == 1
        ws.apply(redo_add)
        t = ws.load().targets
        assert t.loc[t["from_year"] == 2021, "dwellings"].tolist() == [176]


def test_batch_is_one_transaction(workspace_url):
    with Workspace.open(workspace_url) as ws:
        ws.replace_all(every_entity())
        before = ws.load()
        bad = Batch((Upsert("projects", {"project": "P-24-003"}, {"year": 2030}),
                     Upsert("projects", {"project": "P-X"}, {"complex": "missing", "year": 2030})))
        with pytest.raises(Exception):
            ws.apply(bad)
        assert_same(before, ws.load())


def test_concurrent_edit_is_detected_by_row_version(workspace_url):
    path = workspace_url
    with Workspace.open(path) as a, Workspace.open(path) as b:
        a.replace_all(every_entity())
        version = b.row_versions("projects")[("P-24-003",)]
        a.apply(Upsert("projects", {"project": "P-24-003"}, {"year": 2026}, expected_version=version))
        with pytest.raises(ConflictError, match="changed by someone else"):
            b.apply(Upsert("projects", {"project": "P-24-003"}, {"year": 2027}, expected_version=version))
        assert b.load().projects.at[0, "year"] == 2026


def test_conflict_names_what_changed_and_who_changed_it(workspace_url):
    with Workspace.open(workspace_url, user="Anna") as anna, \
            Workspace.open(workspace_url, user="Bert") as bert:
        anna.replace_all(every_entity())
        seen = bert.load().projects.iloc[0]
        version = bert.row_versions("projects")[("P-24-003",)]
        anna.apply(Upsert("projects", {"project": "P-24-003"}, {"year": 2026, "measures": "dakisolatie"},
                          expected_version=version))
        # Bert edits the investment; he read year 2024 and the old measures
        with pytest.raises(ConflictError) as refused:
            bert.apply(Upsert("projects", {"project": "P-24-003"}, {"investment_cents": 1},
                              expected_version=version,
                              expected={"year": int(seen["year"]), "measures": seen["measures"],
                                        "investment_cents": int(seen["investment_cents"])}))
        err = refused.value
        assert err.fields == ("year", "measures")
        assert err.changed_by == "Anna"
        assert "Project P-24-003 was changed by someone else since you opened it: " \
               "Anna changed year, measures at " in str(err)
        assert "Reload" in str(err)
        assert err.message_nl.startswith("Project P-24-003 is gewijzigd sinds u het opende: "
                                         "Anna wijzigde year, measures op ")
        # without the values read, the fields of the last edit are named
        with pytest.raises(ConflictError, match="Anna changed year, measures"):
            bert.apply(Upsert("projects", {"project": "P-24-003"}, {"investment_cents": 1},
                              expected_version=version))
        # after reloading, Bert's edit goes through and he is the last editor
        fresh = bert.row_versions("projects")[("P-24-003",)]
        assert fresh == version + 1
        bert.apply(Upsert("projects", {"project": "P-24-003"}, {"investment_cents": 1},
                          expected_version=fresh))
        assert bert.load().projects.at[0, "investment_cents"] == 1
        assert anna.load().projects.at[0, "year"] == 2026
        # a status change is an edit too: Anna's stale version is refused, naming Bert
        anna.apply(SetStatus("P-24-003", "in uitvoering"))
        with pytest.raises(ConflictError, match="someone else since you opened it: Anna changed status"):
            bert.apply(Upsert("projects", {"project": "P-24-003"}, {"year": 2030},
                              expected_version=fresh + 1))
        assert anna.status_history("P-24-003")["changed_by"].tolist() == ["Anna"]


def test_edit_of_a_record_deleted_meanwhile_is_refused(workspace_url):
    with Workspace.open(workspace_url, user="Anna") as anna, \
            Workspace.open(workspace_url, user="Bert") as bert:
        anna.replace_all(every_entity())
        version = bert.row_versions("capacities")[("Portaal", 2024)]
        anna.apply(Delete("capacities", {"corporation": "Portaal", "year": 2024}))
        with pytest.raises(ConflictError, match="Capacity Portaal, 2024 was deleted by someone else") as e:
            bert.apply(Upsert("capacities", {"corporation": "Portaal", "year": 2024},
                              {"max_dwellings": 1}, expected_version=version))
        assert "verwijderd" in e.value.message_nl
        assert bert.load().capacities.empty


def test_votes_are_appended_never_overwritten(workspace_url):
    with Workspace.open(workspace_url) as ws:
        ws.replace_all(every_entity())
        correction = pd.DataFrame([{"project": "P-24-003", "dwelling": "0042-1", "vote": "nee",
                                    "date": dt.date(2024, 2, 20), "recorded_by": "Bert"}])
        undo = ws.apply(RecordVotes(correction))
        assert ws.load().votes["vote"].tolist() == ["nee"]
        ws.apply(undo)
        history = ws.vote_history("P-24-003", "0042-1")
        assert history["vote"].tolist() == ["ja", "nee", "ja"]
        assert history["previous_vote"].fillna("-").tolist() == ["-", "ja", "nee"]
        assert history["recorded_by"].tolist()[:2] == ["Anna", "Bert"]


def test_project_with_votes_cannot_be_deleted(workspace_url):
    with Workspace.open(workspace_url) as ws:
        ws.replace_all(every_entity())
        with pytest.raises(WorkspaceError, match="recorded votes"):
            ws.apply(Delete("projects", {"project": "P-24-003"}))
        assert len(ws.load().projects) == 1


def test_status_change_is_kept_in_history(workspace_url):
    with Workspace.open(workspace_url) as ws:
        ws.replace_all(every_entity())
        undo = ws.apply(SetStatus("P-24-003", "in uitvoering", changed_by="Anna"))
        ws.apply(undo)
        h = ws.status_history("P-24-003")
        assert h["new_status"].tolist() == ["in uitvoering", "akkoord"]
        assert ws.load().projects.at[0, "status"] == "akkoord"


def test_server_location_never_keeps_the_password(pg_server):
    location = pg_server.create_database()
    if not engine_url(location).password:
        pytest.skip("the test server takes no password")
    with Workspace.open(location) as ws:
        assert ws.location == public_location(location)
        url = engine_url(location)
        assert ws.location == f"postgresql://{url.username}@{url.host}:{url.port}/{url.database}"
        assert ws.location.startswith("postgresql://") and ws.location.endswith(ws.display_name)
        assert ws.path is None and ws.backup() is None and ws.dialect == "postgresql"


def test_unreachable_server_is_reported_in_one_line():
    pytest.importorskip("psycopg")
    with pytest.raises(WorkspaceError, match=r"^Cannot connect to postgresql://nobody@127\.0\.0\.1:1/plan: "):
        Workspace.open("postgresql://nobody:secret@127.0.0.1:1/plan")


def test_rent_limits_and_measures_round_trip_with_editor_and_undo(workspace_url):
    """The workspace-only tables (schema 0004): empty in a new workspace (the built-in
    defaults are in force), rows kept exactly, a measure without a gas saving (saves all
    gas) stays missing, edits carry their editor and invert."""
    with Workspace.open(workspace_url, user="Anna") as ws:
        ds = ws.load()
        assert ds.rent_limits.empty and ds.measures.empty
        ws.apply(Upsert("rent_limits", {"year": 2021},
                        {"aftopping_small_cents": 63325, "aftopping_large_cents": 67866,
                         "liberalisation_cents": 75233}))
        ws.apply(Upsert("measures", {"measure": "warmtepomp"},
                        {"name_en": "Heat pump", "gas_saving_m3": None,
                         "electricity_saving_kwh": -2000.0, "cost_cents": 1_200_000,
                         "source": "own tender"}))
        inverse = ws.apply(Upsert("rent_limits", {"year": 2021}, {"liberalisation_cents": 64000}))
    with Workspace.open(workspace_url) as ws:            # survives reopening
        ds = ws.load()
        assert ds.rent_limits.drop(columns=list(fields.audit_fields("rent_limits"))) \
            .to_dict("records") == [
            {"year": 2021, "aftopping_small_cents": 63325, "aftopping_large_cents": 67866,
             "liberalisation_cents": 64000}]
        m = ds.measures.iloc[0]
        assert (m["measure"], m["electricity_saving_kwh"], m["cost_cents"]) == \
            ("warmtepomp", -2000.0, 1_200_000)
        assert pd.isna(m["gas_saving_m3"])
        assert ws.row_versions("rent_limits") == {(2021,): 2}
        with ws.engine.connect() as conn:
            editor = conn.execute(text("SELECT changed_by, changed_fields FROM rent_limits")).one()
        assert tuple(editor) == ("Anna", "liberalisation_cents")
        ws.apply(inverse)
        assert ws.load().rent_limits["liberalisation_cents"].tolist() == [75233]
        back = ws.apply(Delete("measures", {"measure": "warmtepomp"}))
        assert ws.load().measures.empty
        ws.apply(back)
        assert ws.load().measures["cost_cents"].tolist() == [1_200_000]


def test_an_upgraded_workspace_has_empty_rent_limits_and_measures(workspace_url):
    _version_1_with_data(workspace_url)
    with Workspace.open(workspace_url) as ws:
        ds = ws.load()
        assert ds.rent_limits.empty and ds.measures.empty
        ws.apply(Upsert("rent_limits", {"year": 2022},
                        {"aftopping_small_cents": 1, "aftopping_large_cents": 2,
                         "liberalisation_cents": 3}))
        assert ws.load().rent_limits["year"].tolist() == [2022]
