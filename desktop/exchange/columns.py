"""The programme workbook's sheets and columns: the workbook's layout, declared once.

One declaration serves the reader, the validator, the writer and the template: each
sheet maps to a Dataset table, each column to a frame field with its kind.  Headers are
Dutch with an English alias; both match case-insensitively, ignoring surrounding spaces.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    dutch: str
    english: str
    field: str          # Dataset frame column
    kind: str           # text | id | int | number | money | yesno | label | heating | status | vote | date | measures
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None

    @property
    def header(self) -> str:
        return self.dutch

    def matches(self, text: str) -> bool:
        key = str(text).strip().casefold()
        return key in (self.dutch.casefold(), self.english.casefold())


@dataclass(frozen=True)
class Sheet:
    dutch: str
    english: str
    table: str                       # Dataset table
    keys: tuple[str, ...]            # frame fields that identify a row (merge key)
    columns: tuple[Column, ...]

    def matches(self, text: str) -> bool:
        key = str(text).strip().casefold()
        return key in (self.dutch.casefold(), self.english.casefold())

    def column_for(self, header: str) -> Column | None:
        for c in self.columns:
            if c.matches(header):
                return c
        return None

    def by_field(self, field: str) -> Column:
        for c in self.columns:
            if c.field == field:
                return c
        raise KeyError(field)


SHEETS: tuple[Sheet, ...] = (
    Sheet("Complexen", "Complexes", "complexes", ("complex",), (
        Column("Complex", "Complex", "complex", "id", required=True),
        Column("Corporatie", "Corporation", "corporation", "text", required=True),
        Column("Wijk", "Neighbourhood", "neighbourhood", "text", required=True),
        Column("Naam", "Name", "name", "text"),
        Column("Bouwjaar", "Build year", "build_year", "int", minimum=1800, maximum=2100),
        Column("Aantal woningen", "Dwellings", "dwellings", "int", minimum=1),
        Column("Verwarming", "Heating", "heating", "heating"),
        Column("Energielabel", "Energy label", "label", "label"),
        Column("Gas m3 per woning per jaar", "Gas m3 per dwelling per year", "gas_m3", "number", minimum=0),
        Column("Elektriciteit kWh per woning per jaar", "Electricity kWh per dwelling per year",
               "electricity_kwh", "number", minimum=0),
        Column("Kale huur per maand", "Net rent per month", "rent_cents", "money", minimum=0),
    )),
    Sheet("Woningen", "Dwellings", "dwellings", ("dwelling",), (
        Column("Woning", "Dwelling", "dwelling", "id", required=True),
        Column("Complex", "Complex", "complex", "id", required=True),
        Column("Adres", "Address", "address", "text"),
        Column("Verhuurd", "Let", "let", "yesno"),
        Column("Energielabel", "Energy label", "label", "label"),
        Column("Gas m3 per jaar", "Gas m3 per year", "gas_m3", "number", minimum=0),
        Column("Elektriciteit kWh per jaar", "Electricity kWh per year", "electricity_kwh", "number", minimum=0),
        Column("Kale huur per maand", "Net rent per month", "rent_cents", "money", minimum=0),
    )),
    Sheet("Projecten", "Projects", "projects", ("project",), (
        Column("Project", "Project", "project", "id", required=True),
        Column("Complex", "Complex", "complex", "id", required=True),
        Column("Jaar", "Year", "year", "int", required=True, minimum=2000, maximum=2100),
        Column("Maatregelen", "Measures", "measures", "measures"),
        Column("Label na", "Label after", "label_after", "label"),
        Column("Gasbesparing m3 per woning per jaar", "Gas saving m3 per dwelling per year",
               "gas_saving_m3", "number", required=True, minimum=0),
        Column("Elektriciteitsbesparing kWh per woning per jaar",
               "Electricity saving kWh per dwelling per year", "electricity_saving_kwh", "number"),
        Column("Huurverhoging per woning per maand", "Rent increase per dwelling per month",
               "rent_increase_cents", "money", minimum=0),
        Column("Investering per woning", "Investment per dwelling", "investment_cents", "money", minimum=0),
        Column("Status", "Status", "status", "status"),
    )),
    Sheet("Stemmen", "Votes", "votes", ("project", "dwelling"), (
        Column("Project", "Project", "project", "id", required=True),
        Column("Woning", "Dwelling", "dwelling", "id", required=True),
        Column("Stem", "Vote", "vote", "vote", required=True),
        Column("Datum", "Date", "date", "date"),
        Column("Vastgelegd door", "Recorded by", "recorded_by", "text"),
    )),
    Sheet("Doelen", "Targets", "targets", ("corporation", "from_year", "to_year"), (
        Column("Corporatie", "Corporation", "corporation", "text", required=True),
        Column("Van jaar", "From year", "from_year", "int", required=True, minimum=2000, maximum=2100),
        Column("Tot en met jaar", "To year", "to_year", "int", required=True, minimum=2000, maximum=2100),
        Column("Aantal woningen", "Dwellings", "dwellings", "int", required=True, minimum=0),
    )),
    Sheet("Tarieven", "Tariffs", "tariffs", ("year",), (
        Column("Jaar", "Year", "year", "int", required=True, minimum=2000, maximum=2100),
        Column("Gas euro per m3", "Gas euro per m3", "gas_eur_m3", "number", required=True, minimum=0),
        Column("Elektriciteit euro per kWh", "Electricity euro per kWh", "electricity_eur_kwh", "number",
               required=True, minimum=0),
    )),
    Sheet("Emissiefactoren", "Emission factors", "emission_factors", ("year",), (
        Column("Jaar", "Year", "year", "int", required=True, minimum=2000, maximum=2100),
        Column("Gas kg CO2 per m3", "Gas kg CO2 per m3", "gas_kg_m3", "number", required=True, minimum=0),
        Column("Elektriciteit kg CO2 per kWh", "Electricity kg CO2 per kWh", "electricity_kg_kwh", "number",
               required=True, minimum=0),
    )),
)


def sheet_for(name: str) -> Sheet | None:
    for s in SHEETS:
        if s.matches(name):
            return s
    return None


def sheet_for_table(table: str) -> Sheet:
    for s in SHEETS:
        if s.table == table:
            return s
    raise KeyError(table)
