"""A4 portrait documents from HTML, as PDF (QPdfWriter) or as page pictures (PNG).

One layout for both: each given HTML text starts on a new page and flows over as many
pages as it needs; every page gets the footer (a text on the left, "page / pages" on the
right, or whatever the caller's footer function returns).  Qt's rich text is the
typesetter (QTextDocument: tables, images, CSS page breaks), so no external program is
needed.  Images are passed by name and referred to as ``<img src="name">``.

Works without a window: when no Qt application runs, an offscreen QGuiApplication is
started (the command line has no display).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence, Union

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (QFont, QGuiApplication, QImage, QPageLayout, QPageSize,
                           QPainter, QPdfWriter, QTextDocument)

from ..views import theme

# footer: a fixed text (left; the page number goes right) or page, pages -> text
Footer = Union[str, Callable[[int, int], str], None]

A4_MM = (210.0, 297.0)
MARGIN_MM = 18.0          # left, right and top
FOOTER_MM = 12.0          # the footer band above the bottom margin
BOTTOM_MM = 12.0
FONT_FAMILY = "DejaVu Sans"   # installed with fonts-dejavu-core; Qt falls back otherwise
FONT_PT = 10.0

_app: QGuiApplication | None = None


def ensure_app() -> None:
    """A Qt application for fonts and painting; offscreen when there is no display.
    Always a QApplication (QtWidgets), not a bare QGuiApplication: the yearly report
    draws the CO2 page's pyqtgraph charts, which are widgets, and a QGuiApplication can
    never become one — in one test session it also made every later widget test fail
    (pytest-qt refuses an existing application that is not a QApplication)."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")) and os.name == "posix":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    _app = QApplication([])


@dataclass(frozen=True)
class _Geometry:
    """Page geometry in device pixels of the target (a PDF writer or a picture)."""
    dpi: int

    def px(self, mm: float) -> float:
        return mm / 25.4 * self.dpi

    @property
    def page(self) -> QSizeF:
        return QSizeF(self.px(A4_MM[0]), self.px(A4_MM[1]))

    @property
    def body(self) -> QRectF:
        """Where the text goes on every page."""
        left = top = self.px(MARGIN_MM)
        width = self.px(A4_MM[0] - 2 * MARGIN_MM)
        height = self.px(A4_MM[1] - MARGIN_MM - FOOTER_MM - BOTTOM_MM)
        return QRectF(left, top, width, height)

    @property
    def footer(self) -> QRectF:
        return QRectF(self.px(MARGIN_MM), self.px(A4_MM[1] - BOTTOM_MM - FOOTER_MM * 0.6),
                      self.px(A4_MM[0] - 2 * MARGIN_MM), self.px(FOOTER_MM * 0.6))


def _document(html: str, geometry: _Geometry, images: Mapping[str, QImage],
              device) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(FONT_PT)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    for name, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
    doc.setPageSize(geometry.body.size())
    return doc


def _footer_text(footer: Footer, page: int, pages: int) -> tuple[str, str]:
    if footer is None:
        return "", f"{page} / {pages}"
    if callable(footer):
        return footer(page, pages), ""
    return footer, f"{page} / {pages}"


def _paint_page(painter: QPainter, doc: QTextDocument, index: int, geometry: _Geometry,
                footer: Footer, page: int, pages: int) -> None:
    body = geometry.body
    painter.save()
    painter.translate(body.topLeft())
    top = index * body.height()
    painter.translate(0, -top)
    clip = QRectF(0, top, body.width(), body.height())
    painter.setClipRect(clip)
    # The paginated layout starts a line that would cross the page's end on the next
    # page, exactly at its top; a clip touching that top would draw it here too (hidden
    # by the clip, but still text in the PDF), so the drawn area stops just short.
    doc.drawContents(painter, clip.adjusted(0, 0, 0, -0.5))
    painter.restore()
    left, right = _footer_text(footer, page, pages)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(FONT_PT * 0.8)
    painter.save()
    painter.setFont(font)
    painter.setPen(theme.qcolor(theme.HINT))
    rect = geometry.footer
    painter.drawLine(rect.topLeft(), rect.topRight())
    align = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignLeft), left)
    if right:
        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignRight), right)
    painter.restore()


def _layout(pages_html: Sequence[str], geometry: _Geometry, images: Mapping[str, QImage],
            device) -> list[QTextDocument]:
    return [_document(html, geometry, images, device) for html in pages_html]


