"""Tenant support for a retrofit proposal: the 70 % rule (BW 7:220 lid 3).

The rule, in one place:

* A complex of **10 or more dwellings** has support ("reached") when the yes votes
  are **70 % or more of all tenants** (the let dwellings), compared exactly in
  integers: ``yes * 100 >= 70 * tenants``. No rounding up: 7 of 10 is reached,
  2333 of 3333 (69.997 %) is not.
* Silence counts as not agreeing: a let dwelling without a vote row, or with
  ``geen reactie``, is counted in ``no_response`` and stays in the denominator.
* A vacant dwelling has no tenant: it counts in ``dwellings`` but not in ``tenants``,
  and a vote recorded for it is ignored (the workbook validator reports it, unless it is
  dated before the dwelling's ``vacant_since``: then it is a former tenant's vote).
* A vote belongs to the tenancy that cast it (:func:`by_current_tenant`): when a dwelling
  has a tenancy start (``let_since``), only a vote dated on or after it counts; an
  earlier one is a former tenant's, kept in the history, never counted.  A new tenant
  starts with no vote.
* Fewer than 10 dwellings: the presumption does not apply, every tenant's own
  consent counts (status ``individual_consent``).
* After written notification that 70 % agreed, tenants have 56 days to go to court;
  without support (or below 10 dwellings) there is no such deadline.

:func:`support_reached`, :func:`support_status` and :func:`yes_still_needed` are the
only definition of the rule; they work on Python ints and on numpy arrays alike, so
the whole-programme :func:`support_table` and the one-project :func:`tally` used by the
live vote entry share them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from .dataset import Dataset, Problem
from .enums import STATUSES_NEEDING_SUPPORT, Status, Vote

PRESUMPTION_MIN_DWELLINGS = 10   # the 70 % presumption applies from 10 dwellings on
SUPPORT_PERCENT = 70             # yes votes needed, in percent of all tenants
OBJECTION_DAYS = 56              # 8 weeks after written notification

REACHED = "reached"
NOT_REACHED = "not_reached"
INDIVIDUAL_CONSENT = "individual_consent"
SUPPORT_STATUSES = (REACHED, NOT_REACHED, INDIVIDUAL_CONSENT)

SUPPORT_COLUMNS = [
    "project", "dwellings", "tenants", "yes", "no", "no_response", "support_pct",
    "status", "corporation", "yes_needed", "deadline",
]


# ----- the rule (scalars or numpy arrays) -------------------------------------------
def support_reached(dwellings, tenants, yes):
    """True where the 70 % presumption applies and is met (exact integer compare)."""
    dwellings = np.asarray(dwellings, dtype="int64")
    tenants = np.asarray(tenants, dtype="int64")
    yes = np.asarray(yes, dtype="int64")
    out = (dwellings >= PRESUMPTION_MIN_DWELLINGS) & (yes * 100 >= SUPPORT_PERCENT * tenants)
    return out.item() if out.ndim == 0 else out


def support_status(dwellings, tenants, yes):
    """``reached`` / ``not_reached`` / ``individual_consent`` (str or array of str)."""
    small = np.asarray(dwellings, dtype="int64") < PRESUMPTION_MIN_DWELLINGS
    reached = np.asarray(support_reached(dwellings, tenants, yes))
    out = np.where(small, INDIVIDUAL_CONSENT, np.where(reached, REACHED, NOT_REACHED))
    return str(out.item()) if out.ndim == 0 else out.astype(object)


def yes_still_needed(dwellings, tenants, yes):
    """How many more yes votes until support: for 10+ dwellings up to 70 % of the
    tenants (rounded up, so exactly 70 % suffices), for fewer every tenant; never < 0."""
    dwellings = np.asarray(dwellings, dtype="int64")
    tenants = np.asarray(tenants, dtype="int64")
    yes = np.asarray(yes, dtype="int64")
    # smallest integer y with y * 100 >= 70 * tenants
    needed_70 = (SUPPORT_PERCENT * tenants + 99) // 100
    target = np.where(dwellings >= PRESUMPTION_MIN_DWELLINGS, needed_70, tenants)
    out = np.maximum(target - yes, 0)
    return int(out.item()) if out.ndim == 0 else out


def _percent(yes, tenants):
    """yes / tenants * 100 rounded to 2 decimals for display; 0.0 without tenants."""
    yes = np.asarray(yes, dtype="float64")
    tenants = np.asarray(tenants, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(tenants > 0, yes / np.where(tenants > 0, tenants, 1) * 100, 0.0)
    out = np.round(pct, 2)
    return float(out.item()) if out.ndim == 0 else out


def _days(values) -> np.ndarray:
    """Dates (a date, None, a sequence or a datetime column) as datetime64[D], NaT where
    missing; always 1-dimensional."""
    if isinstance(values, (pd.Series, pd.Index, np.ndarray)) and np.asarray(values).dtype.kind == "M":
        return np.asarray(values, dtype="datetime64[D]").reshape(-1)
    items = list(np.atleast_1d(np.asarray(values, dtype=object)))
    return pd.to_datetime(pd.Series(items, dtype=object), errors="coerce") \
        .to_numpy(dtype="datetime64[D]")


def by_current_tenant(vote_dates, let_since):
    """True where a vote was cast by the dwelling's current tenant, the one rule for
    whose vote counts after a tenancy change: the dwelling has no tenancy start (nothing
    says the tenant changed: every vote counts), or the vote is dated on or after it.
    A vote dated before the start, or undated on a dwelling with a start, is a former
    tenant's.  Scalars or equal-length arrays (a scalar broadcasts)."""
    if np.ndim(vote_dates) == 0 and np.ndim(let_since) == 0:   # one vote: no pandas (the gate, a tally)
        start = _day(let_since)
        vote = _day(vote_dates)
        return start is None or (vote is not None and vote >= start)
    votes, since = _days(vote_dates), _days(let_since)
    with np.errstate(invalid="ignore"):
        out = np.isnat(since) | (~np.isnat(votes) & (votes >= since))
    return out


