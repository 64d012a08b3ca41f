"""The domain frames: one pandas DataFrame per table, the common currency of the core.

Data flows one way: the store (or a workbook) builds a :class:`Dataset`, the rules
(``support``, ``affordability``, ``programme``, ``co2``) compute from it, and the views
show the results.  Every frame has exactly the columns of :data:`SCHEMA` (derived from
the field registry, :mod:`desktop.models.fields`), in that order, with their dtypes; ``Dataset.empty()`` and
``Dataset.from_records()`` build conforming frames, ``Dataset.validate()`` checks the
invariants of the workbook spec in one place.

Conventions
-----------
* Ids are text (``"0042"`` stays ``"0042"``).
* Listed values hold the canonical Dutch value (see :mod:`desktop.models.enums`).
* Money amounts are whole **cents** in ``Int64`` columns whose name ends in
  ``_cents``; tariffs (a price per unit) are float euros per unit.
* Energy per dwelling per year; rent per dwelling per month.
* Missing optional values are ``<NA>``/``NaN``/``None``.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, fields
from typing import Iterable, Mapping

import pandas as pd

from . import fields as _fields
from .enums import LABELS, Heating, Status, Vote, parse_label
from .fields import BUILD_YEAR_MAX, BUILD_YEAR_MIN, YEAR_MAX, YEAR_MIN

# column name -> pandas dtype, per table, derived from the field registry
# (:mod:`desktop.models.fields`, where each field is declared with its kind).
SCHEMA: dict[str, dict[str, str]] = _fields.schema()

TABLES: tuple[str, ...] = tuple(SCHEMA)

# Values an absent or empty optional field takes (workbook spec): applied by conform().
DEFAULTS: dict[str, dict[str, object]] = {t: d for t in TABLES if (d := _fields.defaults(t))}


def empty_frame(table: str) -> pd.DataFrame:
    cols = _fields.dtypes(table)
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})


def conform(table: str, frame: pd.DataFrame | Iterable[Mapping] | None) -> pd.DataFrame:
    """Return ``frame`` with exactly the columns of ``table``, in order and typed.

    Missing columns are added empty; extra columns are dropped; empty optional fields
    with a default (:data:`DEFAULTS`) take it.
    """
    cols = _fields.dtypes(table)
    if frame is None:
        return empty_frame(table)
    if not isinstance(frame, pd.DataFrame):
        frame = pd.DataFrame(list(frame))
    out = {}
    n = len(frame)
    defaults = _fields.defaults(table)
    for c, t in cols.items():
        if c in frame.columns:
            s = frame[c]
            if t.startswith("datetime64"):
                s = pd.to_datetime(s, errors="coerce").astype(t)
            else:
                s = s.astype(t)
        else:
            s = pd.Series([pd.NA] * n, dtype=t) if not t.startswith("datetime64") \
                else pd.Series([pd.NaT] * n, dtype=t)
        if c in defaults:
            s = s.fillna(defaults[c])
        out[c] = s.reset_index(drop=True)
    return pd.DataFrame(out, columns=list(cols))


def latest_votes(vote_history: pd.DataFrame) -> pd.DataFrame:
    """The current vote per (project, dwelling) of a vote history: its entry with the
    highest number (as the store counts them), as a ``votes`` frame."""
    if not len(vote_history):
        return empty_frame("votes")
    latest = vote_history.sort_values("id", kind="stable").drop_duplicates(
        ["project", "dwelling"], keep="last")
    return conform("votes", latest.sort_values(["project", "dwelling"], kind="stable"))


@dataclass
class Dataset:
    """All tables of a programme, as typed frames (see :data:`SCHEMA`)."""

    complexes: pd.DataFrame = field(default_factory=lambda: empty_frame("complexes"))
    dwellings: pd.DataFrame = field(default_factory=lambda: empty_frame("dwellings"))
    projects: pd.DataFrame = field(default_factory=lambda: empty_frame("projects"))
    votes: pd.DataFrame = field(default_factory=lambda: empty_frame("votes"))
    targets: pd.DataFrame = field(default_factory=lambda: empty_frame("targets"))
    tariffs: pd.DataFrame = field(default_factory=lambda: empty_frame("tariffs"))
    emission_factors: pd.DataFrame = field(default_factory=lambda: empty_frame("emission_factors"))
    usage: pd.DataFrame = field(default_factory=lambda: empty_frame("usage"))
    degree_days: pd.DataFrame = field(default_factory=lambda: empty_frame("degree_days"))
    heat_plan: pd.DataFrame = field(default_factory=lambda: empty_frame("heat_plan"))
    end_states: pd.DataFrame = field(default_factory=lambda: empty_frame("end_states"))
    # saved plan versions (issue 21.3); the rules read the active plan (projects) only
    plan_versions: pd.DataFrame = field(default_factory=lambda: empty_frame("plan_versions"))
    plan_version_projects: pd.DataFrame = field(
        default_factory=lambda: empty_frame("plan_version_projects"))
    letter_templates: pd.DataFrame = field(default_factory=lambda: empty_frame("letter_templates"))
    capacities: pd.DataFrame = field(default_factory=lambda: empty_frame("capacities"))
    rent_limits: pd.DataFrame = field(default_factory=lambda: empty_frame("rent_limits"))
    measures: pd.DataFrame = field(default_factory=lambda: empty_frame("measures"))
    # the histories: what an export writes and an import restores; a Workspace loads
    # them only when asked (``load(history=True)``), the rules never read them
    vote_history: pd.DataFrame = field(default_factory=lambda: empty_frame("vote_history"))
    status_history: pd.DataFrame = field(default_factory=lambda: empty_frame("status_history"))

    @classmethod
    def empty(cls) -> "Dataset":
        return cls()

    @classmethod
    def from_records(cls, **tables: Iterable[Mapping] | pd.DataFrame) -> "Dataset":
        """Build from lists of dicts (or frames) per table; unknown tables raise."""
        unknown = set(tables) - set(TABLES)
        if unknown:
            raise KeyError(f"unknown tables: {sorted(unknown)}")
        return cls(**{t: conform(t, tables.get(t)) for t in TABLES})

    def frames(self) -> dict[str, pd.DataFrame]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    # ----- derived views used by several rules -------------------------------------
    # Memo: derived frames are computed once per set of frame objects.
    # A view asks for dwelling_counts() five to eight times per refresh (~30 ms each at
    # 100,000 dwellings).  The memo is keyed on the identity of the frames it reads:
    # the controller swaps in new frame objects after each edit (``with_tables``), and
    # assigning a table (``ds.dwellings = ...``) replaces the object too.  Callers
    # get a copy (copy-on-write: cheap), so changing a result never changes the memo.
    # Rule for callers: never edit a Dataset's frames in place after computing from it.
    def _memo(self, name: str, sources: tuple[str, ...], compute):
        memo = self.__dict__.setdefault("_derived", {})
        frames = tuple(getattr(self, t) for t in sources)
        hit = memo.get(name)
        if hit is None or len(hit[0]) != len(frames) or any(
                a is not b for a, b in zip(hit[0], frames)):
            hit = (frames, compute())
            memo[name] = hit
        return hit[1].copy(deep=False)

    def with_tables(self, **frames: pd.DataFrame) -> Dataset:
        """A new dataset with ``frames`` instead of those tables, keeping what was
        derived from the tables it shares with this one: after a move of one project at
        100,000 dwellings the dwelling counts (~15 ms) are not counted again.  Safe by
        construction, since a memo entry is used only while its frames are the same
        objects."""
        out = dataclasses.replace(self, **frames)
        memo = self.__dict__.get("_derived")
        if memo:
            out.__dict__["_derived"] = dict(memo)
        return out

    def dwelling_counts(self) -> pd.Series:
        """Dwellings per complex: its Woningen rows when it has any, else the declared
        count (``Aantal woningen``), else 0.  Indexed by complex id."""
        return self._memo("dwelling_counts", ("dwellings", "complexes"), self._dwelling_counts)

    def _dwelling_counts(self) -> pd.Series:
        rows = self.dwellings.groupby("complex", observed=True).size()
        declared = self.complexes.set_index("complex")["dwellings"]
        counts = declared.astype("Int64").copy()
        counts.loc[counts.index.intersection(rows.index)] = rows.reindex(
            counts.index.intersection(rows.index)).astype("Int64")
        return counts.fillna(0).astype("int64")

    def projects_with_owner(self) -> pd.DataFrame:
        """Projects joined with their complex's corporation and neighbourhood, and
        their dwelling count (column ``dwellings``)."""
        return self._memo("projects_with_owner", ("projects", "complexes", "dwellings"),
                          self._projects_with_owner)

    def _projects_with_owner(self) -> pd.DataFrame:
        c = self.complexes[["complex", "corporation", "neighbourhood"]]
        out = self.projects.merge(c, on="complex", how="left")
        out["dwellings"] = out["complex"].map(self.dwelling_counts()).fillna(0).astype("int64")
        return out

    def for_projects(self, projects) -> "Dataset":
        """What a workbook needs to hold these projects on its own: the projects, their
        complexes with all their dwellings, the votes on them, the targets and
        capacities of their corporations, and every per-year table."""
        wanted = set(map(str, projects))
        p = self.projects[self.projects["project"].isin(wanted)]
        complexes = set(p["complex"].dropna())
        c = self.complexes[self.complexes["complex"].isin(complexes)]
        corporations = set(c["corporation"].dropna())
        return dataclasses.replace(
            self,
            projects=p.reset_index(drop=True),
            complexes=c.reset_index(drop=True),
            dwellings=self.dwellings[self.dwellings["complex"].isin(complexes)].reset_index(drop=True),
            votes=self.votes[self.votes["project"].isin(wanted)].reset_index(drop=True),
            vote_history=self.vote_history[self.vote_history["project"].isin(wanted)]
            .reset_index(drop=True),
            status_history=self.status_history[self.status_history["project"].isin(wanted)]
            .reset_index(drop=True),
            targets=self.targets[self.targets["corporation"].isin(corporations)].reset_index(drop=True),
            capacities=self.capacities[self.capacities["corporation"].isin(corporations)]
            .reset_index(drop=True),
            usage=self.usage[self.usage["complex"].isin(complexes)].reset_index(drop=True),
            end_states=self.end_states[self.end_states["complex"].isin(complexes)]
            .reset_index(drop=True))

    def validate(self) -> list["Problem"]:
        from .invariants import validate_dataset

        return validate_dataset(self)


@dataclass(frozen=True)
class Problem:
    """One finding about the data.  ``row`` is the 0-based position in the frame;
    the workbook layer maps it to the row number Excel shows."""

    table: str
    row: int | None
    column: str | None
    message: str
    severity: str = "error"   # "error" | "warning"
    key: str | None = None    # the record's id, when it has one
    message_nl: str | None = None  # the same message in Dutch, when given


__all__ = [
    "SCHEMA", "TABLES", "DEFAULTS", "Dataset", "Problem", "empty_frame", "conform", "latest_votes",
    "LABELS", "Heating", "Status", "Vote", "parse_label",
    "YEAR_MIN", "YEAR_MAX", "BUILD_YEAR_MIN", "BUILD_YEAR_MAX",
]
