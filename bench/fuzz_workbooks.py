"""Mutated workbooks against the reader, each in a forked child: no case may crash
(a signal), hang, or end in a traceback; a failed import leaves the workspace unchanged.

Three kinds of mutation of ``tests/data/valid_soest.xlsx`` (fixed seed, so a case
number always builds the same file):

* ``bytes``: bytes of the zip flipped, inserted, cut, or a header field (versions,
  sizes, flags, offsets) overwritten;
* ``xml``: the text of a sheet or of the workbook parts cut, repeated or changed: a
  cell's reference moved far away, a row number changed, a type changed, a tag removed;
* ``cells``: cell values replaced by awkward ones (1e308, NaN, inf, 10^20, -0, long text,
  empty text, dates as numbers, Dutch numbers).

Each case runs ``check_workbook`` in a child forked for it (memory limited, timeout):
``refused`` (WorkbookUnreadable), ``errors`` (the report has errors), ``clean``, or a
failure: ``crashed`` (killed by a signal, e.g. an abort in native code), ``hung``
(timeout), ``traceback`` (any other exception), ``warned`` (a numpy cast of a missing or
out-of-range value).  For a sample of failing cases the child also imports the file into
a copy of a SQLite workspace and compares every table before and after.

    .venv/bin/python -m bench.fuzz_workbooks [--cases 10000] [--seed 1] [--keep DIR]

It measures and prints; the suite's ``tests/reliability/test_fuzz_workbooks.py`` runs a
few hundred cases of the same generator.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import re
import select
import shutil
import signal
import sqlite3
import struct
import sys
import tempfile
import time
import traceback
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "data" / "valid_soest.xlsx"
KINDS = ("bytes", "xml", "cells")
FAILURES = ("crashed", "hung", "traceback", "warned", "changed")
CHILD_MEMORY = 2 * 1024 ** 3          # address space of a case's child
TIMEOUT = 20.0                        # seconds per case (a shared, loaded machine)

# ----------------------------------------------------------------------------- mutations
AWKWARD = ["1e308", "-1e308", "1E+20", "100000000000000000000", "NaN", "nan", "inf", "-inf",
           "-0", "0", "1.7976931348623157e308", "4.9e-324", "99999999999999999999999999999",
           "12,50", "1.234,5", "€ 1.500,00", "", " ", "ja", "nee", "geen reactie",
           "A++++", "Z", "2025-02-30", "31-12-9999", "0042", "x" * 300, "=1/0", "#DIV/0!",
           "\u00a0", "1" * 400, "-9223372036854775809", "18446744073709551616", "2958466",
           "-1", "0.005", "1.005", "TRUE", "gasketel", "warmtepomp", "gereed", "vervallen"]
FAR_REFS = ["XFD1048576", "XFD1", "A1048576", "ZZ99999", "AAA1", "XFE1", "A0", "A99999999",
            "B1048577", "IV65536"]
TYPES = ["s", "str", "inlineStr", "n", "b", "e", "d", "bogus", ""]


def _rezip(parts: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            z.writestr(info, data)
    return out.getvalue()


def _parts(valid: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(valid)) as z:
        return [(i, z.read(i)) for i in z.infolist()]


def mutate_bytes(valid: bytes, rng: random.Random) -> bytes:
    data = bytearray(valid)
    how = rng.choice(["flip", "flip", "header", "header", "insert", "cut", "truncate"])
    if how == "flip":
        for _ in range(rng.randint(1, 16)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif how == "header":
        # a field of a local header or of the central directory
        starts = [m.start() for m in re.finditer(rb"PK\x01\x02|PK\x03\x04|PK\x05\x06", bytes(data))]
        for _ in range(rng.randint(1, 3)):
            at = rng.choice(starts) + rng.randrange(4, 46)
            width = rng.choice([1, 2, 4])
            value = rng.choice([0, 1, 0xFF, 0xFFFF, 0xFFFFFFFF, rng.randrange(256), 107, 185, 63])
            data[at:at + width] = (value & (256 ** width - 1)).to_bytes(width, "little")[:width]
    elif how == "insert":
        at = rng.randrange(len(data))
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif how == "cut":
        at = rng.randrange(len(data))
        del data[at:at + rng.randint(1, 256)]
    else:
        del data[rng.randrange(len(data)):]
    return bytes(data)


def _sheet_members(parts) -> list[int]:
    return [k for k, (i, _) in enumerate(parts) if i.filename.startswith("xl/worksheets/")]


def mutate_xml(valid: bytes, rng: random.Random) -> bytes:
    parts = _parts(valid)
    sheets = _sheet_members(parts)
    k = rng.choice(sheets + sheets + [k for k, (i, _) in enumerate(parts)])
    info, data = parts[k]
    text = bytearray(data)
    how = rng.choice(["far", "far", "row", "type", "cut", "repeat", "tag", "noref", "dimension"])
    refs = [m for m in re.finditer(rb' r="([A-Z]+\d+)"', bytes(text))]
    if how == "far" and refs:
        m = rng.choice(refs)
        text[m.start(1):m.end(1)] = rng.choice(FAR_REFS).encode()
    elif how == "far":
        text = text.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c>'
                                             b"</row></sheetData>")
    elif how == "row":
        rows = list(re.finditer(rb'<row r="(\d+)"', bytes(text)))
        if rows:
            m = rng.choice(rows)
            text[m.start(1):m.end(1)] = str(rng.choice([0, 1, 2, 1048576, 1048577, 4294967296,
                                                        rng.randrange(1, 100)])).encode()
    elif how == "type":
        cells = list(re.finditer(rb"<c ", bytes(text)))
        if cells:
            m = rng.choice(cells)
            text[m.end():m.end()] = f't="{rng.choice(TYPES)}" '.encode()
    elif how == "cut" and text:
        at = rng.randrange(len(text))
        del text[at:at + rng.randint(1, 200)]
    elif how == "repeat" and text:
        at = rng.randrange(len(text))
        piece = text[at:at + rng.randint(1, 400)]
        text[at:at] = piece * rng.randint(1, 50)
    elif how == "tag":
        tags = list(re.finditer(rb"<[^>]*>", bytes(text)))
        if tags:
            m = rng.choice(tags)
            del text[m.start():m.end()]
    elif how == "noref" and refs:
        for m in reversed(rng.sample(refs, min(len(refs), rng.randint(1, 10)))):
            del text[m.start():m.end()]
    elif how == "dimension":
        text = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', bytes(text))
    parts[k] = (info, bytes(text))
    return _rezip(parts)


def mutate_cells(valid: bytes, rng: random.Random) -> bytes:
    parts = _parts(valid)
    for _ in range(rng.randint(1, 6)):
        k = rng.choice(_sheet_members(parts))
        info, data = parts[k]
        cells = list(re.finditer(rb'<c r="([A-Z]+\d+)"[^>]*>(.*?)</c>', data))
        if not cells:
            continue
        m = rng.choice(cells)
        value = rng.choice(AWKWARD)
        if rng.random() < 0.5 and re.fullmatch(r"[-+0-9.eE]+|NaN|nan|inf|-inf", value):
            body = f"<v>{value}</v>"
            start = f'<c r="{m[1].decode()}">'
        else:
            body = f"<is><t>{value}</t></is>"
            start = f'<c r="{m[1].decode()}" t="inlineStr">'
        data = data[:m.start()] + start.encode() + body.encode() + b"</c>" + data[m.end():]
        parts[k] = (info, data)
    return _rezip(parts)


MUTATORS = {"bytes": mutate_bytes, "xml": mutate_xml, "cells": mutate_cells}


def make_case(number: int, seed: int = 1, valid: bytes | None = None) -> tuple[str, bytes]:
    """Case ``number`` of the run with ``seed``: its kind and the mutated file."""
    rng = random.Random(f"{seed}:{number}")
    kind = KINDS[number % len(KINDS)]
    return kind, MUTATORS[kind](valid if valid is not None else VALID.read_bytes(), rng)


# ----------------------------------------------------------------------------- running
def table_digest(path: Path) -> str:
    """Every row of every table of a SQLite workspace, hashed."""
    con = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
            h.update(name.encode())
            for row in con.execute(f'SELECT * FROM "{name}" ORDER BY 1'):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        con.close()


def _judge(path: Path, workspace: Path | None) -> str:
    """In the child: the outcome of one file ("refused", "errors", "clean", "warned: …",
    "changed"); an exception propagates."""
    from desktop.exchange.check import check_workbook
    from desktop.exchange.reader import WorkbookUnreadable

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            report = check_workbook(path)
            outcome = "errors" if report.errors else "clean"
        except WorkbookUnreadable as exc:
            if not (exc.message_in("en") and exc.message_in("nl")):
                raise AssertionError("an unreadable workbook without a message") from None
            outcome = "refused"
    casts = [w for w in caught if issubclass(w.category, RuntimeWarning)
             and ("cast" in str(w.message) or "overflow" in str(w.message))]
    if casts:
        return f"warned: {casts[0].message} ({Path(casts[0].filename).name}:{casts[0].lineno})"
    if workspace is not None and outcome != "clean":
        from desktop.exchange.importer import import_workbook
        from desktop.store.workspace import Workspace

        before = table_digest(workspace)
        try:
            with Workspace.open(workspace) as ws:
                result = import_workbook(path, ws)
            if result.applied:
                return outcome          # an import of a file with warnings only may apply
        except WorkbookUnreadable:
            pass
        if table_digest(workspace) != before:
            return "changed"
    return outcome


def run_case(path: Path, workspace: Path | None = None, timeout: float = TIMEOUT) -> tuple[str, str]:
    """Judge ``path`` in a forked child: ``(outcome, detail)``."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:                                   # the child
        os.close(r)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)                           # a native backtrace is noise here
        import faulthandler
        faulthandler.disable()                     # (pytest's dumps to its own stderr)
        try:
            import resource
            resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))
            outcome = _judge(path, workspace)
        except BaseException as exc:               # noqa: BLE001 - reported to the parent
            lines = traceback.format_exception(exc)
            outcome = "traceback: " + "".join(lines[-3:]).strip().replace("\n", " | ")
        try:
            os.write(w, outcome.encode("utf-8", "replace")[:4000])
        finally:
            os._exit(0)
    os.close(w)
    deadline = time.monotonic() + timeout
    chunks = []
    status = None
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(r)
            return "hung", f"no answer within {timeout:.0f} s"
        ready, _, _ = select.select([r], [], [], min(left, 0.5))
        if ready:
            chunk = os.read(r, 65536)
            if chunk:
                chunks.append(chunk)
                continue
            break                                  # the child closed its end
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    os.close(r)
    if status is None:
        _, status = os.waitpid(pid, 0)
    text = b"".join(chunks).decode("utf-8", "replace")
    if os.WIFSIGNALED(status):
        return "crashed", f"killed by signal {os.WTERMSIG(status)}"
    if not text:
        return "crashed", f"exit status {os.waitstatus_to_exitcode(status)} without an answer"
    kind, _, detail = text.partition(": ")
    return kind, detail