def _day(value) -> date | None:
    """One date (a date, datetime, Timestamp, datetime64 or text) as a date; None when
    missing."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) or (isinstance(value, np.datetime64) and np.isnat(value)):
        return None
    stamp = pd.Timestamp(value)
    return None if pd.isna(stamp) else stamp.date()


def former_tenant(vote_dates, let, let_since):
    """True where a recorded vote is no longer its dwelling's tenant's: the dwelling is
    vacant (``let`` false; <NA>/None read as let), or the vote predates the current
    tenancy (:func:`by_current_tenant`).  Such a vote stays in the history, marked as a
    former tenant's, and does not count."""
    scalar = all(np.ndim(x) == 0 for x in (vote_dates, let, let_since))
    let = pd.array(np.atleast_1d(np.asarray(let, dtype=object)), dtype="boolean") \
        .fillna(True).to_numpy(dtype=bool)
    out = ~let | ~np.atleast_1d(by_current_tenant(vote_dates, let_since))
    return bool(out[0]) if scalar else out


# why a project has no objection deadline (Deadline.reason)
NO_NOTICE = "no_notice"                  # the tenants were not notified in writing yet
NO_SUPPORT = "no_support"                # 10+ dwellings, 70 % not reached
NO_PRESUMPTION = "no_presumption"        # fewer than 10 dwellings: the 70 % rule does not apply


@dataclass(frozen=True)
class Deadline:
    """The objection deadline of one project: ``on`` the last day, or None with the
    ``reason`` why there is none (:data:`NO_NOTICE`, :data:`NO_SUPPORT`,
    :data:`NO_PRESUMPTION`)."""

    on: date | None
    reason: str | None = None


