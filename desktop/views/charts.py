"""Shared chart helpers on pyqtgraph (affordability, CO2 to 2050, ...).

* :func:`make_plot` — a white, antialiased ``pg.PlotWidget`` with a title, axis labels
  (put the unit in the label, e.g. ``"Energy saving (€/month)"``), grid and a legend;
* :class:`HoverReadout` — shows a text read-out of the data point nearest the mouse
  (within a few pixels) of any scatter or curve in the plot;
* :func:`export_plot` — writes a plot to PNG or SVG (chosen by the file suffix);
  :func:`plot_image` — a plot as a picture at print resolution;
* :data:`VERDICT_COLOURS` — traffic-light colours for verdict values.

Other chart pages may add helpers here; keep existing signatures stable.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from . import theme

# Traffic-light colours (saturated, for points and lines; table backgrounds use the
# pale variants theme.OK_BG / BAD_BG / WARN_BG).
VERDICT_COLOURS: dict[str, str] = {
    "ok": theme.OK,             # green: affordable / met
    "not_ok": theme.BAD,        # red: rent increase above the saving / short
    "warning": theme.WARN,      # amber: attention (over a limit, estimate, over target)
    "unknown": theme.UNKNOWN,   # grey: no verdict
    "met": theme.OK,
    "short": theme.BAD,
    "over": theme.WARN,
}

_configured = False


def _configure() -> None:
    global _configured
    if not _configured:
        pg.setConfigOptions(antialias=True, background="w", foreground=theme.CHART_TEXT)
        _configured = True


def make_plot(title: str, x_label: str, y_label: str, parent=None) -> pg.PlotWidget:
    """A white, antialiased plot with title, axis labels (units inside the label text),
    a light grid and a legend (``plot.getPlotItem().legend``)."""
    _configure()
    plot = pg.PlotWidget(parent=parent, background="w")
    item = plot.getPlotItem()
    item.setTitle(title, color=theme.CHART_TEXT, size="11pt")
    item.setLabel("bottom", x_label)
    item.setLabel("left", y_label)
    item.showGrid(x=True, y=True, alpha=0.15)
    item.addLegend(offset=(10, 10), labelTextColor=theme.CHART_TEXT,
                   brush=pg.mkBrush(*theme.LEGEND_BG), pen=pg.mkPen(theme.LEGEND_BORDER))
    for name in ("bottom", "left"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(theme.CHART_AXIS))
        axis.setTextPen(pg.mkPen(theme.CHART_TEXT))
        # Drawn once into a pixmap and reused until its range or size changes: replaying
        # the tick labels costs ~4 ms per axis on every repaint of the plot.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # grid lines at the major and minor ticks only: the third level's faint lines
        # (about 20 per axis) took two thirds of the time to draw a plot (~12 ms)
        axis.setStyle(maxTickLevel=1)
    item.setMenuEnabled(False)
    return plot


def _readout_label() -> pg.TextItem:
    """The box a read-out writes its text in (hidden until the mouse is over data)."""
    return pg.TextItem("", anchor=(0, 1), color=theme.CHART_TEXT,
                       fill=pg.mkBrush(*theme.READOUT_BG), border=pg.mkPen(theme.READOUT_BORDER))


def ready_to_paint(*plots: pg.PlotWidget) -> None:
    """Let each plot's view boxes apply their new ranges now, after its data and ranges
    were set: otherwise the first paint changes them and the plot is painted again,
    up to four times (~10 ms each for the CO2 page's charts)."""
    for plot in plots:
        plot.scene().prepareForPaint()


@dataclass(frozen=True)
class HoverPoint:
    """The data point under the mouse, given to a :class:`HoverReadout` formatter."""
    x: float
    y: float
    data: Any          # the spot's ``data`` (scatter) or None (curve)
    series: str        # the item's name (legend text) or ""


class HoverReadout:
    """A read-out of the point nearest the mouse, for every ScatterPlotItem and
    PlotDataItem in ``plot``.

    ``formatter(point: HoverPoint) -> str`` makes the text (HTML allowed); an empty
    string hides the read-out.  ``radius`` is in pixels.  :meth:`show_at` (view
    coordinates) does the same as a mouse move, for tests and keyboard use;
    :attr:`text` holds the current text ("" when hidden).
    """

    def __init__(self, plot: pg.PlotWidget, formatter: Callable[[HoverPoint], str],
                 radius: float = 12.0) -> None:
        self.plot = plot
        self.formatter = formatter
        self.radius = float(radius)
        self.text = ""
        self.point: HoverPoint | None = None
        self._label = _readout_label()
        self._label.setZValue(1000)
        self._label.hide()
        self.item = plot.getPlotItem()
        self.item.addItem(self._label, ignoreBounds=True)
        plot.scene().sigMouseMoved.connect(self._mouse_moved)

    # -- mouse -------------------------------------------------------------------------
    def _mouse_moved(self, scene_pos) -> None:
        vb = self.item.getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            self.hide()
            return
        self._update(scene_pos)

    def show_at(self, x: float, y: float) -> str:
        """Behave as if the mouse were at view coordinates (x, y); returns the text."""
        scene_pos = self.item.getViewBox().mapViewToScene(QPointF(float(x), float(y)))
        self._update(scene_pos)
        return self.text

    def hide(self) -> None:
        self.text = ""
        self.point = None
        self._label.hide()

    # -- nearest point -----------------------------------------------------------------
    def _candidates(self):
        for item in self.item.listDataItems():
            if isinstance(item, pg.ScatterPlotItem):
                pts = item.points()
                if len(pts) == 0:
                    continue
                xs = np.array([p.pos().x() for p in pts], dtype="float64")
                ys = np.array([p.pos().y() for p in pts], dtype="float64")
                data = [p.data() for p in pts]
                yield item, xs, ys, data
            elif isinstance(item, pg.PlotDataItem):
                xs, ys = item.getData()
                if xs is None or len(xs) == 0:
                    continue
                scatter = item.scatter
                data = None
                if scatter is not None and scatter.isVisible() and len(scatter.points()):
                    data = [p.data() for p in scatter.points()]
                    if len(data) != len(xs):
                        data = None
                yield item, np.asarray(xs, dtype="float64"), np.asarray(ys, dtype="float64"), data

    def _update(self, scene_pos) -> None:
        vb = self.item.getViewBox()
        best = None
        for item, xs, ys, data in self._candidates():
            if not item.isVisible():
                continue
            # distances in pixels: map the data to scene coordinates via the view box
            view_px = vb.viewPixelSize()   # (x units per pixel, y units per pixel)
            mouse = vb.mapSceneToView(scene_pos)
            dx = (xs - mouse.x()) / (view_px[0] or 1.0)
            dy = (ys - mouse.y()) / (view_px[1] or 1.0)
            d = np.hypot(dx, dy)
            d = np.where(np.isnan(d), np.inf, d)
            i = int(np.argmin(d))
            if d[i] <= self.radius and (best is None or d[i] < best[0]):
                name = item.name() if hasattr(item, "name") else None
                best = (d[i], HoverPoint(float(xs[i]), float(ys[i]),
                                         data[i] if data is not None else None, name or ""))
        if best is None:
            self.hide()
            return
        point = best[1]
        text = self.formatter(point)
        if not text:
            self.hide()
            return
        self.point = point
        self.text = text
        self._label.setHtml(f"<div style='padding:2px'>{text}</div>")
        self._label.setPos(point.x, point.y)
        self._label.show()


def export_plot(plot_item, path) -> Path:
    """Write ``plot_item`` (a PlotItem or PlotWidget) to ``path``: SVG for ``.svg``,
    otherwise a PNG image (the suffix is made ``.png``).  Returns the path written."""
    import pyqtgraph.exporters as exporters

    if isinstance(plot_item, pg.PlotWidget):
        plot_item = plot_item.getPlotItem()
    path = Path(path)
    if path.suffix.lower() == ".svg":
        try:
            exporters.SVGExporter(plot_item).export(str(path))
        except ValueError:
            # pyqtgraph 0.14's SVGExporter cannot parse the path syntax newer Qt writes
            # (pyqtgraph issue #3485): draw the scene with QSvgGenerator instead.
            _export_svg_qt(plot_item, path)
        return path
    if path.suffix.lower() != ".png":
        path = path.with_suffix(".png")
    exporter = exporters.ImageExporter(plot_item)
    exporter.parameters()["width"] = max(int(plot_item.sceneBoundingRect().width()), 800)
    exporter.export(str(path))
    return path


def plot_image(plot: pg.PlotWidget, width: int):
    """``plot`` drawn as a QImage ``width`` pixels wide for print: its scene as laid out
    at the widget's size, on an image of a higher device pixel ratio, so text, lines,
    points and the legend all grow alike and stay sharp (scaling the painter instead
    leaves the legend and the points, which ignore transformations, at screen size)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    source = QRectF(plot.mapToScene(plot.viewport().rect()).boundingRect())
    ratio = width / max(source.width(), 1)
    image = QImage(width, round(source.height() * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(theme.qcolor(theme.WHITE))
    import pyqtgraph.exporters as exporters

    # pyqtgraph's export mode draws the points as shapes, not as screen-sized pixmaps
    # (which would be enlarged, blurred); a resolution scale of 1 keeps the text as laid out
    helper = exporters.ImageExporter(plot.getPlotItem())
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        helper.setExportMode(True, {"antialias": True, "background": theme.qcolor(theme.WHITE),
                                    "painter": painter, "resolutionScale": 1.0})
        plot.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        helper.setExportMode(False)
        painter.end()
    image.setDevicePixelRatio(1.0)
    return image


def _export_svg_qt(plot_item, path: Path) -> None:
    """SVG through Qt's own generator, with pyqtgraph's export mode on (vector points)."""
    import pyqtgraph.exporters as exporters
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter, QPicture
    from PySide6.QtSvg import QSvgGenerator

    helper = exporters.ImageExporter(plot_item)   # for its source rect and export mode
    source = helper.getSourceRect()
    generator = QSvgGenerator()
    # pyqtgraph caches axes and bars as QPictures, which replay scaled by the ratio of
    # their DPI to the device's: give the SVG the pictures' DPI (else 72 vs 96 shifts them)
    generator.setResolution(QPicture().logicalDpiX())
    generator.setFileName(str(path))
    generator.setSize(QSize(int(source.width()), int(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(plot_item.titleLabel.text or "chart")
    painter = QPainter(generator)
    try:
        helper.setExportMode(True, {"antialias": True, "background": theme.qcolor(theme.WHITE),
                                    "painter": painter, "resolutionScale": 1.0})
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(QRectF(0, 0, source.width(), source.height()), theme.qcolor(theme.WHITE))
        helper.getScene().render(painter, QRectF(0, 0, source.width(), source.height()),
                                 QRectF(source))
    finally:
        helper.setExportMode(False)
        painter.end()


class ColumnReadout:
    """A read-out for the column (x position) under the mouse, for bar and stacked
    charts where the nearest point is not what the user points at.

    ``formatter(x: float) -> str`` gets the view x of the mouse and makes the text
    (HTML allowed; "" hides the read-out, e.g. outside the data).  The read-out sits
    at the mouse, to its left in the right half of the view and below it in the upper
    half, and above the legend (it is a child of the view box, not of its data).
    :meth:`show_at` (view coordinates) does the same as a mouse move, for tests;
    :attr:`text` holds the current text ("" when hidden).
    """

    def __init__(self, plot: pg.PlotWidget, formatter: Callable[[float], str]) -> None:
        self.plot = plot
        self.formatter = formatter
        self.text = ""
        self._label = _readout_label()
        self._label.setZValue(1000)
        self._label.hide()
        self.item = plot.getPlotItem()
        self._label.setParentItem(self.item.getViewBox())
        self._label.setZValue(1e6)
        plot.scene().sigMouseMoved.connect(self._mouse_moved)

    def _mouse_moved(self, scene_pos) -> None:
        vb = self.item.getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            self.hide()
            return
        view = vb.mapSceneToView(scene_pos)
        self.show_at(view.x(), view.y())

    def show_at(self, x: float, y: float) -> str:
        """Behave as if the mouse were at view coordinates (x, y); returns the text."""
        text = self.formatter(float(x))
        if not text:
            self.hide()
            return ""
        self.text = text
        vb = self.item.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        self._label.setAnchor((1 if x > (x0 + x1) / 2 else 0, 0 if y > (y0 + y1) / 2 else 1))
        self._label.setHtml(f"<div style='padding:2px'>{text}</div>")
        self._label.setPos(vb.mapFromView(QPointF(float(x), float(y))))
        self._label.show()
        return text

    def hide(self) -> None:
        self.text = ""
        self._label.hide()


__all__ = ["VERDICT_COLOURS", "make_plot", "HoverPoint", "HoverReadout", "ColumnReadout",
           "export_plot", "plot_image"]
