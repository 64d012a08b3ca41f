"""Screenshots of plan versions for docs/versions.md (docs/versions-nl.png, -en.png):
the sample workspace with a saved bid and a proposal that brings some projects forward,
the Programme page showing the proposal beside the active plan and the compare dialog.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/versions_screenshots.py DIR
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def shoot(directory: Path, lang: str) -> list[Path]:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter, QPixmap

    from desktop import edits
    from desktop.app import build_window, install_translators, make_application
    from desktop.sample import create_sample_workspace
    from desktop.settings import Settings
    from desktop.views.refresh import settle

    app = make_application()
    settings = Settings(user_name="Anna")
    settings.language = lang
    install_translators(app, settings)
    ws = create_sample_workspace(Path(tempfile.mkdtemp()) / "soest.rpw")
    ds = ws.load()
    ws.apply(edits.save_active(ds, "Bod 2027" if lang == "nl" else "Bid 2027", "bid"))
    # a proposal: every planned project after 2025 two years earlier (not before 2026)
    p = ds.projects.copy()
    later = (p["status"] == "gepland") & (p["year"] > 2026)
    p.loc[later, "year"] = (p.loc[later, "year"] - 2).clip(lower=2026)
    # ... and 30 complexes without a project retrofitted 2026-2030 (insulation to A)
    import pandas as pd

    free = [c for c in ds.complexes["complex"] if c not in set(p["complex"])][:30]
    extra = pd.DataFrame({"project": [f"V-{c}" for c in free], "complex": free,
                          "year": [2026 + i % 5 for i in range(len(free))],
                          "measures": "dakisolatie; spouwmuurisolatie; hr++ glas; vloerisolatie",
                          "label_after": "A", "gas_saving_m3": 700.0,
                          "investment_cents": 3_500_000, "status": "gepland"})
    p = pd.concat([p, extra], ignore_index=True)
    ws.apply(edits.save_version(ds, "Voorstel" if lang == "nl" else "Proposal", p, kind="proposal",
                                objective="cost", solver_status="optimal", gap=0.004))
    window = build_window(ws, settings)
    window.resize(1280, 800)
    window.show()
    window.show_page("programme")
    settle()
    page = window.page("programme")
    page.set_mode("version")
    settle()
    for _ in range(5):
        app.processEvents()
    base = window.grab()
    base.save(str(directory / f"versions-programme-{lang}.png"))
    dialog = page.versions.compare()
    dialog.resize(1060, 350)
    dialog.show()
    dialog.diff_view.selectRow(0)
    for _ in range(5):
        app.processEvents()
    shot = QPixmap(base)
    painter = QPainter(shot)
    painter.drawPixmap(QPoint(205, 445), dialog.grab())
    painter.end()
    out = directory / f"versions-{lang}.png"
    shot.save(str(out))
    dialog.close()
    window.show_page("co2")
    settle()
    co2 = window.page("co2")
    for _ in range(200):
        app.processEvents()
        if co2.charts_filled() and co2.drawing.version_curve is not None:
            break
        settle(5)
    co2_out = directory / f"versions-co2-{lang}.png"
    window.grab().save(str(co2_out))
    window.close()
    ws.close()
    return [out, co2_out]


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    for lang in ("nl", "en"):
        print(*shoot(target, lang))