def objection_deadline(t: "Tally", notified_on: date | None) -> Deadline:
    """The last day a tenant who did not agree can ask the court (BW 7:220 lid 3).

    The 8 weeks (56 days) follow the written notice *that 70 % agreed*: a complex of 10
    or more dwellings whose support is reached and whose tenants were notified.  When
    support is not reached (or the presumption does not apply, fewer than 10 dwellings)
    there is no such deadline, whatever notice was sent."""
    if not t.presumption_applies:
        return Deadline(None, NO_PRESUMPTION)
    if not t.reached:
        return Deadline(None, NO_SUPPORT)
    if notified_on is None or pd.isna(notified_on):
        return Deadline(None, NO_NOTICE)
    if isinstance(notified_on, datetime):
        notified_on = notified_on.date()
    return Deadline(notified_on + timedelta(days=OBJECTION_DAYS))


def objection_deadlines(status, notified_on: pd.Series) -> pd.Series:
    """:func:`objection_deadline` for many projects: ``status`` their support status
    (:func:`support_status`), ``notified_on`` their notification dates; NaT where there
    is no deadline."""
    reached = np.asarray(status, dtype=object) == REACHED
    out = (pd.to_datetime(notified_on) + pd.Timedelta(days=OBJECTION_DAYS)).astype("datetime64[s]")
    return out.where(reached)


# ----- one project: the live vote-entry view ----------------------------------------
@dataclass(frozen=True)
class Tally:
    """The support figures of one project."""

    dwellings: int
    tenants: int
    yes: int
    no: int
    no_response: int
    support_pct: float
    status: str          # reached | not_reached | individual_consent
    yes_needed: int
    reached: bool

    @property
    def presumption_applies(self) -> bool:
        return self.dwellings >= PRESUMPTION_MIN_DWELLINGS


def tally(dwellings: int, tenants: int, yes: int, no: int) -> Tally:
    """Support figures for one project from its counts.

    ``tenants`` are the let dwellings; ``yes``/``no`` count only votes of let
    dwellings of the complex.  Raises ValueError on impossible counts.
    """
    for name, value in (("dwellings", dwellings), ("tenants", tenants),
                        ("yes", yes), ("no", no)):
        if int(value) != value or value < 0:
            raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")
    dwellings, tenants, yes, no = int(dwellings), int(tenants), int(yes), int(no)
    if tenants > dwellings:
        raise ValueError(f"tenants ({tenants}) cannot exceed dwellings ({dwellings})")
    if yes + no > tenants:
        raise ValueError(f"yes + no ({yes + no}) cannot exceed tenants ({tenants})")
    return Tally(
        dwellings=dwellings, tenants=tenants, yes=yes, no=no,
        no_response=tenants - yes - no,
        support_pct=_percent(yes, tenants),
        status=support_status(dwellings, tenants, yes),
        yes_needed=yes_still_needed(dwellings, tenants, yes),
        reached=bool(support_reached(dwellings, tenants, yes)),
    )


def complex_size(let_flags, declared) -> tuple[int, int]:
    """(dwellings, tenants) of a complex: its Woningen rows decide (``let_flags``, one
    per row); without rows the declared count, every dwelling let (nothing says
    otherwise); 0 without either."""
    let_flags = list(let_flags)
    if let_flags:
        return len(let_flags), int(sum(bool(x) for x in let_flags))
    declared = 0 if declared is None or pd.isna(declared) else int(declared)
    return declared, declared


def tally_votes(dwellings: int, tenants: int, let_dwellings, votes, let_since=None) -> Tally:
    """The :class:`Tally` of one project from its vote history: ``votes`` are
    (dwelling, vote, date) triples in the order they were recorded, the last one per
    dwelling is its current vote (a correction replaces the earlier answer); only the
    current ja/nee of a dwelling in ``let_dwellings`` (the let dwellings of the
    project's complex) cast by its current tenant counts (:func:`by_current_tenant`
    against ``let_since``: dwelling -> tenancy start, absent or None for none); vote
    text is read as :meth:`Vote.canonical` reads it.

    The one count behind the live vote entry, the programme's figures of one project
    and the store's status gate (:func:`desktop.store.commands.support_gate`)."""
    since = let_since or {}
    current = {}
    for dwelling, vote, *date in votes:
        current[dwelling] = (vote, date[0] if date else None)
    yes = no = 0
    for dwelling, (vote, date) in current.items():
        start = since.get(dwelling)
        if dwelling in let_dwellings and (start is None or by_current_tenant(date, start)):
            answer = _VOTE_ALIASES.get(str(vote).strip().casefold()) if vote is not None else None
            yes += answer == Vote.YES.value
            no += answer == Vote.NO.value
    return tally(dwellings, min(tenants, dwellings), yes, no)


