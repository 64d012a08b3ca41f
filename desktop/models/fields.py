"""The field registry: every fact about every column of every table, declared once.

Per table: its fields in frame order, the fields that identify a row, and its workbook
sheet (Dutch and English name, or none for a workspace-only table).  Per field: its kind
(which gives the frame dtype), default, whether it is required, its range, unit, the
Dutch and English workbook header (None: not in the workbook), help text in both
languages, whether it is personal data (left out of a privacy export) and whether the
project form edits it.

Everything else derives from here: the frames (:mod:`dataset`), the invariants, the
workbook reader, writer and columns, the store's schema check, the checks of a project
edit and the project form's field list.  Adding a column is one ``Field(...)`` line here,
one migration (the SQL column) and, for a form field, its place in the form's layout.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

# kind -> pandas dtype of the frame column ("string" columns hold str or <NA>).
DTYPES: dict[str, str] = {
    "id": "string", "text": "string", "measures": "string", "label": "string",
    "heating": "string", "dwelling_type": "string", "heat_solution": "string", "status": "string", "vote": "string",
    "int": "Int64", "money": "Int64", "number": "Float64", "yesno": "boolean",
    "date": "datetime64[s]", "datetime": "datetime64[s]",
}

YEAR_MIN, YEAR_MAX = 2000, 2100
BUILD_YEAR_MIN, BUILD_YEAR_MAX = 1800, 2100


@dataclass(frozen=True)
class Field:
    name: str                       # frame column
    kind: str                       # a key of DTYPES; money is whole cents
    dutch: str | None = None        # workbook header; None: not in the workbook
    english: str | None = None
    required: bool = False
    default: Any = None             # what an absent or empty value stands for
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    help_nl: str = ""               # the workbook's instructions sheet
    help_en: str = ""
    personal: bool = False          # left out of a privacy export
    form: bool = False              # edited in the project form
    subject: tuple[str, str] | None = None   # (English, Dutch) for an edit's messages
    missing: tuple[str, str] | None = None   # (English, Dutch) when a required value is empty
    # the record's last editor (row version, who, when, which fields): written back on a
    # new row (a restore keeps it), never merged into a known row (the import's user
    # becomes its last editor) and never compared in an import's preview
    audit: bool = False

    @property
    def dtype(self) -> str:
        return DTYPES[self.kind]

    @property
    def in_workbook(self) -> bool:
        return self.dutch is not None


@dataclass(frozen=True)
class Table:
    name: str
    keys: tuple[str, ...]           # the fields that identify a row (merge key)
    fields: tuple[Field, ...]
    dutch: str | None = None        # workbook sheet; None: workspace only
    english: str | None = None
    help_nl: str = ""
    help_en: str = ""
    record: tuple[str, str] = ("", "")        # (English, Dutch) duplicate-key phrase
    # an append-only history keyed by its entry number: an import restores its entries
    # exactly (numbers, order, who, when) into a workspace without history of that kind,
    # and never adds to or changes the history a workspace already has
    history: bool = False

    @property
    def in_workbook(self) -> bool:
        return self.dutch is not None

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name}.{name}")


_YEAR = dict(minimum=YEAR_MIN, maximum=YEAR_MAX)
_M3, _KWH, _EUR = "m3", "kWh", "EUR"
_KWH_M2, _SQM = "kWh/m2", "m2"
_GJ = "GJ"
# the average Dutch heat network, kg CO2-eq per GJ (co2emissiefactoren.nl; defaults.py)
_HEAT_KG_GJ = 40.45


def _performance(of_dwelling: bool) -> tuple[Field, ...]:
    """The energy performance fields of a complex (its typical dwelling) or a dwelling
    (overriding its complex): the yardsticks of :mod:`desktop.models.yardsticks`."""
    nl, en = ((" Overschrijft het complex.", " Overrides the complex.") if of_dwelling else
              (" Geldt voor elke woning die zelf geen waarde heeft.",
               " Holds for every dwelling that gives none itself."))
    return (
        Field("dwelling_type", "dwelling_type", "Woningtype", "Dwelling type",
              help_nl="eengezins of meergezins (voor de Standaard voor woningisolatie)." + nl,
              help_en="single-family or multi-family (for the insulation standard)." + en),
        Field("ep2_kwh_m2", "number", "EP2 kWh per m2 per jaar", "EP2 kWh per m2 per year",
              minimum=-1000, maximum=2000, unit=_KWH_M2,
              help_nl="Energie-index NTA 8800: primair fossiel energiegebruik EP2 in kWh/m2 per "
                      "jaar; bepaalt het label (A++++ t/m G). Leeg: het opgegeven label geldt." + nl,
              help_en="NTA 8800 energy index: primary fossil energy use EP2 in kWh/m2 per year; "
                      "gives the label (A++++ to G). Empty: the given label holds." + en),
        Field("floor_area_m2", "number", "Gebruiksoppervlakte Ag m2", "Usable floor area Ag m2",
              minimum=0, unit=_SQM,
              help_nl="Gebruiksoppervlakte Ag in m2 per woning." + nl,
              help_en="Usable floor area Ag in m2 per dwelling." + en),
        Field("loss_area_m2", "number", "Verliesoppervlakte Als m2", "Loss area Als m2",
              minimum=0, unit=_SQM,
              help_nl="Verliesoppervlakte Als in m2 per woning; vormfactor = Als / Ag." + nl,
              help_en="Heat loss area Als in m2 per dwelling; shape factor = Als / Ag." + en),
        Field("heat_demand_kwh_m2", "number", "Netto warmtebehoefte kWh per m2 per jaar",
              "Net heat demand kWh per m2 per year", minimum=0, unit=_KWH_M2,
              help_nl="Netto warmtebehoefte (NTA 8800) in kWh/m2 per jaar; vergeleken met de "
                      "Standaard voor woningisolatie." + nl,
              help_en="Net heat demand (NTA 8800) in kWh/m2 per year; compared with the "
                      "insulation standard." + en),
    )


# Every editable record's last editor (the store keeps it for conflict messages,
# migration 0003); in the workbook so that export -> import keeps it.
_EDITOR: tuple[Field, ...] = (
    Field("row_version", "int", "Versie", "Version", default=1, minimum=1, audit=True,
          help_nl="Versie van de rij (telt op bij elke wijziging); bij importeren alleen "
                  "gebruikt voor een nieuwe rij.",
          help_en="Version of the row (counts up with each change); on import only used for "
                  "a new row."),
    Field("changed_by", "text", "Gewijzigd door", "Changed by", personal=True, audit=True,
          help_nl="Wie de rij het laatst wijzigde; bij importeren alleen gebruikt voor een "
                  "nieuwe rij (een bestaande rij krijgt de importerende gebruiker).",
          help_en="Who changed the row last; on import only used for a new row (a known row "
                  "gets the importing user)."),
    Field("changed_at", "datetime", "Gewijzigd op", "Changed at", audit=True,
          help_nl="Wanneer de rij het laatst gewijzigd werd; idem.",
          help_en="When the row was last changed; likewise."),
    Field("changed_fields", "text", "Gewijzigde velden", "Changed fields", audit=True,
          help_nl="Welke velden de laatste wijziging raakte; idem.",
          help_en="Which fields the last change touched; likewise."),
)

REGISTRY: tuple[Table, ...] = (
    Table("complexes", ("complex",), (
        Field("complex", "id", "Complex", "Complex", required=True,
              help_nl="Complexnummer, uniek, bijv. P-1001.", help_en="Complex id, unique, e.g. P-1001."),
        Field("corporation", "text", "Corporatie", "Corporation", required=True,
              help_nl="Eigenaar, bijv. Portaal.", help_en="Owner, e.g. Portaal."),
        Field("neighbourhood", "text", "Wijk", "Neighbourhood", required=True,
              help_nl="Wijk, bijv. Overhees.", help_en="Neighbourhood, e.g. Overhees."),
        Field("name", "text", "Naam", "Name",
              help_nl="Naam van het complex.", help_en="Name of the complex."),
        Field("build_year", "int", "Bouwjaar", "Build year",
              minimum=BUILD_YEAR_MIN, maximum=BUILD_YEAR_MAX, unit="year",
              help_nl="Bouwjaar, 1800–2100.", help_en="Build year, 1800–2100."),
        Field("dwellings", "int", "Aantal woningen", "Dwellings", minimum=1, unit="dwellings",
              help_nl="Aantal woningen; verplicht als het complex geen rijen in Woningen heeft, "
                      "anders gelijk aan het aantal rijen daar.",
              help_en="Number of dwellings; required when the complex has no Dwellings rows, "
                      "else equal to their number."),
        Field("heating", "heating", "Verwarming", "Heating", default="gasketel",
              help_nl="Verwarming (standaard gasketel).", help_en="Heating (default gas boiler)."),
        Field("label", "label", "Energielabel", "Energy label",
              help_nl="Gemiddeld energielabel, gebruikt als woningen er geen geven.",
              help_en="Average energy label, used when dwellings give none."),
        Field("gas_m3", "number", "Gas m3 per woning per jaar", "Gas m3 per dwelling per year",
              minimum=0, unit=_M3,
              help_nl="Gasverbruik m3 per woning per jaar, gebruikt als woningen er geen geven.",
              help_en="Gas use m3 per dwelling per year, used when dwellings give none."),
        Field("electricity_kwh", "number", "Elektriciteit kWh per woning per jaar",
              "Electricity kWh per dwelling per year", minimum=0, unit=_KWH,
              help_nl="Elektriciteitsverbruik kWh per woning per jaar, idem.",
              help_en="Electricity use kWh per dwelling per year, likewise."),
        Field("rent_cents", "money", "Kale huur per maand", "Net rent per month", minimum=0, unit=_EUR,
              help_nl="Kale huur per woning per maand in euro, idem.",
              help_en="Net rent per dwelling per month in euros, likewise."),
        *_performance(of_dwelling=False),
        # district heating (issue 21): the heat a dwelling takes from the network
        Field("heat_gj", "number", "Warmte GJ per woning per jaar", "Heat GJ per dwelling per year",
              minimum=0, unit=_GJ,
              help_nl="Warmteverbruik uit een warmtenet in GJ per woning per jaar (bij "
                      "stadsverwarming). Leeg: geschat uit het gebruikelijke gasverbruik bij het "
                      "label × 0,03165 GJ/m3 × 0,87 (rendement HR-ketel).",
              help_en="Heat taken from a heat network in GJ per dwelling per year (with district "
                      "heating). Empty: estimated from the typical gas use for the label × "
                      "0.03165 GJ/m3 × 0.87 (HR boiler efficiency)."),
        *_EDITOR,
    ), "Complexen", "Complexes", "Eén rij per wooncomplex.", "One row per housing complex.",
        ("complex", "dubbel complex")),

    Table("dwellings", ("dwelling",), (
        Field("dwelling", "id", "Woning", "Dwelling", required=True,
              help_nl="Woningnummer (VHE), uniek.", help_en="Dwelling id (VHE number), unique."),
        Field("complex", "id", "Complex", "Complex", required=True,
              help_nl="Complex van de woning; moet bestaan in Complexen.",
              help_en="Complex of the dwelling; must exist in Complexes."),
        Field("address", "text", "Adres", "Address", personal=True,
              help_nl="Adres.", help_en="Address."),
        Field("let", "yesno", "Verhuurd", "Let", default=True,
              help_nl="Verhuurd (standaard ja); een leegstaande woning heeft geen huurder en "
                      "dus geen stem.",
              help_en="Let (default yes); a vacant dwelling has no tenant, so no vote."),
        Field("label", "label", "Energielabel", "Energy label",
              help_nl="Energielabel; overschrijft het gemiddelde van het complex.",
              help_en="Energy label; overrides the complex average."),
        Field("gas_m3", "number", "Gas m3 per jaar", "Gas m3 per year", minimum=0, unit=_M3,
              help_nl="Gasverbruik m3 per jaar; overschrijft het complex.",
              help_en="Gas use m3 per year; overrides the complex."),
        Field("electricity_kwh", "number", "Elektriciteit kWh per jaar", "Electricity kWh per year",
              minimum=0, unit=_KWH,
              help_nl="Elektriciteitsverbruik kWh per jaar; overschrijft het complex.",
              help_en="Electricity use kWh per year; overrides the complex."),
        Field("rent_cents", "money", "Kale huur per maand", "Net rent per month", minimum=0, unit=_EUR,
              help_nl="Kale huur per maand in euro; overschrijft het complex.",
              help_en="Net rent per month in euros; overrides the complex."),
        # personal data, last so the columns before it keep their place
        Field("tenant_name", "text", "Huurder", "Tenant", personal=True,
              help_nl="Naam van de huurder (persoonsgegeven; niet in een export zonder "
                      "persoonsgegevens).",
              help_en="Name of the tenant (personal data; left out of an export without "
                      "personal data)."),
        # The current (or last) tenancy: a vote counts only when cast by the tenant of the
        # current tenancy (support.by_current_tenant).  Dates of the dwelling's
        # occupancy, not of a person: not personal data (a privacy export keeps them, so
        # its votes still count as in the workspace).
        Field("let_since", "date", "Verhuurd sinds", "Let since",
              help_nl="Begin van de huidige huur (laatste huurder). Een stem van vóór deze datum "
                      "is van een vorige huurder en telt niet mee. Leeg: onbekend, elke stem telt.",
              help_en="Start of the current tenancy (the last tenant). A vote dated before it is a "
                      "former tenant's and does not count. Empty: unknown, every vote counts."),
        Field("vacant_since", "date", "Leeg sinds", "Vacant since",
              help_nl="Alleen bij een leegstaande woning: leeg sinds deze datum (de huurder is "
                      "vertrokken). Een stem van vóór deze datum is van de vorige huurder: geen "
                      "fout, maar telt niet mee.",
              help_en="Only for a vacant dwelling: vacant since this date (the tenant moved out). "
                      "A vote dated before it is the former tenant's: not an error, but it does "
                      "not count."),
        *_performance(of_dwelling=True),
        *_EDITOR,
    ), "Woningen", "Dwellings", "Eén rij per woning (nodig om stemmen vast te leggen).",
        "One row per dwelling (needed to record votes).", ("dwelling", "dubbele woning")),

    Table("projects", ("project",), (
        Field("project", "id", "Project", "Project", required=True, form=True,
              help_nl="Projectcode, uniek.", help_en="Project id, unique.",
              missing=("The project id cannot be empty.", "Het projectnummer mag niet leeg zijn.")),
        Field("complex", "id", "Complex", "Complex", required=True, form=True,
              help_nl="Complex van het project; moet bestaan.", help_en="Complex of the project; must exist.",
              missing=("Choose the complex the project covers.",
                       "Kies het complex waar het project over gaat.")),
        Field("year", "int", "Jaar", "Year", required=True, form=True, unit="year", **_YEAR,
              help_nl="Jaar van oplevering, 2000–2100; besparingen tellen vanaf dit jaar.",
              help_en="Year of completion, 2000–2100; savings count from this year on.",
              missing=("Enter the year of completion.", "Vul het jaar van oplevering in.")),
        Field("measures", "measures", "Maatregelen", "Measures", form=True,
              help_nl="Maatregelen, gescheiden door ';', bijv. dakisolatie; hr++ glas.",
              help_en="Measures, separated by ';', e.g. dakisolatie; hr++ glas."),
        Field("label_after", "label", "Label na", "Label after", form=True,
              help_nl="Energielabel na de renovatie.", help_en="Energy label after the retrofit."),
        Field("gas_saving_m3", "number", "Gasbesparing m3 per woning per jaar",
              "Gas saving m3 per dwelling per year", required=True, minimum=0, unit=_M3, form=True,
              help_nl="Gasbesparing m3 per woning per jaar, ≥ 0.",
              help_en="Gas saving m3 per dwelling per year, ≥ 0.",
              subject=("The gas saving", "De gasbesparing"),
              missing=("Enter the gas saving per dwelling per year (0 if none).",
                       "Vul de gasbesparing per woning per jaar in (0 als er geen is).")),
        Field("electricity_saving_kwh", "number", "Elektriciteitsbesparing kWh per woning per jaar",
              "Electricity saving kWh per dwelling per year", default=0.0, unit=_KWH, form=True,
              help_nl="Elektriciteitsbesparing kWh per woning per jaar; mag negatief zijn (een "
                      "warmtepomp gebruikt meer). Standaard 0.",
              help_en="Electricity saving kWh per dwelling per year; may be negative (a heat pump "
                      "uses more). Default 0.",
              subject=("The electricity saving", "De elektriciteitsbesparing")),
        Field("rent_increase_cents", "money", "Huurverhoging per woning per maand",
              "Rent increase per dwelling per month", default=0, minimum=0, unit=_EUR, form=True,
              help_nl="Huurverhoging per woning per maand in euro (standaard 0).",
              help_en="Rent increase per dwelling per month in euros (default 0).",
              subject=("The rent increase", "De huurverhoging")),
        Field("investment_cents", "money", "Investering per woning", "Investment per dwelling",
              minimum=0, unit=_EUR, form=True,
              help_nl="Investering per woning in euro.", help_en="Investment per dwelling in euros.",
              subject=("The investment", "De investering")),
        Field("status", "status", "Status", "Status", default="gepland", form=True,
              help_nl="Status (standaard gepland).", help_en="Status (default planned)."),
        Field("ep2_after_kwh_m2", "number", "EP2 na kWh per m2 per jaar", "EP2 after kWh per m2 per year",
              minimum=-1000, maximum=2000, unit=_KWH_M2, form=True,
              help_nl="Energie-index EP2 na de renovatie (kWh/m2 per jaar); geeft het label na "
                      "en gaat voor 'Label na'.",
              help_en="Energy index EP2 after the retrofit (kWh/m2 per year); gives the label "
                      "after and takes precedence over 'Label after'.",
              subject=("The EP2 after", "De EP2 na")),
        Field("heat_demand_after_kwh_m2", "number", "Warmtebehoefte na kWh per m2 per jaar",
              "Heat demand after kWh per m2 per year", minimum=0, unit=_KWH_M2, form=True,
              help_nl="Netto warmtebehoefte na het maatregelenpakket (kWh/m2 per jaar), voor "
                      "de Standaard voor woningisolatie.",
              help_en="Net heat demand after the measure package (kWh/m2 per year), for the "
                      "insulation standard.",
              subject=("The heat demand after", "De warmtebehoefte na")),
        # the vote campaign
        Field("campaign_start", "date", "Start stemcampagne", "Campaign start",
              help_nl="Datum waarop de stemcampagne begon (leeg: nog niet begonnen).",
              help_en="Date the vote campaign started (empty: not started)."),
        Field("notified_on", "date", "Huurders geïnformeerd op", "Tenants notified on",
              help_nl="Datum waarop de huurders schriftelijk hoorden dat 70 % akkoord is; de "
                      "bezwaartermijn loopt vanaf deze datum.",
              help_en="Date the tenants were told in writing that 70 % agreed; the objection "
                      "period runs from this date."),
        *_EDITOR,
    ), "Projecten", "Projects", "Eén rij per renovatieproject; een project omvat het hele complex.",
        "One row per retrofit project; a project covers its whole complex.",
        ("project", "dubbel project")),

    # the current vote per (project, dwelling); the store keeps every vote (vote_events)
    Table("votes", ("project", "dwelling"), (
        Field("project", "id", "Project", "Project", required=True,
              help_nl="Project; moet bestaan.", help_en="Project; must exist."),
        Field("dwelling", "id", "Woning", "Dwelling", required=True,
              help_nl="Woning; moet een verhuurde woning van het complex van het project zijn.",
              help_en="Dwelling; must be a let dwelling of the project's complex."),
        Field("vote", "vote", "Stem", "Vote", required=True,
              help_nl="Stem van de huurder.", help_en="The tenant's vote."),
        Field("date", "date", "Datum", "Date", help_nl="Datum van de stem.", help_en="Date of the vote."),
        Field("recorded_by", "text", "Vastgelegd door", "Recorded by", personal=True,
              help_nl="Wie de stem heeft vastgelegd.", help_en="Who recorded the vote."),
    ), "Stemmen", "Votes", "Eén rij per stem van een huurder; per project en woning één rij.",
        "One row per tenant vote; one row per project and dwelling.",
        ("vote for this project and dwelling", "dubbele stem voor dit project en deze woning")),

    Table("targets", ("corporation", "from_year", "to_year"), (
        Field("corporation", "text", "Corporatie", "Corporation", required=True,
              help_nl="Corporatie.", help_en="Corporation."),
        Field("from_year", "int", "Van jaar", "From year", required=True, unit="year", **_YEAR,
              help_nl="Eerste jaar van de periode.", help_en="First year of the period."),
        Field("to_year", "int", "Tot en met jaar", "To year", required=True, unit="year", **_YEAR,
              help_nl="Laatste jaar van de periode (tot en met).",
              help_en="Last year of the period (inclusive)."),
        Field("dwellings", "int", "Aantal woningen", "Dwellings", required=True, minimum=0,
              unit="dwellings", help_nl="Toegezegd aantal woningen in de periode.",
              help_en="Number of dwellings agreed for the period."),
        *_EDITOR,
    ), "Doelen", "Targets",
        "Aantal woningen dat een corporatie in een periode heeft toegezegd te verduurzamen.",
        "Homes a corporation agreed to retrofit in a period.",
        ("target for this corporation and period", "dubbel doel voor deze corporatie en periode")),

    Table("tariffs", ("year",), (
        Field("year", "int", "Jaar", "Year", required=True, unit="year", **_YEAR,
              help_nl="Jaar.", help_en="Year."),
        Field("gas_eur_m3", "number", "Gas euro per m3", "Gas euro per m3", required=True, minimum=0,
              unit="EUR/m3", help_nl="Gasprijs in euro per m3.", help_en="Gas price in euros per m3."),
        Field("electricity_eur_kwh", "number", "Elektriciteit euro per kWh", "Electricity euro per kWh",
              required=True, minimum=0, unit="EUR/kWh",
              help_nl="Elektriciteitsprijs in euro per kWh.", help_en="Electricity price in euros per kWh."),
        *_EDITOR,
    ), "Tarieven", "Tariffs",
        "Energieprijzen per jaar; een ontbrekend jaar neemt het dichtstbijzijnde eerdere jaar.",
        "Energy prices per year; a missing year takes the nearest earlier year.",
        ("tariff year", "dubbel tariefjaar")),

    Table("emission_factors", ("year",), (
        Field("year", "int", "Jaar", "Year", required=True, unit="year", **_YEAR,
              help_nl="Jaar.", help_en="Year."),
        Field("gas_kg_m3", "number", "Gas kg CO2 per m3", "Gas kg CO2 per m3", required=True, minimum=0,
              unit="kg/m3", help_nl="kg CO2 per m3 aardgas.", help_en="kg CO2 per m3 natural gas."),
        Field("electricity_kg_kwh", "number", "Elektriciteit kg CO2 per kWh", "Electricity kg CO2 per kWh",
              required=True, minimum=0, unit="kg/kWh",
              help_nl="kg CO2 per kWh elektriciteit.", help_en="kg CO2 per kWh electricity."),
        Field("heat_kg_gj", "number", "Warmte kg CO2 per GJ", "Heat kg CO2 per GJ",
              default=_HEAT_KG_GJ, minimum=0, unit="kg/GJ",
              help_nl="kg CO2 per GJ warmte uit een warmtenet (standaard 40,45: gemiddeld "
                      "Nederlands warmtenet); een warmtenet met een eigen factor in Warmteplan "
                      "gaat voor.",
              help_en="kg CO2 per GJ of heat from a heat network (default 40.45: the average "
                      "Dutch network); a network's own factor in Heat plan takes precedence."),
        *_EDITOR,
    ), "Emissiefactoren", "Emission factors",
        "CO2-emissiefactoren per jaar; een ontbrekend jaar neemt het dichtstbijzijnde eerdere jaar.",
        "CO2 emission factors per year; a missing year takes the nearest earlier year.",
        ("emission factor year", "dubbel emissiefactorjaar")),

    # Measured use (issue 23): a row per dwelling, or per complex (no dwelling: the average
    # per dwelling of the complex), per year.  Dwelling-level rows are personal data: an
    # export without personal data aggregates them per complex (models/realised.py).
    Table("usage", ("complex", "dwelling", "year"), (
        Field("complex", "id", "Complex", "Complex", required=True,
              help_nl="Complex; moet bestaan in Complexen.", help_en="Complex; must exist in Complexen."),
        Field("dwelling", "id", "Woning", "Dwelling", personal=True,
              help_nl="Woning (leeg: de rij geldt voor het complex, als gemiddelde per woning). "
                      "Persoonsgegeven: een export zonder persoonsgegevens voegt de woningrijen "
                      "samen tot een gemiddelde per complex en jaar.",
              help_en="Dwelling (empty: the row is for the complex, as the average per dwelling). "
                      "Personal data: an export without personal data merges the dwelling rows "
                      "into an average per complex and year."),
        Field("year", "int", "Jaar", "Year", required=True, unit="year", **_YEAR,
              help_nl="Kalenderjaar van het verbruik.", help_en="Calendar year of the use."),
        Field("gas_m3", "number", "Gas m3", "Gas m3", minimum=0, unit=_M3,
              help_nl="Gemeten gasverbruik in m3 in dat jaar (leeg: onbekend, nooit 0 bedoeld).",
              help_en="Measured gas use in m3 that year (empty: unknown, never meant as 0)."),
        Field("electricity_kwh", "number", "Elektriciteit kWh", "Electricity kWh", unit=_KWH,
              help_nl="Gemeten elektriciteitsverbruik (netto) in kWh; mag negatief zijn met "
                      "zonnepanelen.",
              help_en="Measured (net) electricity use in kWh; may be negative with solar panels."),
        Field("source", "text", "Bron", "Source",
              help_nl="Bron, bijv. jaarafrekening, slimme meter, CBS.",
              help_en="Source, e.g. annual statement, smart meter, CBS."),
        *_EDITOR,
    ), "Verbruik", "Use",
        "Gemeten jaarverbruik per woning of per complex (leeg Woning: gemiddelde per woning).",
        "Measured yearly use per dwelling or per complex (empty Dwelling: average per dwelling).",
        ("use for this complex, dwelling and year", "dubbel verbruik voor dit complex, deze woning "
                                                    "en dit jaar")),

    Table("degree_days", ("year",), (
        Field("year", "int", "Jaar", "Year", required=True, unit="year", **_YEAR,
              help_nl="Jaar.", help_en="Year."),
        Field("degree_days", "number", "Graaddagen", "Degree days", required=True, minimum=1,
              unit="degree days",
              help_nl="Gewogen graaddagen van het jaar (basis 18 °C, bijv. KNMI De Bilt).",
              help_en="Weighted degree days of the year (base 18 °C, e.g. KNMI De Bilt)."),
        *_EDITOR,
    ), "Graaddagen", "Degree days",
        "Graaddagen per jaar, voor de weercorrectie van het gemeten gasverbruik.",
        "Degree days per year, to correct the measured gas use for the weather.",
        ("degree days year", "dubbel graaddagenjaar")),

    # The neighbourhood heat plan (Transitievisie Warmte / warmteprogramma, issue 21).
    Table("heat_plan", ("neighbourhood",), (
        Field("neighbourhood", "text", "Wijk", "Neighbourhood", required=True,
              help_nl="Wijk, zoals in Complexen.", help_en="Neighbourhood, as in Complexes."),
        Field("heat_solution", "heat_solution", "Warmteoplossing", "Heat solution",
              default="nog onbekend",
              help_nl="Gekozen warmteoplossing van de wijk: warmtenet, all-electric, hybride, "
                      "groen gas of nog onbekend (standaard).",
              help_en="The neighbourhood's chosen heat solution: heat network, all-electric, "
                      "hybrid, green gas or unknown (default)."),
        Field("available_year", "int", "Beschikbaar vanaf", "Available from", unit="year", **_YEAR,
              help_nl="Jaar waarin de oplossing beschikbaar is (bij een warmtenet: het jaar "
                      "van aansluiten). Leeg: onbekend.",
              help_en="Year the solution becomes available (for a heat network: the year "
                      "dwellings can connect). Empty: unknown."),
        Field("heat_kg_gj", "number", "Warmtenet kg CO2 per GJ", "Network kg CO2 per GJ",
              minimum=0, unit="kg/GJ",
              help_nl="CO2-factor van dit warmtenet (warmte-etiket) in kg per GJ. Leeg: de "
                      "factor van het jaar in Emissiefactoren (standaard 40,45).",
              help_en="CO2 factor of this heat network (its heat label) in kg per GJ. Empty: "
                      "the year's factor in Emission factors (default 40.45)."),
        Field("note", "text", "Opmerking", "Note",
              help_nl="Opmerking, bijv. de bron (transitievisie, wijkuitvoeringsplan).",
              help_en="Note, e.g. the source (heat transition vision, neighbourhood plan)."),
        *_EDITOR,
    ), "Warmteplan", "Heat plan",
        "Warmteplan per wijk (Transitievisie Warmte): de warmteoplossing en het jaar waarin "
        "die beschikbaar is. Een wijk zonder rij: nog onbekend.",
        "Heat plan per neighbourhood (heat transition vision): the heat solution and the "
        "year it becomes available. A neighbourhood without a row: unknown.",
        ("heat plan for this neighbourhood", "dubbel warmteplan voor deze wijk")),

    # The end state per complex (eindbeeld, issue 21): only what the user overrides;
    # an empty cell takes the default of models/endstate.py.
    Table("end_states", ("complex",), (
        Field("complex", "id", "Complex", "Complex", required=True,
              help_nl="Complex; moet bestaan in Complexen.", help_en="Complex; must exist in Complexes."),
        Field("target_label", "label", "Doellabel", "Target label",
              help_nl="Energielabel van het eindbeeld. Leeg: A.",
              help_en="Energy label of the end state. Empty: A."),
        Field("heat_solution", "heat_solution", "Warmteoplossing", "Heat solution",
              help_nl="Warmteoplossing van het eindbeeld. Leeg: die van het warmteplan van de wijk.",
              help_en="Heat solution of the end state. Empty: the neighbourhood's heat plan."),
        Field("measures", "measures", "Maatregelen", "Measures",
              help_nl="Maatregelenpakket, gescheiden door ';'. Leeg: gekozen uit de "
                      "maatregelencatalogus bij het label en de warmteoplossing.",
              help_en="Measure package, separated by ';'. Empty: chosen from the measures "
                      "catalogue by the label and the heat solution."),
        Field("cost_per_dwelling_cents", "money", "Kosten per woning", "Cost per dwelling",
              minimum=0, unit=_EUR,
              help_nl="Kosten van het pakket per woning in euro. Leeg: som uit de catalogus.",
              help_en="Cost of the package per dwelling in euros. Empty: the catalogue's sum."),
        Field("gas_m3_after", "number", "Gas m3 na per woning per jaar",
              "Gas m3 after per dwelling per year", minimum=0, unit=_M3,
              help_nl="Gasverbruik na het pakket, m3 per woning per jaar. Leeg: uit de catalogus.",
              help_en="Gas use after the package, m3 per dwelling per year. Empty: from the "
                      "catalogue."),
        Field("electricity_kwh_after", "number", "Elektriciteit kWh na per woning per jaar",
              "Electricity kWh after per dwelling per year", unit=_KWH,
              help_nl="Elektriciteitsverbruik na het pakket, kWh per woning per jaar. Leeg: "
                      "uit de catalogus.",
              help_en="Electricity use after the package, kWh per dwelling per year. Empty: "
                      "from the catalogue."),
        Field("heat_gj_after", "number", "Warmte GJ na per woning per jaar",
              "Heat GJ after per dwelling per year", minimum=0, unit=_GJ,
              help_nl="Warmte uit een warmtenet na het pakket, GJ per woning per jaar. Leeg: "
                      "geschat.",
              help_en="Heat from a heat network after the package, GJ per dwelling per year. "
                      "Empty: estimated."),
        Field("note", "text", "Opmerking", "Note", help_nl="Opmerking.", help_en="Note."),
        *_EDITOR,
    ), "Eindbeeld", "End state",
        "Eindbeeld per complex: alleen wat afwijkt van de standaard (doellabel A, de "
        "warmteoplossing van de wijk, het pakket uit de catalogus). Lege cellen: de standaard.",
        "End state per complex: only what differs from the default (target label A, the "
        "neighbourhood's heat solution, the catalogue's package). Empty cells: the default.",
        ("end state for this complex", "dubbel eindbeeld voor dit complex")),

    # Plan versions (issue 21.3): a named copy of the programme's planning columns, saved
    # by the user ("Bod 2027") or by the optimiser ("Voorstel"); the active plan is Projecten.
    Table("plan_versions", ("version",), (
        Field("version", "text", "Planversie", "Plan version", required=True,
              help_nl="Naam van de versie, uniek, bijv. Bod 2027.",
              help_en="Name of the version, unique, e.g. Bod 2027."),
        Field("kind", "text", "Soort", "Kind", default="plan",
              help_nl="plan, bid (bod) of proposal (voorstel van de optimalisatie); standaard plan.",
              help_en="plan, bid or proposal (the optimiser's proposal); default plan."),
        Field("created", "datetime", "Gemaakt op", "Created at",
              help_nl="Wanneer de versie gemaakt werd.", help_en="When the version was made."),
        Field("created_by", "text", "Gemaakt door", "Created by", personal=True,
              help_nl="Wie de versie maakte.", help_en="Who made the version."),
        Field("source", "text", "Bron", "Source",
              help_nl="Waar de versie van afkomt (bijv. het actieve plan of een andere versie).",
              help_en="What the version was made from (e.g. the active plan or another version)."),
        Field("objective", "text", "Doel optimalisatie", "Objective",
              help_nl="Bij een voorstel: cost (laagste kosten) of co2 (minste CO2).",
              help_en="For a proposal: cost (least cost) or co2 (least CO2)."),
        Field("solver_status", "text", "Status solver", "Solver status",
              help_nl="Bij een voorstel: de status van de solver.",
              help_en="For a proposal: the solver's status."),
        Field("gap", "number", "Optimaliteitsgat", "Optimality gap", minimum=0,
              help_nl="Bij een voorstel: het optimaliteitsgat als fractie (0,01 = 1 %).",
              help_en="For a proposal: the optimality gap as a fraction (0.01 = 1 %)."),
        Field("note", "text", "Opmerking", "Note", help_nl="Opmerking.", help_en="Note."),
        *_EDITOR,
    ), "Planversies", "Plan versions",
        "Opgeslagen versies van het programma (het actieve plan staat in Projecten).",
        "Saved versions of the programme (the active plan is in Projects).",
        ("plan version", "dubbele planversie")),

    Table("plan_version_projects", ("version", "project"), (
        Field("version", "text", "Planversie", "Plan version", required=True,
              help_nl="Versie; moet bestaan in Planversies.",
              help_en="Version; must exist in Plan versions."),
        Field("project", "id", "Project", "Project", required=True,
              help_nl="Projectcode (uniek binnen de versie).",
              help_en="Project id (unique within the version)."),
        Field("complex", "id", "Complex", "Complex", required=True,
              help_nl="Complex van het project.", help_en="Complex of the project."),
        Field("year", "int", "Jaar", "Year", required=True, unit="year", **_YEAR,
              help_nl="Jaar van oplevering in deze versie.",
              help_en="Year of completion in this version."),
        Field("measures", "measures", "Maatregelen", "Measures",
              help_nl="Maatregelen, gescheiden door ';'.", help_en="Measures, separated by ';'."),
        Field("label_after", "label", "Label na", "Label after",
              help_nl="Energielabel na de renovatie.", help_en="Energy label after the retrofit."),
        Field("gas_saving_m3", "number", "Gasbesparing m3 per woning per jaar",
              "Gas saving m3 per dwelling per year", default=0.0, minimum=0, unit=_M3,
              help_nl="Gasbesparing m3 per woning per jaar (standaard 0).",
              help_en="Gas saving m3 per dwelling per year (default 0)."),
        Field("electricity_saving_kwh", "number", "Elektriciteitsbesparing kWh per woning per jaar",
              "Electricity saving kWh per dwelling per year", default=0.0, unit=_KWH,
              help_nl="Elektriciteitsbesparing kWh per woning per jaar; mag negatief zijn.",
              help_en="Electricity saving kWh per dwelling per year; may be negative."),
        Field("rent_increase_cents", "money", "Huurverhoging per woning per maand",
              "Rent increase per dwelling per month", default=0, minimum=0, unit=_EUR,
              help_nl="Huurverhoging per woning per maand in euro.",
              help_en="Rent increase per dwelling per month in euros."),
        Field("investment_cents", "money", "Investering per woning", "Investment per dwelling",
              minimum=0, unit=_EUR,
              help_nl="Investering per woning in euro.", help_en="Investment per dwelling in euros."),
        Field("status", "status", "Status", "Status", default="gepland",
              help_nl="Status in deze versie.", help_en="Status in this version."),
        Field("ep2_after_kwh_m2", "number", "EP2 na kWh per m2 per jaar",
              "EP2 after kWh per m2 per year", minimum=-1000, maximum=2000, unit=_KWH_M2,
              help_nl="Energie-index EP2 na de renovatie.", help_en="Energy index EP2 after the retrofit."),
        Field("heat_demand_after_kwh_m2", "number", "Warmtebehoefte na kWh per m2 per jaar",
              "Heat demand after kWh per m2 per year", minimum=0, unit=_KWH_M2,
              help_nl="Netto warmtebehoefte na de renovatie.",
              help_en="Net heat demand after the retrofit."),
        *_EDITOR,
    ), "Planversie projecten", "Plan version projects",
        "De projecten van elke planversie: één rij per versie en project.",
        "The projects of each plan version: one row per version and project.",
        ("project in this plan version", "dubbel project in deze planversie")),
    # The texts of the tenant letters as the user edited them (issue 22); a kind and
    # language without a row uses the built-in text (models/letter_templates.py).
    Table("letter_templates", ("kind", "language"), (
        Field("kind", "text", "Soort", "Kind", required=True,
              help_nl="Soort brief: offer (aanbiedingsbrief), reply (antwoordstrook) of "
                      "notification (kennisgeving na 70 %).",
              help_en="Kind of letter: offer, reply (reply slip) or notification (after 70 %)."),
        Field("language", "text", "Taal", "Language", required=True,
              help_nl="Taal van de tekst: nl of en.", help_en="Language of the text: nl or en."),
        Field("text", "text", "Tekst", "Text", required=True,
              help_nl="De tekst met plaatshouders zoals {tenant} en {rent_increase}; zie "
                      "docs/letters.md.",
              help_en="The text with placeholders such as {tenant} and {rent_increase}; see "
                      "docs/letters.md."),
        *_EDITOR,
    ), "Brieven", "Letters",
        "Eigen teksten van de bewonersbrieven; een soort en taal zonder rij gebruikt de "
        "ingebouwde tekst.",
        "Own texts of the tenant letters; a kind and language without a row uses the "
        "built-in text.",
        ("letter text for this kind and language", "dubbele brieftekst voor deze soort en taal")),

    # Added to the workbook by issue 18 (export -> import is lossless); before, these
    # tables were workspace only.
    # Optional per corporation and year (programme).
    Table("capacities", ("corporation", "year"), (
        Field("corporation", "text", "Corporatie", "Corporation", required=True,
              help_nl="Corporatie.", help_en="Corporation."),
        Field("year", "int", "Jaar", "Year", required=True, unit="year", **_YEAR,
              help_nl="Jaar.", help_en="Year."),
        Field("max_dwellings", "int", "Maximaal aantal woningen", "Maximum dwellings",
              minimum=0, unit="dwellings",
              help_nl="Hoeveel woningen de corporatie dat jaar hoogstens kan renoveren (leeg: "
                      "geen grens).",
              help_en="How many dwellings the corporation can retrofit at most that year "
                      "(empty: no limit)."),
        Field("budget_cents", "money", "Budget", "Budget", minimum=0, unit=_EUR,
              help_nl="Budget van de corporatie dat jaar in euro (leeg: geen grens).",
              help_en="The corporation's budget that year in euros (empty: no limit)."),
        *_EDITOR,
    ), "Capaciteit", "Capacity",
        "Capaciteit en budget per corporatie en jaar (optioneel).",
        "Capacity and budget per corporation and year (optional).",
        ("capacity for this corporation and year",
         "dubbele capaciteit voor deze corporatie en dit jaar")),

    # Per year; fallback rule as for tariffs.  Empty: the built-in defaults are in force
    # (defaults.DEFAULT_RENT_LIMITS); defaults are never stored as rows.
    Table("rent_limits", ("year",), (
        Field("year", "int", "Jaar", "Year", required=True, unit="year", **_YEAR,
              help_nl="Jaar.", help_en="Year."),
        Field("aftopping_small_cents", "money", "Aftoppingsgrens 1-2 personen",
              "Capping limit 1-2 persons", required=True, minimum=0, unit=_EUR,
              help_nl="Aftoppingsgrens voor een huishouden van 1 of 2 personen, euro per maand.",
              help_en="Capping limit for a household of 1 or 2 persons, euros per month."),
        Field("aftopping_large_cents", "money", "Aftoppingsgrens 3+ personen",
              "Capping limit 3+ persons", required=True, minimum=0, unit=_EUR,
              help_nl="Aftoppingsgrens voor een huishouden van 3 of meer personen, euro per maand.",
              help_en="Capping limit for a household of 3 or more persons, euros per month."),
        Field("liberalisation_cents", "money", "Liberalisatiegrens", "Liberalisation limit",
              required=True, minimum=0, unit=_EUR,
              help_nl="Liberalisatiegrens, euro per maand.",
              help_en="Liberalisation limit, euros per month."),
        *_EDITOR,
    ), "Huurgrenzen", "Rent limits",
        "Huurgrenzen per jaar; een ontbrekend jaar neemt het dichtstbijzijnde eerdere jaar. "
        "Geen rijen: de ingebouwde grenzen gelden.",
        "Rent limits per year; a missing year takes the nearest earlier year. No rows: the "
        "built-in limits apply.",
        ("rent limits year", "dubbel huurgrensjaar")),

    # A row overrides the built-in measure (measures.CATALOGUE) with its key.
    Table("measures", ("measure",), (
        Field("measure", "text", "Maatregel", "Measure", required=True,
              help_nl="Naam van de maatregel (Nederlands, zoals in Projecten), bijv. dakisolatie.",
              help_en="Name of the measure (Dutch, as in Projecten), e.g. dakisolatie."),
        Field("name_en", "text", "Engelse naam", "English name",
              help_nl="Engelse naam.", help_en="English name."),
        Field("gas_saving_m3", "number", "Gasbesparing m3 per woning per jaar",
              "Gas saving m3 per dwelling per year", minimum=0, unit=_M3,
              help_nl="Gasbesparing m3 per woning per jaar; leeg: bespaart al het gasverbruik.",
              help_en="Gas saving m3 per dwelling per year; empty: saves all gas use."),
        Field("electricity_saving_kwh", "number", "Elektriciteitsbesparing kWh per woning per jaar",
              "Electricity saving kWh per dwelling per year", default=0.0, unit=_KWH,
              help_nl="Elektriciteitsbesparing kWh per woning per jaar; mag negatief zijn "
                      "(standaard 0).",
              help_en="Electricity saving kWh per dwelling per year; may be negative (default 0)."),
        Field("cost_cents", "money", "Kosten per woning", "Cost per dwelling", minimum=0, unit=_EUR,
              help_nl="Kosten per woning in euro.", help_en="Cost per dwelling in euros."),
        Field("source", "text", "Bron", "Source",
              help_nl="Bron van de cijfers.", help_en="Source of the figures."),
        *_EDITOR,
    ), "Maatregelencatalogus", "Measures catalogue",
        "Eigen maatregelen: een rij vervangt de ingebouwde maatregel met dezelfde naam, "
        "andere namen voegen maatregelen toe.",
        "Own measures: a row replaces the built-in measure of the same name, other names "
        "add measures.",
        ("measure", "dubbele maatregel")),

    # Histories (append-only): every vote and correction, every status change.
    Table("vote_history", ("id",), (
        Field("id", "int", "Nummer", "Entry", required=True, minimum=1,
              help_nl="Volgnummer van de stem in de geschiedenis (uniek; bepaalt de volgorde).",
              help_en="Number of the entry in the history (unique; gives the order)."),
        Field("project", "id", "Project", "Project", required=True,
              help_nl="Project; moet bestaan.", help_en="Project; must exist."),
        Field("dwelling", "id", "Woning", "Dwelling", required=True,
              help_nl="Woning; moet bestaan.", help_en="Dwelling; must exist."),
        Field("vote", "vote", "Stem", "Vote", required=True,
              help_nl="De stem zoals vastgelegd.", help_en="The vote as recorded."),
        Field("previous_vote", "vote", "Vorige stem", "Previous vote",
              help_nl="De stem die hiermee vervangen werd (leeg: de eerste).",
              help_en="The vote this one replaced (empty: the first)."),
        Field("date", "date", "Datum", "Date", help_nl="Datum van de stem.", help_en="Date of the vote."),
        Field("recorded_by", "text", "Vastgelegd door", "Recorded by", personal=True,
              help_nl="Wie de stem heeft vastgelegd.", help_en="Who recorded the vote."),
        Field("recorded_at", "datetime", "Vastgelegd op", "Recorded at",
              help_nl="Wanneer de stem werd vastgelegd.", help_en="When the vote was recorded."),
        Field("note", "text", "Opmerking", "Note", personal=True,
              help_nl="Opmerking (bijv. import, undo).", help_en="Note (e.g. import, undo)."),
    ), "Stemgeschiedenis", "Vote history",
        "Elke vastgelegde stem en correctie, oudste eerst; de laatste per project en woning is "
        "de stem in Stemmen.",
        "Every recorded vote and correction, oldest first; the last per project and dwelling "
        "is the vote in Stemmen.",
        ("history entry", "dubbel nummer in de geschiedenis"), history=True),

    Table("status_history", ("id",), (
        Field("id", "int", "Nummer", "Entry", required=True, minimum=1,
              help_nl="Volgnummer van de wijziging (uniek; bepaalt de volgorde).",
              help_en="Number of the change (unique; gives the order)."),
        Field("project", "id", "Project", "Project", required=True,
              help_nl="Project; moet bestaan.", help_en="Project; must exist."),
        Field("old_status", "status", "Oude status", "Old status",
              help_nl="Status voor de wijziging.", help_en="Status before the change."),
        Field("new_status", "status", "Nieuwe status", "New status", required=True,
              help_nl="Status na de wijziging.", help_en="Status after the change."),
        Field("reason", "text", "Reden", "Reason", personal=True,
              help_nl="Reden (verplicht als het draagvlak niet bereikt was).",
              help_en="Reason (required when support was not reached)."),
        Field("changed_by", "text", "Gewijzigd door", "Changed by", personal=True,
              help_nl="Wie de status wijzigde.", help_en="Who changed the status."),
        Field("changed_at", "datetime", "Gewijzigd op", "Changed at",
              help_nl="Wanneer de status gewijzigd werd.", help_en="When the status was changed."),
    ), "Statusgeschiedenis", "Status history",
        "Elke statuswijziging van een project, oudste eerst, met de reden.",
        "Every status change of a project, oldest first, with its reason.",
        ("history entry", "dubbel nummer in de geschiedenis"), history=True),
)


# ----- look-ups (all derived from REGISTRY; nothing below declares a fact) ---------
# Each is computed once per registry object (a test may put another in place).
def per_registry(fn):
    memo: dict[tuple, tuple[tuple[Table, ...], Any]] = {}

    @functools.wraps(fn)
    def derived(*args):
        hit = memo.get(args)
        if hit is None or hit[0] is not REGISTRY:
            hit = memo[args] = (REGISTRY, fn(*args))
        return hit[1]
    return derived


def tables() -> tuple[Table, ...]:
    return REGISTRY


@per_registry
def table(name: str) -> Table:
    for t in REGISTRY:
        if t.name == name:
            return t
    raise KeyError(name)


@per_registry
def dtypes(name: str) -> dict[str, str]:
    """field -> pandas dtype, in frame order."""
    return {f.name: f.dtype for f in table(name).fields}


def schema() -> dict[str, dict[str, str]]:
    """table -> field -> dtype, in frame order."""
    return {t.name: dtypes(t.name) for t in REGISTRY}


@per_registry
def defaults(name: str) -> dict[str, Any]:
    """field -> the value an absent or empty optional field takes."""
    return {f.name: f.default for f in table(name).fields if f.default is not None}


@per_registry
def required(name: str) -> tuple[str, ...]:
    return tuple(f.name for f in table(name).fields if f.required)


@per_registry
def ranges(name: str) -> dict[str, tuple[float | None, float | None]]:
    """field -> (minimum, maximum) for the fields with a range; None = unbounded."""
    return {f.name: (f.minimum, f.maximum) for f in table(name).fields
            if f.minimum is not None or f.maximum is not None}


@per_registry
def personal_fields() -> frozenset[tuple[str, str]]:
    """(table, field) of the personal data a privacy export leaves out."""
    return frozenset((t.name, f.name) for t in REGISTRY for f in t.fields if f.personal)


@per_registry
def audit_fields(name: str) -> tuple[str, ...]:
    """The last-editor fields of a table (see :attr:`Field.audit`)."""
    return tuple(f.name for f in table(name).fields if f.audit)


@per_registry
def history_tables() -> tuple[str, ...]:
    """The append-only histories (see :attr:`Table.history`)."""
    return tuple(t.name for t in REGISTRY if t.history)


@per_registry
def form_fields(name: str) -> tuple[str, ...]:
    """The fields a table's form edits, in registry order."""
    return tuple(f.name for f in table(name).fields if f.form)


@per_registry
def upsert_fields(name: str) -> tuple[str, ...]:
    """The form fields saved as plain values: not the keys, and not a status (a status
    changes through its own command, which checks tenant support)."""
    t = table(name)
    return tuple(f.name for f in t.fields if f.form and f.name not in t.keys and f.kind != "status")


__all__ = [
    "DTYPES", "Field", "Table", "REGISTRY", "YEAR_MIN", "YEAR_MAX", "BUILD_YEAR_MIN", "BUILD_YEAR_MAX",
    "per_registry", "tables", "table", "dtypes", "schema", "defaults", "required", "ranges", "personal_fields", "form_fields",
    "audit_fields", "history_tables",
    "upsert_fields",
]
