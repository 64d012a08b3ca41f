"""Built-in default numbers, each with its source and status.

Defaults are used only where the user has entered no rows; they are never stored as
rows in a workspace.  Every table says whether a value is an estimate so the interface
can mark it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TariffDefault:
    year: int
    gas_eur_m3: float
    electricity_eur_kwh: float
    estimate: bool
    source: str


DEFAULT_TARIFFS: tuple[TariffDefault, ...] = (
    TariffDefault(2020, 0.76, 0.22, True,
                  "Energy tax + ODE incl. VAT (tax tables); supply part unverified: estimate"),
    TariffDefault(2021, 0.80, 0.22, True,
                  "Energy tax + ODE incl. VAT (tax tables); supply part unverified: estimate"),
    TariffDefault(2022, 2.30, 0.535, False, "CBS 84672NED, marginal prices incl. taxes"),
    TariffDefault(2023, 1.45, 0.40, False, "Price cap 2023"),
)


@dataclass(frozen=True)
class EmissionFactorDefault:
    year: int
    gas_kg_m3: float
    electricity_kg_kwh: float
    source: str


GAS_KG_PER_M3 = 1.779          # natural gas burned, co2emissiefactoren.nl 2025 list
GAS_KG_PER_M3_CHAIN = 2.134    # incl. supply chain, same source (informative)
ELECTRICITY_KG_PER_KWH = 0.497  # grey electricity, same source
DISTRICT_HEAT_KG_PER_GJ = 40.45  # average Dutch heat network, WTW (sector-notes 2.3)
# Heat use of a district-heated dwelling when not given: the gas a gas-heated home of its
# label burns × the gas's heating value × an HR boiler's efficiency (sector-notes 2.3:
# "HR boiler heat ≈ 1.78 kg/m3 ÷ 0.03165 GJ/m3 ÷ 0.87").  An estimate.
GJ_PER_M3_GAS = 0.03165
HR_BOILER_EFFICIENCY = 0.87
FACTOR_SOURCE = "co2emissiefactoren.nl, 2025 list"

# "every year: 1.779 / 0.497": one row stands for every year (fallback rule).
DEFAULT_EMISSION_FACTORS: tuple[EmissionFactorDefault, ...] = (
    EmissionFactorDefault(2020, GAS_KG_PER_M3, ELECTRICITY_KG_PER_KWH, FACTOR_SOURCE),
)


def cleaner_grid_scenario(first_year: int = 2020, last_year: int = 2050
                          ) -> list[EmissionFactorDefault]:
    """Scenario "cleaner grid": electricity 0.497 up to 2025, then falling linearly to
    0 in 2050; gas unchanged."""
    rows = []
    for year in range(first_year, last_year + 1):
        if year <= 2025:
            el = ELECTRICITY_KG_PER_KWH
        else:
            el = ELECTRICITY_KG_PER_KWH * (2050 - year) / (2050 - 2025)
        rows.append(EmissionFactorDefault(year, GAS_KG_PER_M3, round(el, 6),
                                          "Scenario: grid factor falling linearly to 0 in 2050"))
    return rows


# Typical actual gas use, m3/yr, small social-rent homes (< 70 m2), Woonbond averages.
# A++ and better and G (extrapolated +80) unverified.
TYPICAL_GAS_M3_BY_LABEL: dict[str, float] = {
    "A++++": 630.0, "A+++": 630.0, "A++": 630.0, "A+": 630.0, "A": 700.0,
    "B": 760.0, "C": 840.0, "D": 920.0, "E": 970.0, "F": 1050.0, "G": 1130.0,
}
UNVERIFIED_LABELS = ("A++++", "A+++", "A++", "G")
TYPICAL_GAS_SOURCE = "Woonbond averages for homes < 70 m2"

# Average Dutch household 2020 (CBS).
TYPICAL_ELECTRICITY_KWH = 2450.0
AVERAGE_HOUSEHOLD_GAS_M3 = 1197.0
TYPICAL_ELECTRICITY_SOURCE = "CBS, average household 2020"


@dataclass(frozen=True)
class RentLimits:
    year: int
    aftopping_small_cents: int   # aftoppingsgrens, 1-2 persons
    aftopping_large_cents: int   # aftoppingsgrens, 3+ persons
    liberalisation_cents: int    # liberalisatiegrens
    source: str = "Belastingdienst"


# Aftoppingsgrenzen (low: 1-2 persons, high: 3+) and liberalisatiegrens per 1 January,
# as set by the Ministry (BZK) for the huurtoeslag; each year's source below.  A year
# after the last row takes the last row's limits (the fallback rule).  2026 is left
# out: its liberalisatiegrens (€ 932,93) is published, its aftoppingsgrenzen were not
# found in a source we could check — add the row when they are.
DEFAULT_RENT_LIMITS: tuple[RentLimits, ...] = (
    RentLimits(2020, 61901, 66340, 73714),
    RentLimits(2021, 63325, 67866, 75233),
    # aftopping frozen at 2021's (huurbevriezing): volkshuisvestingnederland.nl,
    # "Huurtoeslagparameters 2022 bekend" (4 Nov 2021); liberalisatiegrens € 763,47:
    # corporatiestrateeg.nl "Huurprijsklassen 2022", stadhuis.nl
    RentLimits(2022, 63325, 67866, 76347,
               "BZK housing benefit parameters 2022 (volkshuisvestingnederland.nl, 4 Nov 2021)"),
    # Woonbond "Normen en grenzen huurtoeslag" 2023; ssw.nl "Inkomens- en huurprijsgrenzen"
    RentLimits(2023, 64719, 69360, 80806, "Woonbond, housing benefit norms and limits 2023"),
    # Woonbond "Normen en grenzen huurtoeslag" 2024 and "Aftoppingsgrens" (2024)
    RentLimits(2024, 65043, 69707, 87966, "Woonbond, housing benefit norms and limits 2024"),
    # aftopping: huurstunt.nl "Wat is de aftoppingsgrens" (2025); huurtoeslaggrens =
    # liberalisatiegrens € 900,07: Metro, "Zoveel huurtoeslag ontvang je in 2025" (Jan 2025)
    RentLimits(2025, 68296, 73193, 90007, "Housing benefit 2025 (huurstunt.nl; Metro, Jan 2025)"),
)

# From 1 Jan 2023 corporations charge no rent increase for energy measures
# (Nationale prestatieafspraken, 30 June 2022).
NO_ENERGY_RENT_INCREASE_FROM = 2023

# Tenant support (BW 7:220 lid 3).
SUPPORT_THRESHOLD_PCT = 70
SUPPORT_MIN_DWELLINGS = 10
OBJECTION_DAYS = 56   # 8 weeks after written notification

# CO2 targets of the municipality for housing, relative to the base year.
CO2_TARGET_PATH: dict[int, float] = {2025: -0.123, 2030: -0.49, 2050: -1.0}
BASE_YEAR = 2020
HORIZON_YEAR = 2050
