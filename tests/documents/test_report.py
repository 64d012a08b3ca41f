"""The yearly monitoring report, read back: the PDF with pypdf, the xlsx with openpyxl,
checked against the models on the Soest sample; and the ``report`` command's exit codes."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import openpyxl
import pytest

from desktop.__main__ import main
from desktop.exchange.monitoring_xlsx import write_report_xlsx
from desktop.models import affordability, monitoring, programme
from desktop.sample import build_sample, create_sample_workspace

pypdf = pytest.importorskip("pypdf")

MADE = dt.date(2026, 12, 4)
SOURCE = {"nl": "Soest (voorbeeld)", "en": "Soest (sample)"}
# words only the other language uses (proper names such as 'de Alliantie' are not listed)
ENGLISH = {"the", "homes", "planned", "done", "year", "source", "page", "summary", "emissions", "path",
           "agreed", "target", "tenants", "energy", "saving", "rent", "increase", "neighbourhood",
           "campaigns", "started", "support", "yes", "no", "and", "to", "by", "with", "done", "now"}
DUTCH = {"de", "het", "woningen", "gepland", "gereed", "jaar", "bron", "pagina", "samenvatting", "uitstoot",
         "pad", "ton", "van", "afspraak", "huurders", "buurt", "stemcampagnes", "gestart", "ja", "nee", "en",
         "met", "eind", "huurverhoging", "energiebesparing", "corporatie", "zoals", "afgesproken", "nu"}


@pytest.fixture(scope="module")
def ds():
    return build_sample()[0]


@pytest.fixture(scope="module")
def m2024(ds):
    return monitoring.monitoring(ds, 2024, today=MADE)


@pytest.fixture(scope="module")
def pdfs(qapp, m2024, tmp_path_factory):
    from desktop.documents.report import write_report_pdf

    out = {}
    for lang in ("nl", "en"):
        path = tmp_path_factory.mktemp("report") / f"monitoring-{lang}.pdf"
        pages = write_report_pdf(m2024, path, lang=lang, source=SOURCE[lang], made=MADE)
        out[lang] = (path, pages)
    return out


def _texts(path) -> list[str]:
    """Each page's text, words separated by one space, one table cell per line."""
    return ["\n".join(" ".join(line.split()) for line in page.extract_text().splitlines())
            for page in pypdf.PdfReader(str(path)).pages]


def _image_objects(reader) -> list:
    """The pictures placed on the pages (read without decoding them)."""
    out = []
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                out.append(obj)
    return out


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_has_its_number_the_date_and_the_source(pdfs, lang):
    path, pages = pdfs[lang]
    texts = _texts(path)
    assert len(texts) == pages == 5
    date = "04-12-2026" if lang == "nl" else "4 December 2026"
    for number, text in enumerate(texts, 1):
        assert f"{number} / {pages}" in text
        assert date in text and SOURCE[lang] in text
    reader = pypdf.PdfReader(str(path))
    assert reader.metadata.title == ("Monitoring prestatieafspraken 2024" if lang == "nl"
                                     else "Monitoring of the performance agreements 2024")
    box = reader.pages[0].mediabox                      # A4 portrait
    assert round(float(box.width) / 72 * 25.4) == 210 and round(float(box.height) / 72 * 25.4) == 297
    # the two charts are in it, as pictures at print resolution
    images = [int(x["/Width"]) for x in _image_objects(reader)]
    assert len(images) == 2 and all(width >= 2000 for width in images)


def test_the_figures_per_corporation_are_the_models(pdfs, ds):
    lines = _texts(pdfs["nl"][0])[1].splitlines()
    t = programme.target_table(ds)
    for r in t[t["from_year"] <= 2024].itertuples(index=False):
        row = [r.corporation, r.period, str(r.target), str(r.planned), str(r.done)]
        starts = [i for i in range(len(lines)) if lines[i:i + len(row)] == row]
        assert starts, row
    afford = _texts(pdfs["nl"][0])[2].splitlines()
    frame, _ = affordability.corporation_year_table(ds)
    for r in frame[frame["year"] <= 2025].itertuples(index=False):
        rent = f"€ {r.avg_rent_increase_cents // 100},{r.avg_rent_increase_cents % 100:02d}"
        save = f"€ {r.avg_energy_saving_cents // 100},{r.avg_energy_saving_cents % 100:02d}"
        row = [r.corporation, str(r.year), str(r.dwellings), str(r.projects), rent, save, "ja" if r.ok else "nee"]
        assert any(afford[i:i + len(row)] == row for i in range(len(afford))), row


def test_the_summary_is_on_the_title_page(pdfs, m2024):
    first = " ".join(_texts(pdfs["en"][0])[0].split())
    for line in m2024.summary["en"]:
        assert " ".join(line.split()) in first


def test_the_dutch_report_holds_no_english_and_the_english_no_dutch(pdfs, m2024):
    names = set(m2024.neighbourhoods["corporation"]) | set(m2024.neighbourhoods["neighbourhood"])

    def words(lang):
        text = " ".join(_texts(pdfs[lang][0]))
        for name in sorted(names, key=len, reverse=True):     # proper names are in both
            text = text.replace(" ".join(name.split()), " ")
        return _words(text)

    nl, en = words("nl"), words("en")
    assert not nl & ENGLISH, sorted(nl & ENGLISH)
    assert not en & DUTCH, sorted(en & DUTCH)
    # the charts are pictures: their texts come from the page's translations
    from desktop.documents.report import chart_translate

    assert chart_translate("nl")("Co2Page", "Target path") == "Doelpad"
    assert chart_translate("en")("Co2Page", "Target path") == "Target path"


