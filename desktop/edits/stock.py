"""The stock: complexes, dwellings and agreed targets."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

import pandas as pd

from ..models import fields as registry
from ..models.dataset import Dataset
from ..store.commands import Delete, Upsert
from .base import (
    EditError, _batch, _clean, _missing, _plain, _refuse, _save, _type_errors, check_rows, record,
    same,
)

# ----- the stock: complexes, dwellings, agreed targets --------------------------------
# A record is checked with the invariants the workbook reader applies
# (:func:`desktop.models.invariants.validate_dataset`, derived from the field registry):
# the edited rows are validated against the rest of the workspace, so a reference to a
# complex that does not exist, a value out of range, a label that is not a label or a
# dwelling count that does not match the complex's dwellings is refused with the same
# rule and message as in a workbook.  Values come in store units (money in whole cents);
# a number the form did not understand comes as its text and is refused.
# The tables the Stock page and the target editor edit.
STOCK_TABLES = ("complexes", "dwellings", "targets")

# A complex's figures the dwellings give when they have them (the form's hint).
PER_DWELLING = ("label", "gas_m3", "electricity_kwh", "rent_cents")



# ----- complexes --------------------------------------------------------------------
def save_complex(ds: Dataset, values: Mapping[str, Any], *, new: bool,
                 expected_version: int | None = None, label: str = ""):
    """Create (``new``) or update a complex (its id does not change)."""
    return _save(ds, "complexes", values, new, expected_version, label, ("a complex", "complex"))


def complex_users(ds: Dataset, complex_id: str) -> tuple[list[str], int]:
    """The projects of a complex and the number of votes recorded on its dwellings."""
    p = ds.projects
    projects = sorted(p.loc[p["complex"].isin([complex_id]).to_numpy(dtype=bool), "project"]
                      .astype(str))
    d = ds.dwellings
    ids = d.loc[d["complex"].isin([complex_id]).to_numpy(dtype=bool), "dwelling"]
    votes = int(ds.votes["dwelling"].isin(ids).sum()) if len(ids) else 0
    return projects, votes


def delete_complex(ds: Dataset, complex_id: str, *, expected_version: int | None = None,
                   label: str = ""):
    """Delete a complex and its dwellings (one undo step); refused while projects or
    votes refer to it, naming them."""
    projects, votes = complex_users(ds, complex_id)
    if projects or votes:
        shown = ", ".join(projects[:5]) + (" …" if len(projects) > 5 else "")
        en = (f"Complex {complex_id} cannot be deleted: projects {shown} refer to it"
              if projects else f"Complex {complex_id} cannot be deleted")
        nl = (f"Complex {complex_id} kan niet worden verwijderd: projecten {shown} verwijzen ernaar"
              if projects else f"Complex {complex_id} kan niet worden verwijderd")
        if votes:
            en += f"; {votes} tenant vote(s) are recorded on its dwellings"
            nl += f"; er zijn {votes} stem(men) van huurders op de woningen vastgelegd"
        raise EditError({"complex": (en + ". Delete or move those projects first.",
                                     nl + ". Verwijder of verplaats die projecten eerst.")})
    d = ds.dwellings
    ids = d.loc[d["complex"].isin([complex_id]).to_numpy(dtype=bool), "dwelling"].astype(str)
    commands = [Delete("dwellings", {"dwelling": i}, label=label) for i in ids]
    if ds.end_states["complex"].isin([complex_id]).any():     # its end state goes with it
        commands.append(Delete("end_states", {"complex": complex_id}, label=label))
    commands.append(Delete("complexes", {"complex": complex_id}, label=label,
                           expected_version=expected_version))
    return _batch(commands, label)


# ----- dwellings --------------------------------------------------------------------
def _count_follows(ds: Dataset, complex_id: str, rows: int, label: str) -> list:
    """Keep the complex's declared dwelling count equal to its Woningen rows (the
    invariant), when it has rows."""
    old = record(ds, "complexes", {"complex": complex_id}) or {}
    if rows <= 0 or same(old.get("dwellings"), rows):
        return []
    return [Upsert("complexes", {"complex": complex_id}, {"dwellings": rows}, label=label)]


def _rows_of(ds: Dataset, complex_id: str) -> int:
    return int(ds.dwellings["complex"].isin([complex_id]).sum())


def add_dwelling(ds: Dataset, values: Mapping[str, Any], label: str = ""):
    """Add a dwelling to its complex; the complex's dwelling count follows."""
    command = _save(ds, "dwellings", values, True, None, label, ("a dwelling", "woning"))
    complex_id = _clean("dwellings", {"complex": values.get("complex")})["complex"]
    follow = _count_follows(ds, complex_id, _rows_of(ds, complex_id) + 1, label)
    return _batch([command, *follow], label)


