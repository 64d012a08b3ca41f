"""``python -m desktop propose --workspace WS [--objective cost|co2] [--json]``: the
optimised route to 2050 (:mod:`desktop.models.route`) without the window — Qt-free.

Prints per complex the chosen year and package, per year the homes, cost and
emissions, whether each agreed target and the 2030/2050 path are met (and what binds
when not), and the solver's status and gap.

Exit status: 0 solved (also when a target or the path cannot be met: the route is the
best within the limits, and the output says what prevents the rest), 1 the input has
errors (the workspace's data breaks an invariant, or the options make no problem),
2 cannot run (no such workspace, it cannot be read): one line on standard error, no
traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .problems import LANGUAGES, default_language

STATUS_NL = {"optimal": "optimaal", "time_limit": "tijdgrens bereikt", "no_solution": "geen oplossing",
             "nothing_to_plan": "niets te plannen"}


def _fail(message: str) -> int:
    print(f"propose: {message}", file=sys.stderr)
    return 2


def _eur(cents: float, nl: bool) -> str:
    text = f"{cents / 100:,.0f}"
    return text.replace(",", ".") if nl else text


def _num(x: float, nl: bool, digits: int = 0) -> str:
    text = f"{x:,.{digits}f}"
    if nl:
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def result_json(res, problem) -> dict:
    """The result as plain JSON values (money in euros, tonnes as floats)."""
    def rows(frame):
        out = []
        for rec in frame.to_dict("records"):
            out.append({k: (None if v is None or (not isinstance(v, str) and v != v)
                            or str(v) == "<NA>" else
                            (v.item() if hasattr(v, "item") else v)) for k, v in rec.items()})
        return out

    complexes = res.complexes.copy()
    complexes["cost_eur"] = complexes["cost_cents"] / 100
    years = res.years.copy()
    for c in ("cost_fixed_cents", "cost_proposed_cents"):
        years[c.replace("_cents", "_eur")] = years[c] / 100
    return {
        "objective": res.objective,
        "status": res.status,
        "solver": "HiGHS",
        "solver_status": res.solver_status,
        "gap": res.gap,
        "seconds": round(res.seconds, 3),
        "total_cost_eur": res.total_cost_cents / 100,
        "fixed_complexes": list(problem.fixed_complexes),
        "complexes": rows(complexes.drop(columns=["cost_cents"])),
        "years": rows(years.drop(columns=["cost_fixed_cents", "cost_proposed_cents"])),
        "targets": rows(res.targets),
        "path": rows(res.path),
        "all_met": res.all_met,
        "explanations": [{"en": en, "nl": nl} for en, nl in res.explanations],
    }


def result_lines(res, problem, lang: str) -> list[str]:
    """The result as text, in English or Dutch."""
    nl = lang == "nl"
    out: list[str] = []
    objective = {"cost": ("least total cost", "laagste totale kosten"),
                 "co2": ("least cumulative CO2", "minste cumulatieve CO2")}[res.objective]
    gap = "—" if res.gap is None else f"{_num(res.gap * 100, nl, 2)} %"
    status = STATUS_NL.get(res.status, res.status) if nl else res.status.replace("_", " ")
    if nl:
        out.append(f"Routevoorstel — doel: {objective[1]}")
        out.append(f"Rekenmachine HiGHS: {status} ({res.solver_status}), gat {gap}, "
                   f"{_num(res.seconds, nl, 1)} s")
    else:
        out.append(f"Route proposal — objective: {objective[0]}")
        out.append(f"Solver HiGHS: {status} ({res.solver_status}), gap {gap}, "
                   f"{_num(res.seconds, nl, 1)} s")
    C = res.complexes
    chosen = C[C["year"].notna()]
    out.append((f"{len(C)} complexen te plannen ({_num(C['dwellings'].sum(), nl)} woningen), "
                f"{len(chosen)} gepland, {len(problem.fixed_complexes)} vast (akkoord, in "
                f"uitvoering of gereed); totale kosten € {_eur(res.total_cost_cents, nl)}")
               if nl else
               (f"{len(C)} complexes to plan ({_num(C['dwellings'].sum(), nl)} homes), "
                f"{len(chosen)} scheduled, {len(problem.fixed_complexes)} fixed (agreed, in "
                f"progress or done); total cost € {_eur(res.total_cost_cents, nl)}"))
    out.append("")
    out.append("Per complex:" if not nl else "Per complex:")
    head = ("complex", "corporatie" if nl else "corporation", "jaar" if nl else "year",
            "woningen" if nl else "homes", "kosten €" if nl else "cost €",
            "pakket" if nl else "package")
    out.append("  " + "  ".join(f"{h:<12}" for h in head[:5]) + head[5])
    for r in C.sort_values(["year", "complex"], na_position="last").itertuples(index=False):
        year = "—" if r.year is None or str(r.year) == "<NA>" else str(int(r.year))
        out.append("  " + "  ".join(f"{v:<12}" for v in (
            str(r.complex), str(r.corporation), year, _num(r.dwellings, nl),
            _eur(r.cost_cents, nl))) + str(r.measures))
    out.append("")
    out.append("Per jaar:" if nl else "Per year:")
    out.append("  " + ("jaar  woningen vast  woningen voorstel  kosten voorstel €  uitstoot t"
                       if nl else "year  homes fixed  homes proposed  cost proposed €  emissions t"))
    for r in res.years.itertuples(index=False):
        out.append(f"  {r.year}  {_num(r.homes_fixed, nl):>11}  {_num(r.homes_proposed, nl):>14}  "
                   f"{_eur(r.cost_proposed_cents, nl):>15}  {_num(r.tonnes, nl):>11}")
    out.append("")
    out.append("Doelen:" if nl else "Targets:")
    if not len(res.targets):
        out.append("  (geen)" if nl else "  (none)")
    for t in res.targets.itertuples(index=False):
        period = str(t.from_year) if t.from_year == t.to_year else f"{t.from_year}–{t.to_year}"
        verdict = ("gehaald" if t.met else "niet gehaald") if nl else ("met" if t.met else "not met")
        out.append(f"  {t.corporation} {period}: {_num(t.target, nl)} — "
                   + (f"vast {_num(t.fixed, nl)} + voorstel {_num(t.proposed, nl)} = "
                      if nl else f"fixed {_num(t.fixed, nl)} + proposed {_num(t.proposed, nl)} = ")
                   + f"{_num(t.total, nl)}: {verdict}")
    out.append("")
    out.append("Pad:" if nl else "Path:")
    for p in res.path.itertuples(index=False):
        verdict = ("gehaald" if p.met else f"niet gehaald (+{_num(p.over_tonnes, nl)} t)") if nl \
            else ("met" if p.met else f"not met (+{_num(p.over_tonnes, nl)} t)")
        out.append(f"  {p.year}: {_num(p.tonnes, nl)} t, "
                   + ("pad" if nl else "path") + f" {_num(p.target_tonnes, nl)} t: {verdict}")
    if res.explanations:
        out.append("")
        out.append("Wat het tegenhoudt:" if nl else "What prevents it:")
        for en, dutch in res.explanations:
            out.append(f"  - {dutch if nl else en}")
    return out


def main_propose(argv: list[str] | None = None) -> int:
    from ..models.route import OBJECTIVES

    p = argparse.ArgumentParser(
        prog="python -m desktop propose",
        description="Propose a year for each remaining complex's end-state package (2025–2050) "
                    "that meets the agreed targets and the CO2 path (−49 %% in 2030, 0 in "
                    "2050) where possible, within the capacity and budget per corporation and "
                    "year and the heat plan, at the least cost (or the least cumulative CO2). "
                    "Projects agreed, in progress or done are fixed. A mixed-integer programme "
                    "solved with HiGHS.")
    p.add_argument("--workspace", required=True, metavar="WS", help="workspace file or database URL")
    p.add_argument("--objective", choices=OBJECTIVES, default="cost",
                   help="cost (default): the least total cost; co2: the least cumulative CO2")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--time-limit", type=float, default=60.0, metavar="S",
                   help="seconds for the solver (default 60)")
    p.add_argument("--lang", choices=LANGUAGES, default=None, help="language of the text output")
    args = p.parse_args(argv)
    lang = args.lang or default_language()
    if "://" not in args.workspace and not Path(args.workspace).exists():
        return _fail(f"workspace not found: {args.workspace}")

    from ..models.route import RouteInputError, RouteOptions, build_problem, solve
    from ..store.workspace import Workspace, WorkspaceError

    try:
        with Workspace.open(args.workspace, create=False) as ws:
            ds = ws.load()
    except WorkspaceError as exc:
        return _fail(str(exc))
    errors = [e for e in ds.validate() if e.severity == "error"]
    if errors:
        print(f"propose: the workspace's data has {len(errors)} error(s); fix them first:",
              file=sys.stderr)
        for e in errors[:20]:
            msg = e.message_nl if lang == "nl" and e.message_nl else e.message
            print(f"  {e.table}{'' if e.row is None else f' row {e.row + 1}'}: {msg}",
                  file=sys.stderr)
        return 1
    try:
        if not args.time_limit > 0:
            raise RouteInputError("The time limit must be more than 0 seconds.",
                                  "De tijdgrens moet meer dan 0 seconden zijn.")
        problem = build_problem(ds, RouteOptions(objective=args.objective,
                                                 time_limit=args.time_limit))
    except RouteInputError as exc:
        print(f"propose: {exc.nl if lang == 'nl' else exc.en}", file=sys.stderr)
        return 1
    res = solve(problem)
    if args.json:
        print(json.dumps(result_json(res, problem), ensure_ascii=False, indent=1))
    else:
        print("\n".join(result_lines(res, problem, lang)))
    return 0


__all__ = ["main_propose", "result_json", "result_lines"]
