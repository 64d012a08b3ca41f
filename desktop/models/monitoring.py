"""The yearly monitoring report to the municipality (issue 22, point 2; sector notes §6):
the figures for one year Y, each taken from the one model that computes it.

* **targets** — :func:`programme.target_table`: every agreed target whose period
  starts in or before Y (the summary speaks of each corporation's latest), with homes planned and done in the whole period (as the Programme page
  shows them) and ``done_by_year``: the done homes of the period's years up to Y (the
  corporation's rows of :func:`programme.done_matrix`);
* **neighbourhoods** — :func:`programme.matrix` / :func:`programme.done_matrix` per
  corporation and neighbourhood: homes planned and done in Y and up to Y;
* **campaigns** — :func:`support.campaign_table` for the campaigns started in or before
  Y (a campaign without a start date but with votes counts: it has started);
* **affordability** — :func:`affordability.corporation_year_table` (3K) for every year
  up to Y and the years of the agreements running in Y;
* **labels** — the label distribution of :func:`co2.emissions` (the chart the CO2 page
  draws) now and at the end of Y, A++++ … G (and "?" for homes without a label, when any); the E/F/G counts now, at the end of Y and in 2028 from
  :func:`yardsticks.yardsticks`;
* **co2** — :func:`co2.emissions` totals, :func:`co2.target_path` and :func:`co2.gap`
  for Y, 2030 and 2050;
* **summary** — a few sentences in Dutch and in English made from the figures above.

"Now" is the current calendar year (``today``), within the model's years.  Nothing here
recomputes a rule; it selects and words the models' figures.  Qt-free: the xlsx writer
(:mod:`desktop.exchange.monitoring_xlsx`), the PDF (:mod:`desktop.documents.report`) and
the ``report`` command read the same :class:`Monitoring`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import affordability, co2, programme, support, yardsticks
from .dataset import Dataset
from .defaults import BASE_YEAR, HORIZON_YEAR
from .enums import LABELS

GAP_YEARS = (2030, 2050)
UNKNOWN_LABEL = "?"
LABEL_ROWS = (*LABELS, UNKNOWN_LABEL)
LANGUAGES = ("nl", "en")


class YearOutOfRange(ValueError):
    """The year lies outside the data (the plan's years and the model's range)."""

    def __init__(self, year: int, first: int, last: int) -> None:
        super().__init__(f"year {year} lies outside the data ({first}–{last})")
        self.year, self.first, self.last = year, first, last

    def message_in(self, lang: str) -> str:
        if lang == "nl":
            return f"het jaar {self.year} valt buiten de gegevens ({self.first}–{self.last})"
        return str(self)


def year_range(ds: Dataset, base_year: int = BASE_YEAR) -> tuple[int, int]:
    """The years a report can be made for: the base year up to the last year of a
    project or target (at most the horizon)."""
    years = [base_year]
    for values in (ds.projects["year"], ds.targets["to_year"]):
        v = pd.to_numeric(values, errors="coerce").dropna()
        if len(v):
            years.append(int(v.max()))
    return base_year, min(max(years), HORIZON_YEAR)


@dataclass
class Monitoring:
    """The report's figures for ``year`` (see the module's doc)."""

    year: int
    base_year: int
    now: int
    targets: pd.DataFrame
    neighbourhoods: pd.DataFrame
    campaigns: pd.DataFrame
    affordability: pd.DataFrame
    labels: pd.DataFrame            # label, now, end_of_year (homes)
    efg: dict                       # now, end_of_year, deadline, complexes_deadline
    co2: pd.DataFrame               # year, tonnes, target_tonnes, gap_tonnes (selected years)
    gaps: dict                      # year -> co2.gap(...) for Y, 2030, 2050
    co2_result: co2.Co2Result = field(repr=False)
    summary: dict = field(default_factory=dict)   # lang -> list of sentences

    def corporations(self) -> list[str]:
        names = set(self.targets["corporation"].dropna()) | set(
            self.neighbourhoods["corporation"].dropna())
        return sorted(n for n in names if n)


# ----------------------------------------------------------------------------- figures
def _targets(ds: Dataset, year: int, done: pd.DataFrame) -> pd.DataFrame:
    t = programme.target_table(ds)
    t = t[t["from_year"] <= year].reset_index(drop=True)
    by_corp = done.groupby(level="corporation").sum() if len(done) else done
    done_by_year = []
    for corp, a, b in zip(t["corporation"], t["from_year"], t["to_year"]):
        cols = [y for y in range(int(a), min(int(b), year) + 1) if y in by_corp.columns]
        done_by_year.append(int(by_corp.loc[corp, cols].sum()) if corp in by_corp.index else 0)
    t["done_by_year"] = np.array(done_by_year, dtype="int64")
    return t[["corporation", "period", "from_year", "to_year", "target", "planned", "done",
              "done_by_year", "shortfall", "verdict", "planned_pct", "done_pct"]]


def _neighbourhoods(planned: pd.DataFrame, done: pd.DataFrame, year: int) -> pd.DataFrame:
    def cols(m: pd.DataFrame, upto: bool) -> pd.Series:
        wanted = [c for c in m.columns if (c <= year if upto else c == year)]
        return m[wanted].sum(axis=1) if wanted else pd.Series(0, index=m.index)

    out = pd.DataFrame({"planned": cols(planned, False), "done": cols(done, False),
                        "planned_to_date": cols(planned, True), "done_to_date": cols(done, True)})
    out = out.fillna(0).astype("int64")
    keep = (out != 0).any(axis=1)
    return out[keep].reset_index()


def _campaigns(ds: Dataset, year: int) -> pd.DataFrame:
    table = support.campaign_table(ds)
    starts = ds.projects.drop_duplicates("project").set_index("project")["campaign_start"]
    start = pd.to_datetime(table["project"].map(starts), errors="coerce")
    keep = (start.isna() | (start.dt.year <= year)).to_numpy(dtype=bool)
    out = table[keep].copy()
    out.insert(1, "campaign_start", start[keep].dt.date.to_numpy())
    return out.sort_values(["corporation", "project"], kind="stable").reset_index(drop=True)


def _affordability(ds: Dataset, year: int, last_year: int) -> pd.DataFrame:
    frame, _ = affordability.corporation_year_table(ds)
    if frame.empty:
        return frame
    return frame[frame["year"] <= last_year].reset_index(drop=True)


def _labels(result: co2.Co2Result, now: int, year: int) -> pd.DataFrame:
    lab = result.labels
    label = lab["label"].astype("string").fillna(UNKNOWN_LABEL)

    def counts(y: int) -> np.ndarray:
        rows = (lab["year"] == y).to_numpy(dtype=bool)
        s = lab.loc[rows, "dwellings"].groupby(label[rows].to_numpy()).sum()
        return s.reindex(list(LABEL_ROWS), fill_value=0).to_numpy(dtype="int64")

    out = pd.DataFrame({"label": list(LABEL_ROWS), "now": counts(now), "end_of_year": counts(year)})
    unknown = out["label"] == UNKNOWN_LABEL
    return out[~(unknown & (out["now"] == 0) & (out["end_of_year"] == 0))].reset_index(drop=True)


def _co2(result: co2.Co2Result, year: int) -> tuple[pd.DataFrame, dict]:
    totals = result.totals()
    path = co2.target_path(float(totals["tonnes"].iloc[0]), result.base_year, result.end_year)
    frame = totals[["year", "tonnes"]].merge(path[["year", "target_tonnes"]], on="year")
    frame["gap_tonnes"] = frame["tonnes"] - frame["target_tonnes"]
    shown = sorted({result.base_year, year, *range(2025, result.end_year + 1, 5)})
    frame = frame[frame["year"].isin(shown)].reset_index(drop=True)
    gaps = {y: co2.gap(result, y) for y in sorted({year, *GAP_YEARS})}
    return frame, gaps


def monitoring(ds: Dataset, year: int, base_year: int = BASE_YEAR,
               today: dt.date | None = None, progress=None) -> Monitoring:
    """The report's figures for ``year``; raises :class:`YearOutOfRange` for a year
    outside :func:`year_range`.  ``progress(fraction)`` is called between the models
    (an exception it raises, such as a cancel, stops the work)."""
    first, last = year_range(ds, base_year)
    if not first <= year <= last:
        raise YearOutOfRange(year, first, last)
    tick = progress or (lambda _f: True)
    now = min(max((today or dt.date.today()).year, base_year), HORIZON_YEAR)

    planned = programme.matrix(ds)
    done = programme.done_matrix(ds)
    targets = _targets(ds, year, done)
    neighbourhoods = _neighbourhoods(planned, done, year)
    tick(0.15)
    campaigns = _campaigns(ds, year)
    tick(0.25)
    last_year = max([year, *targets["to_year"].dropna().astype(int).tolist()])
    afford = _affordability(ds, year, last_year)
    tick(0.45)
    result, _warnings = co2.emissions(ds, base_year, HORIZON_YEAR)
    tick(0.75)
    ys = yardsticks.yardsticks(ds, base_year, HORIZON_YEAR)
    efg_totals = ys.totals().set_index("year")["efg"]
    deadline = yardsticks.EFG_DEADLINE
    efg = {"now": int(efg_totals.get(now, 0)), "end_of_year": int(efg_totals.get(year, 0)),
           "deadline": int(efg_totals.get(deadline, 0)), "deadline_year": deadline,
           "complexes_deadline": len(yardsticks.efg_after_deadline(ds, ys))}
    tick(0.9)
    co2_frame, gaps = _co2(result, year)
    m = Monitoring(year, base_year, now, targets, neighbourhoods, campaigns, afford,
                   _labels(result, now, year), efg, co2_frame, gaps, result)
    m.summary = {lang: summary(m, lang) for lang in LANGUAGES}
    tick(1.0)
    return m


# ----------------------------------------------------------------------------- words
def integer(value, lang: str) -> str:
    """1.234 (nl) / 1,234 (en)."""
    text = f"{int(round(float(value))):,}"
    return text.replace(",", ".") if lang == "nl" else text


def decimal(value, lang: str, places: int = 1) -> str:
    """1.234,5 (nl) / 1,234.5 (en); "–" when missing."""
    if value is None or pd.isna(value):
        return "–"
    text = f"{float(value):,.{places}f}"
    if lang == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def money(euros, lang: str) -> str:
    return "–" if euros is None or pd.isna(euros) else "€\u00a0" + decimal(euros, lang, 2)


VERDICTS = {
    "short": ("fewer than agreed", "minder dan afgesproken"), "met": ("as agreed", "zoals afgesproken"),
    "over": ("more than agreed", "meer dan afgesproken"),
    support.REACHED: ("70 % reached", "70 % gehaald"),
    support.NOT_REACHED: ("70 % not reached", "70 % niet gehaald"),
    support.INDIVIDUAL_CONSENT: ("own consent each", "instemming per huurder"),
    True: ("yes", "ja"), False: ("no", "nee"),
}


def verdict(value, lang: str) -> str:
    if value is None or value is pd.NA:
        return "–"
    key = bool(value) if isinstance(value, (bool, np.bool_)) else value
    en, nl = VERDICTS.get(key, (str(value), str(value)))
    return nl if lang == "nl" else en


def summary(m: Monitoring, lang: str) -> list[str]:
    """The report's summary in words: one sentence per corporation's running agreement,
    then campaigns, affordability, labels and CO2."""
    nl = lang == "nl"
    n = lambda v: integer(v, lang)                     # noqa: E731
    y = m.year
    out: list[str] = []
    done_in_year = m.neighbourhoods.groupby("corporation")["done"].sum() if len(m.neighbourhoods) \
        else pd.Series(dtype="int64")
    latest = m.targets.sort_values("from_year", kind="stable").drop_duplicates("corporation", keep="last")
    for r in latest.sort_values("corporation", kind="stable").itertuples(index=False):
        d = int(done_in_year.get(r.corporation, 0))
        if nl:
            out.append(f"In {y} rondde {r.corporation} {n(d)} woningen af; eind {y} waren {n(r.done_by_year)} "
                       f"van de {n(r.target)} woningen gereed die voor {r.period} zijn afgesproken, en "
                       f"zijn er {n(r.planned)} gepland ({verdict(r.verdict, lang)}).")
        else:
            out.append(f"In {y} {r.corporation} completed {n(d)} homes; by the end of {y} {n(r.done_by_year)} "
                       f"of the {n(r.target)} homes agreed for {r.period} were done, and {n(r.planned)} "
                       f"are planned ({verdict(r.verdict, lang)}).")
    if not len(m.targets):
        out.append(f"Voor {y} is geen afspraak over aantallen woningen vastgelegd." if nl
                   else f"No target for homes is recorded for {y}.")
    c = m.campaigns
    reached = int((c["status"] == support.REACHED).sum()) if len(c) else 0
    out.append(f"Tot en met {y} zijn {n(len(c))} stemcampagnes gestart; bij {n(reached)} stemde "
               f"70 % of meer van de huurders in." if nl else
               f"By the end of {y}, {n(len(c))} campaigns had started; in {n(reached)} of them "
               f"70 % or more of the tenants agreed.")
    a = m.affordability
    ay = a[a["year"] == y] if len(a) else a
    if len(ay):
        bad = ay[~ay["ok"].astype(bool)]
        if len(bad):
            names = ", ".join(bad["corporation"].astype(str))
            out.append(f"In {y} is de huurverhoging gemiddeld hoger dan de energiebesparing bij: {names}."
                       if nl else f"In {y} the average rent increase exceeds the energy saving at: {names}.")
        else:
            out.append(f"In {y} blijft de huurverhoging bij elke corporatie binnen de energiebesparing."
                       if nl else f"In {y} the rent increase stays within the energy saving at every "
                       f"corporation.")
    e = m.efg
    out.append(f"Woningen met label E, F of G: {n(e['now'])} nu ({m.now}), {n(e['end_of_year'])} eind {y} "
               f"en {n(e['deadline'])} in {e['deadline_year']} (doel: geen na {e['deadline_year']})."
               if nl else
               f"Homes labelled E, F or G: {n(e['now'])} now ({m.now}), {n(e['end_of_year'])} at the end "
               f"of {y} and {n(e['deadline'])} in {e['deadline_year']} (target: none after "
               f"{e['deadline_year']}).")
    g, g30 = m.gaps[y], m.gaps[2030]
    out.append(f"CO2-uitstoot in {y}: {n(g['tonnes'])} ton (pad: {n(g['target_tonnes'])} ton); in 2030 "
               f"{n(g30['tonnes'])} ton tegen {n(g30['target_tonnes'])} ton volgens het pad, een "
               f"{'achterstand' if g30['gap_tonnes'] > 0 else 'voorsprong'} van "
               f"{n(abs(g30['gap_tonnes']))} ton." if nl else
               f"CO2 emissions in {y}: {n(g['tonnes'])} tonnes (path: {n(g['target_tonnes'])} tonnes); "
               f"in 2030 {n(g30['tonnes'])} tonnes against {n(g30['target_tonnes'])} on the path, "
               f"{n(abs(g30['gap_tonnes']))} tonnes {'behind' if g30['gap_tonnes'] > 0 else 'ahead'}.")
    return out


# ----------------------------------------------------------------------------- sections
@dataclass(frozen=True)
class Column:
    name: str           # column of the section's frame
    en: str
    nl: str
    kind: str = "text"  # text, int, euros, pct, tonnes, date, verdict


@dataclass(frozen=True)
class Section:
    key: str
    en: str
    nl: str
    columns: tuple[Column, ...]
    frame: pd.DataFrame

    def title(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en

    def headers(self, lang: str) -> list[str]:
        return [c.nl if lang == "nl" else c.en for c in self.columns]


C = Column
CORPORATION = C("corporation", "Corporation", "Corporatie")


def sections(m: Monitoring) -> list[Section]:
    """The report's tables, in order: one per topic, the same for the PDF and the xlsx."""
    y = m.year
    co2 = m.co2
    return [
        Section("targets", f"Agreed targets up to {y}", f"Prestatieafspraken t/m {y}", (
            CORPORATION, C("period", "Period", "Periode"),
            C("target", "Agreed", "Afspraak", "int"),
            C("planned", "Planned", "Gepland", "int"),
            C("done", "Done", "Gereed", "int"),
            C("done_by_year", f"Done by end of {y}", f"Gereed eind {y}", "int"),
            C("done_pct", "Done (% of agreed)", "Gereed (% van afspraak)", "pct"),
            C("verdict", "Planned against the agreement", "Gepland tegen afspraak", "verdict")),
            m.targets),
        Section("neighbourhoods", f"Homes per neighbourhood in {y}", f"Woningen per buurt in {y}", (
            CORPORATION, C("neighbourhood", "Neighbourhood", "Buurt"),
            C("planned", f"Planned in {y}", f"Gepland in {y}", "int"),
            C("done", f"Done in {y}", f"Gereed in {y}", "int"),
            C("planned_to_date", f"Planned up to {y}", f"Gepland t/m {y}", "int"),
            C("done_to_date", f"Done up to {y}", f"Gereed t/m {y}", "int")),
            m.neighbourhoods),
        Section("campaigns", f"Campaigns started by the end of {y}", f"Stemcampagnes gestart t/m {y}", (
            CORPORATION, C("project", "Project", "Project"),
            C("campaign_start", "Started", "Gestart", "date"),
            C("dwellings", "Homes", "Woningen", "int"),
            C("tenants", "Tenants", "Huurders", "int"),
            C("yes", "Yes", "Ja", "int"), C("no", "No", "Nee", "int"),
            C("no_response", "No response", "Geen reactie", "int"),
            C("support_pct", "Yes %", "Ja %", "pct"),
            C("status", "Support", "Draagvlak", "verdict")),
            m.campaigns),
        Section("affordability", "Affordability per corporation and year",
                "Betaalbaarheid per corporatie en jaar", (
            CORPORATION, C("year", "Year", "Jaar"),
            C("dwellings", "Homes", "Woningen", "int"),
            C("projects", "Projects", "Projecten", "int"),
            C("avg_rent_increase_per_month", "Rent increase per month", "Huurverhoging per maand", "euros"),
            C("avg_energy_saving_per_month", "Energy saving per month", "Energiebesparing per maand",
              "euros"),
            C("ok", "Increase within the saving", "Verhoging binnen besparing", "verdict")),
            m.affordability),
        Section("labels", "Energy labels", "Energielabels", (
            C("label", "Label", "Label"),
            C("now", f"Now ({m.now})", f"Nu ({m.now})", "int"),
            C("end_of_year", f"End of {y}", f"Eind {y}", "int")),
            m.labels),
        Section("co2", "CO2 emissions and the path to 2050", "CO2-uitstoot en het pad naar 2050", (
            C("year", "Year", "Jaar"),
            C("tonnes", "Emissions with the plan (t)", "Uitstoot met het plan (t)", "tonnes"),
            C("target_tonnes", "Path (t)", "Pad (t)", "tonnes"),
            C("gap_tonnes", "Gap (t)", "Verschil (t)", "tonnes")),
            co2),
    ]


def cell_text(value, kind: str, lang: str) -> str:
    """A section's value as the PDF prints it."""
    if value is None or value is pd.NA or value is pd.NaT or (
            isinstance(value, float) and np.isnan(value)):
        return "–"
    if kind == "int":
        return integer(value, lang)
    if kind == "tonnes":
        return integer(value, lang)
    if kind == "pct":
        return decimal(value, lang, 1) + "\u00a0%"
    if kind == "euros":
        return money(value, lang)
    if kind == "date":
        return value.strftime("%d-%m-%Y") if lang == "nl" else value.strftime("%d/%m/%Y")
    if kind == "verdict":
        return verdict(value, lang)
    return str(value)


__all__ = ["Monitoring", "YearOutOfRange", "monitoring", "year_range", "summary", "integer",
           "decimal", "money", "verdict", "sections", "Section", "Column", "cell_text", "LABEL_ROWS", "GAP_YEARS", "LANGUAGES"]
