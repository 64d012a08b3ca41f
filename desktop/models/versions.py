"""Plan versions compared (issue 21.3): two plans side by side — the active plan
(the projects table) or a saved version — with the same rules the pages use, on the
version's projects substituted into the Dataset.

A plan is named by its version name, or ``None`` for the active plan.  Compared per plan:
homes per year per corporation and neighbourhood (:func:`programme.matrix`), investment per
year (investment per dwelling × dwellings, in cents), the CO2 path (:func:`co2.emissions`,
tonnes per year, with the municipal path of the first plan's base year), the agreed
targets met (:func:`programme.target_table`), and the complexes whose project differs in
year or package.

Qt-free; money in whole cents.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import co2, programme
from . import fields as registry
from .dataset import Dataset, conform
from .defaults import BASE_YEAR, HORIZON_YEAR
from .enums import Status

# a project past these is agreed, being built or built: a version never changes it
FIXED_STATUSES = (Status.AGREED.value, Status.IN_PROGRESS.value, Status.DONE.value)
KINDS = ("plan", "bid", "proposal")
KIND_NL = {"plan": "plan", "bid": "bod", "proposal": "voorstel"}
_EDITOR = ("row_version", "changed_by", "changed_at", "changed_fields")
# the projects' columns a version holds (its planning columns)
PLANNING_FIELDS: tuple[str, ...] = tuple(
    f.name for f in registry.table("plan_version_projects").fields
    if f.name not in ("version", *_EDITOR))
# the fields that make a project "differ" between two plans
COMPARED_FIELDS = ("year", "measures", "status")


def fixed(status: pd.Series) -> np.ndarray:
    """Which statuses are fixed (agreed, in progress, done), by their Dutch names or
    English aliases; the plan versions and the route proposal keep these projects."""
    aliases = Status.aliases()
    s = status.astype("string").str.strip().str.casefold().map(aliases).astype("string")
    return s.isin(FIXED_STATUSES).fillna(False).to_numpy(dtype=bool)


def version_names(ds: Dataset) -> list[str]:
    """The saved versions, oldest first."""
    v = ds.plan_versions
    if not len(v):
        return []
    order = v.assign(_created=v["created"]).sort_values(["_created", "version"], kind="stable",
                                                          na_position="first")
    return [str(n) for n in order["version"]]


def newest(ds: Dataset, kind: str | None = "proposal") -> str | None:
    """The newest version of ``kind`` (None: of any kind); None when there is none."""
    v = ds.plan_versions
    if kind is not None:
        v = v[v["kind"].astype("string") == kind]
    if not len(v):
        return None
    v = v.sort_values(["created", "version"], kind="stable", na_position="first")
    return str(v["version"].iloc[-1])


def version_header(ds: Dataset, version: str) -> dict | None:
    v = ds.plan_versions
    hit = v[v["version"].astype("string") == version]
    if not len(hit):
        return None
    return {k: (None if pd.isna(x) else x) for k, x in hit.iloc[0].to_dict().items()}


def version_projects(ds: Dataset, version: str | None) -> pd.DataFrame:
    """The plan's projects as a ``projects`` frame: the active plan's own, or a saved
    version's (its planning columns; the rest empty).  KeyError for an unknown version."""
    if version is None:
        return ds.projects
    if version_header(ds, version) is None:
        raise KeyError(version)
    rows = ds.plan_version_projects
    rows = rows[(rows["version"].astype("string") == version).fillna(False).to_numpy(dtype=bool)]
    return conform("projects", rows[list(PLANNING_FIELDS)].reset_index(drop=True))


def plan_dataset(ds: Dataset, version: str | None) -> Dataset:
    """``ds`` with the plan's projects in place of the active plan's (votes and the
    stock as they are)."""
    if version is None:
        return ds
    return ds.with_tables(projects=version_projects(ds, version))


