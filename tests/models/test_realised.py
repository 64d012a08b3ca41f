"""Saving realised (issue 23): hand-computed examples an energy advisor would check."""
from __future__ import annotations

import pytest

from desktop.models import co2, realised
from desktop.models.dataset import Dataset
from desktop.models.measures import find_measure

TARIFFS = [{"year": 2023, "gas_eur_m3": 1.20, "electricity_eur_kwh": 0.40}]


def complex_(cid="C1", n=10, **kw):
    return {"complex": cid, "corporation": "Portaal", "neighbourhood": "Overhees", "dwellings": n,
            "gas_m3": 1000.0, "electricity_kwh": 2000.0, "rent_cents": 60000, **kw}


def project(pid="P1", cid="C1", gas=500.0, rent=4000, status="gereed", measures="dakisolatie"):
    return {"project": pid, "complex": cid, "year": 2022, "gas_saving_m3": gas,
            "electricity_saving_kwh": 0.0, "rent_increase_cents": rent, "status": status,
            "measures": measures}


def use(cid, year, gas, el, dwelling=None, source="jaarafrekening"):
    return {"complex": cid, "dwelling": dwelling, "year": year, "gas_m3": gas,
            "electricity_kwh": el, "source": source}


def one(ds, pid="P1") -> dict:
    frame = realised.realised(ds)
    return frame.set_index("project").loc[pid].to_dict()


def test_a_project_that_saved_less_than_promised_breaks_the_guarantee():
    # promised 500 m3, measured 1200 -> 900 m3: 300 m3.  At 2023's tariffs:
    # before (1200×1.20 + 2500×0.40)/12 = 203.333 -> 20333 ct; after (900×1.20 + 1000)/12
    # = 173.333 -> 17333 ct; realised 3000 ct/month against a rent increase of 4000 ct:
    # the tenants pay €10.00 a month more than before.
    ds = Dataset.from_records(complexes=[complex_()], projects=[project()], tariffs=TARIFFS,
                              usage=[use("C1", 2021, 1200.0, 2500.0), use("C1", 2023, 900.0, 2500.0)])
    r = one(ds)
    assert (r["before_year"], r["after_year"]) == (2021, 2023)
    assert r["realised_gas_saving_m3"] == pytest.approx(300.0)
    assert r["predicted_saving_cents"] == 5000            # 500 × 1.20 / 12
    assert r["realised_saving_cents"] == 3000
    assert r["housing_before_cents"] == 60000 + 20333
    assert r["housing_after_cents"] == 60000 + 4000 + 17333
    assert r["guarantee_broken"] is True
    assert r["extra_cents_per_month"] == 1000
    assert r["missing"] == [] and r["weather_corrected"] is False


def test_kept_guarantee_has_no_extra_amount():
    ds = Dataset.from_records(complexes=[complex_()], projects=[project(rent=2500)], tariffs=TARIFFS,
                              usage=[use("C1", 2021, 1200.0, 2500.0), use("C1", 2023, 900.0, 2500.0)])
    r = one(ds)
    assert r["guarantee_broken"] is False and r["extra_cents_per_month"] == 0


def test_weather_correction_scales_gas_by_reference_over_the_years_degree_days():
    # 2021 cold (2860), 2023 mild (2340): 1200 × 2600/2860 = 1090.909; 900 × 2600/2340 = 1000.
    # before (1090.909×1.20 + 1000)/12 = 192.424 -> 19242; after (1200 + 1000)/12 -> 18333.
    ds = Dataset.from_records(
        complexes=[complex_()], projects=[project()], tariffs=TARIFFS,
        usage=[use("C1", 2021, 1200.0, 2500.0), use("C1", 2023, 900.0, 2500.0)],
        degree_days=[{"year": 2021, "degree_days": 2860.0}, {"year": 2023, "degree_days": 2340.0}])
    r = one(ds)
    assert r["weather_corrected"] is True
    assert r["gas_before_m3"] == pytest.approx(1090.909, abs=1e-3)
    assert r["gas_after_m3"] == pytest.approx(1000.0)
    assert r["realised_gas_saving_m3"] == pytest.approx(90.909, abs=1e-3)
    assert r["realised_saving_cents"] == 19242 - 18333 == 909
    assert r["extra_cents_per_month"] == 4000 - 909
    # one year without degree days: no correction at all (never half of one)
    ds.degree_days = ds.degree_days.iloc[:1]
    assert one(ds)["weather_corrected"] is False


