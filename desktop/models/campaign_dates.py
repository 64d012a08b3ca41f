"""Dates of a support campaign that cannot be (issue 19.2), in one place.

* The written notification cannot come before the campaign started.
* A form (vote) date cannot lie in the future, nor before the project's campaign
  started (when its start is known).

The scalar functions serve the edits (the support page's date fields and the vote
entry); :func:`impossible_vote_dates` / :func:`notified_before_start` the workbook
reader (through :func:`desktop.models.invariants.validate_dataset`).  Messages come in
English and Dutch.  No Qt.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

Message = tuple[str, str]      # (English, Dutch)


def _day(value) -> dt.date | None:
    if value is None or value is pd.NaT or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _show(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def notified_message(start: dt.date) -> Message:
    return (f"The tenants cannot have been notified before the campaign started ({_show(start)}).",
            f"De huurders kunnen niet geïnformeerd zijn vóór de start van de campagne ({_show(start)}).")


FUTURE_FORM: Message = ("A form date cannot lie in the future.",
                        "Een formulierdatum kan niet in de toekomst liggen.")


def early_form_message(start: dt.date) -> Message:
    return (f"A form date cannot lie before the campaign started ({_show(start)}).",
            f"Een formulierdatum kan niet vóór de start van de campagne liggen ({_show(start)}).")


def campaign_date_errors(campaign_start, notified_on) -> dict[str, Message]:
    """The impossible campaign dates: field -> message (empty when both can be)."""
    start, notified = _day(campaign_start), _day(notified_on)
    if start is not None and notified is not None and notified < start:
        return {"notified_on": notified_message(start)}
    return {}


def vote_date_error(date, campaign_start, today: dt.date | None = None) -> Message | None:
    """Why a form date cannot be (in the future, before the campaign started), or None."""
    day, start = _day(date), _day(campaign_start)
    if day is None:
        return None
    if day > (today or dt.date.today()):
        return FUTURE_FORM
    if start is not None and day < start:
        return early_form_message(start)
    return None


def notified_before_start(projects: pd.DataFrame) -> np.ndarray:
    """Per project row: notified before its campaign started (both known)."""
    start = pd.to_datetime(projects["campaign_start"])
    notified = pd.to_datetime(projects["notified_on"])
    return (notified < start).fillna(False).to_numpy(dtype=bool)


def impossible_vote_dates(votes: pd.DataFrame, campaign_start: pd.Series,
                          today: dt.date | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per vote row: (in the future, before its project's campaign start);
    ``campaign_start`` holds each vote row's project's start (NaT when unknown)."""
    date = pd.to_datetime(votes["date"])
    future = (date > pd.Timestamp(today or dt.date.today())).fillna(False).to_numpy(dtype=bool)
    early = (date < pd.to_datetime(campaign_start).to_numpy()).fillna(False).to_numpy(dtype=bool) \
        if len(votes) else np.zeros(0, dtype=bool)
    return future, early & ~future


__all__ = ["campaign_date_errors", "vote_date_error", "notified_before_start",
           "impossible_vote_dates", "FUTURE_FORM", "early_form_message", "notified_message"]
