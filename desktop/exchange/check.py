"""``python -m desktop check WORKBOOK.xlsx [--json] [--base-year Y] [--lang nl|en]``.

Judges a workbook on its own, without a workspace.  Exit status 0 without errors, 1
with errors (the report is still printed), 2 when the file cannot be read at all (one
line on standard error, never a traceback).

When the workbook has errors, the computed parts (support, affordability, programme,
co2) are computed over the rows *without* errors: a row with an error is left out, and
so is every row that refers to a left-out row (a dwelling or project of a left-out
complex, a vote of a left-out project or dwelling).  They are then a preview, not a
result; the errors say what to fix.  Should the rules fail on such partial data, the
parts are empty lists.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from desktop.models.dataset import Dataset, Problem
from desktop.models.defaults import BASE_YEAR

from .problems import LANGUAGES, WorkbookProblem, default_language, group_warnings
from .reader import ReadResult, WorkbookUnreadable, read_workbook

PARTS: tuple[str, ...] = ("support", "affordability", "affordability_by_corporation_year",
                          "programme", "co2", "realised", "indicators", "efg_2028", "conflicts")
# parts whose rows carry a text in both languages (``reason_en`` / ``reason_nl``): the
# report shows it as ``reason`` in the report's language
_BILINGUAL = {"conflicts": "reason"}


@dataclass
class CheckReport:
    path: str
    errors: list[WorkbookProblem] = field(default_factory=list)
    warnings: list[WorkbookProblem] = field(default_factory=list)
    parts: dict[str, list] = field(default_factory=lambda: {p: [] for p in PARTS})
    base_year: int = BASE_YEAR
    complete: bool = True     # parts computed over every row (no errors)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        out: dict[str, Any] = {
            "errors": [p.to_json(lang) for p in self.errors],
            "warnings": [p.to_json(lang) for p in self.warnings],
        }
        for part in PARTS:
            out[part] = _json_safe(_in_language(part, self.parts.get(part, []), lang))
        return out


def _in_language(part: str, rows: list[dict], lang: str) -> list[dict]:
    """A bilingual part's rows with its text in ``lang`` only."""
    name = _BILINGUAL.get(part)
    if name is None:
        return rows
    keep = f"{name}_{'nl' if lang == 'nl' else 'en'}"
    return [{**{k: v for k, v in r.items() if not k.startswith(f"{name}_")}, name: r.get(keep)}
            for r in rows]


