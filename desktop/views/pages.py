"""The areas of the window, in navigation order: (key, module, class), and
:class:`Page`, the base of each.

Pages are imported lazily when first shown; each area lives in its own module.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..models.dataset import TABLES
from .refresh import PageRefresh

PAGES: list[tuple[str, str, str]] = [
    ("overview", "overview", "OverviewPage"),
    ("programme", "programme", "ProgrammePage"),
    ("support", "support", "SupportPage"),
    ("affordability", "affordability", "AffordabilityPage"),
    ("co2", "co2", "Co2Page"),
    ("yardsticks", "yardsticks", "YardsticksPage"),
    ("heatplan", "heatplan", "HeatPlanPage"),
    ("realised", "realised", "RealisedPage"),
    ("stock", "stock", "StockPage"),
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
        "heatplan": translate("pages", "Heat plan"),
        "yardsticks": translate("pages", "Yardsticks"),
        "realised": translate("pages", "Saving realised"),
        "stock": translate("pages", "Stock"),
        "settings": translate("pages", "Tariffs and factors"),
    }
    return titles.get(key, key)


class Page(QWidget):
    """What every area of the window shares: it reads the dataset tables it names in
    :attr:`depends_on`, computes its figures with :meth:`compute` (frames in, a result
    out: no widgets, so on a worker thread for a large workspace) and fills its widgets
    with :meth:`show_result` (``show`` is QWidget's own).

    A change to a table it depends on refreshes the page at once when it is shown, and
    once it is shown again when it is hidden (at 100,000 dwellings a page's figures take
    0.1-0.3 s, which would otherwise add to every edit made on another page); a change
    to any other table leaves it alone.  The mechanism (worker, merged requests, the
    "Calculating…" note) is :class:`~desktop.views.refresh.PageRefresh`.

    A subclass builds its widgets, then calls :meth:`refresh` once: a page built
    directly fills at once (small workspace); a page the window builds with
    ``fill_when_shown`` computes on the worker once it has been shown, at any size.
    """

    key = ""
    depends_on: frozenset[str] = frozenset(TABLES)   # the dataset tables the page reads
    refresh_while_hidden = False        # True: cheap enough to follow every change at once

    @staticmethod
    def compute(dataset, *args):
        """The page's figures from ``dataset`` and :meth:`compute_args`: frames only,
        no widgets (a subclass sets ``compute = staticmethod(function)``)."""
        raise NotImplementedError

    def __init__(self, controller, parent=None, *, fill_when_shown: bool = False):
        super().__init__(parent)
        self.controller = controller
        self.dirty = False                  # changed while hidden: refresh once shown
        # a page without figures to compute (its tables shown as they are) has none
        self.refresher = PageRefresh(self, type(self).compute,
                                     lambda result: self.show_result(result),
                                     fill_when_shown=fill_when_shown) \
            if type(self).compute is not Page.compute else None
        controller.changed.connect(self._tables_changed)

    def compute_args(self) -> tuple:
        """What :meth:`compute` needs besides the dataset, read from the widgets."""
        return ()

    def show_result(self, result) -> None:
        """Fill the widgets with what :meth:`compute` returned (GUI thread)."""

    def at_once(self, tables: set[str] | None) -> bool:
        """Compute on the GUI thread even for a large workspace (an edit whose figures
        are quick anyway)?  ``tables``: what changed (None: a full refresh)."""
        return False

    def forget(self, tables: set[str]) -> None:
        """``tables`` (some of :attr:`depends_on`) changed, shown or not: drop what was
        computed from them."""

    def _tables_changed(self, tables) -> None:
        tables = set(tables) if tables else set(TABLES)
        if not tables & self.depends_on:
            return
        self.forget(tables)
        self.refresh_when_shown(tables)

    def refresh_when_shown(self, tables: set[str] | None = None) -> None:
        """Refresh now if the page is shown, else once it is."""
        if self.isVisible() or self.refresh_while_hidden:
            self.refresh(tables)
        else:
            self.dirty = True

    def showEvent(self, event) -> None:     # Qt's name
        super().showEvent(event)
        if self.dirty:
            self.refresh()

    def refresh(self, tables: set[str] | None = None) -> None:
        """Compute the figures from the controller's dataset and show them (now for a
        small workspace, when the worker is done for a large one)."""
        self.dirty = False
        self.refresher.request(self.controller.dataset, *self.compute_args(),
                               now=self.at_once(tables))
