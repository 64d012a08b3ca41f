"""Build the sample Soest workspace from its readable description (``resources/sample``).

Deterministic: the same description gives the same data on every machine.
"""
from __future__ import annotations

import datetime as dt
import random
import tomllib
from pathlib import Path

from .models.dataset import Dataset
from .models.defaults import TYPICAL_ELECTRICITY_KWH, TYPICAL_GAS_M3_BY_LABEL
from .paths import RESOURCES

SAMPLE_FILE = RESOURCES / "sample" / "soest.toml"


def _cents(euros: float) -> int:
    return int(round(euros * 100))


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def load_description(path: Path = SAMPLE_FILE) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def build_sample(path: Path = SAMPLE_FILE) -> tuple[Dataset, dict[str, str]]:
    """The sample as a Dataset, and the workspace meta (name, sample marker)."""
    desc = load_description(path)
    ws = desc["workspace"]
    rng = random.Random(ws["seed"])
    vacancy = float(ws["vacancy_rate"])
    streets: dict[str, list[str]] = desc["streets"]
    gen = desc["generated"]

    complexes, dwellings, projects, votes = [], [], [], []
    house_numbers: dict[str, int] = {}

    def add_dwellings(cid: str, hood: str, n: int, label: str, rent: float, vacant: int) -> list[str]:
        street = streets[hood][len(complexes) % len(streets[hood])]
        ids = []
        vacant_at = set(rng.sample(range(n), vacant)) if vacant else set()
        for i in range(n):
            number = house_numbers.get(street, 0) + 1
            house_numbers[street] = number
            did = f"{cid}-{i + 1:03d}"
            ids.append(did)
            dwellings.append({
                "dwelling": did, "complex": cid, "address": f"{street} {number}, Soest",
                "let": i not in vacant_at, "label": label,
                "rent_cents": _cents(rent + rng.uniform(-25, 25)),
            })
        return ids

    def complex_use(label: str) -> tuple[float, float]:
        gas = TYPICAL_GAS_M3_BY_LABEL[label] * rng.uniform(0.92, 1.08)
        return round(gas), round(TYPICAL_ELECTRICITY_KWH * rng.uniform(0.9, 1.1))

    used: dict[tuple[str, str], int] = {}
    vote_date = ws["vote_date"]
    for c in desc["complex"]:
        gas, el = complex_use(c["label"])
        complexes.append({
            "complex": c["id"], "corporation": c["corporation"], "neighbourhood": c["neighbourhood"],
            "name": c["name"], "build_year": c["build_year"], "dwellings": c["dwellings"],
            "heating": c.get("heating", "gasketel"), "label": c["label"], "gas_m3": gas,
            "electricity_kwh": el, "rent_cents": _cents(c["rent"]),
        })
        key = (c["corporation"], c["neighbourhood"])
        used[key] = used.get(key, 0) + c["dwellings"]
        vacant = c.get("vacant", round(c["dwellings"] * vacancy))
        ids = add_dwellings(c["id"], c["neighbourhood"], c["dwellings"], c["label"], c["rent"], vacant)
        p = c.get("project")
        if p:
            projects.append({
                "project": p["id"], "complex": c["id"], "year": p["year"], "measures": p["measures"],
                "label_after": p.get("label_after"), "gas_saving_m3": p["gas_saving"],
                "electricity_saving_kwh": p.get("electricity_saving", 0),
                "rent_increase_cents": _cents(p.get("rent_increase", 0)),
                "investment_cents": _cents(p["investment"]) if "investment" in p else None,
                "status": p.get("status", "gepland"),
                "campaign_start": (vote_date - dt.timedelta(days=28)) if "votes" in p else None,
            })
            if "votes" in p:
                let_ids = [d["dwelling"] for d in dwellings if d["complex"] == c["id"] and d["let"]]
                rng.shuffle(let_ids)
                yes, no = p["votes"]["yes"], p["votes"]["no"]
                for i, did in enumerate(let_ids[: yes + no]):
                    votes.append({"project": p["id"], "dwelling": did,
                                  "vote": "ja" if i < yes else "nee",
                                  "date": vote_date, "recorded_by": ws["recorded_by"]})

    # the rest of each corporation's stock per neighbourhood
    lo, hi = gen["complex_size"]
    serial: dict[str, int] = {}
    for corp in desc["corporation"]:
        prefix = "P" if corp["name"] == "Portaal" else "A"
        for hood, total in corp["stock"].items():
            left = total - used.get((corp["name"], hood), 0)
            if left < 0:
                raise ValueError(f"{corp['name']} {hood}: projects exceed the stock")
            while left > 0:
                n = min(left, rng.randint(lo, hi))
                if 0 < left - n < lo:          # never leave a remainder smaller than a complex
                    n = left
                left -= n
                serial[prefix] = serial.get(prefix, 0) + 1
                cid = f"{prefix}-{5000 + serial[prefix]}"
                label = _weighted(rng, gen["labels"])
                gas, el = complex_use(label)
                rent = rng.uniform(*gen["rent"])
                complexes.append({
                    "complex": cid, "corporation": corp["name"], "neighbourhood": hood,
                    "name": None, "build_year": rng.randint(*gen["build_year"]), "dwellings": n,
                    "heating": _weighted(rng, gen["heating"]), "label": label, "gas_m3": gas,
                    "electricity_kwh": el, "rent_cents": _cents(rent),
                })
                add_dwellings(cid, hood, n, label, rent, round(n * vacancy))

    _add_performance(complexes, projects, random.Random(ws["seed"] + 24))
    targets = [{"corporation": t["corporation"], "from_year": t["from"], "to_year": t["to"],
                "dwellings": t["dwellings"]} for t in desc["target"]]
    # illustrative, not the municipality's real plan (see the description)
    heat_plan = [{"neighbourhood": h["neighbourhood"], "heat_solution": h["heat_solution"],
                  "available_year": h.get("available_year"), "heat_kg_gj": h.get("heat_kg_gj"),
                  "note": h.get("note")} for h in desc.get("heat_plan", [])]
    capacities = [{"corporation": c["corporation"], "year": y, "max_dwellings": c["max_dwellings"],
                   "budget_cents": c["budget_eur"] * 100}
                  for c in desc.get("capacity", []) for y in range(c["from"], c["to"] + 1)]
    ds = Dataset.from_records(complexes=complexes, dwellings=dwellings, projects=projects,
                              votes=votes, targets=targets, heat_plan=heat_plan,
                              capacities=capacities)
    return ds, {"sample": "soest", "name": ws["name"]}


