"""Tenant support page: the vote campaign of a project, keyboard vote entry with a live
tally against the 70 % rule, the follow-up list, the status gate and all campaigns.

The rule lives in :mod:`desktop.models.support`; votes are appended through
``commands.RecordVotes`` (never edited in place) and status changes go through
``commands.SetStatus``, whose gate refuses akkoord or later without support unless the
user gives a reason.  This page only shows and asks.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from PySide6.QtCore import QDate, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFileDialog,
    QFrame, QGridLayout, QHBoxLayout, QInputDialog, QLabel,
    QPushButton, QSizePolicy, QTabWidget, QVBoxLayout, QWidget,
)

from ..models import campaign_dates, support
from ..models.dataset import TABLES, Dataset
from ..models.enums import Status, Vote
from .. import edits
from . import fmt, theme
from .controller import Outcome, ReasonDialog
from . import follow_up as fu
from .frame_model import NUMBER_ALIGN, ColumnSpec, FrameTableModel
from .pages import Page
from .refresh import PageRefresh
from .tenancy import TenancyActions, change_tenancy
from .widgets import EditNote, data_table, hint_label, page_heading
from .vote_entry import VoteTable, vote_frame

RED = theme.qcolor(theme.BAD_BG)
GREEN = theme.qcolor(theme.OK_BG)
AMBER = theme.qcolor(theme.WARN_BG)
YES_BAR = theme.qcolor(theme.YES)
NO_BAR = theme.qcolor(theme.NO)
OPEN_BAR = theme.qcolor(theme.OPEN_BAR)
MARK = theme.qcolor(theme.TEXT)

STATUS_STYLE = {
    status: f"background:{bg}; color:{text}; border:1px solid {border};"
    for status, (bg, text, border) in {
        support.REACHED: (theme.OK_BG, theme.OK_TEXT, theme.OK_BORDER),
        support.NOT_REACHED: (theme.BAD_BG, theme.BAD_TEXT, theme.BAD_BORDER),
        support.INDIVIDUAL_CONSENT: (theme.WARN_BG, theme.WARN_TEXT, theme.WARN_BORDER),
    }.items()
}


def support_status_text(status: str | None) -> str:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {support.REACHED: translate("SupportPage", "reached"),
            support.NOT_REACHED: translate("SupportPage", "not reached"),
            support.INDIVIDUAL_CONSENT: translate("SupportPage", "individual consent")}.get(status or "", "")


def field_message() -> "QLabel":
    """A hidden error label shown next to a field when its value cannot be."""
    label = QLabel()
    label.setStyleSheet(theme.text_style(theme.ERROR))
    label.setWordWrap(True)
    label.hide()
    return label


def show_field_message(label: "QLabel", message: tuple[str, str] | None) -> None:
    """Show a core rule's (English, Dutch) message in ``label`` in the interface
    language, or hide it."""
    if message is None:
        label.clear()
        label.hide()
        return
    label.setText(message[1] if fmt.language() == "nl" else message[0])
    label.show()


def deadline_text(deadline, status: str | None) -> str:
    """The campaigns list's objection deadline: the date, or — where support is not
    reached (or below 10 dwellings) — that there is none (:func:`support.objection_deadline`)."""
    from PySide6.QtCore import QCoreApplication

    if deadline is not None:
        return fmt.date(deadline)
    if status == support.NOT_REACHED:
        return QCoreApplication.translate("SupportPage", "none: support not reached")
    if status == support.INDIVIDUAL_CONSENT:
        return QCoreApplication.translate("SupportPage", "none: fewer than 10 dwellings")
    return ""


def campaigns_frame(ds: Dataset) -> pd.DataFrame:
    """Every campaign — a project with votes or a campaign start date — with its support
    figures (:func:`support.support_table`), project status and objection deadline."""
    table = support.campaign_table(ds)
    p = ds.projects.drop_duplicates("project", keep="first")
    info = p.set_index("project")
    out = table.astype(object).copy()
    out["project_status"] = out["project"].map(info["status"]).to_numpy()
    out["notified_on"] = out["project"].map(info["notified_on"]).to_numpy()
    out["campaign_start"] = out["project"].map(info["campaign_start"]).to_numpy()
    out["status_text"] = [support_status_text(s) for s in out["status"]]
    for col in ("deadline", "notified_on", "campaign_start"):
        out[col] = [None if pd.isna(v) else pd.Timestamp(v).date() for v in out[col]]
    out["deadline_shown"] = [deadline_text(d, s) for d, s in zip(out["deadline"], out["status"])]
    return out.sort_values("project", kind="stable").reset_index(drop=True)


@dataclass
class ProjectFigures:
    """What the page shows of one project, computed from the frames alone."""
    row: dict                   # the project's row of Projecten
    tally: support.Tally
    votes: pd.DataFrame         # one row per dwelling of its complex (vote entry)
    follow_up: pd.DataFrame     # the tenants still to visit


@dataclass
class SupportData:
    """The page's figures: the project list (None when the frames it was built from
    are unchanged) and the figures of the project to show."""
    frames: tuple               # projects, complexes, dwellings the list was built from
    ids: list[str] | None
    texts: list[str] | None
    project: str | None
    figures: ProjectFigures | None


def project_list(ds: Dataset, pattern: str) -> tuple[list[str], list[str], str | None]:
    """Project ids in order, their texts in the project chooser (``pattern`` with %1 id,
    %2 complex and name, %3 dwellings, %4 status) and the project shown first: where
    the work is, the first project consulting its tenants, else the first."""
    p = ds.projects_with_owner().sort_values("project", kind="stable")
    c = ds.complexes.drop_duplicates("complex")
    names = dict(zip(c["complex"], c["name"]))
    ids = p["project"].astype(str).tolist()
    # each distinct status, place and size formatted once (1,800 projects: a few ms)
    listed = {s: fmt.listed(s) for s in set(p["status"])}
    places = {cx: (f"{cx}, {nm}" if (nm := names.get(cx)) is not None and not pd.isna(nm)
                   else str(cx)) for cx in set(p["complex"])}
    sizes = {n: fmt.integer(n) for n in set(p["dwellings"])}
    texts = [fmt.tr_fmt(pattern, pid, places[cx], sizes[n], listed[status])
             for pid, cx, n, status in zip(ids, p["complex"], p["dwellings"], p["status"])]
    if not ids:
        return ids, texts, None
    consulting = p["status"].to_numpy() == Status.CONSULTING.value
    return ids, texts, ids[int(consulting.argmax())] if consulting.any() else ids[0]


def project_figures(ds: Dataset, project: str) -> ProjectFigures:
    row = ds.projects[ds.projects["project"].isin([project]).to_numpy(dtype=bool)].iloc[0]
    return ProjectFigures(row=row.to_dict(), tally=support.project_tally(ds, project),
                          votes=vote_frame(ds, project),
                          follow_up=fu.follow_up_frame(ds, project))


def page_data(ds: Dataset, project: str | None, listed_from: tuple | None,
              pattern: str) -> SupportData:
    """The figures of the page for ``project`` (or the default project when it is not
    in the list); the project list is recomputed only when its frames are not
    ``listed_from``.  Frames only, no widgets: runs on a worker thread."""
    frames = (ds.projects, ds.complexes, ds.dwellings)     # what the list is built from
    ids = texts = None
    if listed_from is None or any(a is not b for a, b in zip(frames, listed_from)):
        ids, texts, default = project_list(ds, pattern)
        if project not in ids:
            project = default
    figures = project_figures(ds, project) if project is not None else None
    return SupportData(frames, ids, texts, project, figures)


def _date_or_none(value) -> dt.date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _when(value) -> str:
    if value is None or pd.isna(value):
        return ""
    ts = pd.Timestamp(value)
    return f"{fmt.date(ts.date())} {ts:%H:%M}"


class TallyBar(QWidget):
    """Yes (green, from the left), no (red, from the right) and not yet answered (grey)
    over all tenants, with the 70 % mark when the presumption applies."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tally: support.Tally | None = None
        self.setMinimumHeight(self._label_height() + 26)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _label_height(self) -> int:
        return self.fontMetrics().height() + 2

    def set_tally(self, tally: support.Tally | None) -> None:
        self.tally = tally
        if tally is None:
            self.setToolTip("")
        else:
            self.setToolTip(fmt.tr_fmt(self.tr("%1 yes, %2 no, %3 no response of %4 tenants"),
                                       fmt.integer(tally.yes), fmt.integer(tally.no),
                                       fmt.integer(tally.no_response), fmt.integer(tally.tenants)))
        self.update()

    def mark_fraction(self) -> float | None:
        """Where the mark is drawn (0…1), None when the presumption does not apply."""
        t = self.tally
        if t is None or not t.presumption_applies:
            return None
        return support.SUPPORT_PERCENT / 100

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self._label_height()
        bar = QRectF(1, top, self.width() - 2, self.height() - top - 2)
        p.setPen(QPen(theme.qcolor(theme.BAR_BORDER), 1))
        p.setBrush(OPEN_BAR)
        p.drawRoundedRect(bar, 3, 3)
        t = self.tally
        if t is not None and t.tenants > 0:
            w = bar.width()
            yes_w = w * t.yes / t.tenants
            no_w = w * t.no / t.tenants
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(YES_BAR)
            p.drawRect(QRectF(bar.left(), bar.top(), yes_w, bar.height()))
            p.setBrush(NO_BAR)
            p.drawRect(QRectF(bar.right() - no_w, bar.top(), no_w, bar.height()))
            p.setPen(theme.qcolor(theme.WHITE))
            fm = self.fontMetrics()
            for text, rect in ((fmt.integer(t.yes), QRectF(bar.left(), bar.top(), yes_w, bar.height())),
                               (fmt.integer(t.no), QRectF(bar.right() - no_w, bar.top(), no_w, bar.height()))):
                if fm.horizontalAdvance(text) + 8 < rect.width():
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        frac = self.mark_fraction()
        p.setPen(MARK)
        if frac is not None:
            x = bar.left() + bar.width() * frac
            p.setPen(QPen(MARK, 2))
            p.drawLine(int(x), int(bar.top()) - 2, int(x), int(bar.bottom()) + 1)
            label = f"{support.SUPPORT_PERCENT} %"
            lw = self.fontMetrics().horizontalAdvance(label)
            f = QFont(self.font())
            f.setBold(True)
            p.setFont(f)
            p.drawText(QRectF(x - lw, 0, 2 * lw, top), Qt.AlignmentFlag.AlignCenter, label)
        elif t is not None:
            p.drawText(QRectF(0, 0, self.width(), top),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       self.tr("fewer than 10 dwellings: every tenant must consent"))
        p.end()