def _open_writer(path, title: str, author: str):
    """(target, partial file, A4 portrait writer at 300 dpi, its geometry): the PDF is
    written beside the target and renamed by :func:`_finish`, so it appears whole or not
    at all."""
    ensure_app()
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(f"no folder {target.parent}")
    partial = target.with_name(target.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(title)
    writer.setCreator(author)
    return target, partial, writer, _Geometry(writer.resolution())


def _finish(partial: Path, target: Path) -> None:
    try:
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def write_pdf(path: str | os.PathLike, pages_html: Sequence[str], *, title: str = "",
              footer: Footer = None, images: Mapping[str, QImage] | None = None,
              author: str = "Retrofit Planner") -> int:
    """Write the HTML texts as one A4 PDF, each text from a new page; returns the
    number of pages.  The file appears whole or not at all (written beside, then
    renamed)."""
    target, partial, writer, geometry = _open_writer(path, title, author)
    docs = _layout(pages_html, geometry, images or {}, writer)
    counts = [max(1, doc.pageCount()) for doc in docs]
    pages = sum(counts)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {target}")
    try:
        page = 0
        for doc, count in zip(docs, counts):
            for index in range(count):
                if page:
                    writer.newPage()
                page += 1
                _paint_page(painter, doc, index, geometry, footer, page, pages)
    finally:
        painter.end()
    _finish(partial, target)
    return pages


def write_documents(path: str | os.PathLike, documents: Iterable[tuple], *,
                    title: str = "", images: Mapping[str, QImage] | None = None,
                    author: str = "Retrofit Planner",
                    done: Callable[[int], None] | None = None) -> int:
    """Write many separate documents (one letter per tenant) into one A4 PDF: each
    ``(html, footer)`` starts on a new page and numbers its own pages ("1 / 2"); an
    ``(html, footer, fallback)`` is printed as ``fallback`` when ``html`` takes more
    than one page and ``fallback`` no more pages than it (a letter with its reply slip
    below it, unless the slip would run over a page break: then the slip from a new
    page).  They
    are laid out and painted one at a time, so memory stays flat for 10,000 letters
    (``documents`` may be a generator).  ``done(n)`` is called after each document with
    the number written; an exception it raises stops the work and no file is left.
    Returns the number of pages.  The file appears whole or not at all."""
    target, partial, writer, geometry = _open_writer(path, title, author)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {target}")
    page = n = 0
    try:
        for html, footer, *fallback in documents:
            doc = _document(html, geometry, images or {}, writer)
            if fallback and doc.pageCount() > 1:      # not one page: the other form if no longer
                other = _document(fallback[0], geometry, images or {}, writer)
                if other.pageCount() <= doc.pageCount():
                    doc = other
            count = max(1, doc.pageCount())
            for index in range(count):
                if page:
                    writer.newPage()
                page += 1
                _paint_page(painter, doc, index, geometry, footer, index + 1, count)
            n += 1
            if done is not None:
                done(n)
    except BaseException:
        painter.end()
        partial.unlink(missing_ok=True)
        raise
    painter.end()
    _finish(partial, target)
    return page


def page_images(pages_html: Sequence[str], *, footer: Footer = None,
                images: Mapping[str, QImage] | None = None, dpi: int = 110,
                first: int | None = None) -> list[QImage]:
    """The same pages as pictures on white (for docs and previews); ``first`` limits
    how many pages are drawn."""
    ensure_app()
    geometry = _Geometry(dpi)
    size = geometry.page.toSize()
    probe = QImage(size, QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(round(dpi / 0.0254))
    probe.setDotsPerMeterY(round(dpi / 0.0254))
    docs = _layout(pages_html, geometry, images or {}, probe)
    counts = [max(1, doc.pageCount()) for doc in docs]
    pages = sum(counts)
    out: list[QImage] = []
    page = 0
    for doc, count in zip(docs, counts):
        for index in range(count):
            if first is not None and len(out) >= first:
                return out
            page += 1
            image = QImage(size, QImage.Format.Format_RGB32)
            image.setDotsPerMeterX(probe.dotsPerMeterX())
            image.setDotsPerMeterY(probe.dotsPerMeterY())
            image.fill(theme.qcolor(theme.WHITE))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            _paint_page(painter, doc, index, geometry, footer, page, pages)
            painter.end()
            out.append(image)
    return out


def escape(text: object) -> str:
    """A value as HTML text."""
    import html

    return html.escape("" if text is None else str(text))
