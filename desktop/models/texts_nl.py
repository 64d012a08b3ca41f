"""The Dutch form of the English texts the core gives its built-in figures: sources and
notes of the default tariffs, emission factors, typical uses and the measures catalogue.

The core keeps one text per figure (English, as the workbook and ``check`` write it);
the interface shows :func:`dutch` of it in Dutch.  Keyed by the English text, so a
workspace row that took over a built-in source (a changed measure) is shown in Dutch too.
A text not listed (a proper name such as "Belastingdienst", or what a user typed) is
shown as it is.
"""
from __future__ import annotations

from . import defaults, measures

DUTCH: dict[str, str] = {
    # sources
    "Energy tax + ODE incl. VAT (tax tables); supply part unverified: estimate":
        "Energiebelasting + ODE incl. btw (belastingtabellen); leveringsdeel niet "
        "geverifieerd: schatting",
    "CBS 84672NED, marginal prices incl. taxes": "CBS 84672NED, marginale prijzen incl. belastingen",
    "Price cap 2023": "Prijsplafond 2023",
    defaults.FACTOR_SOURCE: "co2emissiefactoren.nl, lijst 2025",
    "Scenario: grid factor falling linearly to 0 in 2050":
        "Scenario: emissiefactor van het net daalt lineair naar 0 in 2050",
    defaults.TYPICAL_GAS_SOURCE: "Woonbond-gemiddelden voor woningen < 70 m2",
    defaults.TYPICAL_ELECTRICITY_SOURCE: "CBS, gemiddeld huishouden 2020",
    measures.ESTIMATE_SOURCE: "Niet-geverifieerde schatting (geen primaire bron beschikbaar)",
    measures.WORKSPACE_SOURCE: "Ingevoerd in deze werkruimte",
    # notes of the measures catalogue
    "≈ 700 m³/yr for a dwelling with its own roof": "≈ 700 m³/jr voor een woning met een eigen dak",
    "180–600 m³/yr by house type; default is the midpoint":
        "180–600 m³/jr naar woningtype; standaard is het midden",
    "−650 m³ gas and +1,500 kWh per year": "−650 m³ gas en +1.500 kWh per jaar",
    "removes all gas use; extra electricity is an estimate":
        "neemt al het gasverbruik weg; het extra stroomverbruik is een schatting",
    "≈ 320 kWh per panel; 6 panels per dwelling is an assumption":
        "≈ 320 kWh per paneel; 6 panelen per woning is een aanname",
    "heat recovery saves some gas, the fans use some electricity":
        "warmteterugwinning bespaart wat gas, de ventilatoren gebruiken wat stroom",
    "removes all gas use; the heat's own CO2 (40.45 kg/GJ) is not modelled":
        "neemt al het gasverbruik weg; de CO2 van de warmte zelf (40,45 kg/GJ) is niet "
        "meegerekend",
}


def dutch(text: str | None) -> str | None:
    """``text`` in Dutch when it is one of the core's own texts, else as it is."""
    return DUTCH.get(text, text) if isinstance(text, str) else text
