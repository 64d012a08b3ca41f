"""A synthetic corporation-scale programme for benchmarks (and large tests).

``synthetic_dataset(n_dwellings=100_000, seed=1)`` builds a consistent :class:`Dataset`
with vectorised numpy: ~4,000 complexes in ~20 neighbourhoods owned by 4 corporations,
one Woningen row per dwelling, retrofit projects 2021–2035, tenant votes for a tenth of
the projects, targets, tariffs and emission factors.  The same seed gives the same data.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from desktop.models.dataset import Dataset, conform
from desktop.models.enums import LABELS, STATUSES_NEEDING_SUPPORT, Heating, Status, Vote

CORPORATIONS = np.array(["Portaal", "de Alliantie", "Vidomes", "Ymere"])
NEIGHBOURHOODS = np.array([
    "'t Hart", "Overhees", "Smitsveen", "Soest-Zuid", "Soesterberg", "Klaarwater",
    "Hees", "De Eng", "Soestdijk", "Centrum", "Boerenstreek", "Birkhoven", "Isselt",
    "Bergkwartier", "Kruiskamp", "Schothorst", "Liendert", "Vathorst", "Nieuwland",
    "Kattenbroek", "Hoogland",
])
STREETS = np.array([
    "Kerkebuurt", "Steenhoffstraat", "Van Weedestraat", "Talmalaan", "Dalweg",
    "Beukenlaan", "Eikenlaan", "Insingerstraat", "Burgemeester Grothestraat",
    "Lange Brinkweg", "Koningsweg", "Molenstraat", "Ferdinand Huycklaan", "Vredehofstraat",
    "Prins Hendriklaan", "Julianalaan", "Wilhelminalaan", "Emmaweg", "Oranjestraat",
    "Rembrandtlaan", "Vermeerlaan", "Frans Halslaan", "Jan Steenlaan", "Ruysdaellaan",
    "Middelwijkstraat", "Verlengde Talmalaan", "Zuidergracht", "Noorderweg", "Schoolstraat",
    "Stationsweg", "Parklaan", "Hartweg", "Smitsweg", "Overheesplein", "Klaarwaterweg",
])
MEASURES = np.array([
    "dakisolatie", "spouwmuurisolatie", "vloerisolatie", "hr++ glas", "triple glas",
    "zonnepanelen", "ventilatie wtw", "warmtepomp", "hybride warmtepomp",
])
RECORDERS = np.array(["J. de Vries", "A. Jansen", "M. Bakker", "S. van Dijk", "R. Visser"])

# label distribution of the stock, A++++ … G (social rent is mostly B–D)
_LABEL_P = np.array([0.0, 0.005, 0.01, 0.02, 0.12, 0.22, 0.25, 0.17, 0.10, 0.065, 0.04])
_TYPICAL_GAS = np.array([630, 630, 630, 630, 700, 760, 840, 920, 970, 1050, 1130], float)


def _masked(values: np.ndarray, present: np.ndarray, dtype: str) -> pd.Series:
    s = pd.Series(values).astype(dtype)
    return s.mask(~present)


def _ids(prefix: str, numbers: np.ndarray, width: int) -> np.ndarray:
    return np.char.add(prefix, np.char.zfill(numbers.astype(str), width))


def synthetic_dataset(n_dwellings: int = 100_000, seed: int = 1) -> Dataset:
    rng = np.random.default_rng(seed)

    # ---- complexes: sizes from a lognormal (median ~20, a few big flats) summing to n
    n_complexes = max(1, round(n_dwellings / 25))
    raw = rng.lognormal(mean=3.0, sigma=0.6, size=n_complexes)
    sizes = np.maximum(1, np.floor(raw / raw.sum() * n_dwellings)).astype(np.int64)
    diff = n_dwellings - int(sizes.sum())
    while diff != 0:                       # spread the rounding rest over random complexes
        idx = rng.choice(n_complexes, size=abs(diff), replace=True)
        np.add.at(sizes, idx, 1 if diff > 0 else -1)
        sizes = np.maximum(sizes, 1)
        diff = n_dwellings - int(sizes.sum())

    complex_ids = _ids("P-", np.arange(1001, 1001 + n_complexes), 4)
    corp_idx = rng.choice(len(CORPORATIONS), size=n_complexes, p=[0.4, 0.3, 0.2, 0.1])
    hood_idx = rng.integers(0, len(NEIGHBOURHOODS), size=n_complexes)
    build_year = rng.integers(1920, 2020, size=n_complexes)
    heating_values = np.array(Heating.values())
    heating = heating_values[rng.choice(len(heating_values), size=n_complexes,
                                        p=[0.70, 0.12, 0.06, 0.05, 0.04, 0.03])]
    c_label_idx = rng.choice(len(LABELS), size=n_complexes, p=_LABEL_P)
    c_labels = np.array(LABELS)[c_label_idx]
    c_gas = np.round(_TYPICAL_GAS[c_label_idx] * rng.normal(1.0, 0.08, n_complexes))
    c_el = np.round(rng.normal(2450, 250, n_complexes))
    c_rent = (rng.integers(55_000, 85_000, n_complexes) // 5 * 5).astype(np.int64)
    street_idx = rng.integers(0, len(STREETS), size=n_complexes)
    complexes = pd.DataFrame({
        "complex": complex_ids,
        "corporation": CORPORATIONS[corp_idx],
        "neighbourhood": NEIGHBOURHOODS[hood_idx],
        "name": np.char.add(STREETS[street_idx], " e.o."),
        "build_year": _masked(build_year, rng.random(n_complexes) < 0.95, "Int64"),
        "dwellings": _masked(sizes, rng.random(n_complexes) < 0.5, "Int64"),
        "heating": heating,
        "label": _masked(c_labels, rng.random(n_complexes) < 0.9, "string"),
        "gas_m3": _masked(c_gas, rng.random(n_complexes) < 0.8, "Float64"),
        "electricity_kwh": _masked(c_el, rng.random(n_complexes) < 0.8, "Float64"),
        "rent_cents": _masked(c_rent, rng.random(n_complexes) < 0.8, "Int64"),
    })

    # ---- dwellings: one row each, numbered within their complex
    owner = np.repeat(np.arange(n_complexes), sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    house_no = np.arange(n_dwellings) - np.repeat(starts, sizes) + 1
    d_ids = _ids("", rng.permutation(n_dwellings) + 1, 7)   # VHE numbers like "0004217"
    addresses = (pd.Series(STREETS[street_idx[owner]]) + " " + pd.Series(house_no).astype(str)
                 + ", Soest")
    shift = rng.choice([-1, 0, 0, 0, 1], size=n_dwellings)
    d_label_idx = np.clip(c_label_idx[owner] + shift, 0, len(LABELS) - 1)
    d_gas = np.round(_TYPICAL_GAS[d_label_idx] * rng.normal(1.0, 0.15, n_dwellings))
    d_el = np.round(rng.normal(2450, 600, n_dwellings).clip(600))
    d_rent = (c_rent[owner] + rng.integers(-3_000, 3_000, n_dwellings)) // 5 * 5
    dwellings = pd.DataFrame({
        "dwelling": d_ids,
        "complex": complex_ids[owner],
        "address": addresses.to_numpy(),
        "let": rng.random(n_dwellings) < 0.97,
        "label": _masked(np.array(LABELS)[d_label_idx], rng.random(n_dwellings) < 0.6, "string"),
        "gas_m3": _masked(d_gas, rng.random(n_dwellings) < 0.5, "Float64"),
        "electricity_kwh": _masked(d_el, rng.random(n_dwellings) < 0.5, "Float64"),
        "rent_cents": _masked(d_rent, rng.random(n_dwellings) < 0.7, "Int64"),
    })

    # ---- projects: ~40 % of complexes get one, 2021–2035; a few get a second
    has_project = rng.random(n_complexes) < 0.4
    p_complex = np.flatnonzero(has_project)
    second = p_complex[rng.random(len(p_complex)) < 0.1]
    p_complex = np.concatenate([p_complex, second])
    n_projects = len(p_complex)
    year = rng.integers(2021, 2036, size=n_projects)
    n_measures = rng.integers(1, 5, size=n_projects)
    order = np.argsort(rng.random((n_projects, len(MEASURES))), axis=1)
    measures = pd.Series(["; ".join(MEASURES[order[i, :n_measures[i]]]) for i in range(n_projects)])
    heat_pump = measures.str.contains("warmtepomp").to_numpy()
    gas_saving = np.round(_TYPICAL_GAS[c_label_idx[p_complex]] * rng.uniform(0.15, 0.6, n_projects))
    gas_saving[heat_pump] = np.round(_TYPICAL_GAS[c_label_idx[p_complex[heat_pump]]] * 0.8)
    el_saving = np.round(rng.normal(300, 150, n_projects))
    el_saving[heat_pump] = -np.round(rng.uniform(1500, 3000, heat_pump.sum()))
    label_after_idx = np.clip(c_label_idx[p_complex] - rng.integers(1, 4, n_projects), 0, None)
    status_values = np.array(Status.values())
    status = np.where(year <= 2023, "gereed",
                      np.where(year <= 2025, "in uitvoering",
                               np.where(year <= 2027, "draagvlakmeting", "gepland")))
    cancel = rng.random(n_projects) < 0.03
    status[cancel] = "vervallen"
    akkoord = (status == "draagvlakmeting") & (rng.random(n_projects) < 0.4)
    status[akkoord] = "akkoord"
    assert set(status) <= set(status_values)
    projects = pd.DataFrame({
        "project": _ids("PR-", np.arange(1, n_projects + 1), 5),
        "complex": complex_ids[p_complex],
        "year": year,
        "measures": measures.to_numpy(),
        "label_after": np.array(LABELS)[label_after_idx],
        "gas_saving_m3": gas_saving,
        "electricity_saving_kwh": el_saving,
        "rent_increase_cents": (rng.integers(0, 60, n_projects) * 100).astype(np.int64),
        "investment_cents": (rng.integers(150, 900, n_projects) * 10_000).astype(np.int64),
        "status": status,
    })

    # ---- votes: a tenth of the projects, each let dwelling votes with probability 0.85
    voting = np.flatnonzero(rng.random(n_projects) < 0.1)
    v_proj = np.repeat(voting, sizes[p_complex[voting]])
    v_dw = np.concatenate([np.arange(starts[c], starts[c] + sizes[c]) for c in p_complex[voting]]) \
        if len(voting) else np.array([], dtype=np.int64)
    # a project past the support stage got there lawfully (the support gate, also on
    # import): every tenant of its complex voted ja
    past = np.isin(status[v_proj], [s.value for s in STATUSES_NEEDING_SUPPORT])
    keep = dwellings["let"].to_numpy()[v_dw] & ((rng.random(len(v_dw)) < 0.85) | past)
    v_proj, v_dw, past = v_proj[keep], v_dw[keep], past[keep]
    n_votes = len(v_dw)
    vote_values = np.array(Vote.values())
    base = (pd.to_datetime(pd.Series(np.minimum(year[v_proj] - 2, 2025)).astype(str) + "-03-01")
            .to_numpy().astype("datetime64[s]"))
    votes = pd.DataFrame({
        "project": projects["project"].to_numpy()[v_proj],
        "dwelling": d_ids[v_dw],
        "vote": np.where(past, Vote.YES.value,
                         vote_values[rng.choice(3, size=n_votes, p=[0.72, 0.13, 0.15])]),
        "date": base + (rng.integers(0, 60, n_votes) * 86_400).astype("timedelta64[s]"),
        "recorded_by": RECORDERS[rng.integers(0, len(RECORDERS), n_votes)],
    })

    # ---- targets, tariffs, emission factors
    targets = pd.DataFrame({
        "corporation": np.repeat(CORPORATIONS, 3),
        "from_year": np.tile([2021, 2022, 2026], 4),
        "to_year": np.tile([2021, 2025, 2030], 4),
        "dwellings": rng.integers(20, 2_000, size=12),
    })
    t_years = np.arange(2020, 2036)
    tariffs = pd.DataFrame({
        "year": t_years,
        "gas_eur_m3": np.round(np.interp(t_years, [2020, 2022, 2023, 2035], [0.76, 2.30, 1.45, 1.60]), 3),
        "electricity_eur_kwh": np.round(
            np.interp(t_years, [2020, 2022, 2023, 2035], [0.22, 0.535, 0.40, 0.35]), 3),
    })
    e_years = np.arange(2020, 2051)
    emission_factors = pd.DataFrame({
        "year": e_years,
        "gas_kg_m3": np.full(len(e_years), 1.779),
        "electricity_kg_kwh": np.round(np.where(e_years <= 2025, 0.497,
                                                0.497 * (2050 - e_years) / 25), 6),
    })
    return Dataset(
        complexes=conform("complexes", complexes),
        dwellings=conform("dwellings", dwellings),
        projects=conform("projects", projects),
        votes=conform("votes", votes),
        targets=conform("targets", targets),
        tariffs=conform("tariffs", tariffs),
        emission_factors=conform("emission_factors", emission_factors),
    )
