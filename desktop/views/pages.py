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
    ("co2", "co2", "Co2Page"),
    ("settings", "tariffs", "TariffsPage"),
]



def page_title(key: str) -> str:
    """Translated at call time (the translator is installed after import)."""
    translate = QCoreApplication.translate
    titles = {
        "overview": translate("pages", "Overview"),
        "programme": translate("pages", "Programme"),
        "support": translate("pages", "Tenant support"),
        "affordability": translate("pages", "Affordability"),
        "co2": translate("pages", "CO2 to 2050"),
        "settings": translate("pages", "Tariffs and factors"),
    }
    return titles.get(key, key)
