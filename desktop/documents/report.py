"""The yearly monitoring report as a PDF (issue 22, point 2): A4 portrait, a title page
with the summary in words, one page per topic with its table, the CO2 page's charts of
the emissions path and the energy labels (drawn by :class:`~desktop.views.co2_charts.Co2Charts`,
the page's own code, at print resolution), and on every page the date, the data source
and the page number.  Dutch, or English on request.

The figures are :func:`desktop.models.monitoring.monitoring`'s; the tables are its
:func:`~desktop.models.monitoring.sections`, the same as the xlsx's.

Threads: :func:`chart_images` draws widgets, so it runs on the GUI thread (the command
line has only that one); :func:`write_report_pdf` with the images may run on a worker.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Mapping

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtGui import QImage

from ..exchange.monitoring_xlsx import front_rows, title
from ..models import monitoring as model
from ..paths import RESOURCES
from ..views import theme
from . import pdf

CHART_NAMES = ("emissions", "labels")      # the CO2 page's charts the report shows
CHART_SIZE = (640, 370)                    # laid out at this size (px), as on a screen
CHART_WIDTH_PX = 2100                      # drawn this wide: ~300 dpi over the text width


# ----------------------------------------------------------------------------- language
def report_locale(lang: str) -> QLocale:
    if lang == "nl":
        return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def chart_translate(lang: str):
    """``translate(context, text)`` in the report's language, whatever the window's is:
    the app's Dutch translations for ``nl``, the (English) source texts otherwise."""
    if lang != "nl":
        return lambda _context, text: text
    translator = QTranslator()
    translator.load("retrofit_planner_nl", str(RESOURCES / "translations"))

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    translate.translator = translator        # keep it alive with the function
    return translate


# ----------------------------------------------------------------------------- charts
def chart_images(m: model.Monitoring, lang: str = "nl", width: int = CHART_WIDTH_PX,
                 names=CHART_NAMES) -> dict[str, QImage]:
    """The CO2 page's emissions and labels charts (``names``) of the whole stock, as
    pictures ``width`` pixels wide.  GUI thread only (pyqtgraph draws widgets)."""
    pdf.ensure_app()
    from PySide6.QtWidgets import QApplication

    from ..views.charts import plot_image
    from ..views.co2_charts import Co2Charts, scope_series

    drawing = Co2Charts(chart_translate(lang), report_locale(lang))
    series = scope_series(m.co2_result)
    images = {}
    for name in names:
        plot = drawing.build(name)
        # laid out as a window would be, but never shown on the screen
        plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        plot.resize(*CHART_SIZE)
        plot.show()
        drawing.fill(series, (name,))
        # one paint lets the axes measure their tick labels (in this locale) and ask for
        # their width; the layout follows on the next turn of the event loop
        plot.grab()
        QApplication.processEvents()
        drawing.apply_y(name)
        images[name] = plot_image(plot, width)
        plot.close()
        plot.deleteLater()
    return images


# ----------------------------------------------------------------------------- HTML
_CSS = f"""
<style>
h1 {{ font-size: 20pt; color: {theme.TEXT}; margin-bottom: 4px; }}
h2 {{ font-size: 14pt; color: {theme.TEXT}; margin-top: 14px; margin-bottom: 6px; }}
p {{ margin-top: 3px; margin-bottom: 3px; }}
p.note {{ color: {theme.HINT}; font-size: 8.5pt; }}
table.data {{ border-collapse: collapse; }}
table.data th {{ background-color: {theme.TEXT}; color: {theme.WHITE}; font-weight: bold;
                 font-size: 8.5pt; padding: 3px; }}
table.data td {{ font-size: 8.5pt; padding: 2px 3px; border-bottom: 1px solid {theme.PANEL_BORDER}; }}
td.num {{ text-align: right; white-space: nowrap; }}
td.text {{ white-space: nowrap; }}
th.word {{ white-space: nowrap; }}
td.short {{ background-color: {theme.BAD_BG}; }}
td.met {{ background-color: {theme.OK_BG}; }}
</style>
"""
BAD_VALUES = {"short", "not_reached", False}
GOOD_VALUES = {"met", "reached", True}


def _esc(value) -> str:
    return pdf.escape(value)