# ----- the status gate --------------------------------------------------------------
def passes_support_stage(old_status: Status | str | None, new_status: Status | str) -> bool:
    """True when a status change goes past the support stage: to akkoord, in uitvoering
    or gereed from a status before it (or from none: a new project)."""
    new = Status.parse(new_status)
    if new not in STATUSES_NEEDING_SUPPORT:
        return False
    if old_status is None or (isinstance(old_status, float) and np.isnan(old_status)):
        return True
    return Status.parse(old_status) not in STATUSES_NEEDING_SUPPORT


def needs_override(t: Tally, new_status: Status | str) -> bool:
    """True when moving to ``new_status`` (akkoord / in uitvoering / gereed) needs a
    reason from the user: a complex of 10+ dwellings without 70 % support, or one of
    fewer than 10 dwellings where not every tenant agreed ("individual consent": the
    presumption does not apply, each tenant's own consent counts)."""
    status = Status.parse(new_status)
    return status in STATUSES_NEEDING_SUPPORT and t.yes_needed > 0


def gate_allows(t: Tally, new_status: Status | str, reason: str | None = None) -> bool:
    """Whether the status change may go ahead: always when no override is needed,
    otherwise only with a non-blank reason (which the store records)."""
    if not needs_override(t, new_status):
        return True
    return bool(reason and reason.strip())


def gate_refuses(t: Tally, old_status: Status | str | None, new_status: Status | str,
                 reason: str | None = None) -> bool:
    """The one gate decision for every way to a status past the support stage (the
    project form, a drag, the support page, an import): True when the change goes past
    the support stage (:func:`passes_support_stage`) without the support it needs
    (:func:`needs_override`) and without a reason."""
    return passes_support_stage(old_status, new_status) and not gate_allows(t, new_status, reason)


def gate_text(t: Tally, project: str, lang: str = "en") -> str:
    """Why the gate refuses (English or Dutch): the support counted and what is needed."""
    if not t.presumption_applies:
        if lang == "nl":
            return (f"Project {project} heeft minder dan 10 woningen: elke huurder moet zelf "
                    f"instemmen; {t.yes} van {t.tenants} stemden ja (nog {t.yes_needed} te gaan).")
        return (f"Project {project} has fewer than 10 dwellings: every tenant must consent; "
                f"{t.yes} of {t.tenants} agreed ({t.yes_needed} still to agree).")
    if lang == "nl":
        return (f"Het draagvlak voor project {project} is {t.support_pct:.2f} % van "
                f"{t.tenants} huurders; 70 % is nodig (nog {t.yes_needed} stemmen voor).")
    return (f"Support for project {project} is {t.support_pct:.2f} % of {t.tenants} "
            f"tenants; 70 % is needed ({t.yes_needed} more yes votes).")


# ----- the whole programme ----------------------------------------------------------
_VOTE_ALIASES = Vote.aliases()


def _canonical_votes(votes: pd.Series) -> pd.Series:
    """Vote values as canonical Dutch text; unknown text becomes <NA>.

    Works on the few distinct values only (100,000 rows hold three or so)."""
    codes, uniques = pd.factorize(votes)
    canon = [_VOTE_ALIASES.get(str(u).strip().casefold()) for u in uniques] + [None]
    return pd.Series(np.array(canon, dtype=object)[codes], index=votes.index, dtype="string")


def _let_flags(ds: Dataset) -> pd.Series:
    """``let`` per dwelling row, <NA> read as let (the default)."""
    return ds.dwellings["let"].fillna(True).astype(bool)


