"""The areas of the window, in navigation order: (key, module, class).

Pages are imported lazily when first shown; each area lives in its own module.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

PAGES: list[tuple[str, str, str]] = [
    ("overview", "overview", "OverviewPage"),
    ("programme", "programme", "ProgrammePage"),
    ("support", "support", "SupportPage"),
    ("affordability", "affordability", "AffordabilityPage"),
    ("settings", "tariffs", "TariffsPage"),
]



def page_title(key: str) -> str:
    """Translated at call time (the translator is installed after import)."""
    tr = QCoreApplication.translate
    titles = {
        "overview": tr("pages", "Overview"),
        "programme": tr("pages", "Programme"),
        "support": tr("pages", "Tenant support"),
        "affordability": tr("pages", "Affordability"),
        "co2": tr("pages", "CO2 to 2050"),
        "settings": tr("pages", "Tariffs and factors"),
    }
    return titles.get(key, key)