# Typical net heat demand (kWh/m²·yr) per label, for the sample's invented stock only.
_SAMPLE_HEAT_DEMAND = {"A++++": 25, "A+++": 30, "A++": 35, "A+": 42, "A": 55, "B": 75, "C": 95,
                       "D": 120, "E": 150, "F": 180, "G": 215}


def _ep2_in_band(label: str, rng: random.Random) -> float:
    """An EP2 inside the NTA 8800 band of ``label`` (so the label from EP2 is that label)."""
    from .models.enums import LABELS
    from .models.yardsticks import EP2_LIMITS

    i = LABELS.index(label)
    low = EP2_LIMITS[i - 1] if i > 0 else -20.0
    high = EP2_LIMITS[i] if i < len(EP2_LIMITS) else 450.0
    return round(rng.uniform(low + 1, high - 1), 1)


def _add_performance(complexes: list[dict], projects: list[dict], rng: random.Random) -> None:
    """Invented energy performance per complex (type, EP2 inside its label's band, Ag,
    Als, heat demand) and after each project with a label after; its own random stream,
    so the rest of the sample stays as it was."""
    for c in complexes:
        single = rng.random() < 0.55
        area = rng.uniform(85, 115) if single else rng.uniform(55, 80)
        shape = rng.uniform(1.3, 2.1) if single else rng.uniform(0.7, 1.3)
        c.update(dwelling_type="eengezins" if single else "meergezins",
                 ep2_kwh_m2=_ep2_in_band(c["label"], rng), floor_area_m2=round(area, 1),
                 loss_area_m2=round(area * shape, 1),
                 heat_demand_kwh_m2=round(_SAMPLE_HEAT_DEMAND[c["label"]] * rng.uniform(0.9, 1.1), 1))
    for p in projects:
        if p.get("label_after"):
            p.update(ep2_after_kwh_m2=_ep2_in_band(p["label_after"], rng),
                     heat_demand_after_kwh_m2=round(_SAMPLE_HEAT_DEMAND[p["label_after"]]
                                                    * rng.uniform(0.85, 1.0), 1))


def create_sample_workspace(location) -> "object":
    """Create (or open) ``location`` and fill it with the sample when it is empty."""
    from .store.workspace import Workspace

    ws = Workspace.open(location)
    if ws.get_meta("sample") is None and ws.load().complexes.empty:
        ds, meta = build_sample()
        ws.replace_all(ds, meta=meta)
    return ws