def _complex_counts(ds: Dataset) -> tuple[pd.Series, pd.Series]:
    """(dwellings, tenants) per complex id.

    Dwellings: Woningen rows, else the declared count.  Tenants: the let rows, else
    (no rows: nothing to say otherwise) the declared count, every dwelling let.
    """
    d = ds.dwellings
    rows = d.groupby("complex", observed=True).size().astype("int64")
    let_rows = _let_flags(ds).groupby(d["complex"], observed=True).sum().astype("int64")
    dwellings = rows.combine_first(ds.dwelling_counts()).astype("int64")
    tenants = let_rows.combine_first(ds.dwelling_counts()).astype("int64")
    return dwellings, tenants


def _vote_counts(ds: Dataset) -> pd.DataFrame:
    """Per project id: vote rows (any), counted yes and no (let dwellings of the
    project's complex only, one vote per dwelling)."""
    v = ds.votes
    if v.empty:
        return pd.DataFrame({"rows": [], "yes": [], "no": []},
                            index=pd.Index([], dtype="string"), dtype="int64")
    # complex of each vote's project and of each vote's dwelling, as integer codes
    d = ds.dwellings
    first = ~d["dwelling"].duplicated(keep="first").to_numpy()
    d_codes, complexes = pd.factorize(d["complex"])          # <NA> complex -> -1
    d_codes = d_codes[first]
    d_let = _let_flags(ds).to_numpy(dtype=bool)[first]
    d_since = d["let_since"].to_numpy(dtype="datetime64[D]")[first]
    d_pos = pd.Index(d["dwelling"][first]).get_indexer(v["dwelling"])
    projects = ds.projects.drop_duplicates("project", keep="first")
    p_codes = pd.Index(complexes).get_indexer(projects["complex"])
    p_codes[p_codes < 0] = -2                  # never equal to a dwelling's -1
    p_pos = pd.Index(projects["project"]).get_indexer(v["project"])

    vote_dwelling_complex = np.where(d_pos >= 0, d_codes[d_pos], -1)
    vote_project_complex = np.where(p_pos >= 0, p_codes[p_pos], -2)
    counted = ((vote_dwelling_complex == vote_project_complex)
               & np.where(d_pos >= 0, d_let[d_pos], False))
    counted &= ~v.duplicated(["project", "dwelling"], keep="last").to_numpy()
    since = d_since[np.maximum(d_pos, 0)] if len(d_since) \
        else np.full(len(v), np.datetime64("NaT"), dtype="datetime64[D]")   # unused where d_pos < 0
    counted &= by_current_tenant(v["date"], since)   # a former tenant's vote never counts
    vote = _canonical_votes(v["vote"])
    yes = (vote == Vote.YES.value).fillna(False).to_numpy(dtype=bool) & counted
    no = (vote == Vote.NO.value).fillna(False).to_numpy(dtype=bool) & counted

    codes, ids = pd.factorize(v["project"])                  # <NA> project -> -1
    ok = codes >= 0
    n = len(ids)
    return pd.DataFrame({
        "rows": np.bincount(codes[ok], minlength=n),
        "yes": np.bincount(codes[ok], weights=yes[ok], minlength=n).astype("int64"),
        "no": np.bincount(codes[ok], weights=no[ok], minlength=n).astype("int64"),
    }, index=pd.Index(ids, dtype="string")).astype("int64")


