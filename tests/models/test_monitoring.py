"""The yearly monitoring report's figures: each the figure of the one model that computes
it, for the chosen year, on the Soest sample."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import affordability, co2, monitoring, programme, support, yardsticks
from desktop.sample import build_sample

TODAY = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def ds():
    return build_sample()[0]


@pytest.fixture(scope="module")
def m2024(ds):
    return monitoring.monitoring(ds, 2024, today=TODAY)


def test_targets_are_the_programme_model_s_with_done_up_to_the_year(ds, m2024):
    t = programme.target_table(ds)
    started = t[t["from_year"] <= 2024].reset_index(drop=True)
    got = m2024.targets
    assert got[["corporation", "from_year", "to_year", "target", "planned", "done"]].astype(object).values.tolist() \
        == started[["corporation", "from_year", "to_year", "target", "planned", "done"]].astype(object).values.tolist()
    # Portaal 2022–2024: 542 agreed and planned, 406 done (the sample's 3C figures)
    row = got[(got["corporation"] == "Portaal") & (got["period"] == "2022–2024")].iloc[0]
    assert (row["target"], row["planned"], row["done"], row["verdict"]) == (542, 542, 406, "met")
    # in a report of 2023 only the done homes of 2022 and 2023 count as done by then
    m2023 = monitoring.monitoring(ds, 2023, today=TODAY)
    done = programme.done_matrix(ds)
    expected = int(done.loc["Portaal", [2022, 2023]].to_numpy().sum())
    row = m2023.targets[(m2023.targets["corporation"] == "Portaal") & (m2023.targets["from_year"] == 2022)]
    assert int(row["done_by_year"].iloc[0]) == expected < 406


def test_neighbourhoods_are_the_year_s_column_of_the_matrices(ds, m2024):
    planned, done = programme.matrix(ds), programme.done_matrix(ds)
    for r in m2024.neighbourhoods.itertuples(index=False):
        key = (r.corporation, r.neighbourhood)
        assert r.planned == planned.loc[key, 2024]
        assert r.done == (done.loc[key, 2024] if key in done.index else 0)
        assert r.planned_to_date == planned.loc[key, [c for c in planned.columns if c <= 2024]].sum()
    assert m2024.neighbourhoods["planned"].sum() == planned[2024].sum() == 184


def test_campaigns_started_in_or_before_the_year(ds, m2024):
    assert m2024.campaigns.empty                       # the sample's campaigns start in 2026
    m = monitoring.monitoring(ds, 2026, today=TODAY)
    table = support.campaign_table(ds).set_index("project")
    assert sorted(m.campaigns["project"]) == sorted(table.index)
    for r in m.campaigns.itertuples(index=False):
        assert (r.yes, r.tenants, r.status) == (table.loc[r.project, "yes"], table.loc[r.project, "tenants"],
                                               table.loc[r.project, "status"])


def test_affordability_verdicts_are_the_corporation_year_table(ds, m2024):
    frame, _ = affordability.corporation_year_table(ds)
    last = 2025                                          # de Alliantie's agreement runs to 2025
    expected = frame[frame["year"] <= last].reset_index(drop=True)
    assert m2024.affordability[["corporation", "year", "avg_rent_increase_cents", "avg_energy_saving_cents", "ok"]] \
        .astype(object).values.tolist() == expected[["corporation", "year", "avg_rent_increase_cents",
                                                      "avg_energy_saving_cents", "ok"]].astype(object).values.tolist()


def test_labels_and_efg_from_the_co2_and_yardstick_models(ds, m2024):
    result, _ = co2.emissions(ds)
    lab = result.labels
    for column, year in (("now", 2026), ("end_of_year", 2024)):
        counts = lab[lab["year"] == year].groupby("label")["dwellings"].sum()
        shown = m2024.labels.set_index("label")[column]
        for label, n in counts.items():
            assert shown[label] == n
        assert shown.sum() == lab.loc[lab["year"] == year, "dwellings"].sum() == 4264
    totals = yardsticks.yardsticks(ds).totals().set_index("year")["efg"]
    assert m2024.efg["now"] == totals[2026]
    assert m2024.efg["end_of_year"] == totals[2024] == 997
    assert m2024.efg["deadline"] == totals[2028]
    # the two models give each home the same label: E+F+G of the distribution = the yardstick
    assert m2024.labels.set_index("label").loc[["E", "F", "G"], "end_of_year"].sum() == totals[2024]


def test_co2_gap_is_the_model_s(ds, m2024):
    result, _ = co2.emissions(ds)
    for year in (2024, 2030, 2050):
        assert m2024.gaps[year] == co2.gap(result, year)
    row = m2024.co2.set_index("year").loc[2030]
    assert row["tonnes"] == pytest.approx(co2.gap(result, 2030)["tonnes"])
    assert row["gap_tonnes"] == pytest.approx(co2.gap(result, 2030)["gap_tonnes"])


def test_summary_in_both_languages_says_the_figures(m2024):
    nl, en = m2024.summary["nl"], m2024.summary["en"]
    assert nl[0] == ("In 2024 rondde Portaal 48 woningen af; eind 2024 waren 406 van de 542 woningen gereed die "
                     "voor 2022–2024 zijn afgesproken, en zijn er 542 gepland (zoals afgesproken).")
    assert en[0] == ("In 2024 Portaal completed 48 homes; by the end of 2024 406 of the 542 homes agreed for "
                     "2022–2024 were done, and 542 are planned (as agreed).")
    assert any("11.430 ton" in line for line in nl) and any("11,430 tonnes" in line for line in en)
    assert len(nl) == len(en)


def test_a_year_outside_the_data_is_refused(ds):
    assert monitoring.year_range(ds) == (2020, 2028)
    with pytest.raises(monitoring.YearOutOfRange) as caught:
        monitoring.monitoring(ds, 2019)
    assert caught.value.message_in("nl") == "het jaar 2019 valt buiten de gegevens (2020–2028)"
    with pytest.raises(monitoring.YearOutOfRange):
        monitoring.monitoring(ds, 2029)
