"""Overview page: the workspace at a glance — homes per corporation and neighbourhood,
and each agreed target with what is planned and done against it."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout,
)

from ..models.dataset import Dataset
from ..models.enums import Status
from . import fmt
from . import theme
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .pages import Page
from .widgets import data_table, follow_page_links, hint_label, page_heading, section_label

SHORT = theme.qcolor(theme.BAD_BG)
MET = theme.qcolor(theme.OK_BG)
OVER = theme.qcolor(theme.WARN_BG)


def stock_frame(ds: Dataset) -> pd.DataFrame:
    """Homes, let homes and complexes per corporation and neighbourhood."""
    counts = ds.dwelling_counts()
    c = ds.complexes[["complex", "corporation", "neighbourhood"]].copy()
    c["homes"] = c["complex"].map(counts).fillna(0).astype("int64")
    let = ds.dwellings.groupby("complex", observed=True)["let"].sum()
    c["let"] = c["complex"].map(let).fillna(c["homes"]).astype("int64")
    out = (c.groupby(["corporation", "neighbourhood"], observed=True)
           .agg(complexes=("complex", "size"), homes=("homes", "sum"), let=("let", "sum"))
           .reset_index())
    return out.astype({"corporation": object, "neighbourhood": object})


def target_frame(ds: Dataset) -> pd.DataFrame:
    """The agreed targets (:func:`desktop.models.programme.target_table`) with the
    verdict in words."""
    from ..models import programme

    frame = programme.target_table(ds)
    frame["verdict_text"] = [verdict_text(v) for v in frame["verdict"]]
    return frame


@dataclass(frozen=True)
class OverviewData:
    """What the page shows, computed from the frames alone (on a worker thread for a
    large workspace, see :mod:`desktop.views.refresh`)."""
    stock: pd.DataFrame
    targets: pd.DataFrame
    complexes: int
    planned: int                 # homes in projects that are not cancelled
    done: int                    # of which done
    votes: int


def overview_data(ds: Dataset) -> OverviewData:
    stock = stock_frame(ds)
    proj = ds.projects_with_owner()
    active = proj[proj["status"] != "vervallen"]
    return OverviewData(
        stock=stock, targets=target_frame(ds), complexes=len(ds.complexes),
        planned=int(active["dwellings"].sum()),
        done=int(active.loc[active["status"] == "gereed", "dwellings"].sum()),
        votes=len(ds.votes))


def target_columns() -> list[ColumnSpec]:
    """The columns every table of agreed targets starts with."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return [
        ColumnSpec("corporation", translate("OverviewPage", "Corporation")),
        ColumnSpec("period", translate("OverviewPage", "Period")),
        ColumnSpec("target", translate("OverviewPage", "Target"), fmt.integer, NUMBER_ALIGN),
        ColumnSpec("planned", translate("OverviewPage", "Planned"), fmt.integer, NUMBER_ALIGN,
                   translate("OverviewPage", "Homes in projects in the period that are not cancelled")),
        ColumnSpec("done", translate("OverviewPage", "Done"), fmt.integer, NUMBER_ALIGN,
                   fmt.tr_fmt(translate("OverviewPage", "Homes in projects with status '%1'"),
                              fmt.listed(Status.DONE))),
    ]


def verdict_text(verdict) -> str:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {"short": translate("OverviewPage", "falls short"), "met": translate("OverviewPage", "meets target"),
            "over": translate("OverviewPage", "overshoots")}.get(verdict, "")