class _Stat(QWidget):
    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.value = QLabel("–")
        f = self.value.font()
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setBold(True)
        self.value.setFont(f)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet(theme.text_style(theme.HINT))
        lay.addWidget(self.value)
        lay.addWidget(self.caption)


class SupportPage(Page):
    key = "support"
    depends_on = frozenset({"projects", "complexes", "dwellings", "votes"})
    compute = staticmethod(page_data)

    def __init__(self, controller, parent=None, **options):
        super().__init__(controller, parent, **options)
        self.project: str | None = None
        self._project_version: int | None = None
        self._project_row: dict = {}
        self._project_ids: list[str] = []
        self._listed_from: tuple | None = None    # the frames the project list shows
        self._shown_project: str | None = None
        self._campaign_stale = True               # the campaign widgets need re-reading
        self.tally: support.Tally | None = None

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(10)

        heading = page_heading(self.tr("Tenant support"))
        lay.addWidget(heading)

        # --- project, status and campaign dates
        top = QGridLayout()
        top.setHorizontalSpacing(8)
        top.setVerticalSpacing(6)
        top.addWidget(QLabel(self.tr("Project")), 0, 0)
        self.project_combo = QComboBox()
        self.project_combo.setMinimumContentsLength(58)
        self.project_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        top.addWidget(self.project_combo, 0, 1)
        top.addWidget(QLabel(self.tr("Status")), 0, 2, Qt.AlignmentFlag.AlignRight)
        self.status_combo = QComboBox()
        for s in Status:
            self.status_combo.addItem(fmt.listed(s), s.value)
            self.status_combo.setItemData(self.status_combo.count() - 1, fmt.listed_other(s),
                                          Qt.ItemDataRole.ToolTipRole)
        top.addWidget(self.status_combo, 0, 3)
        self.status_button = QPushButton(self.tr("Change status…"))
        self.status_button.setToolTip(fmt.tr_fmt(self.tr(
            "A project moves to '%1' or later only with support (10 or more dwellings: "
            "70 %; fewer: every tenant), or with a reason (e.g. a court ruling) that is kept "
            "in the status history"), fmt.listed(Status.AGREED)))
        top.addWidget(self.status_button, 0, 4)
        self.letters_button = QPushButton(self.tr("Letters…"))      # issue 22: views/letters.py
        self.letters_button.setToolTip(self.tr(
            "Print the offer (with reply slip) or the notification after 70 % agreed for every "
            "let dwelling of this project, as one PDF; edit the texts"))
        self.letters_button.clicked.connect(lambda: self.open_letters())
        top.addWidget(self.letters_button, 0, 5)
        top.setColumnStretch(6, 1)

        campaign = QHBoxLayout()
        campaign.setSpacing(8)
        self.start_check = QCheckBox(self.tr("Campaign started on"))
        self.start_date = self._date_edit()
        self.notified_check = QCheckBox(self.tr("Tenants notified in writing on"))
        self.notified_check.setToolTip(self.tr(
            "The date the tenants were told in writing that 70 % agreed; tenants who did not "
            "agree then have 8 weeks to ask the court"))
        self.notified_date = self._date_edit()
        self.deadline_label = QLabel()
        self.deadline_label.setTextFormat(Qt.TextFormat.RichText)
        self.deadline_label.setWordWrap(True)      # two lines on a narrow window, not cut
        self.campaign_message = field_message()      # an impossible date, next to the dates
        for w in (self.start_check, self.start_date, self.notified_check, self.notified_date,
                  self.campaign_message):
            campaign.addWidget(w)
        campaign.addSpacing(12)
        campaign.addWidget(self.deadline_label, 1)
        top.addLayout(campaign, 1, 0, 1, 6)
        lay.addLayout(top)

        # --- live tally
        card = QFrame()
        card.setObjectName("tallyCard")
        card.setStyleSheet(f"#tallyCard {{ background:{theme.CARD_BG}; border:1px solid {theme.CARD_BORDER};"
                           " border-radius:4px; }")
        card_lay = QVBoxLayout(card)
        card_lay.setContentsMargins(14, 10, 14, 10)
        card_lay.setSpacing(6)
        stats = QHBoxLayout()
        stats.setSpacing(28)
        self.stat_tenants = _Stat(self.tr("tenants (let dwellings)"))
        self.stat_yes = _Stat(self.tr("yes (ja)"))
        self.stat_no = _Stat(self.tr("no (nee)"))
        self.stat_silent = _Stat(self.tr("no response"))
        self.stat_pct = _Stat(self.tr("support"))
        for s in (self.stat_tenants, self.stat_yes, self.stat_no, self.stat_silent, self.stat_pct):
            stats.addWidget(s)
        stats.addStretch(1)
        self.status_badge = QLabel()
        self.status_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bf = self.status_badge.font()
        bf.setBold(True)
        bf.setPointSizeF(bf.pointSizeF() * 1.15)
        self.status_badge.setFont(bf)
        stats.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        card_lay.addLayout(stats)
        self.bar = TallyBar()
        card_lay.addWidget(self.bar)
        self.needed_label = QLabel()
        self.needed_label.setWordWrap(True)
        card_lay.addWidget(self.needed_label)
        lay.addWidget(card)

        # --- tabs
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_entry_tab(), self.tr("Vote entry"))
        self.tabs.addTab(self._build_follow_up_tab(), self.tr("Follow-up"))
        self.tabs.addTab(self._build_status_tab(), self.tr("Status history"))
        self.campaign_tab = self._build_campaigns_tab()
        self.tabs.addTab(self.campaign_tab, self.tr("All campaigns"))
        self._campaigns_dirty = True
        self.tabs.currentChanged.connect(lambda _i: self.tabs.currentWidget() is self.campaign_tab
                                         and self._refresh_campaigns())
        lay.addWidget(self.tabs, 1)

        self.project_combo.currentIndexChanged.connect(self._project_chosen)
        self.status_button.clicked.connect(self._status_clicked)
        self.start_check.toggled.connect(self._campaign_toggled)
        self.notified_check.toggled.connect(self._campaign_toggled)
        self.start_date.editingFinished.connect(self.save_campaign)
        self.notified_date.editingFinished.connect(self.save_campaign)
        self.vote_table.vote_requested.connect(self._vote_requested)
        self.vote_table.selectionModel().currentRowChanged.connect(
            lambda *_: (self._show_dwelling_history(), self.tenancy.update()))
        self.campaign_view.doubleClicked.connect(self._campaign_activated)
        self.campaign_view.activated.connect(self._campaign_activated)
        self.campaign_refresh = PageRefresh(self.campaign_tab, campaigns_frame,
                                            self.campaign_model.set_frame)
        controller.workspace_changed.connect(self._workspace_changed)
        self.refresh()

    # ----- building ----------------------------------------------------------------
    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDate(QDate.currentDate())
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setEnabled(False)
        return edit

    def _build_entry_tab(self) -> QWidget:
        w = QWidget()
        lay = QHBoxLayout(w)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(14)
        left = QVBoxLayout()
        hint = QLabel(self.tr(
            "<b>J</b> or <b>Y</b> = ja (yes) · <b>N</b> = nee (no) · <b>G</b> = geen reactie "
            "(no response) · <b>↑ ↓</b> move. After each vote the next tenant is selected."))
        hint.setWordWrap(True)
        left.addWidget(hint)
        self.vote_table = VoteTable()
        self.vote_model = self.vote_table.vote_model
        left.addWidget(self.vote_table, 1)
        self.tenancy = TenancyActions(self)
        left.addWidget(self.tenancy.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel()
        self.message.setWordWrap(True)
        left.addWidget(self.message)
        self.edit_note = EditNote(self.message, self.controller.undo_stack)
        lay.addLayout(left, 3)

        right = QVBoxLayout()
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Form date")), 0, 0)
        self.vote_date = QDateEdit()
        self.vote_date.setCalendarPopup(True)
        self.vote_date.setDisplayFormat("dd-MM-yyyy")
        self.vote_date.setDate(QDate.currentDate())
        self.vote_date.setToolTip(self.tr("The date on the forms being entered (today by default)"))
        form.addWidget(self.vote_date, 0, 1)
        self.vote_date_message = field_message()     # a form date that cannot be
        form.addWidget(self.vote_date_message, 2, 0, 1, 3)
        form.addWidget(QLabel(self.tr("Recorded by")), 1, 0)
        self.user_label = QLabel()
        self.user_label.setToolTip(self.tr("Your name from the settings"))
        form.addWidget(self.user_label, 1, 1)
        form.setColumnStretch(2, 1)
        right.addLayout(form)
        self.history_title = QLabel()
        hf = self.history_title.font()
        hf.setBold(True)
        self.history_title.setFont(hf)
        self.history_title.setWordWrap(True)
        right.addWidget(self.history_title)
        self.history_model = FrameTableModel([
            ColumnSpec("recorded_at", self.tr("Recorded"), _when),
            ColumnSpec("vote_shown", self.tr("Vote"), tooltip=self.tr(
                "'undo' marks an entry added by Undo; 'former tenant' a vote of a tenant who "
                "has moved out, which no longer counts")),
            ColumnSpec("previous_vote", self.tr("Was"), fmt.listed),
            ColumnSpec("date", self.tr("Form date"), fmt.date),
            ColumnSpec("recorded_by", self.tr("By")),
        ], key="id")
        self.history_view = data_table(self.history_model, stretch=4)
        right.addWidget(self.history_view, 1)
        right.addWidget(hint_label(self.tr("A correction is a new entry; the previous value is kept. "
                                           "Undo (Ctrl+Z) also adds an entry.")))
        lay.addLayout(right, 2)
        return w

    def _build_follow_up_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setContentsMargins(8, 8, 8, 8)
        row = QHBoxLayout()
        self.follow_up_label = QLabel()
        row.addWidget(self.follow_up_label, 1)
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.excel_button = QPushButton(self.tr("Export to Excel…"))
        for b in (self.print_button, self.pdf_button, self.excel_button):
            row.addWidget(b)
        lay.addLayout(row)
        self.follow_up_model = FrameTableModel([
            ColumnSpec("dwelling", self.tr("Dwelling")),
            ColumnSpec("address", self.tr("Address")),
            ColumnSpec("last_answer", self.tr("Last answer"), fu.last_answer_text),
            ColumnSpec("date", self.tr("Form date"), fmt.date),
        ], key="dwelling")
        self.follow_up_view = data_table(self.follow_up_model, stretch=1)
        lay.addWidget(self.follow_up_view, 1)
        self.print_button.clicked.connect(self.print_follow_up)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.excel_button.clicked.connect(lambda: self.export_excel())
        return w

    def _build_status_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setContentsMargins(8, 8, 8, 8)
        self.status_model = FrameTableModel([
            ColumnSpec("changed_at", self.tr("When"), _when),
            ColumnSpec("old_status", self.tr("From"), fmt.listed),
            ColumnSpec("new_status", self.tr("To"), fmt.listed),
            ColumnSpec("changed_by", self.tr("By")),
            ColumnSpec("reason", self.tr("Reason (support gate overridden)")),
        ], key="changed_at")
        self.status_view = data_table(self.status_model, stretch=4)
        lay.addWidget(self.status_view)
        return w

    def _build_campaigns_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setContentsMargins(8, 8, 8, 8)
        self.campaign_model = FrameTableModel([
            ColumnSpec("project", self.tr("Project")),
            ColumnSpec("corporation", self.tr("Corporation")),
            ColumnSpec("project_status", self.tr("Project\nstatus"), fmt.listed),
            ColumnSpec("dwellings", self.tr("Dwellings"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("tenants", self.tr("Tenants"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("yes", self.tr("Yes"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("support_pct", self.tr("Support"), lambda v: fmt.percent(v, 1), NUMBER_ALIGN,
                       self.tr("Yes votes as a share of all tenants")),
            ColumnSpec("status_text", self.tr("70 % rule")),
            ColumnSpec("yes_needed", self.tr("Yes\nneeded"), fmt.integer, NUMBER_ALIGN),
            ColumnSpec("notified_on", self.tr("Notified"), fmt.date, tooltip=self.tr(
                "Tenants notified in writing of the outcome")),
            # two-line headers: the table fits 1280×800 without cutting the last one
            ColumnSpec("deadline_shown", self.tr("Objection\ndeadline"), tooltip=self.tr(
                "8 weeks after the tenants were notified in writing that 70 % agreed; "
                "none while support is not reached")),
        ], key="project")
        self.campaign_model.set_role_provider(Qt.ItemDataRole.BackgroundRole, self._campaign_colour)
        self.campaign_view = data_table(self.campaign_model, stretch=self.campaign_model.columnCount() - 1)
        lay.addWidget(self.campaign_view)
        hint = QLabel(self.tr("Double-click a campaign to open it."))
        hint.setStyleSheet(theme.text_style(theme.HINT))
        lay.addWidget(hint)
        return w

    def _no_deadline_text(self, reason: str | None) -> str:
        """Why a project has no objection deadline (:class:`support.Deadline`)."""
        if reason == support.NO_SUPPORT:
            return self.tr("Objection deadline: none — support is not reached (the 8 weeks "
                           "only follow written notice that 70 % agreed)")
        if reason == support.NO_PRESUMPTION:
            return self.tr("Objection deadline: none — fewer than 10 dwellings, every "
                           "tenant's own consent counts")
        return self.tr("Objection deadline: — (set the notification date)")

    @staticmethod
    def _note_text(note) -> str:
        from PySide6.QtCore import QCoreApplication

        if note == "undo":
            return QCoreApplication.translate("SupportPage", "undo")
        return "" if note is None else str(note)

    def _campaign_colour(self, row: int, col: int):
        if col != self.campaign_model.column_of("status_text"):
            return None
        status = self.campaign_model.frame().at[row, "status"]
        return {support.REACHED: GREEN, support.NOT_REACHED: RED,
                support.INDIVIDUAL_CONSENT: AMBER}.get(status)

    # ----- refreshing --------------------------------------------------------------
    def showEvent(self, event) -> None:     # Qt's name
        super().showEvent(event)
        # chosen in the navigation: J/N/G go to the votes at once, without a click
        if self.tabs.currentIndex() == 0:         # the vote entry tab
            self.vote_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _workspace_changed(self) -> None:
        self.project = None
        self._shown_project = None

    def refresh(self, tables=None) -> None:
        """Re-read what the page shows.  Hidden pages wait until they are shown."""
        if tables is None or set(tables) != {"votes"}:
            self._campaign_stale = True        # a vote changes nothing of the campaign
        super().refresh(tables)
        self._campaigns_dirty = True
        if self.tabs.currentWidget() is self.campaign_tab:
            self._refresh_campaigns()

    def at_once(self, tables) -> bool:
        """After an edit (a vote, a date, a status) the page refreshes at once, ~25 ms at
        100,000 dwellings; after a reload of everything a large workspace computes on a
        worker thread."""
        return bool(tables) and not set(TABLES) <= set(tables)

    def compute_args(self) -> tuple:
        return (self.project, self._listed_from, self.tr("%1 — %2 (%3 dwellings) · %4"))

    def _refresh_campaigns(self) -> None:
        """The all-campaigns table is computed only while its tab is shown (~65 ms at
        100,000 dwellings: on a worker thread for a large workspace)."""
        if self._campaigns_dirty:
            self._campaigns_dirty = False
            self.campaign_refresh.request(self.controller.dataset)

    def show_result(self, data: "SupportData") -> None:
        if data.ids is not None:
            self._fill_projects(data)
        elif self.project_combo.currentData() != data.project:
            self.project_combo.blockSignals(True)
            self.project_combo.setCurrentIndex(self.project_combo.findData(data.project))
            self.project_combo.blockSignals(False)
        self.project = data.project
        self._show_project(data.figures)

    def _fill_projects(self, data: "SupportData") -> None:
        ids, texts = data.ids, data.texts
        self.project_combo.blockSignals(True)
        if ids != self._project_ids or [self.project_combo.itemText(i) for i in
                                        range(self.project_combo.count())] != texts:
            self.project_combo.clear()
            self.project_combo.addItems(texts)
            for i, pid in enumerate(ids):
                self.project_combo.setItemData(i, pid)
            self._project_ids = ids
        self.project_combo.setCurrentIndex(ids.index(data.project) if data.project in ids else -1)
        self.project_combo.blockSignals(False)
        self._listed_from = data.frames

    def _project_chosen(self, index: int) -> None:
        pid = self.project_combo.itemData(index)
        if pid is None or pid == self.project:
            return
        self.project = pid
        self.refresher.request(self.controller.dataset, *self.compute_args(), now=True)

    def select_project(self, project: str) -> None:
        idx = self.project_combo.findData(project)
        if idx >= 0:
            self.project_combo.setCurrentIndex(idx)

    def _show_project(self, figures: "ProjectFigures | None") -> None:
        """Show the current project's figures.  After a vote only its votes changed:
        the tally, vote table, follow-up list and history, not the campaign."""
        new = self.project != self._shown_project
        self._shown_project = self.project
        enabled = figures is not None
        for w in (self.status_combo, self.status_button, self.start_check, self.notified_check,
                  self.vote_table, self.print_button, self.pdf_button, self.excel_button,
                  self.letters_button):
            w.setEnabled(enabled)
        self.user_label.setText(self._user_name() or self.tr("(set your name in the settings)"))
        if not enabled:
            self.tally = None
            self.bar.set_tally(None)
            self.vote_model.set_frame(vote_frame_empty())
            self.follow_up_model.set_frame(pd.DataFrame(columns=fu.FOLLOW_UP_COLUMNS))
            self.status_model.set_frame(pd.DataFrame(columns=["changed_at"]))
            self.needed_label.setText(self.tr("No projects yet: add a project on the Programme page."))
            return
        campaign = new or self._campaign_stale
        self._campaign_stale = False
        if campaign:
            self._project_row = figures.row
            self._project_version = self.controller.workspace.row_versions("projects").get((self.project,))
            self._show_campaign(figures.row)
        self._show_tally(figures.tally)
        self._show_deadline(figures.row, figures.tally)
        self.vote_model.update_frame(figures.votes)
        if new or self.vote_table.currentIndex().row() < 0:
            self.vote_table.select_first_unanswered()
        self.vote_table.setEnabled(self.vote_model.rowCount() > 0)
        if self.vote_model.rowCount() == 0:
            self.message.setText(self.tr(
                "This complex has no dwelling rows: votes are recorded per dwelling, "
                "so import or add its dwellings first."))
        elif new:
            self.message.setText("")
        follow = figures.follow_up
        self.follow_up_model.set_frame(follow)
        self.follow_up_label.setText(self.tr("%n tenant(s) have not answered yet (no form, or "
                                             "'geen reactie').", "", len(follow)))
        self.tabs.setTabText(1, fmt.tr_fmt(self.tr("Follow-up (%1)"), fmt.integer(len(follow))))
        if campaign:
            history = self.controller.workspace.status_history(self.project)
            self.status_model.set_frame(history.astype(object).where(history.notna(), None))
        self._show_dwelling_history()

    def _show_campaign(self, row) -> None:
        status = str(row["status"])
        i = self.status_combo.findData(status)
        self.status_combo.setCurrentIndex(i)
        for check, edit, value in ((self.start_check, self.start_date, row["campaign_start"]),
                                   (self.notified_check, self.notified_date, row["notified_on"])):
            d = _date_or_none(value)
            check.blockSignals(True)
            check.setChecked(d is not None)
            check.blockSignals(False)
            edit.setEnabled(d is not None)
            # no date yet: offer today once the box is ticked, never another project's date
            edit.setDate(QDate(d.year, d.month, d.day) if d is not None else QDate.currentDate())

    def _show_deadline(self, row, t: support.Tally) -> None:
        """The objection deadline as the core decides it (only after notice that 70 %
        agreed), or why there is none."""
        result = support.objection_deadline(t, _date_or_none(row["notified_on"]))
        if result.on is None:
            self.deadline_label.setText(self._no_deadline_text(result.reason))
            return
        deadline = result.on
        left = (deadline - dt.date.today()).days
        if left >= 0:
            more = self.tr("%n day(s) left", "", left)
        else:
            more = self.tr("the objection period has ended")
        self.deadline_label.setText(
            fmt.tr_fmt(self.tr("Objection deadline: <b>%1</b> (8 weeks after notification; %2)"),
                       fmt.date(deadline), more))

    def _show_tally(self, t: support.Tally) -> None:
        self.tally = t
        self.stat_tenants.value.setText(fmt.integer(t.tenants))
        self.stat_yes.value.setText(fmt.integer(t.yes))
        self.stat_no.value.setText(fmt.integer(t.no))
        self.stat_silent.value.setText(fmt.integer(t.no_response))
        self.stat_pct.value.setText(fmt.percent(t.support_pct, 1))
        self.status_badge.setText("  " + support_status_text(t.status) + "  ")
        self.status_badge.setStyleSheet(STATUS_STYLE[t.status] + "border-radius:4px; padding:6px 10px;")
        self.bar.set_tally(t)
        vacant = t.dwellings - t.tenants
        base = fmt.tr_fmt(self.tr("%1 dwellings, %2 vacant (no vote). "),
                          fmt.integer(t.dwellings), fmt.integer(vacant))
        if t.status == support.REACHED:
            text = self.tr("70 % of all tenants agree: support is reached.")
        elif t.status == support.NOT_REACHED:
            text = self.tr("%n more yes vote(s) needed to reach 70 % of all tenants "
                           "(no response counts as not agreeing).", "", t.yes_needed)
        else:
            text = self.tr("Fewer than 10 dwellings: the 70 % rule does not apply; every tenant's "
                           "own consent counts (%n still to agree).", "", t.yes_needed)
        self.needed_label.setText(base + text)

    def _show_dwelling_history(self) -> None:
        dwelling = self.vote_table.current_dwelling()
        if self.project is None or dwelling is None:
            self.history_title.setText(self.tr("History"))
            self.history_model.set_frame(pd.DataFrame(columns=["id"]))
            return
        row = self.vote_model.row_of(dwelling)
        address = self.vote_model.frame().at[row, "address"] if row is not None else None
        self.history_title.setText(fmt.tr_fmt(self.tr("History of %1 %2"),
                                              dwelling, f"({address})" if address else ""))
        h = self.controller.workspace.vote_history(self.project, dwelling)
        if h.empty:
            self.history_title.setText(self.history_title.text() + " — "
                                       + self.tr("no form recorded yet"))
        h = h.astype(object).where(h.notna(), None).iloc[::-1].reset_index(drop=True)  # newest first
        former = self.tr("former tenant")
        h["vote_shown"] = [
            fmt.listed(v) + "".join(f" ({t})" for t in (self._note_text(n), former if f else "") if t)
            for v, n, f in zip(h["vote"], h["note"], h["former"])]
        self.history_model.set_frame(h)
        self.tenancy.update()

    # ----- votes -------------------------------------------------------------------
    def _user_name(self) -> str:
        return (self.controller.settings.user_name or "").strip()

    def _ensure_user_name(self) -> str | None:
        name = self._user_name()
        if name:
            return name
        name, ok = QInputDialog.getText(self, self.tr("Who records the votes?"), self.tr(
            "Votes carry legal weight: each one keeps who recorded it. Your name:"))
        if not ok or not name.strip():
            return None
        self.controller.settings.user_name = name.strip()
        self.controller.settings.save()
        self.user_label.setText(name.strip())
        return name.strip()

    def _vote_requested(self, dwelling: str, vote: str) -> None:
        if self.record_vote(dwelling, vote):
            self.vote_table.select_next_let(dwelling)

    def record_vote(self, dwelling: str, vote: str) -> bool:
        """Record ``vote`` for ``dwelling`` of the current project (a new entry in its
        history).  Returns True when the tenant's vote is now ``vote``."""
        vote = Vote.parse(vote).value
        row = self.vote_model.row_of(dwelling)
        if self.project is None or row is None:
            return False
        if not self.vote_model.is_let(row):
            self._say(fmt.tr_fmt(self.tr("%1 is vacant: a vacant dwelling has no tenant and no vote."),
                                 dwelling), error=True)
            return False
        if self.vote_model.vote_at(row) == vote:
            self._say(fmt.tr_fmt(self.tr("%1 already has '%2'; nothing changed."), dwelling, vote))
            return True
        user = self._ensure_user_name()
        if user is None:
            self._say(self.tr("Not recorded: a vote needs the name of who recorded it."), error=True)
            return False
        text = fmt.tr_fmt(self.tr("Vote %1: %2"), dwelling, fmt.listed(vote))
        project, date = self.project, self.vote_date.date().toPython()
        wrong = campaign_dates.vote_date_error(date, self._project_row.get("campaign_start"))
        show_field_message(self.vote_date_message, wrong)
        if wrong:
            return False
        if not self.controller.run(
                lambda _reason: edits.record_vote(self.controller.dataset, project, dwelling, vote,
                                                  date, user, label=text),
                text, say=self._say, parent=self):
            return False
        self._say(fmt.tr_fmt(self.tr("Recorded '%1' for %2."), vote, dwelling))
        return True

    def change_tenancy(self, kind: str, date: dt.date | None = None) -> bool:
        """A move-out or a new tenant for the selected dwelling (views/tenancy.py)."""
        return change_tenancy(self, kind, date)

    def _say(self, text: str, error: bool = False) -> None:
        self.edit_note.say(text, theme.ERROR if error else theme.SUCCESS)

    # ----- campaign dates ----------------------------------------------------------
    def _campaign_toggled(self, _checked: bool) -> None:
        self.start_date.setEnabled(self.start_check.isChecked())
        self.notified_date.setEnabled(self.notified_check.isChecked())
        self.save_campaign()

    def campaign_values(self) -> dict:
        return {
            "campaign_start": self.start_date.date().toPython() if self.start_check.isChecked() else None,
            "notified_on": self.notified_date.date().toPython() if self.notified_check.isChecked() else None,
        }

    def save_campaign(self) -> bool:
        """Store the campaign dates when they differ from the project's."""
        if self.project is None:
            return False
        project, values = self.project, self.campaign_values()
        show_field_message(self.campaign_message, None)

        def say(text: str, error: bool = False) -> None:   # a refusal: next to the dates
            self.campaign_message.setText(text)
            self.campaign_message.setVisible(bool(text))

        outcome = self.controller.run(
            lambda _reason: edits.campaign_dates(self.controller.dataset, project, values,
                                                 expected_version=self._project_version),
            fmt.tr_fmt(self.tr("Campaign dates of %1"), project), say=say, parent=self)
        if outcome is Outcome.REFUSED:
            self.controller.reload({"projects"})
        return bool(outcome)

    # ----- status and the gate -----------------------------------------------------
    def open_letters(self):
        """Support → Letters… for the selected project (views/letters.py)."""
        if self.project is None:
            return None
        if getattr(self, "letters", None) is None:
            from .letters import LetterActions

            self.letters = LetterActions(self)
        return self.letters.open_dialog(self.project)

    def _status_clicked(self) -> None:
        self.change_status(self.status_combo.currentData())

    def change_status(self, status: str, reason: str | None = None) -> bool:
        """Move the project to ``status``; when the support gate refuses, ask for a
        reason (kept in the status history).  Returns whether the status changed."""
        if self.project is None or status is None:
            return False
        status = Status.parse(status).value
        if status == self._project_row.get("status"):
            return False
        project, user = self.project, self._user_name() or None
        text = fmt.tr_fmt(self.tr("Status of %1: %2"), project, status)
        outcome = self.controller.run(
            lambda asked: edits.set_status(project, status, reason=reason or asked,
                                           changed_by=user, label=text),
            text, say=self._say, parent=self)
        if not outcome:
            self._restore_status()
            if outcome is Outcome.NO_REASON:
                self._say(self.tr("Status not changed: support is not reached and no reason was given."),
                          error=True)
            return False
        self._say(fmt.tr_fmt(self.tr("Status of %1 is now '%2'."), project, fmt.listed(status)))
        return True

    def _restore_status(self) -> None:
        self.status_combo.setCurrentIndex(self.status_combo.findData(self._project_row.get("status")))

    # ----- campaigns overview ------------------------------------------------------
    def _campaign_activated(self, index) -> None:
        if index.isValid():
            self.select_project(self.campaign_model.key_at(index.row()))
            self.tabs.setCurrentIndex(0)

    # ----- follow-up ---------------------------------------------------------------
    def follow_up_title(self) -> str:
        row = self._project_row
        return fmt.tr_fmt(self.tr("Follow-up visits — project %1 (complex %2)"),
                          str(self.project), str(row.get("complex", "")))

    def print_follow_up(self) -> bool:
        return fu.print_follow_up(self, self.follow_up_title(), self.follow_up_model.frame(),
                                  printed_by=self._user_name() or None)

    def export_pdf(self, path: str | None = None):
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save follow-up list as PDF"),
                                                  f"follow-up-{self.project}.pdf", "PDF (*.pdf)")
            if not path:
                return None
        out = fu.write_pdf(path, self.follow_up_title(), self.follow_up_model.frame(),
                           printed_by=self._user_name() or None)
        self._say(fmt.tr_fmt(self.tr("Saved %1"), str(out)))
        return out

    def export_excel(self, path: str | None = None):
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export follow-up list to Excel"),
                                                  f"follow-up-{self.project}.xlsx", "Excel (*.xlsx)")
            if not path:
                return None
        out = fu.write_excel(path, self.follow_up_title(), self.follow_up_model.frame())
        self._say(fmt.tr_fmt(self.tr("Saved %1"), str(out)))
        return out


def vote_frame_empty() -> pd.DataFrame:
    from .vote_entry import VOTE_FRAME_COLUMNS

    return pd.DataFrame(columns=VOTE_FRAME_COLUMNS)


__all__ = ["SupportPage", "TallyBar", "ReasonDialog", "campaigns_frame", "support_status_text"]