def table_html(section: model.Section, lang: str) -> str:
    """One section as an HTML table (numbers right-aligned, verdicts shaded)."""
    nl = lang == "nl"
    if not len(section.frame):
        return f"<p class='note'>{'Geen gegevens voor dit jaar.' if nl else 'No figures for this year.'}</p>"
    # a one-word header never breaks inside its word (Qt would: "Woninge|n")
    head = "".join(f"<th class='word'>{_esc(h)}</th>" if " " not in h else f"<th>{_esc(h)}</th>"
                   for h in section.headers(lang))
    rows = []
    for values in section.frame[[c.name for c in section.columns]].itertuples(index=False, name=None):
        cells = []
        for col, v in zip(section.columns, values):
            cls = "num" if col.kind in ("int", "tonnes", "pct", "euros") else "text"
            if col.kind == "verdict":
                key = bool(v) if isinstance(v, bool) or type(v).__name__ == "bool_" else v
                cls = "short" if key in BAD_VALUES else "met" if key in GOOD_VALUES else ""
            cells.append(f"<td class='{cls}'>{_esc(model.cell_text(v, col.kind, lang))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<table class='data' width='100%' cellspacing='0' cellpadding='3'>"
            f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>")


def _section(sections: Mapping[str, model.Section], key: str, lang: str, intro: str = "") -> str:
    sec = sections[key]
    note = f"<p class='note'>{_esc(intro)}</p>" if intro else ""
    return f"<h2>{_esc(sec.title(lang))}</h2>{note}{table_html(sec, lang)}"


def _chart(name: str, images: Mapping[str, QImage]) -> str:
    if name not in images:
        return ""
    # the text width is 174 mm = 657 px at the layout's 96 dpi
    return f"<p align='center'><img src='{name}' width='640'></p>"


def pages_html(m: model.Monitoring, lang: str, source: str, made: dt.date,
               images: Mapping[str, QImage] | None = None) -> list[str]:
    """The report's pages as HTML: each starts a new page (and flows on when long)."""
    images = images or {}
    nl = lang == "nl"
    y = m.year
    secs = {s.key: s for s in model.sections(m)}
    rows = "".join(f"<tr><td><b>{_esc(label)}</b></td><td>{_esc(_value(value, lang))}</td></tr>"
                   for label, value in front_rows(m, lang, source, made))
    summary = "".join(f"<p>{_esc(line)}</p>" for line in m.summary[lang])
    front = (f"{_CSS}<h1>{_esc(title(y, lang))}</h1>"
             f"<p class='note'>{'Voor de gemeente en de huurdersorganisaties' if nl else 'For the municipality and the tenants’ organisations'}</p>"
             f"<table cellspacing='0' cellpadding='3'>{rows}</table>"
             f"<h2>{'Samenvatting' if nl else 'Summary'}</h2>{summary}"
             f"<p class='note'>{_esc(_method_note(lang))}</p>")
    programme = (_CSS + _section(secs, "targets", lang, _targets_note(lang, y))
                 + _section(secs, "neighbourhoods", lang))
    support = (_CSS + _section(secs, "campaigns", lang, _campaign_note(lang))
               + _section(secs, "affordability", lang, _afford_note(lang)))
    e = m.efg
    efg = (f"E, F of G: {model.integer(e['now'], lang)} nu, {model.integer(e['end_of_year'], lang)} eind {y}, "
           f"{model.integer(e['deadline'], lang)} in {e['deadline_year']} in "
           f"{model.integer(e['complexes_deadline'], lang)} complexen (doel: geen na {e['deadline_year']})."
           if nl else
           f"E, F or G: {model.integer(e['now'], lang)} now, {model.integer(e['end_of_year'], lang)} at the end "
           f"of {y}, {model.integer(e['deadline'], lang)} in {e['deadline_year']} in "
           f"{model.integer(e['complexes_deadline'], lang)} complexes (target: none after {e['deadline_year']}).")
    labels = _CSS + _section(secs, "labels", lang) + f"<p><b>{_esc(efg)}</b></p>" + _chart("labels", images)
    gaps = "".join(f"<p>{_esc(_gap_line(g, lang))}</p>" for g in m.gaps.values())
    co2 = _CSS + _section(secs, "co2", lang) + gaps + _chart("emissions", images)
    return [front, programme, support, labels, co2]


def _value(value, lang: str) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y") if lang == "nl" else f"{value.day} {value:%B %Y}"
    return str(value)


def _gap_line(g: dict, lang: str) -> str:
    n = lambda v: model.integer(v, lang)        # noqa: E731
    if lang == "nl":
        word = "boven" if g["gap_tonnes"] > 0 else "onder"
        return (f"{g['year']}: {n(g['tonnes'])} ton, {n(abs(g['gap_tonnes']))} ton {word} het pad "
                f"({n(g['target_tonnes'])} ton).")
    word = "above" if g["gap_tonnes"] > 0 else "below"
    return (f"{g['year']}: {n(g['tonnes'])} tonnes, {n(abs(g['gap_tonnes']))} tonnes {word} the path "
            f"({n(g['target_tonnes'])} tonnes).")


def _method_note(lang: str) -> str:
    if lang == "nl":
        return ("Alle cijfers komen uit de werkruimte en worden berekend zoals in het programma: "
                "gepland = elk project dat niet vervallen is, gereed = status gereed; draagvlak volgens "
                "de 70 %-regel (BW 7:220); betaalbaarheid: huurverhoging tegen energiebesparing per "
                "maand, gewogen naar woningen; labels en CO2 volgens het plan, per jaar na de projecten "
                "van dat jaar.")
    return ("Every figure comes from the workspace and is computed as in the program: planned = every "
            "project not cancelled, done = status done; support by the 70 % rule (BW 7:220); "
            "affordability: rent increase against the energy saving per month, weighted by homes; "
            "labels and CO2 under the plan, each year after that year's projects.")


def _targets_note(lang: str, year: int) -> str:
    return (f"Gepland en gereed over de hele periode; 'gereed eind {year}' telt alleen de jaren t/m {year}."
            if lang == "nl" else
            f"Planned and done over the whole period; 'done by end of {year}' counts the years up to {year} only.")


def _campaign_note(lang: str) -> str:
    return ("Ja % = ja-stemmen als deel van alle huurders; wie niet reageert, stemt niet in. Vanaf 10 woningen "
            "is 70 % nodig." if lang == "nl" else
            "Yes % = yes votes as a share of all tenants; silence counts as not agreeing. From 10 homes on, "
            "70 % is needed.")


def _afford_note(lang: str) -> str:
    return ("Gemiddelden per woning per maand, tegen de tarieven van het jaar." if lang == "nl"
            else "Averages per home per month, at the year's tariffs.")


def footer_text(m: model.Monitoring, lang: str, source: str, made: dt.date) -> str:
    date = _value(made, lang)
    if lang == "nl":
        return f"Monitoring {m.year} · bron: {source} · {date}"
    return f"Monitoring {m.year} · source: {source} · {date}"


# ----------------------------------------------------------------------------- PDF
def write_report_pdf(m: model.Monitoring, path: str | os.PathLike, *, lang: str = "nl",
                     source: str = "", made: dt.date | None = None,
                     images: Mapping[str, QImage] | None = None) -> int:
    """Write the report as a PDF; returns its number of pages.  ``images``: the
    :func:`chart_images` (drawn now when None: GUI thread only)."""
    made = made or dt.date.today()
    if images is None:
        images = chart_images(m, lang)
    return pdf.write_pdf(path, pages_html(m, lang, source, made, images), title=title(m.year, lang),
                         footer=footer_text(m, lang, source, made), images=images)


def page_pictures(m: model.Monitoring, *, lang: str = "nl", source: str = "",
                  made: dt.date | None = None, dpi: int = 110,
                  images: Mapping[str, QImage] | None = None) -> list[QImage]:
    """The same pages as pictures (docs/)."""
    made = made or dt.date.today()
    if images is None:
        images = chart_images(m, lang)
    return pdf.page_images(pages_html(m, lang, source, made, images),
                           footer=footer_text(m, lang, source, made), images=images, dpi=dpi)


__all__ = ["chart_images", "pages_html", "write_report_pdf", "page_pictures", "table_html",
           "CHART_NAMES", "report_locale", "chart_translate"]

