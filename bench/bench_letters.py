"""Tenant letters for a 10,000-dwelling complex, against an anchor measured in the same run.

Builds a workspace from the Soest sample whose project P-26-001 covers one complex of N
let dwellings (default 10,000) plus 2 % vacant ones (which get no letter), then times
what ``python -m desktop letters`` does:

* open and load the workspace;
* ``models.letters.letters`` (the affordability and support models, per-dwelling figures);
* ``documents.letters.write_letters_pdf`` (templates filled, one letter per dwelling laid
  out by QTextDocument and painted into one QPdfWriter PDF);

and the anchor: ``pdf.write_documents`` of the same number of documents and pages of
plain text — each the first letter's own words (letter and reply slip) as plain
paragraphs, no tables, no figures — i.e. what Qt's typesetting and PDF writing of that
much text costs by itself.
Prints seconds, the ratio and the peak resident memory (``VmHWM``); never fails on time.

    .venv/bin/python -m bench.bench_letters [--dwellings N] [--workdir DIR]
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PROJECT = "P-26-001"


def peak_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def build_workspace(path: Path, n: int):
    """The sample with P-26-001's complex grown to ``n`` let dwellings and n/50 vacant."""
    from desktop.models.dataset import conform
    from desktop.sample import build_sample
    from desktop.store.workspace import Workspace

    ds = build_sample()[0]
    complex_id = ds.projects.set_index("project").at[PROJECT, "complex"]
    d = ds.dwellings
    rest = d[d["complex"] != complex_id]
    vacant = n // 50
    total = n + vacant
    rng = np.random.default_rng(22)
    rows = pd.DataFrame({
        "dwelling": [f"{complex_id}-{i:05d}" for i in range(1, total + 1)],
        "complex": complex_id,
        "address": [f"Kastanjelaan {i}, Soest" for i in range(1, total + 1)],
        "let": np.arange(total) % 51 != 50,             # every 51st vacant
        "rent_cents": rng.integers(52000, 72000, total),
        "tenant_name": [f"Huurder {i}" if i % 3 else None for i in range(1, total + 1)],
    })
    ds.dwellings = conform("dwellings", pd.concat([rest, rows], ignore_index=True))
    c = ds.complexes.copy()
    c.loc[c["complex"] == complex_id, "dwellings"] = total
    ds.complexes = conform("complexes", c)
    # no votes on the grown complex (its old dwellings are gone)
    ds.votes = ds.votes[ds.votes["project"] != PROJECT].reset_index(drop=True)
    ds.vote_history = ds.vote_history.iloc[:0]
    ws = Workspace.open(path)
    ws.replace_all(ds)
    ws.close()
    return int((rows["let"]).sum())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dwellings", type=int, default=10_000)
    ap.add_argument("--workdir", type=Path, help="keep the workspace and PDFs here")
    args = ap.parse_args(argv)

    from desktop.documents import pdf
    from desktop.documents.letters import write_letters_pdf
    from desktop.models import letter_templates as T
    from desktop.models.letters import letters, values
    from desktop.store.workspace import Workspace

    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-letters-"))
    work.mkdir(parents=True, exist_ok=True)
    ws_path = work / "letters.rpw"
    if ws_path.exists():
        ws_path.unlink()
    t = time.perf_counter()
    let = build_workspace(ws_path, args.dwellings)
    print(f"workspace: {let:,} let dwellings (+{args.dwellings // 50:,} vacant) in project "
          f"{PROJECT}; built in {time.perf_counter() - t:.1f} s")
    pdf.ensure_app()

    # the planner: what `python -m desktop letters` does
    t0 = time.perf_counter()
    with Workspace.open(ws_path, create=False) as ws:
        ds = ws.load()
    t_load = time.perf_counter() - t0
    t = time.perf_counter()
    batch = letters(ds, PROJECT)
    t_model = time.perf_counter() - t
    t = time.perf_counter()
    pages = write_letters_pdf(batch, work / "letters.pdf", lang="nl", templates=ds)
    t_pdf = time.perf_counter() - t
    t_total = time.perf_counter() - t0
    peak_planner = peak_mb()
    assert len(batch) == let, (len(batch), let)

    # the anchor: the same words as plain paragraphs, the same documents and pages
    words = [T.fill(T.template(ds, k, "nl").text, values(batch, 0, "nl")) for k in ("offer", "reply")]
    plain = "".join(f"<p>{pdf.escape(' '.join(w.split()))}</p>" for w in words)
    per_letter = pages // len(batch)
    if per_letter > 1:
        plain += "".join("<p style='page-break-before: always'>.</p>" for _ in range(per_letter - 1))
    t = time.perf_counter()
    anchor_pages = pdf.write_documents(work / "anchor.pdf", ((plain, "footer") for _ in range(len(batch))))
    t_anchor = time.perf_counter() - t
    peak_all = peak_mb()

    print(f"letters: {len(batch):,} letters, {pages:,} pages ({per_letter} per letter), "
          f"{(work / 'letters.pdf').stat().st_size / 1e6:.1f} MB")
    print(f"  open + load workspace      {t_load:8.2f} s")
    print(f"  figures (models.letters)   {t_model:8.2f} s")
    print(f"  PDF (write_letters_pdf)    {t_pdf:8.2f} s   {t_pdf / len(batch) * 1000:.1f} ms per letter")
    print(f"  total, as the command      {t_total:8.2f} s")
    print(f"anchor: pdf.write_documents of {len(batch):,} plain-text documents, {anchor_pages:,} pages "
          f"(the same words, no tables, no figures)  {t_anchor:8.2f} s")
    print(f"ratio: letters PDF / anchor = {t_pdf / t_anchor:.2f}x; whole command / anchor = "
          f"{t_total / t_anchor:.2f}x")
    if peak_planner is not None:
        print(f"peak resident memory: {peak_planner:.0f} MB after the letters, {peak_all:.0f} MB "
              f"after the anchor")
    if not args.workdir:
        for f in work.iterdir():
            f.unlink()
        os.rmdir(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
