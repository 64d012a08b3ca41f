"""The sample Soest workspace is consistent with the agreements it illustrates."""
from __future__ import annotations

from desktop.models import programme
from desktop.sample import build_sample, create_sample_workspace


def test_stock_matches_table_2():
    ds, meta = build_sample()
    homes = ds.dwelling_counts()
    per_corp = ds.complexes.assign(h=ds.complexes["complex"].map(homes)).groupby("corporation")["h"].sum()
    assert per_corp["Portaal"] == 3689
    assert per_corp["de Alliantie"] == 575
    assert meta["sample"] == "soest"


def test_targets_and_plan_follow_3b_to_3d():
    ds, _ = build_sample()
    table, warnings = programme.programme_table(ds)
    got = {(r.corporation, r.from_year, r.to_year): (r.target, r.planned) for r in table.itertuples()}
    assert got[("Portaal", 2021, 2021)] == (176, 176)
    assert got[("Portaal", 2022, 2024)] == (542, 542)
    assert got[("de Alliantie", 2021, 2021)] == (26, 26)
    assert got[("de Alliantie", 2022, 2025)] == (55, 55)
    # 3B: of Portaal's 2021 homes, 29 in 't Hart and 72 in Overhees
    p = ds.projects_with_owner()
    p21 = p[(p["corporation"] == "Portaal") & (p["year"] == 2021)]
    by_hood = p21.groupby("neighbourhood")["dwellings"].sum()
    assert by_hood["'t Hart"] == 29 and by_hood["Overhees"] == 72


def test_sample_is_valid_and_deterministic():
    ds1, _ = build_sample()
    ds2, _ = build_sample()
    assert [p for p in ds1.validate() if p.severity == "error"] == []
    assert ds1.dwellings.equals(ds2.dwellings)
    assert ds1.votes.equals(ds2.votes)


def test_first_start_creates_sample_workspace_once(tmp_path):
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    n = len(ws.load().dwellings)
    ws.close()
    ws = create_sample_workspace(tmp_path / "soest.rpw")   # reopening adds nothing
    assert len(ws.load().dwellings) == n == 3689 + 575
    assert ws.is_sample
    ws.close()


def test_sample_has_an_illustrative_heat_plan_with_one_conflict():
    from desktop.models.heatplan import conflicts, plan_by_neighbourhood

    ds, _ = build_sample()
    plan = plan_by_neighbourhood(ds)
    assert plan.loc["Overhees", "heat_solution"] == "warmtenet"
    assert int(plan.loc["Overhees", "available_year"]) == 2032
    assert plan.loc["Soest-Zuid", "heat_solution"] == "nog onbekend"   # no row
    assert set(plan["heat_solution"]) == {"warmtenet", "all-electric", "hybride", "nog onbekend"}
    # P-27-001 connects Van Weedestraat to the network in 2027, five years before it is there
    c = conflicts(ds)
    assert list(zip(c["project"], c["rule"])) == [("P-27-001", "network_before_available")]
