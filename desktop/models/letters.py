"""The figures of the tenant letters (issue 22.1): one letter per let dwelling of a
project's complex — the offer before the vote, or the written notification after 70 %
agreed.  No Qt; the printed letters are :mod:`desktop.documents.letters`.

Who gets a letter: the tenants the 70 % rule counts (:func:`support.let_dwellings`):
the let dwellings of the project's complex; a vacant dwelling has no tenant and gets
none.

The money is the affordability model's (:func:`affordability.project_table`, 3K/3L),
never recomputed: the rent increase, the monthly energy saving at the tariffs of the
project's year, the energy costs before and after (at the complex's average use).  Per
dwelling only its own net rent differs: the dwelling's rent, else its complex's (the
model's rule for a dwelling without one), so its housing costs are
``rent + energy costs before`` and ``rent + rent increase + energy costs after`` — for a
dwelling paying the complex's average rent exactly the model's housing costs.  All
amounts are whole cents.

Refused with :class:`LetterError` (English and Dutch): an unknown project, one the
affordability check leaves out (cancelled, without a year, an unpriceable saving), a
rent increase for energy measures from 2023 on (the national agreement: 0 — correct the
project first), a complex without Woningen rows (no addresses), and a notification
before 70 % of all tenants agreed (or for fewer than 10 dwellings, where the 70 % rule
does not apply).
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import affordability, support
from .dataset import Dataset
from .defaults import NO_ENERGY_RENT_INCREASE_FROM
from .letter_templates import LANGUAGES
from .measures import catalogue, parse_measures, split_measures

KINDS = ("offer", "notification")        # the letters; the offer carries the reply slip
REPLY_WEEKS = 4                          # default reply date: campaign start + 4 weeks

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


class LetterError(ValueError):
    """Letters that cannot be made for this project (input error): English and Dutch."""

    def __init__(self, en: str, nl: str):
        super().__init__(en)
        self.message, self.message_nl = en, nl

    def message_in(self, lang: str) -> str:
        return self.message_nl if lang == "nl" else self.message


def as_date(value) -> dt.date | None:
    """A date, datetime, Timestamp or text as a date; None when missing."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    stamp = pd.Timestamp(value)
    return None if pd.isna(stamp) else stamp.date()


