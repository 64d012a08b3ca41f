"""Generate the sample workbooks under tests/data/ (run: python tests/data/make_workbooks.py).

The committed .xlsx files are the output of this script (plus libreoffice_calc.xlsx,
converted by LibreOffice Calc: see ``make_libreoffice``).  Every workbook holds the
same small Soest programme, written in a different way:

* valid_soest.xlsx       Dutch sheets and headers, real numbers, real booleans and dates
* english_headers.xlsx   English sheet names/headers/listed values, odd case and spaces
* shuffled_columns.xlsx  columns in another order, the table starting at C4, empty rows
                         between rows, an unknown column and an unknown sheet
* dutch_numbers.xlsx     every number as Dutch text ("1.100,0", "€ 550,00", "-1.500,0")
* errors.xlsx            known mistakes at known cells (see ERRORS below)
* libreoffice_calc.xlsx  valid_soest saved by LibreOffice Calc (booleans as TRUE())
* not_xlsx.xlsx, truncated.xlsx, empty.xlsx, encrypted.xlsx: files check must refuse
"""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent

COMPLEX_HEADERS = ["Complex", "Corporatie", "Wijk", "Naam", "Bouwjaar", "Aantal woningen",
                   "Verwarming", "Energielabel", "Gas m3 per woning per jaar",
                   "Elektriciteit kWh per woning per jaar", "Kale huur per maand"]
COMPLEXES = [
    ["P-1001", "Portaal", "'t Hart", "Hart Noord", 1965, None, "gasketel", "D", 1100, 2400, 550.0],
    ["P-1002", "Portaal", "Overhees", "Overhees Zuid", 1972, 72, "blokverwarming", "E", 1200, 2500, 600.5],
    ["A-2001", "de Alliantie", "Smitsveen", "Smitsveen Oost", 1980, 4, None, "C", None, None, 575.25],
]

DWELLING_HEADERS = ["Woning", "Complex", "Adres", "Verhuurd", "Energielabel", "Gas m3 per jaar",
                    "Elektriciteit kWh per jaar", "Kale huur per maand"]
DWELLINGS = (
    [[f"W-{i:04d}", "P-1001", f"Kerkstraat {i}", i not in (11, 12), None,
      (1000 if i == 1 else None), None, (560.0 if i == 1 else None)] for i in range(1, 13)]
    + [[f"{i:04d}", "A-2001", f"Smitsveenlaan {i}", True, "B" if i == 42 else None, None, None, None]
       for i in range(42, 46)]
)

PROJECT_HEADERS = ["Project", "Complex", "Jaar", "Maatregelen", "Label na",
                   "Gasbesparing m3 per woning per jaar",
                   "Elektriciteitsbesparing kWh per woning per jaar",
                   "Huurverhoging per woning per maand", "Investering per woning", "Status"]
PROJECTS = [
    ["P-21-001", "P-1001", 2021, "dakisolatie; hr++ glas", "B", 300, None, 18.0, 25000, "draagvlakmeting"],
    ["P-21-002", "P-1002", 2021, "spouwmuurisolatie", "C", 400, 0, 10.0, 15000, "akkoord"],
    ["A-22-001", "A-2001", 2022, "hybride warmtepomp", "A", 650, -1500, 0, 12000.5, None],
]

VOTE_HEADERS = ["Project", "Woning", "Stem", "Datum", "Vastgelegd door"]
VOTES = (
    [["P-21-001", f"W-{i:04d}", "ja", dt.date(2021, 3, i), "J. de Vries"] for i in range(1, 9)]
    + [["P-21-001", "W-0009", "nee", dt.date(2021, 3, 9), "J. de Vries"],
       ["P-21-001", "W-0010", "geen reactie", None, None]]
)

TARGET_HEADERS = ["Corporatie", "Van jaar", "Tot en met jaar", "Aantal woningen"]
TARGETS = [["Portaal", 2021, 2021, 176], ["Portaal", 2022, 2024, 542],
           ["de Alliantie", 2021, 2021, 26], ["de Alliantie", 2022, 2025, 55]]

TARIFF_HEADERS = ["Jaar", "Gas euro per m3", "Elektriciteit euro per kWh"]
TARIFFS = [[2020, 0.76, 0.22], [2021, 0.80, 0.22], [2022, 2.30, 0.535]]

FACTOR_HEADERS = ["Jaar", "Gas kg CO2 per m3", "Elektriciteit kg CO2 per kWh"]
FACTORS = [[2020, 1.779, 0.497]]

SHEETS = [
    ("Complexen", COMPLEX_HEADERS, COMPLEXES),
    ("Woningen", DWELLING_HEADERS, DWELLINGS),
    ("Projecten", PROJECT_HEADERS, PROJECTS),
    ("Stemmen", VOTE_HEADERS, VOTES),
    ("Doelen", TARGET_HEADERS, TARGETS),
    ("Tarieven", TARIFF_HEADERS, TARIFFS),
    ("Emissiefactoren", FACTOR_HEADERS, FACTORS),
]