def test_a_dwelling_with_missing_readings_is_left_out_and_named():
    dwellings = [{"dwelling": d, "complex": "C2"} for d in ("D1", "D2", "D3")]
    usage = [use("C2", 2021, 1000.0, 2000.0, "D1"), use("C2", 2021, 1200.0, 2000.0, "D2"),
             use("C2", 2021, 1400.0, 2000.0, "D3"),
             use("C2", 2023, 800.0, 2000.0, "D1"), use("C2", 2023, 900.0, 2000.0, "D2")]
    ds = Dataset.from_records(complexes=[complex_("C2", n=None)], dwellings=dwellings,
                              projects=[project(cid="C2", gas=300.0)], tariffs=TARIFFS, usage=usage)
    r = one(ds)
    # only D1 and D2 have both years: (1000+1200)/2 = 1100 -> (800+900)/2 = 850
    assert r["gas_before_m3"] == pytest.approx(1100.0)
    assert r["gas_after_m3"] == pytest.approx(850.0)
    assert r["dwellings_compared"] == 2
    assert r["missing_dwellings"] == ["D3"]
    assert r["realised_saving_cents"] == 2500              # 250 × 1.20 / 12


def test_no_reading_after_completion_gives_no_figure_never_zero():
    ds = Dataset.from_records(complexes=[complex_()], projects=[project()], tariffs=TARIFFS,
                              usage=[use("C1", 2021, 1200.0, None)])
    r = one(ds)
    assert r["missing"] == ["gas 2023", "electricity 2021", "electricity 2023"]
    assert r["realised_gas_saving_m3"] is None
    assert r["realised_saving_cents"] is None and r["guarantee_broken"] is None
    assert r["extra_cents_per_month"] is None
    # a project not yet done is not listed
    ds.projects = ds.projects.assign(status="in uitvoering")
    assert realised.realised(ds).empty


def test_co2_path_takes_measured_use_for_the_years_it_exists():
    # 10 dwellings × (1000 m3 × 1.8 + 2000 kWh × 0.4) = 26.0 t a year; measured in 2022:
    # 10 × (800 × 1.8 + 1500 × 0.4) = 20.4 t, the other years unchanged.
    factors = [{"year": 2021, "gas_kg_m3": 1.8, "electricity_kg_kwh": 0.4}]
    ds = Dataset.from_records(complexes=[complex_()], emission_factors=factors)
    before, _ = co2.emissions(ds, base_year=2021, end_year=2023)
    assert before.totals()["tonnes"].tolist() == pytest.approx([26.0, 26.0, 26.0])
    ds.usage = Dataset.from_records(usage=[use("C1", 2022, 800.0, 1500.0)]).usage
    after, _ = co2.emissions(ds, base_year=2021, end_year=2023)
    assert after.totals()["tonnes"].tolist() == pytest.approx([26.0, 20.4, 26.0])
    # gas only measured: electricity stays modelled
    ds.usage = Dataset.from_records(usage=[use("C1", 2022, 800.0, None)]).usage
    part, _ = co2.emissions(ds, base_year=2021, end_year=2023)
    assert part.totals()["tonnes"].tolist()[1] == pytest.approx(10 * (800 * 1.8 + 2000 * 0.4) / 1000)


def test_catalogue_feedback_averages_the_realisation_of_the_projects_using_a_measure():
    # P1 realised 300 of 500 m3 (0.6), P2 400 of 500 (0.8): dakisolatie at 0.7 × assumed
    ds = Dataset.from_records(
        complexes=[complex_("C1"), complex_("C3")], tariffs=TARIFFS,
        projects=[project("P1", "C1"), project("P2", "C3", measures="dakisolatie; hr++ glas")],
        usage=[use("C1", 2021, 1200.0, 2500.0), use("C1", 2023, 900.0, 2500.0),
               use("C3", 2021, 1200.0, 2500.0), use("C3", 2023, 800.0, 2500.0)])
    fb = realised.measure_feedback(ds).set_index("measure")
    roof = find_measure("dakisolatie").gas_saving_m3
    assert fb.loc["dakisolatie", "projects"] == 2
    assert fb.loc["dakisolatie", "average_ratio"] == pytest.approx(0.7)
    assert fb.loc["dakisolatie", "realised_gas_m3"] == pytest.approx(roof * 0.7)
    glass = find_measure("hr++ glas")
    assert fb.loc[glass.key, "projects"] == 1
    assert fb.loc[glass.key, "average_ratio"] == pytest.approx(0.8)


def test_privacy_export_rows_average_dwellings_per_complex_and_year():
    usage = Dataset.from_records(usage=[
        use("C2", 2021, 1000.0, 2000.0, "D1"), use("C2", 2021, 1200.0, 3000.0, "D2"),
        use("C1", 2021, 900.0, 1800.0)]).usage
    out = realised.private_usage(usage)
    assert out["dwelling"].isna().all()
    row = out.set_index("complex").loc["C2"]
    assert (row["gas_m3"], row["electricity_kwh"]) == (1100.0, 2500.0)
    assert row["source"] == "gemiddelde van 2 woningen"