def test_the_charts_are_the_co2_page_s(qapp, m2024):
    """The same drawing code as the CO2 page: the same curves from the same series."""
    from desktop.documents.report import chart_images
    from desktop.views.co2_charts import Co2Charts, scope_series

    images = chart_images(m2024, "nl", width=1200)
    assert set(images) == {"emissions", "labels"} and images["emissions"].width() == 1200
    drawing = Co2Charts()
    drawing.build("emissions")
    series = scope_series(m2024.co2_result)
    drawing.fill(series, ("emissions",))
    _x, y = drawing.plan_curve.getData()
    assert y[2024 - 2020] == pytest.approx(m2024.gaps[2024]["tonnes"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_xlsx_holds_the_models_figures(tmp_path, m2024, ds, lang):
    path = write_report_xlsx(m2024, tmp_path / "r.xlsx", lang=lang, source=SOURCE[lang], made=MADE)
    wb = openpyxl.load_workbook(path)
    nl = lang == "nl"
    assert wb.sheetnames == (["Rapportage", "Afspraken", "Buurten", "Stemcampagnes", "Betaalbaarheid",
                              "Energielabels", "CO2"] if nl else
                             ["Report", "Agreed targets", "Neighbourhoods", "Campaigns", "Affordability",
                              "Energy labels", "CO2"])
    front = wb.worksheets[0]
    values = {row[0]: row[1] for row in front.iter_rows(min_row=3, max_row=5, values_only=True)}
    assert values[("Jaar" if nl else "Year")] == 2024
    assert values[("Datum" if nl else "Date")] == dt.datetime(2026, 12, 4)
    assert values[("Gegevensbron" if nl else "Data source")] == SOURCE[lang]
    summary = [row[1] for row in front.iter_rows(min_row=7, values_only=True) if row[1]]
    assert summary == m2024.summary[lang]

    targets = wb.worksheets[1]
    header = [c.value for c in targets[1]]
    assert header[:5] == (["Corporatie", "Periode", "Afspraak", "Gepland", "Gereed"] if nl else
                          ["Corporation", "Period", "Agreed", "Planned", "Done"])
    t = programme.target_table(ds)
    t = t[t["from_year"] <= 2024]
    rows = [list(r[:5]) for r in targets.iter_rows(min_row=2, values_only=True)]
    assert rows == [[r.corporation, r.period, r.target, r.planned, r.done] for r in t.itertuples()]
    assert all(isinstance(v, int) for row in rows for v in row[2:])          # numbers as numbers

    money = wb.worksheets[4]
    frame, _ = affordability.corporation_year_table(ds)
    frame = frame[frame["year"] <= 2025]
    rows = [list(r) for r in money.iter_rows(min_row=2, values_only=True)]
    assert [(r[0], r[1], r[4], r[5]) for r in rows] == [
        (r.corporation, r.year, r.avg_rent_increase_per_month, r.avg_energy_saving_per_month)
        for r in frame.itertuples()]
    assert money.cell(2, 5).number_format == '"€" #,##0.00'

    labels = {r[0]: r[1:] for r in wb.worksheets[5].iter_rows(min_row=2, values_only=True)}
    assert sum(v[1] for v in labels.values()) == 4264 and labels["E"][1] == 540
    co2 = {r[0]: r[1:] for r in wb.worksheets[6].iter_rows(min_row=2, values_only=True)}
    assert co2[2030][0] == pytest.approx(m2024.gaps[2030]["tonnes"], abs=0.05)
    assert co2[2030][2] == pytest.approx(m2024.gaps[2030]["gap_tonnes"], abs=0.05)


# ----------------------------------------------------------------------------- command line
@pytest.fixture
def workspace(tmp_path):
    ws = create_sample_workspace(tmp_path / "soest.rpw")
    ws.close()
    return tmp_path / "soest.rpw"


def test_report_command_writes_xlsx_and_refuses_bad_input(workspace, tmp_path, capsys):
    out = tmp_path / "m.xlsx"
    assert main(["report", "--workspace", str(workspace), "--year", "2024", "--out", str(out), "--lang", "en"]) == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "Report"
    assert capsys.readouterr().out.strip() == str(out)
    # a year outside the data: input error
    assert main(["report", "--workspace", str(workspace), "--year", "2019", "--out", str(out)]) == 1
    assert "2019" in capsys.readouterr().err
    # cannot run: no workspace, a wrong file type, a missing folder, no year
    assert main(["report", "--workspace", str(tmp_path / "nope.rpw"), "--year", "2024"]) == 2
    assert main(["report", "--workspace", str(workspace), "--year", "2024", "--out", str(tmp_path / "m.csv")]) == 2
    assert main(["report", "--workspace", str(workspace), "--year", "2024",
                 "--out", str(tmp_path / "no" / "m.pdf")]) == 2
    assert main(["report", "--workspace", str(workspace)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\nreport: ") + err.startswith("report: ") == 3


def test_report_command_writes_a_pdf_without_a_display(workspace, tmp_path):
    out = tmp_path / "m.pdf"
    env = {k: v for k, v in __import__("os").environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "desktop", "report", "--workspace", str(workspace),
                           "--year", "2026", "--out", str(out)], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    texts = _texts(out)
    assert "Monitoring prestatieafspraken 2026" in texts[0] and f"1 / {len(texts)}" in texts[0]
    assert "Stemcampagnes gestart t/m 2026" in texts[2] and "P-26-001" in texts[2]