ENGLISH_SHEETS = {"Complexen": "complexes", "Woningen": " DWELLINGS ", "Projecten": "Projects",
                  "Stemmen": "Votes", "Doelen": "Targets", "Tarieven": "Tariffs",
                  "Emissiefactoren": "Emission Factors"}
ENGLISH_HEADERS = {
    "Complex": "complex", "Corporatie": "Corporation", "Wijk": "NEIGHBOURHOOD", "Naam": "Name",
    "Bouwjaar": "Build year", "Aantal woningen": "Dwellings", "Verwarming": "Heating",
    "Energielabel": "Energy label", "Gas m3 per woning per jaar": "Gas m3 per dwelling per year",
    "Elektriciteit kWh per woning per jaar": "Electricity kWh per dwelling per year",
    "Kale huur per maand": " Net rent per month ", "Woning": "Dwelling", "Adres": "Address",
    "Verhuurd": "Let", "Gas m3 per jaar": "Gas m3 per year",
    "Elektriciteit kWh per jaar": "Electricity kWh per year", "Project": "Project", "Jaar": "Year",
    "Maatregelen": "Measures", "Label na": "Label after",
    "Gasbesparing m3 per woning per jaar": "Gas saving m3 per dwelling per year",
    "Elektriciteitsbesparing kWh per woning per jaar": "Electricity saving kWh per dwelling per year",
    "Huurverhoging per woning per maand": "Rent increase per dwelling per month",
    "Investering per woning": "Investment per dwelling", "Status": "status", "Stem": "Vote",
    "Datum": "Date", "Vastgelegd door": "Recorded by", "Van jaar": "From year",
    "Tot en met jaar": "To year", "Gas euro per m3": "gas euro per m3",
    "Elektriciteit euro per kWh": "Electricity euro per kWh", "Gas kg CO2 per m3": "Gas kg CO2 per m3",
    "Elektriciteit kg CO2 per kWh": "Electricity kg CO2 per kWh",
}
ENGLISH_VALUES = {"gasketel": "Gas Boiler", "blokverwarming": "block heating", "ja": "Yes",
                  "nee": "no", "geen reactie": " No Response ", "draagvlakmeting": "Consulting",
                  "akkoord": "AGREED"}

def _write(path: Path, sheets, *, start_row: int = 1, start_col: int = 1, extra_sheets=()):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, headers, rows in sheets:
        ws = wb.create_sheet(name)
        for j, h in enumerate(headers):
            ws.cell(start_row, start_col + j, h)
        for i, row in enumerate(rows, start=1):
            for j, v in enumerate(row):
                if v is not None:
                    ws.cell(start_row + i, start_col + j, v)
    for name, cells in extra_sheets:
        ws = wb.create_sheet(name)
        for ref, v in cells.items():
            ws[ref] = v
    wb.save(path)


def make_valid(path: Path = HERE / "valid_soest.xlsx") -> Path:
    _write(path, SHEETS)
    return path


def make_english(path: Path = HERE / "english_headers.xlsx") -> Path:
    def tr(v):
        if isinstance(v, bool):
            return "yes" if v else "NO"
        if isinstance(v, str):
            return ENGLISH_VALUES.get(v, v)
        return v
    sheets = [(ENGLISH_SHEETS[n], [ENGLISH_HEADERS[h] for h in hs], [[tr(v) for v in r] for r in rows])
              for n, hs, rows in SHEETS]
    _write(path, sheets)
    return path


def make_shuffled(path: Path = HERE / "shuffled_columns.xlsx") -> Path:
    sheets = []
    for name, headers, rows in SHEETS:
        order = list(reversed(range(len(headers))))
        hs = [headers[k] for k in order]
        rs = [[r[k] for k in order] for r in rows]
        if name == "Woningen":
            hs.append("Opmerking")                      # unknown column -> warning
            rs = [r + ["let op"] for r in rs]
        spaced = []
        for i, r in enumerate(rs):
            spaced.append(r)
            if i % 3 == 1:
                spaced.append([None] * len(r))          # fully empty row, skipped
        sheets.append((name, hs, spaced))
    # table starts at C4: header row = first non-empty row
    _write(path, sheets, start_row=4, start_col=3,
           extra_sheets=[("Notities", {"A1": "bijgewerkt door de energieadviseur"})])
    return path


def _dutch(v) -> object:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return v
    if isinstance(v, int) and 1800 <= v <= 2100:
        return str(v)                                   # years as plain text
    text = f"{float(v):,.2f}" if isinstance(v, float) else f"{v:,.1f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def make_dutch_numbers(path: Path = HERE / "dutch_numbers.xlsx") -> Path:
    sheets = []
    for name, headers, rows in SHEETS:
        out = []
        for r in rows:
            row = []
            for h, v in zip(headers, r):
                if h == "Kale huur per maand" and v is not None:
                    row.append("€ " + _dutch(float(v)))
                elif h in ("Gas euro per m3", "Elektriciteit euro per kWh", "Gas kg CO2 per m3",
                           "Elektriciteit kg CO2 per kWh"):
                    row.append(str(v).replace(".", ","))
                else:
                    row.append(_dutch(v))
            out.append(row)
        sheets.append((name, headers, out))
    _write(path, sheets)
    return path