def snapshot(projects: pd.DataFrame) -> pd.DataFrame:
    """A projects-like frame as a version's projects (``plan_version_projects`` without
    the version name and the last editor): what :func:`desktop.edits.save_version` stores."""
    frame = conform("plan_version_projects", projects.assign(version=""))
    return frame[list(PLANNING_FIELDS)]


# ----- comparing ------------------------------------------------------------------------
def _live(ds: Dataset) -> pd.DataFrame:
    p = ds.projects_with_owner()
    keep = co2.not_cancelled(p["status"]) & p["year"].notna().to_numpy(dtype=bool)
    return p[keep]


def cost_per_year(ds: Dataset) -> pd.Series:
    """Investment per year in cents (investment per dwelling × dwellings of the
    non-cancelled projects completing that year; a project without an investment
    counts 0), indexed by year."""
    p = _live(ds)
    cents = p["investment_cents"].astype("Int64").fillna(0).astype("int64") * p["dwellings"].astype("int64")
    out = cents.groupby(p["year"].astype("int64")).sum()
    out.index.name = "year"
    return out.astype("int64")


@dataclass
class Comparison:
    """Two plans side by side (``a`` and ``b``: version names, None = the active plan).

    * ``homes``: rows (corporation, neighbourhood), columns (plan "a"/"b", year): homes.
    * ``cost``: per year, cost_a, cost_b (cents) and difference (b − a).
    * ``co2``: per year, tonnes_a, tonnes_b, path (the municipal path from the base year
      of plan a) and difference.
    * ``targets``: per target row, corporation, period, target, planned_a, planned_b,
      verdict_a, verdict_b (short/met/over).
    * ``differences``: per complex whose project differs, project(s), year_a, year_b,
      measures_a, measures_b, status_a, status_b, change (moved, package, added, removed,
      status).
    """

    a: str | None
    b: str | None
    homes: pd.DataFrame
    cost: pd.DataFrame
    co2: pd.DataFrame
    targets: pd.DataFrame
    differences: pd.DataFrame

    def gap(self, year: int, plan: str = "a") -> float:
        """Tonnes above the municipal path in ``year`` (negative: below it)."""
        row = self.co2[self.co2["year"] == year]
        return float(row[f"tonnes_{plan}"].iloc[0] - row["path"].iloc[0])


def homes_side_by_side(ds: Dataset, a: str | None, b: str | None,
                       years: range | None = None) -> pd.DataFrame:
    ma = programme.matrix(plan_dataset(ds, a), years)
    mb = programme.matrix(plan_dataset(ds, b), years)
    cols = sorted(set(ma.columns) | set(mb.columns))
    index = ma.index.union(mb.index)
    ma = ma.reindex(index=index, columns=cols, fill_value=0)
    mb = mb.reindex(index=index, columns=cols, fill_value=0)
    out = pd.concat({"a": ma, "b": mb}, axis=1)
    return out.fillna(0).astype("int64")


def co2_paths(ds: Dataset, plans, base_year: int = BASE_YEAR,
              end_year: int = HORIZON_YEAR) -> pd.DataFrame:
    """Tonnes per year of each plan in ``plans`` (names; None = active), columns
    year + one per plan (named by the plan, "" for the active one) + path."""
    use = co2.prepare_use(ds)
    out = None
    for plan in plans:
        result, _ = co2.emissions(plan_dataset(ds, plan), base_year, end_year, use=use)
        totals = result.totals()[["year", "tonnes"]].rename(columns={"tonnes": plan or ""})
        out = totals if out is None else out.merge(totals, on="year")
        if "path" not in out.columns:
            path = co2.target_path(float(totals[plan or ""].iloc[0]), base_year, end_year)
            out = out.merge(path[["year", "target_tonnes"]].rename(
                columns={"target_tonnes": "path"}), on="year")
    return out


