"""The invariants of a programme across rows and tables.

``validate_dataset(ds)`` is pure and vectorised: the workbook reader runs it after
parsing the cells, the store runs it before applying an edit.  Each problem sits where
the spec puts it: a duplicate id on the later row, a reference to a missing id on the
row that refers, a dwelling count that does not match on the Complexen row, a bad vote
on its Stemmen row.  ``Problem.row`` is the 0-based frame position.

Missing references are only judged when the referring cell is filled; an empty required
cell is its own error ("required").
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from . import fields as registry
from .campaign_dates import (
    FUTURE_FORM, early_form_message, impossible_vote_dates, notified_before_start, notified_message,
)
from .dataset import Dataset, Problem
from .enums import LABELS, DwellingType, Heating, HeatSolution, Status, Vote

# Listed values per field kind: the allowed canonical values.
LISTED_KINDS: dict[str, tuple[str, ...]] = {
    "heating": tuple(Heating.values()),
    "dwelling_type": tuple(DwellingType.values()),
    "heat_solution": tuple(HeatSolution.values()),
    "label": LABELS,
    "status": tuple(Status.values()),
    "vote": tuple(Vote.values()),
}


def _key_text(frame: pd.DataFrame, fields: tuple[str, ...], pos: int) -> str:
    return " / ".join(str(frame[f].iloc[pos]) for f in fields)


def _positions(mask: pd.Series | np.ndarray) -> list[int]:
    return np.flatnonzero(np.asarray(mask, dtype=bool)).tolist()


def _filled(s: pd.Series) -> np.ndarray:
    return s.notna().to_numpy(dtype=bool)


def _id_key(table: str, frame: pd.DataFrame, pos: int) -> str | None:
    fields = registry.table(table).keys
    if len(fields) == 1 and fields[0] in frame.columns:
        v = frame[fields[0]].iloc[pos]
        return None if pd.isna(v) else str(v)
    return None


def _fmt(value) -> str:
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value)


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, table: str, frame: pd.DataFrame, rows: Iterable[int], column: str | None,
            en, nl, severity: str = "error") -> None:
        """``en``/``nl``: a text, or a function of the row position giving one."""
        for pos in rows:
            self.problems.append(Problem(
                table=table, row=int(pos), column=column,
                message=en(pos) if callable(en) else en,
                severity=severity, key=_id_key(table, frame, pos),
                message_nl=nl(pos) if callable(nl) else nl))


def _required(c: _Collector, table: str, frame: pd.DataFrame) -> None:
    for f in registry.required(table):
        if f in frame.columns:
            c.add(table, frame, _positions(frame[f].isna()), f,
                  "this value is required", "deze waarde is verplicht")


def _duplicates(c: _Collector, table: str, frame: pd.DataFrame) -> None:
    decl = registry.table(table)
    fields, (en_name, nl_name) = decl.keys, decl.record
    if not all(f in frame.columns for f in fields) or len(frame) < 2:
        return
    keys = frame[list(fields)]
    complete = keys.notna().all(axis=1).to_numpy()
    dup = keys.duplicated(keep="first").to_numpy() & complete
    column = fields[0] if len(fields) == 1 else fields[-1]
    c.add(table, frame, _positions(dup), column,
          lambda p: f"duplicate {en_name} {_key_text(frame, fields, p)!r}: it already occurs on an "
                    f"earlier row",
          lambda p: f"{nl_name} {_key_text(frame, fields, p)!r}: komt al op een eerdere rij voor")


def _ranges(c: _Collector, table: str, frame: pd.DataFrame) -> None:
    for f, (lo, hi) in registry.ranges(table).items():
        if f not in frame.columns:
            continue
        s = frame[f]
        if not len(s):
            continue
        values = s.astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)
        scale = 100.0 if f.endswith("_cents") else 1.0
        bad = np.zeros(len(values), dtype=bool)
        if lo is not None:
            bad |= values < lo
        if hi is not None:
            bad |= values > hi
        if not bad.any():
            continue
        if lo is not None and hi is not None:
            en_rule, nl_rule = f"between {lo} and {hi}", f"tussen {lo} en {hi}"
        else:
            en_rule, nl_rule = f"at least {lo}", f"minstens {lo}"
        c.add(table, frame, _positions(bad), f,
              lambda p: f"{_fmt(values[p] / scale)} is out of range: must be {en_rule}",
              lambda p: f"{_fmt(values[p] / scale)} valt buiten het bereik: moet {nl_rule} zijn")


def _listed_values(c: _Collector, table: str, frame: pd.DataFrame) -> None:
    for decl in registry.table(table).fields:
        allowed = LISTED_KINDS.get(decl.kind)
        f = decl.name
        if allowed is None or f not in frame.columns:
            continue
        s = frame[f]
        bad = s.notna().to_numpy(dtype=bool) & ~s.isin(allowed).to_numpy(dtype=bool)
        text = ", ".join(allowed)
        c.add(table, frame, _positions(bad), f,
              lambda p: f"{s.iloc[p]!r} is not one of: {text}",
              lambda p: f"{s.iloc[p]!r} is niet een van: {text}")


def _with_context(frame: pd.DataFrame, context: pd.DataFrame | None, key: str) -> pd.DataFrame:
    """``frame`` followed by the rows of ``context`` whose key it does not hold."""
    if context is None or not len(context):
        return frame
    extra = context[~context[key].isin(frame[key].dropna().unique())]
    return pd.concat([frame, extra], ignore_index=True) if len(extra) else frame


def _dates_of(frame: pd.DataFrame, column: str, keys: pd.Series) -> np.ndarray:
    """``frame[column]`` (dates) at the index labels ``keys`` as datetime64[D], NaT where
    a key is missing."""
    values = frame[column].to_numpy(dtype="datetime64[D]")
    at = frame.index.get_indexer(keys)
    if not len(values):
        return np.full(len(keys), np.datetime64("NaT"), dtype="datetime64[D]")
    return np.where(at >= 0, values[np.maximum(at, 0)], np.datetime64("NaT"))


def validate_dataset(ds: Dataset, context: Dataset | None = None) -> list[Problem]:
    """Every broken invariant of ``ds`` as an error Problem (see module docstring).

    ``context`` (an import's workspace): references may also resolve to its records,
    and its dwellings count towards a complex's Woningen rows; problems are only ever
    reported on the rows of ``ds``.
    """
    c = _Collector()
    frames = ds.frames()
    for table, frame in frames.items():
        _required(c, table, frame)
        _duplicates(c, table, frame)
        _ranges(c, table, frame)
        _listed_values(c, table, frame)

    complexes, dwellings, projects, votes = ds.complexes, ds.dwellings, ds.projects, ds.votes
    targets = ds.targets
    # what references resolve against: the data itself, then the context's other records
    all_complexes = _with_context(complexes, context.complexes if context else None, "complex")
    all_dwellings = _with_context(dwellings, context.dwellings if context else None, "dwelling")
    all_projects = _with_context(projects, context.projects if context else None, "project")
    known_complexes = all_complexes["complex"].dropna().unique()

    # references to a complex
    for table, frame in (("dwellings", dwellings), ("projects", projects), ("usage", ds.usage),
                         ("end_states", ds.end_states)):
        missing = _filled(frame["complex"]) & ~frame["complex"].isin(known_complexes).to_numpy(dtype=bool)
        c.add(table, frame, _positions(missing), "complex",
              lambda p, f=frame: f"complex {f['complex'].iloc[p]!r} does not exist in Complexes",
              lambda p, f=frame: f"complex {f['complex'].iloc[p]!r} bestaat niet in Complexen")

    # a plan version's projects belong to a saved version (issue 21.3)
    pvp = ds.plan_version_projects
    if len(pvp):
        all_versions = _with_context(ds.plan_versions, context.plan_versions if context else None,
                                     "version")
        missing = _filled(pvp["version"]) & ~pvp["version"].isin(
            all_versions["version"].dropna().unique()).to_numpy(dtype=bool)
        c.add("plan_version_projects", pvp, _positions(missing), "version",
              lambda p: f"plan version {pvp['version'].iloc[p]!r} does not exist in Plan versions",
              lambda p: f"planversie {pvp['version'].iloc[p]!r} bestaat niet in Planversies")
    # the letters' texts: a known kind and language, only known placeholders (issue 22)
    if len(ds.letter_templates):
        _letter_templates(c, ds.letter_templates)

    # votes: project and dwelling must exist, dwelling in the project's complex, let
    if len(votes):
        v_project, v_dwelling = votes["project"], votes["dwelling"]
        proj_known = v_project.isin(all_projects["project"].dropna().unique()).to_numpy(dtype=bool)
        dw_known = v_dwelling.isin(all_dwellings["dwelling"].dropna().unique()).to_numpy(dtype=bool)
        bad_project = _filled(v_project) & ~proj_known
        bad_dwelling = _filled(v_dwelling) & ~dw_known
        c.add("votes", votes, _positions(bad_project), "project",
              lambda p: f"project {v_project.iloc[p]!r} does not exist in Projects",
              lambda p: f"project {v_project.iloc[p]!r} bestaat niet in Projecten")
        c.add("votes", votes, _positions(bad_dwelling), "dwelling",
              lambda p: f"dwelling {v_dwelling.iloc[p]!r} does not exist in Dwellings",
              lambda p: f"woning {v_dwelling.iloc[p]!r} bestaat niet in Woningen")
        # first occurrence wins for the lookups (duplicates are reported above)
        proj_complex = all_projects.drop_duplicates("project").set_index("project")["complex"]
        dw = all_dwellings.drop_duplicates("dwelling").set_index("dwelling")
        vote_pc = v_project.map(proj_complex)
        vote_dc = v_dwelling.map(dw["complex"])
        both = proj_known & dw_known & _filled(v_project) & _filled(v_dwelling)
        other = both & vote_pc.notna().to_numpy(dtype=bool) & vote_dc.notna().to_numpy(dtype=bool) \
            & (vote_pc.astype("string") != vote_dc.astype("string")).fillna(False).to_numpy(dtype=bool)
        c.add("votes", votes, _positions(other), "dwelling",
              lambda p: f"dwelling {v_dwelling.iloc[p]!r} belongs to complex {vote_dc.iloc[p]!r}, "
                        f"not to {vote_pc.iloc[p]!r} of project {v_project.iloc[p]!r}",
              lambda p: f"woning {v_dwelling.iloc[p]!r} hoort bij complex {vote_dc.iloc[p]!r}, "
                        f"niet bij {vote_pc.iloc[p]!r} van project {v_project.iloc[p]!r}")
        vacant = v_dwelling.map(dw["let"]).astype("boolean")
        is_vacant = (vacant == False).fillna(False).to_numpy(dtype=bool) & dw_known  # noqa: E712
        # a vote dated before the dwelling became vacant (or undated, when that date is
        # known) is its former tenant's: kept, not counted, not an error
        dates = votes["date"].to_numpy(dtype="datetime64[D]")
        since = _dates_of(dw, "vacant_since", v_dwelling)
        with np.errstate(invalid="ignore"):
            former = ~np.isnat(since) & (np.isnat(dates) | (dates < since))
        c.add("votes", votes, _positions(is_vacant & ~former & np.isnat(since)), "vote",
              lambda p: f"dwelling {v_dwelling.iloc[p]!r} is vacant (not let): a vacant dwelling "
                        f"has no tenant and cannot vote",
              lambda p: f"woning {v_dwelling.iloc[p]!r} staat leeg (niet verhuurd): een lege woning "
                        f"heeft geen huurder en kan niet stemmen")
        c.add("votes", votes, _positions(is_vacant & ~former & ~np.isnat(since)), "date",
              lambda p: f"dwelling {v_dwelling.iloc[p]!r} is vacant since "
                        f"{pd.Timestamp(since[p]):%d-%m-%Y}: a vote dated "
                        f"{pd.Timestamp(dates[p]):%d-%m-%Y} has no tenant",
              lambda p: f"woning {v_dwelling.iloc[p]!r} staat leeg sinds "
                        f"{pd.Timestamp(since[p]):%d-%m-%Y}: een stem van "
                        f"{pd.Timestamp(dates[p]):%d-%m-%Y} heeft geen huurder")
        # an undated yes/no on a dwelling with a tenancy start cannot be told to be the
        # current tenant's: it is taken as a former tenant's (support.by_current_tenant)
        let_since = _dates_of(dw, "let_since", v_dwelling)
        answer = votes["vote"].isin([Vote.YES.value, Vote.NO.value]).to_numpy(dtype=bool)
        undated = ~is_vacant & dw_known & answer & np.isnat(dates) & ~np.isnat(let_since)
        c.add("votes", votes, _positions(undated), "date",
              lambda p: f"dwelling {v_dwelling.iloc[p]!r} is let since "
                        f"{pd.Timestamp(let_since[p]):%d-%m-%Y}: an undated vote is counted as a "
                        f"former tenant's; give its date if the current tenant cast it",
              lambda p: f"woning {v_dwelling.iloc[p]!r} is verhuurd sinds "
                        f"{pd.Timestamp(let_since[p]):%d-%m-%Y}: een stem zonder datum telt als "
                        f"die van een vorige huurder; vul de datum in als de huidige huurder stemde",
              severity="warning")

    # a dwelling cannot become vacant before its last tenancy started
    if len(dwellings):
        start = dwellings["let_since"].to_numpy(dtype="datetime64[D]")
        end = dwellings["vacant_since"].to_numpy(dtype="datetime64[D]")
        is_let = dwellings["let"].fillna(True).to_numpy(dtype=bool)
        with np.errstate(invalid="ignore"):
            backwards = ~is_let & ~np.isnat(start) & ~np.isnat(end) & (end < start)
        c.add("dwellings", dwellings, _positions(backwards), "vacant_since",
              lambda p: f"vacant since {pd.Timestamp(end[p]):%d-%m-%Y}, before the tenancy started "
                        f"({pd.Timestamp(start[p]):%d-%m-%Y})",
              lambda p: f"leeg sinds {pd.Timestamp(end[p]):%d-%m-%Y}, vóór het begin van de huur "
                        f"({pd.Timestamp(start[p]):%d-%m-%Y})")

    # the histories refer to projects and dwellings that exist
    known_projects = all_projects["project"].dropna().unique()
    known_dwellings = all_dwellings["dwelling"].dropna().unique()
    for table, column, known, sheet_nl, sheet_en in (
            ("vote_history", "project", known_projects, "Projecten", "project"),
            ("vote_history", "dwelling", known_dwellings, "Woningen", "dwelling"),
            ("status_history", "project", known_projects, "Projecten", "project")):
        frame = getattr(ds, table)
        if not len(frame):
            continue
        values = frame[column]
        missing = _filled(values) & ~values.isin(known).to_numpy(dtype=bool)
        c.add(table, frame, _positions(missing), column,
              lambda p, v=values, w=sheet_en, s=sheet_nl: f"{w} {v.iloc[p]!r} does not exist in {s}",
              lambda p, v=values, s=sheet_nl, w=sheet_en:
                  f"{'woning' if w == 'dwelling' else w} {v.iloc[p]!r} bestaat niet in {s}")

    # campaign dates that cannot be: notified before the start, a form date in the
    # future or before its project's campaign started (models/campaign_dates.py)
    if len(projects) and "campaign_start" in projects and "notified_on" in projects:
        early = notified_before_start(projects)
        starts = pd.to_datetime(projects["campaign_start"])
        c.add("projects", projects, _positions(early), "notified_on",
              lambda p: notified_message(starts.iloc[p].date())[0],
              lambda p: notified_message(starts.iloc[p].date())[1])
    if len(votes) and "date" in votes:
        started = all_projects.drop_duplicates("project").set_index("project")["campaign_start"]
        if context is not None and len(context.projects):   # a workbook without the column
            known = context.projects.drop_duplicates("project").set_index("project")["campaign_start"]
            started = started.fillna(known.reindex(started.index))
        at = pd.Index(started.index).get_indexer(votes["project"])
        starts_ns = pd.to_datetime(started).to_numpy(dtype="datetime64[ns]")
        vote_start = pd.Series(np.where(at >= 0, starts_ns[np.clip(at, 0, None)] if len(starts_ns)
                                        else np.datetime64("NaT", "ns"), np.datetime64("NaT", "ns")),
                               dtype="datetime64[ns]")
        future, before = impossible_vote_dates(votes, vote_start)
        c.add("votes", votes, _positions(future), "date", FUTURE_FORM[0], FUTURE_FORM[1])
        c.add("votes", votes, _positions(before), "date",
              lambda p: early_form_message(vote_start.iloc[p].date())[0],
              lambda p: early_form_message(vote_start.iloc[p].date())[1])

    # dwelling count of a complex: declared count vs Woningen rows
    if len(complexes):
        rows = all_dwellings["complex"].dropna().value_counts()
        have = complexes["complex"].map(rows).fillna(0).astype("int64").to_numpy()
        declared = complexes["dwellings"]
        decl = declared.astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)
        # only the first row of a complex id counts (a later one is a duplicate)
        ok_id = _filled(complexes["complex"]) & ~complexes["complex"].duplicated().to_numpy(dtype=bool)
        mismatch = ok_id & ~np.isnan(decl) & (have > 0) & (decl != have)
        c.add("complexes", complexes, _positions(mismatch), "dwellings",
              lambda p: f"{_fmt(decl[p])} dwellings declared, but Woningen has {have[p]} rows "
                        f"for complex {complexes['complex'].iloc[p]!r}",
              lambda p: f"{_fmt(decl[p])} woningen opgegeven, maar Woningen heeft {have[p]} rijen "
                        f"voor complex {complexes['complex'].iloc[p]!r}")
        neither = ok_id & np.isnan(decl) & (have == 0)
        c.add("complexes", complexes, _positions(neither), "dwellings",
              "the number of dwellings is required when the complex has no rows in Woningen",
              "het aantal woningen is verplicht als het complex geen rijen in Woningen heeft")

    # measured use of a dwelling: the dwelling belongs to the row's complex
    usage = ds.usage
    if len(usage) and usage["dwelling"].notna().any():
        dw_complex = all_dwellings.drop_duplicates("dwelling").set_index("dwelling")["complex"]
        of = usage["dwelling"].map(dw_complex)
        wrong = (_filled(usage["dwelling"]) & of.notna().to_numpy(dtype=bool)
                 & (of.astype("string") != usage["complex"].astype("string")).fillna(False)
                 .to_numpy(dtype=bool))
        c.add("usage", usage, _positions(wrong), "dwelling",
              lambda p: f"dwelling {usage['dwelling'].iloc[p]!r} belongs to complex "
                        f"{of.iloc[p]!r}, not to {usage['complex'].iloc[p]!r}",
              lambda p: f"woning {usage['dwelling'].iloc[p]!r} hoort bij complex "
                        f"{of.iloc[p]!r}, niet bij {usage['complex'].iloc[p]!r}")

    # a target period runs forwards
    if len(targets):
        f = targets["from_year"].astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)
        t = targets["to_year"].astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)
        backwards = f > t
        c.add("targets", targets, _positions(backwards), "to_year",
              lambda p: f"the period ends ({_fmt(t[p])}) before it starts ({_fmt(f[p])})",
              lambda p: f"de periode eindigt ({_fmt(t[p])}) voordat hij begint ({_fmt(f[p])})")

    return c.problems


def _letter_templates(c: _Collector, frame: pd.DataFrame) -> None:
    from .letter_templates import LANGUAGES, TEMPLATE_KINDS, TemplateError, placeholders_in

    kinds = ", ".join(TEMPLATE_KINDS)
    for column, allowed, en, nl in (
            ("kind", TEMPLATE_KINDS, f"the kind must be one of {kinds}", f"de soort moet een van {kinds} zijn"),
            ("language", LANGUAGES, "the language must be nl or en", "de taal moet nl of en zijn")):
        bad = _filled(frame[column]) & ~frame[column].isin(allowed).to_numpy(dtype=bool)
        c.add("letter_templates", frame, _positions(bad), column, en, nl)
    for pos, text in enumerate(frame["text"].to_numpy(dtype=object, na_value=None)):
        if text is None:
            continue
        try:
            placeholders_in(str(text))
        except TemplateError as exc:
            c.add("letter_templates", frame, [pos], "text", exc.message, exc.message_nl)