def make_errors(path: Path = HERE / "errors.xlsx") -> Path:
    """Planted mistakes; tests/exchange/test_check.py lists where each must be reported."""
    complexes = [list(r) for r in COMPLEXES]
    complexes[2][5] = 5                    # A-2001 declares 5, Woningen has 4 -> Complexen row 4
    complexes.append(["P-1001", "Portaal", "Overhees", "dubbel", None, 3, None, None, None, None, None])
    #                                         duplicate id -> Complexen row 5 (the later row)
    complexes.append(["P-1003", "Portaal", "De Eng", "zonder aantal", None, None, None, None, None,
                      None, None])        # no count, no rows -> Complexen row 6
    dwellings = [list(r) for r in DWELLINGS]
    dwellings[0][3] = "misschien"          # Verhuurd not yes/no -> Woningen row 2
    dwellings.append(["W-9999", "P-9999", "Nergens 1", True, None, None, None, None])
    #                                         unknown complex -> Woningen row 18
    projects = [list(r) for r in PROJECTS]
    projects[0][5] = "1.234"               # ambiguous number -> Projecten row 2
    projects[1][2] = 1999                  # year out of range -> Projecten row 3
    projects[2][9] = "bijna klaar"         # unknown status -> Projecten row 4
    votes = [list(r) for r in VOTES]
    votes[1][2] = "misschien"              # bad vote -> Stemmen row 3
    votes.append(["P-21-001", "W-0011", "ja", None, None])   # vacant -> Stemmen row 12
    votes.append(["P-21-001", "W-0001", "nee", None, None])  # second vote -> Stemmen row 13
    votes.append(["P-21-001", "0042", "ja", None, None])     # other complex -> Stemmen row 14
    votes.append(["P-99-999", "W-0002", "ja", None, None])   # unknown project -> Stemmen row 15
    targets = [list(r) for r in TARGETS]
    targets[3][1], targets[3][2] = 2025, 2022                # backwards -> Doelen row 5
    sheets = [("Complexen", COMPLEX_HEADERS, complexes), ("Woningen", DWELLING_HEADERS, dwellings),
              ("Projecten", PROJECT_HEADERS, projects), ("Stemmen", VOTE_HEADERS, votes),
              ("Doelen", TARGET_HEADERS, targets),
              # Tarieven without its required electricity column -> one error for the sheet
              ("Tarieven", TARIFF_HEADERS[:2], [r[:2] for r in TARIFFS])]
    _write(path, sheets)
    return path


def make_refusals() -> None:
    (HERE / "not_xlsx.xlsx").write_text("Complex;Corporatie;Wijk\nP-1001;Portaal;'t Hart\n",
                                        encoding="utf-8")
    data = (HERE / "valid_soest.xlsx").read_bytes()
    (HERE / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    (HERE / "empty.xlsx").write_bytes(b"")
    # an OLE2 compound file as Excel writes for a password-protected workbook: the magic
    # number, then (in the directory) the stream names EncryptionInfo and EncryptedPackage
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x18:0x1A] = (0x3E).to_bytes(2, "little")     # minor version
    header[0x1A:0x1C] = (3).to_bytes(2, "little")        # major version 3
    header[0x1C:0x1E] = (0xFFFE).to_bytes(2, "little")   # little-endian
    header[0x1E:0x20] = (9).to_bytes(2, "little")        # 512-byte sectors
    directory = bytearray(512)
    for k, name in enumerate(("Root Entry", "EncryptionInfo", "EncryptedPackage")):
        raw = name.encode("utf-16-le") + b"\0\0"
        directory[k * 128: k * 128 + len(raw)] = raw
        directory[k * 128 + 64: k * 128 + 66] = len(raw).to_bytes(2, "little")
    (HERE / "encrypted.xlsx").write_bytes(bytes(header) + bytes(directory) + bytes(512))


def make_libreoffice(path: Path = HERE / "libreoffice_calc.xlsx") -> Path | None:
    """valid_soest.xlsx opened and saved as .xlsx by LibreOffice Calc (needs soffice)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: libreoffice_calc.xlsx not regenerated", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "libreoffice_calc.ods"
        # first to .ods (LibreOffice's own format), then back to .xlsx: what a user of Calc writes
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "ods", "--outdir", tmp, str(HERE / "valid_soest.xlsx")],
                       check=True, capture_output=True, timeout=300)
        (Path(tmp) / "valid_soest.ods").rename(src)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=300)
        shutil.copy(Path(tmp) / "libreoffice_calc.xlsx", path)
    return path


def main() -> None:
    make_valid()
    make_english()
    make_shuffled()
    make_dutch_numbers()
    make_errors()
    make_refusals()
    make_libreoffice()


if __name__ == "__main__":
    main()