def _all_projects(ds: Dataset) -> pd.DataFrame:
    """The support columns for every project (one row per project id)."""
    p = ds.projects.drop_duplicates("project", keep="first").reset_index(drop=True)
    dwellings_by_complex, tenants_by_complex = _complex_counts(ds)
    corp = ds.complexes.drop_duplicates("complex", keep="first")
    corporation_by_complex = pd.Series(corp["corporation"].to_numpy(),
                                       index=corp["complex"].to_numpy(), dtype="string")
    votes = _vote_counts(ds)

    dwellings = p["complex"].map(dwellings_by_complex).fillna(0).astype("int64").to_numpy()
    tenants = p["complex"].map(tenants_by_complex).fillna(0).astype("int64").to_numpy()
    tenants = np.minimum(tenants, dwellings)
    rows = p["project"].map(votes["rows"]).fillna(0).astype("int64").to_numpy()
    yes = p["project"].map(votes["yes"]).fillna(0).astype("int64").to_numpy()
    no = p["project"].map(votes["no"]).fillna(0).astype("int64").to_numpy()

    out = pd.DataFrame({
        "project": p["project"].astype("string"),
        "dwellings": dwellings,
        "tenants": tenants,
        "yes": yes,
        "no": no,
        "no_response": tenants - yes - no,
        "support_pct": _percent(yes, tenants),
        "status": pd.array(support_status(dwellings, tenants, yes), dtype="string"),
        "corporation": p["complex"].map(corporation_by_complex).astype("string"),
        "yes_needed": yes_still_needed(dwellings, tenants, yes),
        "deadline": objection_deadlines(support_status(dwellings, tenants, yes),
                                        p["notified_on"]).to_numpy(),
    })
    out["vote_rows"] = rows
    return out


def support_table(ds: Dataset) -> tuple[pd.DataFrame, list[Problem]]:
    """One row per project with at least one vote row (see :data:`SUPPORT_COLUMNS`).

    Returns the frame and the warnings found (none so far: vote rows that do not
    count — vacant dwelling, other complex, unknown value — are errors of the
    workbook validator and are simply not counted here).
    """
    out = _all_projects(ds)
    out = out[out["vote_rows"] > 0].drop(columns="vote_rows").reset_index(drop=True)
    return out[SUPPORT_COLUMNS], []


def campaign_table(ds: Dataset) -> pd.DataFrame:
    """Every campaign: the rows of :func:`support_table` plus each project with a
    campaign start date and no votes yet (nobody agreed so far), same columns."""
    out = _all_projects(ds)
    p = ds.projects
    started = out["project"].isin(p.loc[p["campaign_start"].notna().to_numpy(dtype=bool), "project"])
    keep = (out["vote_rows"] > 0).to_numpy() | started.to_numpy(dtype=bool)
    return out[keep].reset_index(drop=True)[SUPPORT_COLUMNS]


def _rows_of(values: pd.Series, wanted) -> np.ndarray:
    """Positions where ``values`` equals one of ``wanted`` (<NA> never matches).

    ``isin`` is about three times faster than ``==`` on a string column of 100,000
    rows and needs no NA handling."""
    return np.flatnonzero(values.isin(list(wanted)).to_numpy(dtype=bool))


def _complex_of(ds: Dataset, project: str):
    """The complex of ``project`` (None or <NA> when it has none); KeyError when the
    project is unknown."""
    p = ds.projects
    hit = _rows_of(p["project"], [project])
    if not len(hit):
        raise KeyError(f"unknown project {project!r}")
    return p["complex"].iat[int(hit[0])]


def project_tally(ds: Dataset, project: str) -> Tally:
    """The :class:`Tally` of one project, also when it has no votes yet.

    The same figures as that project's row of :func:`support_table`, computed from the
    project's own complex and votes only (a vote at 100,000 dwellings: a few ms rather
    than the whole programme).  Raises KeyError for an unknown project.
    """
    complex_id = _complex_of(ds, project)
    d = ds.dwellings
    has_complex = complex_id is not None and not pd.isna(complex_id)
    mine = _rows_of(d["complex"], [complex_id]) if has_complex else np.empty(0, dtype=np.int64)
    let = d["let"].to_numpy(dtype=bool, na_value=True)      # <NA> read as let
    declared = None
    if has_complex and not len(mine):  # no rows: the declared count, every dwelling let
        c = ds.complexes
        known = c["dwellings"].iloc[_rows_of(c["complex"], [complex_id])].dropna()
        declared = known.iat[0] if len(known) else None
    dwellings, tenants = complex_size(let[mine], declared)   # Woningen rows decide

    v = ds.votes
    v = v.iloc[_rows_of(v["project"], [project])]
    counted: set = set()
    if len(v) and has_complex:
        v = v[~v["dwelling"].duplicated(keep="last").to_numpy()]   # one vote per dwelling
        # a vote counts when its dwelling's first Woningen row (as in support_table) is
        # a let dwelling of the project's complex
        at = _rows_of(d["dwelling"], v["dwelling"].dropna().unique())
        ids = d["dwelling"].iloc[at].to_numpy(dtype=object, na_value=None)
        first = ~pd.Series(ids, dtype=object).duplicated(keep="first").to_numpy()
        ok = first & let[at] & d["complex"].iloc[at].isin([complex_id]).to_numpy(dtype=bool)
        counted = set(ids[ok])
        starts = d["let_since"].iloc[at].to_numpy(dtype=object, na_value=None)
        since = {i: s for i, s, f in zip(ids, starts, first) if f and s is not None}
    else:
        since = {}
    return tally_votes(dwellings, tenants, counted,
                       zip(v["dwelling"].to_numpy(dtype=object, na_value=None),
                           v["vote"].to_numpy(dtype=object, na_value=None),
                           v["date"].to_numpy(dtype=object, na_value=None)), since)