class _Card(QFrame):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 10)
        self.value = QLabel("–")
        self.value.setObjectName("cardValue")
        f = self.value.font()
        f.setPointSizeF(f.pointSizeF() * 1.9)
        f.setBold(True)
        self.value.setFont(f)
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        self.title.setMinimumHeight(2 * self.title.fontMetrics().lineSpacing())
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.value)
        lay.addWidget(self.title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class OverviewPage(Page):
    key = "overview"
    depends_on = frozenset({"complexes", "dwellings", "projects", "targets", "votes"})
    compute = staticmethod(overview_data)

    def __init__(self, controller, parent=None, **options):
        super().__init__(controller, parent, **options)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(12)

        self.heading = page_heading()
        lay.addWidget(self.heading)

        cards = QGridLayout()
        cards.setHorizontalSpacing(12)
        self.card_homes = _Card(self.tr("homes in the workspace"))
        self.card_complexes = _Card(self.tr("complexes"))
        self.card_planned = _Card(self.tr("homes in active projects (not cancelled)"))
        self.card_done = _Card(self.tr("homes retrofitted (status done)"))
        self.card_votes = _Card(self.tr("tenant votes recorded"))
        for i, card in enumerate((self.card_homes, self.card_complexes, self.card_planned,
                                  self.card_done, self.card_votes)):
            cards.addWidget(card, 0, i)
        lay.addLayout(cards)

        body = QHBoxLayout()
        body.setSpacing(16)
        left = QVBoxLayout()
        left.addWidget(section_label(self.tr("Homes per corporation and neighbourhood")))
        self.stock_model = FrameTableModel([
            ColumnSpec("corporation", self.tr("Corporation")),
            ColumnSpec("neighbourhood", self.tr("Neighbourhood")),
            ColumnSpec("complexes", self.tr("Complexes"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("homes", self.tr("Homes"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("let", self.tr("Let"), fmt.integer, NUMBER_ALIGN,
                       self.tr("Homes with a tenant (vacant homes have no vote)")),
        ], key="neighbourhood")
        self.stock_view = data_table(self.stock_model)
        left.addWidget(self.stock_view)
        self.stock_note = follow_page_links(hint_label())
        left.addWidget(self.stock_note)
        body.addLayout(left, 1)

        right = QVBoxLayout()
        right.addWidget(section_label(self.tr("Agreed targets: planned and done")))
        self.target_model = FrameTableModel([
            *target_columns(),
            ColumnSpec("done_pct", self.tr("Done %"), lambda v: fmt.percent(v, 0), NUMBER_ALIGN),
            ColumnSpec("verdict_text", self.tr("Plan")),
        ], key="period")
        self.target_model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._target_colour)
        self.target_model.set_role_provider(Qt.ItemDataRole.ToolTipRole, self._target_tip)
        self.target_view = data_table(self.target_model)
        right.addWidget(self.target_view)
        self.target_note = QLabel()
        self.target_note.setWordWrap(True)
        self.target_note.setObjectName("hint")
        follow_page_links(self.target_note)
        right.addWidget(self.target_note)
        body.addLayout(right, 1)
        lay.addLayout(body, 1)

        self.refresh()

    def _target_colour(self, row: int, col: int):
        frame = self.target_model.frame()
        planned, target = frame.at[row, "planned"], frame.at[row, "target"]
        if col < self.target_model.column_of("planned"):
            return None
        if planned < target:
            return QBrush(SHORT)
        if planned > target:
            return QBrush(OVER)
        return QBrush(MET)

    def _target_tip(self, row: int, col: int):
        frame = self.target_model.frame()
        planned, target = int(frame.at[row, "planned"]), int(frame.at[row, "target"])
        if planned < target:
            return self.tr("The plan falls short by %Ln home(s)", "", target - planned)
        if planned > target:
            return self.tr("The plan exceeds the target by %Ln home(s)", "", planned - target)
        return self.tr("The plan meets the target")

    def refresh(self, tables=None) -> None:
        name = fmt.workspace_name(self.controller.workspace)
        self.heading.setText(fmt.tr_fmt(self.tr("Overview — %1"), name))
        super().refresh(tables)

    def show_result(self, data: OverviewData) -> None:
        stock, targets = data.stock, data.targets
        self.stock_model.set_frame(stock)
        self.target_model.set_frame(targets)
        self.card_homes.value.setText(fmt.integer(int(stock["homes"].sum()) if len(stock) else 0))
        self.card_complexes.value.setText(fmt.integer(data.complexes))
        self.card_planned.value.setText(fmt.integer(data.planned))
        self.card_done.value.setText(fmt.integer(data.done))
        self.card_votes.value.setText(fmt.integer(data.votes))
        self.stock_note.setText(
            self.tr("Add or change complexes and dwellings on the <a href=\"stock\">Stock</a> page.")
            if data.complexes else
            self.tr("No complexes yet: add them on the <a href=\"stock\">Stock</a> page, or import "
                    "a workbook (File menu)."))
        short = int((targets["planned"] < targets["target"]).sum()) if len(targets) else 0
        if not len(targets):
            self.target_note.setText(self.tr("No targets yet: add them on the <a href=\"programme\">"
                                             "Programme</a> page (Agreed targets…) or import a "
                                             "workbook with a Doelen sheet."))
        elif short:
            self.target_note.setText(self.tr("%n target period(s) not met by the plan (red).", "",
                                             short))
        else:
            self.target_note.setText(self.tr("The plan meets every agreed target."))