@dataclass
class Tally:
    counts: Counter
    failures: list[tuple[int, str, str, str]]     # case, kind, outcome, detail
    seconds: float


def run(cases: int, seed: int = 1, *, workspace_every: int = 25, keep: Path | None = None,
        start: int = 0, progress=None) -> Tally:
    """Run cases ``start`` … ``start + cases - 1``; every ``workspace_every``-th failing
    case (refused or with errors) is also imported into a copy of a sample workspace."""
    import desktop.exchange.check  # noqa: F401 - imported once, inherited by every child
    import desktop.exchange.importer  # noqa: F401
    from desktop.sample import create_sample_workspace

    valid = VALID.read_bytes()
    counts: Counter = Counter()
    failures: list[tuple[int, str, str, str]] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        tmp_path = Path(tmp)
        template = tmp_path / "template.rpw"
        create_sample_workspace(template).close()
        book = tmp_path / "case.xlsx"
        imports = 0
        for number in range(start, start + cases):
            kind, data = make_case(number, seed, valid)
            book.write_bytes(data)
            workspace = None
            if workspace_every and number % workspace_every == 0:
                workspace = tmp_path / "ws.rpw"
                shutil.copy(template, workspace)
                imports += 1
            outcome, detail = run_case(book, workspace)
            counts[outcome] += 1
            if workspace is not None:
                counts["imports compared"] += 1
            if outcome in FAILURES or outcome not in ("refused", "errors", "clean"):
                failures.append((number, kind, outcome, detail))
                if keep is not None:
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / f"case{number}-{kind}-{outcome}.xlsx").write_bytes(data)
            if progress is not None:
                progress(number - start + 1, counts)
    return Tally(counts, failures, time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.fuzz_workbooks",
                                description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--start", type=int, default=0, help="first case number")
    p.add_argument("--workspace-every", type=int, default=25,
                   help="import every N-th case into a workspace copy and compare its tables")
    p.add_argument("--keep", type=Path, help="write every failing case's file here")
    args = p.parse_args(argv)

    def progress(done: int, counts: Counter) -> None:
        if done % 500 == 0:
            print(f"  {done:,} cases: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
                  file=sys.stderr, flush=True)

    tally = run(args.cases, args.seed, workspace_every=args.workspace_every, keep=args.keep,
                start=args.start, progress=progress)
    c = tally.counts
    print(f"{args.cases:,} cases (seed {args.seed}) in {tally.seconds:,.0f} s "
          f"({args.cases / tally.seconds:,.1f} cases/s)")
    for outcome in ("refused", "errors", "clean", *FAILURES):
        print(f"  {outcome:<10} {c.get(outcome, 0):>7,}")
    print(f"  imports compared (workspace tables before/after) {c.get('imports compared', 0):,}")
    for number, kind, outcome, detail in tally.failures[:50]:
        print(f"  case {number} ({kind}): {outcome}: {detail[:300]}")
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