def let_dwellings(ds: Dataset, project: str) -> pd.DataFrame:
    """The tenants the 70 % rule counts for ``project``: the let dwellings of its
    complex (``let`` <NA> read as let, a vacant dwelling has no tenant), one row per
    dwelling id (its first Woningen row, as :func:`support_table` counts), in Woningen
    order, with all Woningen columns.  Empty when the complex has no Woningen rows.

    Raises KeyError for an unknown project."""
    complex_id = _complex_of(ds, project)
    d = ds.dwellings
    if complex_id is None or pd.isna(complex_id):
        return d.iloc[:0]
    mine = d.iloc[_rows_of(d["complex"], [complex_id])]
    mine = mine[~mine["dwelling"].duplicated(keep="first").to_numpy()]
    return mine[mine["let"].to_numpy(dtype=bool, na_value=True)]


def follow_up(ds: Dataset, project: str) -> pd.DataFrame:
    """The let dwellings of the project's complex without a yes/no answer of their
    current tenant (no vote row, ``geen reactie``, or only a former tenant's vote):
    columns dwelling, address, in Woningen order.

    Raises KeyError for an unknown project.
    """
    complex_id = _complex_of(ds, project)
    d = ds.dwellings
    mine = d.iloc[_rows_of(d["complex"], [complex_id])] \
        if complex_id is not None and not pd.isna(complex_id) else d.iloc[:0]
    mine = mine[mine["let"].to_numpy(dtype=bool, na_value=True)]
    v = ds.votes
    v = v.iloc[_rows_of(v["project"], [project])]
    v = v.drop_duplicates("dwelling", keep="last")
    v = v[_canonical_votes(v["vote"]).isin([Vote.YES.value, Vote.NO.value])
          .fillna(False).to_numpy(dtype=bool)]
    since = mine.drop_duplicates("dwelling").set_index("dwelling")["let_since"]
    answered = v.loc[by_current_tenant(v["date"], v["dwelling"].map(since)
                                       .astype("datetime64[s]")), "dwelling"]
    left = mine[~mine["dwelling"].isin(answered)]
    return left[["dwelling", "address"]].reset_index(drop=True)


__all__ = [
    "PRESUMPTION_MIN_DWELLINGS", "SUPPORT_PERCENT", "OBJECTION_DAYS",
    "REACHED", "NOT_REACHED", "INDIVIDUAL_CONSENT", "SUPPORT_STATUSES", "SUPPORT_COLUMNS",
    "Tally", "tally", "tally_votes", "by_current_tenant", "former_tenant", "complex_size",
    "support_reached", "support_status", "yes_still_needed",
    "objection_deadline", "objection_deadlines", "Deadline", "NO_NOTICE", "NO_SUPPORT",
    "NO_PRESUMPTION", "passes_support_stage", "needs_override", "gate_refuses", "gate_text", "gate_allows",
    "support_table", "campaign_table", "project_tally", "follow_up", "let_dwellings",
]