def _cents(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def default_reply_date(campaign_start: dt.date | None, letter_date: dt.date) -> dt.date:
    """Campaign start + :data:`REPLY_WEEKS` weeks; from the letter's date when the
    campaign has not started or that date would already have passed."""
    start = campaign_start or letter_date
    reply = start + dt.timedelta(weeks=REPLY_WEEKS)
    return reply if reply > letter_date else letter_date + dt.timedelta(weeks=REPLY_WEEKS)


@dataclass(frozen=True)
class LetterBatch:
    """The letters of one project: what all share, and per dwelling (``dwellings``:
    columns dwelling, address, tenant, rent_before_cents, rent_after_cents,
    housing_cost_before_cents, housing_cost_after_cents; Int64 cents, <NA> unknown)."""

    kind: str
    project: str
    complex: str
    complex_name: str
    corporation: str
    neighbourhood: str
    year: int                       # planned: the project's year of completion
    measures_nl: tuple[str, ...]
    measures_en: tuple[str, ...]
    rent_increase_cents: int
    energy_saving_cents: int
    energy_cost_before_cents: int | None
    energy_cost_after_cents: int | None
    tariff_year: int
    tariff_estimate: bool
    letter_date: dt.date
    reply_by: dt.date
    campaign_start: dt.date | None
    tenants: int
    yes: int
    support_pct: float
    notified_on: dt.date | None         # the notification's date (notification only)
    objection_deadline: dt.date | None  # notification only
    dwellings: pd.DataFrame

    def __len__(self) -> int:
        return len(self.dwellings)

    @functools.cached_property
    def _columns(self) -> dict[str, list]:
        """The per-dwelling columns as plain lists (None for missing): a letter reads
        its row 10,000 times, ``iloc`` would cost 2 ms each."""
        return {c: self.dwellings[c].astype(object).where(self.dwellings[c].notna(), None).tolist()
                for c in self.dwellings.columns}

    def figures(self, i: int) -> dict:
        """The figures of letter ``i`` (cents as int or None)."""
        col = self._columns

        def cents(name):
            value = col[name][i]
            return None if value is None else int(value)

        return {
            "dwelling": str(col["dwelling"][i]),
            "address": None if col["address"][i] is None else str(col["address"][i]),
            "tenant": None if col["tenant"][i] is None else str(col["tenant"][i]),
            "rent_before_cents": cents("rent_before_cents"),
            "rent_increase_cents": self.rent_increase_cents,
            "rent_after_cents": cents("rent_after_cents"),
            "energy_saving_cents": self.energy_saving_cents,
            "energy_cost_before_cents": self.energy_cost_before_cents,
            "energy_cost_after_cents": self.energy_cost_after_cents,
            "housing_cost_before_cents": cents("housing_cost_before_cents"),
            "housing_cost_after_cents": cents("housing_cost_after_cents"),
        }


# ----------------------------------------------------------------------------- build
def _project_row(ds: Dataset, project: str) -> pd.Series:
    p = ds.projects
    hit = np.flatnonzero(p["project"].isin([project]).to_numpy(dtype=bool))
    if not len(hit):
        raise LetterError(f"Unknown project {project!r}.", f"Onbekend project {project!r}.")
    return p.iloc[int(hit[0])]


def _affordability_row(ds: Dataset, project: str, status) -> pd.Series:
    frame, _warnings = affordability.project_table(ds)
    hit = frame[frame["project"].isin([project]).to_numpy(dtype=bool)]
    if len(hit):
        return hit.iloc[0]
    if isinstance(status, str) and status == "vervallen":
        raise LetterError(f"Project {project} is cancelled: no letters.",
                          f"Project {project} is vervallen: geen brieven.")
    raise LetterError(
        f"Project {project} has no year of completion or its energy saving cannot be computed: "
        f"the letters need both.",
        f"Project {project} heeft geen jaar van oplevering of de energiebesparing kan niet berekend "
        f"worden: de brieven hebben beide nodig.")


def _measure_names(ds: Dataset, text) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The project's measures by name, Dutch and English (a measure not in the
    catalogue as written, in both)."""
    known, unknown = parse_measures(split_measures(text), catalogue(ds))
    nl = [_in_sentence(m.dutch) for m in known] + list(unknown)
    en = [_in_sentence(m.english) for m in known] + list(unknown)
    return tuple(nl), tuple(en)


def _in_sentence(name: str) -> str:
    """'Dakisolatie' -> 'dakisolatie'; 'HR++ glas' stays (an abbreviation)."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def letters(ds: Dataset, project: str, kind: str = "offer", *, today: dt.date | None = None,
            reply_by: dt.date | None = None, notified_on: dt.date | None = None) -> LetterBatch:
    """The letters of ``project``: one per let dwelling of its complex.

    ``today``: the letter's date (default today).  ``reply_by``: the offer's reply date
    (default :func:`default_reply_date`).  ``notified_on``: the notification's date
    (default the project's *Huurders geïnformeerd op*, else ``today``); the objection
    deadline is 8 weeks after it (:func:`support.objection_deadline`).
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    today = today or dt.date.today()
    p = _project_row(ds, project)
    a = _affordability_row(ds, project, p["status"])
    increase = int(a["rent_increase_cents"])
    if bool(a["energy_rent_increase_forbidden"]):
        euros = affordability._fmt_eur(increase)
        euros_nl = affordability._fmt_eur_nl(increase)
        raise LetterError(
            f"Project {project} ({int(a['year'])}) has a rent increase of {euros} per month for "
            f"energy measures; since 1 January {NO_ENERGY_RENT_INCREASE_FROM} corporations charge "
            f"none. Correct the project before printing letters.",
            f"Project {project} ({int(a['year'])}) heeft een huurverhoging van {euros_nl} per maand "
            f"voor energiemaatregelen; sinds 1 januari {NO_ENERGY_RENT_INCREASE_FROM} vragen "
            f"corporaties die niet. Pas het project aan voordat u brieven maakt.")
    complex_id = str(p["complex"])
    tenants_rows = support.let_dwellings(ds, project)
    d = ds.dwellings
    if not d["complex"].isin([complex_id]).any():
        raise LetterError(
            f"Complex {complex_id} has no dwellings in Woningen: the letters need each "
            f"dwelling's address.",
            f"Complex {complex_id} heeft geen woningen in Woningen: de brieven hebben het adres "
            f"van elke woning nodig.")
    t = support.project_tally(ds, project)

    notified = objection = None
    if kind == "notification":
        notified = notified_on or as_date(p["notified_on"]) or today
        deadline = support.objection_deadline(t, notified)
        if deadline.reason == support.NO_PRESUMPTION:
            raise LetterError(
                f"Project {project}: the complex has fewer than 10 dwellings, so the 70 % rule does "
                f"not apply (each tenant consents for themselves): no notification.",
                f"Project {project}: het complex heeft minder dan 10 woningen, de 70 %-regel geldt "
                f"niet (elke huurder stemt zelf in): geen kennisgeving.")
        if deadline.reason == support.NO_SUPPORT:
            raise LetterError(
                f"Project {project}: 70 % of all tenants has not agreed yet ({t.yes} of "
                f"{t.tenants}, {t.yes_needed} more needed): no notification.",
                f"Project {project}: nog geen 70 % van alle huurders heeft ingestemd ({t.yes} van "
                f"{t.tenants}, nog {t.yes_needed} nodig): geen kennisgeving.")
        objection = deadline.on

    # per dwelling: its own rent (else the complex's), the model's energy costs
    c = ds.complexes
    crow = c[c["complex"].isin([complex_id]).to_numpy(dtype=bool)]
    c_rent = crow["rent_cents"].iat[0] if len(crow) else pd.NA
    rent = tenants_rows["rent_cents"].astype("Int64").reset_index(drop=True)
    if not pd.isna(c_rent):
        rent = rent.fillna(int(c_rent))
    e_before = _cents(a["energy_cost_before_cents"])
    e_after = _cents(a["energy_cost_after_cents"])
    unknown = pd.Series(pd.NA, index=rent.index, dtype="Int64")
    frame = pd.DataFrame({
        "dwelling": tenants_rows["dwelling"].astype("string").reset_index(drop=True),
        "address": tenants_rows["address"].astype("string").reset_index(drop=True),
        "tenant": tenants_rows["tenant_name"].astype("string").reset_index(drop=True),
        "rent_before_cents": rent,
        "rent_after_cents": rent + increase,
        "housing_cost_before_cents": rent + e_before if e_before is not None else unknown,
        "housing_cost_after_cents": rent + increase + e_after if e_after is not None else unknown,
    })
    measures_nl, measures_en = _measure_names(ds, p["measures"])
    name = crow["name"].iat[0] if len(crow) else None
    start = as_date(p["campaign_start"])
    return LetterBatch(
        kind=kind, project=str(project), complex=complex_id,
        complex_name=complex_id if name is None or pd.isna(name) else str(name),
        corporation=str(a["corporation"]) if not pd.isna(a["corporation"]) else "",
        neighbourhood=str(a["neighbourhood"]) if not pd.isna(a["neighbourhood"]) else "",
        year=int(a["year"]), measures_nl=measures_nl, measures_en=measures_en,
        rent_increase_cents=increase, energy_saving_cents=int(a["energy_saving_cents"]),
        energy_cost_before_cents=e_before, energy_cost_after_cents=e_after,
        tariff_year=int(a["tariff_source_year"]), tariff_estimate=bool(a["tariff_estimate"]),
        letter_date=notified if kind == "notification" else today,
        reply_by=reply_by or default_reply_date(start, today), campaign_start=start,
        tenants=t.tenants, yes=t.yes, support_pct=t.support_pct,
        notified_on=notified, objection_deadline=objection, dwellings=frame)


# ----------------------------------------------------------------------------- words
def money(cents: int | None, lang: str) -> str:
    """€ 1.234,56 (nl) / €1,234.56 (en); a minus sign before the euro; '–' unknown."""
    if cents is None:
        return "–"
    sign = "−" if cents < 0 else ""
    text = f"{abs(cents) / 100:,.2f}"
    if lang == "nl":
        return f"{sign}€\u00a0" + text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return f"{sign}€" + text


def date_text(day: dt.date | None, lang: str) -> str:
    """5 december 2026 (nl) / 5 December 2026 (en)."""
    if day is None:
        return "–"
    months = MONTHS_NL if lang == "nl" else MONTHS_EN
    return f"{day.day} {months[day.month - 1]} {day.year}"


def percent(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return (text.replace(".", ",") + "\u00a0%") if lang == "nl" else text + "\u00a0%"


def words(items, lang: str) -> str:
    """'a, b en c' / 'a, b and c'."""
    items = list(items)
    if not items:
        return "–"
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + (" en " if lang == "nl" else " and ") + items[-1]


NO_TENANT = {"nl": "De bewoner", "en": "The occupant"}


def values(batch: LetterBatch, i: int, lang: str) -> dict[str, str]:
    """Every placeholder's text for letter ``i`` in ``lang``
    (:data:`desktop.models.letter_templates.PLACEHOLDERS`)."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}")
    f = batch.figures(i)
    change = None
    if f["housing_cost_before_cents"] is not None and f["housing_cost_after_cents"] is not None:
        change = f["housing_cost_after_cents"] - f["housing_cost_before_cents"]
    return {
        "date": date_text(batch.letter_date, lang),
        "corporation": batch.corporation,
        "complex": batch.complex,
        "complex_name": batch.complex_name,
        "neighbourhood": batch.neighbourhood,
        "project": batch.project,
        "dwelling": f["dwelling"],
        "address": f["address"] or "–",
        "tenant": f["tenant"] or NO_TENANT[lang],
        "measures": words(batch.measures_nl if lang == "nl" else batch.measures_en, lang),
        "period": str(batch.year),
        "rent_before": money(f["rent_before_cents"], lang),
        "rent_increase": money(f["rent_increase_cents"], lang),
        "rent_after": money(f["rent_after_cents"], lang),
        "energy_saving": money(f["energy_saving_cents"], lang),
        "energy_cost_before": money(f["energy_cost_before_cents"], lang),
        "energy_cost_after": money(f["energy_cost_after_cents"], lang),
        "housing_cost_before": money(f["housing_cost_before_cents"], lang),
        "housing_cost_after": money(f["housing_cost_after_cents"], lang),
        "housing_cost_change": money(change, lang),
        "tariff_year": str(batch.tariff_year),
        "reply_date": date_text(batch.reply_by, lang),
        "tenants": str(batch.tenants),
        "yes": str(batch.yes),
        "support_pct": percent(batch.support_pct, lang),
        "notified_on": date_text(batch.notified_on, lang),
        "objection_deadline": date_text(batch.objection_deadline, lang),
    }


__all__ = ["KINDS", "REPLY_WEEKS", "LetterError", "LetterBatch", "letters", "values", "as_date",
           "default_reply_date", "money", "date_text", "percent", "words"]