def differences(ds: Dataset, a: str | None, b: str | None) -> pd.DataFrame:
    """The complexes whose projects differ between plans ``a`` and ``b``: one row per
    (complex, project) present in either with a different year, package or status."""
    cols = ["complex", "project", "corporation", "neighbourhood", "dwellings",
            "year_a", "year_b", "measures_a", "measures_b", "status_a", "status_b", "change"]
    pa = version_projects(ds, a)[["project", "complex", *COMPARED_FIELDS]]
    pb = version_projects(ds, b)[["project", "complex", *COMPARED_FIELDS]]
    both = pa.merge(pb, on=["project", "complex"], how="outer", suffixes=("_a", "_b"),
                    indicator="side")
    if not len(both):
        return pd.DataFrame({c: [] for c in cols})
    changes = []
    for r in both.itertuples(index=False):
        if r.side == "left_only":
            changes.append("removed")
            continue
        if r.side == "right_only":
            changes.append("added")
            continue
        what = []
        if not _same(r.year_a, r.year_b):
            what.append("moved")
        if not _same(_package(r.measures_a), _package(r.measures_b)):
            what.append("package")
        if not _same(r.status_a, r.status_b):
            what.append("status")
        changes.append(", ".join(what))
    both["change"] = changes
    both = both[both["change"] != ""].drop(columns="side")
    owners = ds.complexes.set_index("complex")[["corporation", "neighbourhood"]]
    both["corporation"] = both["complex"].map(owners["corporation"])
    both["neighbourhood"] = both["complex"].map(owners["neighbourhood"])
    both["dwellings"] = both["complex"].map(ds.dwelling_counts()).fillna(0).astype("int64")
    both = both.sort_values(["complex", "project"], kind="stable").reset_index(drop=True)
    return both[cols]


def _package(measures) -> str | None:
    if measures is None or pd.isna(measures):
        return None
    parts = sorted(m.strip().casefold() for m in str(measures).split(";") if m.strip())
    return "; ".join(parts) or None


def _same(x, y) -> bool:
    xm = x is None or pd.isna(x)
    ym = y is None or pd.isna(y)
    if xm or ym:
        return xm and ym
    return x == y


def compare(ds: Dataset, a: str | None, b: str | None, base_year: int = BASE_YEAR,
            end_year: int = HORIZON_YEAR) -> Comparison:
    """Plans ``a`` and ``b`` side by side (see :class:`Comparison`)."""
    da, db = plan_dataset(ds, a), plan_dataset(ds, b)
    ca, cb = cost_per_year(da), cost_per_year(db)
    years = sorted(set(ca.index) | set(cb.index))
    cost = pd.DataFrame({"year": pd.Series(years, dtype="int64"),
                         "cost_a": ca.reindex(years, fill_value=0).to_numpy("int64"),
                         "cost_b": cb.reindex(years, fill_value=0).to_numpy("int64")})
    cost["difference"] = cost["cost_b"] - cost["cost_a"]
    paths = co2_paths(ds, [a, b] if a != b else [a], base_year, end_year)
    ka, kb = a or "", b or ""
    emissions = pd.DataFrame({"year": paths["year"], "tonnes_a": paths[ka],
                              "tonnes_b": paths[kb], "path": paths["path"]})
    emissions["difference"] = emissions["tonnes_b"] - emissions["tonnes_a"]
    ta, tb = programme.target_table(da), programme.target_table(db)
    targets = pd.DataFrame({
        "corporation": ta["corporation"], "period": ta["period"], "target": ta["target"],
        "planned_a": ta["planned"], "planned_b": tb["planned"],
        "verdict_a": ta["verdict"], "verdict_b": tb["verdict"]})
    return Comparison(a, b, homes_side_by_side(ds, a, b), cost, emissions, targets,
                      differences(ds, a, b))


__all__ = ["FIXED_STATUSES", "KINDS", "KIND_NL", "PLANNING_FIELDS", "Comparison", "compare",
           "co2_paths", "cost_per_year", "differences", "fixed", "homes_side_by_side", "newest",
           "plan_dataset", "snapshot", "version_header", "version_names", "version_projects"]