def _json_safe(value: Any) -> Any:
    """Plain JSON values: numpy scalars unwrapped, NaN/inf/NA -> null."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    try:
        import pandas as pd
        if value is pd.NA or value is pd.NaT:
            return None
    except Exception:  # pragma: no cover
        pass
    return str(value)


# ----------------------------------------------------------------------------- evaluation
def valid_rows(result: ReadResult) -> ReadResult:
    """The read result restricted to rows without errors and rows whose references
    resolve among them (row numbers follow the kept rows)."""
    ds = result.dataset
    frames = ds.frames()
    keep: dict[str, np.ndarray] = {}
    for table, frame in frames.items():
        mask = np.ones(len(frame), dtype=bool)
        bad = [r for r in result.error_rows.get(table, ()) if 0 <= r < len(frame)]
        mask[bad] = False
        keep[table] = mask
    complexes = frames["complexes"]["complex"][keep["complexes"]].dropna().unique()
    for table in ("dwellings", "projects", "usage", "end_states"):
        keep[table] &= frames[table]["complex"].isin(complexes).to_numpy(dtype=bool)
    versions = frames["plan_versions"]["version"][keep["plan_versions"]].dropna().unique()
    keep["plan_version_projects"] &= frames["plan_version_projects"]["version"].isin(
        versions).to_numpy(dtype=bool)
    projects = frames["projects"]["project"][keep["projects"]].dropna().unique()
    dwellings = frames["dwellings"]["dwelling"][keep["dwellings"]].dropna().unique()
    keep["votes"] &= frames["votes"]["project"].isin(projects).to_numpy(dtype=bool) \
        & frames["votes"]["dwelling"].isin(dwellings).to_numpy(dtype=bool)
    new_frames = {t: f[keep[t]].reset_index(drop=True) for t, f in frames.items()}
    row_numbers = {t: [n for n, k in zip(nums, keep[t]) if k] for t, nums in result.row_numbers.items()}
    return dataclasses.replace(result, dataset=Dataset(**new_frames), row_numbers=row_numbers)


def _evaluate(ds: Dataset, base_year: int) -> tuple[dict[str, list], list]:
    try:
        from desktop.models.report import evaluate
        return evaluate(ds, base_year)
    except ImportError as exc:
        # a rule module not written yet: report what can be reported
        if exc.name and exc.name.startswith("desktop.models"):
            return {p: [] for p in PARTS}, []
        raise


def heat_plan_conflicts(ds: Dataset) -> tuple[list[dict], list[Problem]]:
    """The projects that conflict with their neighbourhood's heat plan
    (:func:`desktop.models.heatplan.conflicts`): the ``conflicts`` part (project,
    complex, rule, reason in both languages) and one warning per project and rule on
    its row in Projecten, column Maatregelen."""
    from desktop.models.heatplan import conflicts

    frame = conflicts(ds)
    rows = [{"project": r.project, "complex": r.complex, "rule": r.rule,
             "reason_en": r.reason_en, "reason_nl": r.reason_nl}
            for r in frame.itertuples(index=False)]
    position: dict[str, int] = {}
    for i, p in enumerate(ds.projects["project"]):
        if not pd.isna(p):
            position.setdefault(str(p), i)
    problems = [Problem("projects", position.get(r["project"]), "measures",
                        f"Project {r['project']}: {r['reason_en']}", "warning", r["project"],
                        f"Project {r['project']}: {r['reason_nl']}") for r in rows]
    return rows, problems


def check_workbook(path: str | os.PathLike, base_year: int = BASE_YEAR, **limits: int) -> CheckReport:
    """Read, validate and evaluate a workbook.  Raises WorkbookUnreadable when the file
    cannot be read at all; ``limits`` go to :func:`read_workbook`."""
    result = read_workbook(path, **limits)
    report = CheckReport(path=str(path), errors=result.errors, warnings=result.warnings,
                         base_year=base_year)
    if result.ok:
        parts, rule_problems = _evaluate(result.dataset, base_year)
        located = result
    else:
        report.complete = False
        located = valid_rows(result)
        try:
            parts, rule_problems = _evaluate(located.dataset, base_year)
        except Exception:
            parts, rule_problems = {p: [] for p in PARTS}, []
    report.parts = {p: list(parts.get(p, [])) for p in PARTS}
    try:
        report.parts["conflicts"], heat_problems = heat_plan_conflicts(located.dataset)
    except Exception:
        if result.ok:
            raise
        heat_problems = []            # partial data: a preview, like the other parts
    for problem in [*rule_problems, *heat_problems]:
        wp = located.locate(problem)
        (report.errors if wp.severity == "error" else report.warnings).append(wp)
    report.warnings = group_warnings(report.warnings)
    return report


def report_json(report: CheckReport, lang: str = "en") -> str:
    return json.dumps(report.to_dict(lang), ensure_ascii=False, indent=2, allow_nan=False)


# ----------------------------------------------------------------------------- text report
_T = {
    "title": ("Workbook check", "Controle werkboek"),
    "errors": ("Errors", "Fouten"),
    "warnings": ("Warnings", "Waarschuwingen"),
    "none": ("none", "geen"),
    "ok": ("No errors: the workbook can be imported.",
           "Geen fouten: het werkboek kan worden ingelezen."),
    "not_ok": ("The workbook has errors: nothing of it can be imported until they are fixed.",
               "Het werkboek bevat fouten: er kan niets van worden ingelezen tot ze zijn opgelost."),
    "partial": ("The figures below leave out rows with errors.",
                "De cijfers hieronder laten rijen met fouten weg."),
    "support": ("Tenant support", "Draagvlak"),
    "affordability": ("Affordability per project", "Betaalbaarheid per project"),
    "affordability_by_corporation_year": ("Affordability per corporation and year",
                                          "Betaalbaarheid per corporatie en jaar"),
    "programme": ("Programme against targets", "Programma tegenover doelen"),
    "co2": ("CO2 emissions (tonnes)", "CO2-uitstoot (ton)"),
    "realised": ("Saving realised per completed project (per dwelling; money per month in cents)",
                 "Gerealiseerde besparing per opgeleverd project (per woning; geld per maand in "
                 "centen)"),
    "indicators": ("Sector yardsticks per corporation and year",
                   "Prestaties (sectorindicatoren) per corporatie en jaar"),
    "efg_2028": ("Complexes still E/F/G after 2028", "Complexen nog E/F/G na 2028"),
    "conflicts": ("Projects in conflict with the heat plan", "Projecten in strijd met het warmteplan"),
    "empty": ("(nothing)", "(niets)"),
}

_COLUMNS_NL = {
    "project": "project", "dwellings": "woningen", "tenants": "huurders", "yes": "ja", "no": "nee",
    "no_response": "geen reactie", "support_pct": "draagvlak %", "status": "status",
    "tariff_year": "tariefjaar", "project_year": "projectjaar", "rent_increase_per_month": "huurverhoging/mnd",
    "energy_saving_per_month": "energiebesparing/mnd", "ok": "ok", "corporation": "corporatie",
    "year": "jaar", "avg_rent_increase_per_month": "gem. huurverhoging/mnd",
    "avg_energy_saving_per_month": "gem. energiebesparing/mnd", "from_year": "van",
    "to_year": "t/m", "target": "doel", "planned": "gepland", "done": "gereed", "tonnes": "ton",
    "efg": "EFG", "toekomstklaar": "toekomstklaar", "gas_free": "aardgasvrij",
    "avg_distance_kwh_m2": "gem. afstand Standaard kWh/m2", "avg_ep2_kwh_m2": "gem. EP2 kWh/m2",
    "co2_gas_kg_m2": "CO2 gas kg/m2", "complex": "complex", "name": "naam",
    "neighbourhood": "wijk", "next_project_year": "volgend project", "rule": "regel",
    "reason": "reden",
}

_VALUES_NL = {"reached": "gehaald", "not_reached": "niet gehaald",
              "individual_consent": "individuele instemming", True: "ja", False: "nee"}


def _t(key: str, lang: str) -> str:
    en, nl = _T[key]
    return nl if lang == "nl" else en


def _cell(value: Any, lang: str) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):          # realised: missing readings, dwellings left out
        return ", ".join(map(str, value)) or "-"
    if isinstance(value, bool):
        return (_VALUES_NL[value] if lang == "nl" else ("yes" if value else "no"))
    if isinstance(value, float):
        text = f"{value:,.2f}"
        if lang == "nl":
            text = text.replace(",", "_").replace(".", ",").replace("_", ".")
        return text
    if lang == "nl" and isinstance(value, str) and value in _VALUES_NL:
        return _VALUES_NL[value]
    if isinstance(value, str):
        return value.replace("_", " ")
    return str(value)


def _table(rows: list[dict], lang: str) -> list[str]:
    if not rows:
        return ["  " + _t("empty", lang)]
    keys = list(rows[0])
    head = [(_COLUMNS_NL.get(k, k) if lang == "nl" else k.replace("_", " ")) for k in keys]
    body = [[_cell(r.get(k), lang) for k in keys] for r in rows]
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]

    def line(cells, header=False):
        out = []
        for i, c in enumerate(cells):
            numeric = not header and isinstance(rows[0].get(keys[i]), (int, float)) \
                and not isinstance(rows[0].get(keys[i]), bool)
            out.append(c.rjust(widths[i]) if numeric else c.ljust(widths[i]))
        return "  " + "  ".join(out).rstrip()

    return [line(head, header=True), "  " + "  ".join("-" * w for w in widths)] + [line(b) for b in body]


def report_text(report: CheckReport, lang: str = "en") -> str:
    """The report as plain text for a terminal, in Dutch or English."""
    lines = [f"{_t('title', lang)}: {Path(report.path).name}", ""]
    lines.append(_t("ok", lang) if report.ok else _t("not_ok", lang))
    for key, items in (("errors", report.errors), ("warnings", report.warnings)):
        lines += ["", f"{_t(key, lang)} ({len(items)})"]
        if not items:
            lines.append("  " + _t("none", lang))
        for p in items:
            where = p.location(lang)
            lines.append(f"  {where}: {p.message_in(lang)}" if where else f"  {p.message_in(lang)}")
    if not report.complete:
        lines += ["", _t("partial", lang)]
    for part in PARTS:
        lines += ["", _t(part, lang)]
        rows = _in_language(part, report.parts.get(part, []), lang)
        if part == "conflicts":       # the rule's id is for programs; its reason says it
            rows = [{k: v for k, v in r.items() if k != "rule"} for r in rows]
        lines += _table(rows, lang)
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- command line
class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, like every command
        self.exit(2, f"{self.prog}: {message}\n")


def build_parser(prog: str = "python -m desktop check") -> argparse.ArgumentParser:
    p = _Parser(prog=prog, description="Evaluate a programme workbook on its own "
                                       "(errors, warnings, support, affordability, programme, CO2, "
                                       "sector yardsticks, conflicts with the heat plan).")
    p.add_argument("workbook", metavar="FILE.xlsx", help="the programme workbook")
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    p.add_argument("--base-year", type=int, default=BASE_YEAR, metavar="Y",
                   help=f"first year of the CO2 path (default {BASE_YEAR})")
    p.add_argument("--lang", choices=LANGUAGES, default=None,
                   help="language of the messages (default: from the environment)")
    return p


def main_check(argv: list[str] | None = None) -> int:
    """Run the check command; returns the exit status (0, 1 or 2)."""
    args = build_parser().parse_args(argv)
    lang = args.lang or default_language()
    try:
        if not 1900 <= args.base_year <= 2050:
            print(f"check: --base-year must lie between 1900 and 2050, not {args.base_year}",
                  file=sys.stderr)
            return 2
        report = check_workbook(args.workbook, base_year=args.base_year)
        text = report_json(report, lang) + "\n" if args.json else report_text(report, lang)
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0 if report.ok else 1
    except WorkbookUnreadable as exc:
        print(f"check: {exc.message_in(lang)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("check: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 2
    except Exception as exc:  # never a traceback: one line, exit 2
        first = str(exc).splitlines()[0] if str(exc) else ""
        print(f"check: cannot check {Path(args.workbook).name}: {type(exc).__name__}: {first}",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main_check(sys.argv[1:]))