def _let_with_votes(ds: Dataset, olds: list[Mapping[str, Any]], values: Mapping[str, Any]) -> None:
    """Refuse flipping let/vacant by hand on a dwelling with recorded votes: only a
    tenancy change (:func:`move_out`, :func:`new_tenant`, dated) can tell whose votes
    they are, else a former tenant's vote would count again (or a vacant dwelling's
    vote be an error in the workbook)."""
    if "let" not in values or values["let"] is None:
        return
    flipped = [o["dwelling"] for o in olds
               if bool(True if _missing(o.get("let")) else o.get("let")) != bool(values["let"])]
    voted = sorted(set(ds.votes.loc[ds.votes["dwelling"].isin(flipped), "dwelling"].astype(str)))
    if voted:
        shown = ", ".join(voted[:5]) + (" …" if len(voted) > 5 else "")
        raise _refuse("let", f"Tenants voted for {shown}: record the change with its date on the "
                             "Tenant support page (Tenancy change: Tenant moved out… / New tenant…), "
                             "so that a former tenant's vote no longer counts.",
                      f"Voor {shown} stemden huurders: leg de wijziging met de datum vast op de "
                      "pagina Draagvlak (Huurderswissel: Huurder vertrokken… / Nieuwe huurder…), "
                      "zodat de stem van een vorige huurder niet meer telt.")


def save_dwelling(ds: Dataset, values: Mapping[str, Any], *, expected_version: int | None = None,
                  label: str = ""):
    """Update one dwelling (its id and complex do not change); let/vacant of a dwelling
    with votes changes only by a dated tenancy change (:func:`move_out`, :func:`new_tenant`)."""
    old = record(ds, "dwellings", {"dwelling": values.get("dwelling")})
    if old is not None:
        _let_with_votes(ds, [old], values)
    return _save(ds, "dwellings", values, False, expected_version, label, ("a dwelling", "woning"))


def edit_dwellings(ds: Dataset, ids: Iterable[str], values: Mapping[str, Any],
                   versions: Mapping[tuple, int] | None = None, label: str = ""):
    """Set the same ``values`` (e.g. a new label after a retrofit) on several dwellings
    as one undo step; each refused if it changed since its row version.  None when no
    dwelling changes."""
    ids = list(dict.fromkeys(ids))
    values = {k: v for k, v in values.items() if k not in ("dwelling", "complex")}
    errors = _type_errors("dwellings", values)
    if errors:
        raise EditError(errors)
    values = _clean("dwellings", values)
    d = ds.dwellings
    rows = d[d["dwelling"].isin(ids).to_numpy(dtype=bool)]
    if not len(rows) or not values:
        return None
    olds = [{k: _plain(v) for k, v in r.items()} for r in rows.to_dict("records")]
    _let_with_votes(ds, olds, values)
    check_rows(ds, "dwellings", [{**o, **values} for o in olds])
    versions = versions or {}
    commands = []
    for old in olds:
        changed = {k: v for k, v in values.items() if not same(old.get(k), v)}
        if changed:
            commands.append(Upsert("dwellings", {"dwelling": old["dwelling"]}, changed,
                                   expected_version=versions.get((old["dwelling"],)),
                                   expected={k: old.get(k) for k in changed}, label=label))
    return _batch(commands, label)


def delete_dwellings(ds: Dataset, ids: Iterable[str], label: str = ""):
    """Remove dwellings (one undo step); refused for a dwelling with recorded votes.
    The complexes' dwelling counts follow."""
    ids = list(dict.fromkeys(ids))
    voted = sorted(set(ds.votes.loc[ds.votes["dwelling"].isin(ids), "dwelling"].astype(str)))
    if voted:
        shown = ", ".join(voted[:5]) + (" …" if len(voted) > 5 else "")
        raise EditError({"dwelling": (
            f"Not removed: tenant votes are recorded for {shown}; votes are never thrown away.",
            f"Niet verwijderd: voor {shown} zijn stemmen van huurders vastgelegd; stemmen "
            "worden nooit weggegooid.")})
    d = ds.dwellings
    rows = d[d["dwelling"].isin(ids).to_numpy(dtype=bool)]
    if not len(rows):
        return None
    commands: list = [Delete("dwellings", {"dwelling": str(i)}, label=label) for i in rows["dwelling"]]
    for complex_id, gone in rows.groupby("complex", observed=True).size().items():
        commands += _count_follows(ds, str(complex_id), _rows_of(ds, str(complex_id)) - int(gone),
                                   label)
    return _batch(commands, label)


# ----- agreed targets ---------------------------------------------------------------
def target_key(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: values.get(k) for k in registry.table("targets").keys}


def save_target(ds: Dataset, values: Mapping[str, Any], original: Mapping[str, Any] | None = None,
                label: str = ""):
    """Create (``original`` None) or update an agreed target; a changed corporation or
    period replaces the old row (one undo step)."""
    errors = _type_errors("targets", values)
    if errors:
        raise EditError(errors)
    clean = _clean("targets", values)
    new_key = target_key(clean)
    old_key = _clean("targets", target_key(original)) if original else None
    if old_key is not None and old_key == new_key:
        return _save(ds, "targets", values, False, None, label, ("a target", "doel"))
    if record(ds, "targets", new_key) is not None and all(v is not None for v in new_key.values()):
        raise EditError({"to_year": (
            "A target for this corporation and period exists already.",
            "Er is al een doel voor deze corporatie en periode.")})
    command = _save(ds, "targets", values, True, None, label, ("a target", "doel"))
    if old_key is None:
        return command
    return _batch([Delete("targets", old_key, label=label), command], label)


def delete_target(ds: Dataset, key: Mapping[str, Any], label: str = ""):
    key = _clean("targets", target_key(key))
    return Delete("targets", key, label=label) if record(ds, "targets", key) else None


def known(frame: pd.DataFrame, column: str) -> list[str]:
    """The distinct values of a text column, sorted (a form's choices)."""
    return sorted(frame[column].dropna().astype(str).unique()) if len(frame) else []
