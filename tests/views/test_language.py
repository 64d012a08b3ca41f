"""The window in Dutch and in English: labels, plurals, amounts, dates, listed values,
messages from the models, and the Preferences dialog that chooses the language."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog

from desktop.app import install_translators, remove_translators
from desktop.models.programme import validate_project_edit
from desktop.sample import create_sample_workspace
from desktop.settings import Settings
from desktop.views import fmt
from desktop.views.controller import Controller
from desktop.views.main_window import MainWindow
from desktop.views.preferences import PreferencesDialog

pytestmark = pytest.mark.gui
NBSP = "\u00a0"


@pytest.fixture
def language(qapp):
    """Switch the running application to a language; English (no translator, the default
    locale as before) again afterwards, so other tests are unaffected."""
    before = QLocale()

    def switch(code: str) -> QLocale:
        return install_translators(qapp, Settings(language=code))

    yield switch
    remove_translators(qapp)
    QLocale.setDefault(before)


@pytest.fixture
def window(qtbot, tmp_path):
    made = []

    def build() -> MainWindow:
        ws = create_sample_workspace(tmp_path / f"ws{len(made)}.rpw")
        w = MainWindow(Controller(ws, Settings()))
        qtbot.addWidget(w)
        made.append(w)
        return w

    yield build
    for w in made:
        w.close()
        w.controller.workspace.close()


def nav_texts(w: MainWindow) -> list[str]:
    return [w.nav.item(i).text() for i in range(w.nav.count())]


def cell(model, key, column: str) -> str:
    return model.data(model.index(model.row_of(key), model.column_of(column)),
                      Qt.ItemDataRole.DisplayRole)


def test_dutch_window(language, window):
    language("nl")
    w = window()
    assert w.menu_file.title() == "&Bestand"
    assert w.menu_edit.title() == "Be&werken"
    assert w.act_preferences.text() == "&Voorkeuren…"
    assert nav_texts(w)[:3] == ["Overzicht", "Programma", "Draagvlak"]
    overview = w.page("overview")
    assert overview.card_homes.title.text() == "woningen in de werkruimte"
    assert overview.card_homes.value.text() == "4.264"          # 4264 homes in the Soest sample

    w.show_page("affordability")
    page = w.page("affordability")
    # A-21-001: energy saving € 31,33 − rent increase € 21,50 = margin € 9,83; housing costs
    # fall by the same amount
    assert cell(page.project_model, "A-21-001", "margin_cents") == f"€{NBSP}9,83"
    assert cell(page.project_model, "A-21-001", "housing_cost_change_cents") == f"-€{NBSP}9,83"
    assert cell(page.project_model, "A-21-001", "verdict_text") == "betaalbaar"

    w.show_page("programme")
    prog = w.page("programme")
    assert cell(prog.project_model, "A-21-001", "status") == "gereed"    # canonical value
    assert prog.scope_label.text().startswith("Projecten — 19 projecten · ")
    assert "woningen niet vervallen" in prog.scope_label.text()


def test_english_window(language, window):
    language("en")
    w = window()
    assert w.menu_file.title() == "&File"
    assert nav_texts(w)[:3] == ["Overview", "Programme", "Tenant support"]
    overview = w.page("overview")
    assert overview.card_homes.title.text() == "homes in the workspace"
    assert overview.card_homes.value.text() == "4,264"

    w.show_page("affordability")
    page = w.page("affordability")
    assert cell(page.project_model, "A-21-001", "margin_cents") == "€9.83"
    assert cell(page.project_model, "A-21-001", "housing_cost_change_cents") == "-€9.83"

    w.show_page("programme")
    prog = w.page("programme")
    assert cell(prog.project_model, "A-21-001", "status") == "done"      # English alias shown
    # the English .qm resolves the plural: not "19 project(s)"
    assert prog.scope_label.text().startswith("Projects — 19 projects · ")
    # the data stays Dutch
    assert prog.project_model.frame().set_index("project").at["A-21-001", "status"] == "gereed"


def test_numbers_money_and_dates(language):
    language("nl")
    assert fmt.money_cents(123456) == f"€{NBSP}1.234,56"
    assert fmt.money_cents(-983) == f"-€{NBSP}9,83"
    assert fmt.money_cents(-0) == f"€{NBSP}0,00"
    assert fmt.money(15000, 0) == f"€{NBSP}15.000"
    assert fmt.integer(1234567) == "1.234.567"
    assert fmt.date(dt.date(2025, 12, 31)) == "31-12-2025"
    assert fmt.listed("geen reactie") == "geen reactie"
    assert fmt.listed_other("geen reactie") == "no response"
    language("en")
    assert fmt.money_cents(123456) == "€1,234.56"
    assert fmt.money_cents(-983) == "-€9.83"
    assert fmt.integer(1234567) == "1,234,567"
    assert fmt.date(dt.date(2025, 12, 31)) == "31/12/2025"        # en_GB, four-digit year
    assert fmt.listed("geen reactie") == "no response"
    assert fmt.listed("draagvlakmeting") == "consulting"
    assert fmt.listed("A-21-001") == "A-21-001"                  # not a listed value


def test_short_us_dates_get_a_four_digit_year(language):
    language("en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert fmt.date(dt.date(2025, 12, 31)) == "12/31/2025"


def test_project_messages_in_both_languages():
    bad = {"project": "P-1", "complex": "X", "year": 1999, "gas_saving_m3": -5,
           "investment_cents": 10.5}
    en = validate_project_edit(bad, {"C-1"})
    nl = validate_project_edit(bad, {"C-1"}, lang="nl")
    assert set(en) == set(nl) == {"complex", "year", "gas_saving_m3", "investment_cents"}
    assert en["complex"] == "Unknown complex 'X': add it first."
    assert nl["complex"] == "Onbekend complex 'X': voeg het eerst toe."
    assert nl["year"] == "Het jaar moet tussen 2000 en 2100 liggen."
    assert nl["gas_saving_m3"] == "De gasbesparing kan niet negatief zijn."
    assert nl["investment_cents"] == "De investering moet een geheel aantal centen zijn."
    assert validate_project_edit({}, set(), require_all=True, lang="nl")["year"] == \
        "Vul het jaar van oplevering in."


def test_store_errors_in_the_interface_language(language):
    from desktop.store.workspace import ConflictError

    exc = ConflictError("Changed by someone else.", message_nl="Intussen door iemand anders gewijzigd.")
    language("nl")
    assert fmt.message(exc) == "Intussen door iemand anders gewijzigd."
    language("en")
    assert fmt.message(exc) == "Changed by someone else."
    assert fmt.message(ValueError("plain")) == "plain"


def test_preferences_dialog_saves_the_choices(qtbot, language):
    language("nl")
    settings = Settings(language="system", user_name="", backups_to_keep=10)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Voorkeuren"
    assert [dialog.language.itemText(i) for i in range(3)] == \
        ["Taal van het systeem", "Nederlands", "English"]
    assert "opnieuw start" in dialog.restart_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.user_name.setText("  Anna de Vries ")
    dialog.backups.setValue(4)
    assert dialog.language_changed()
    dialog.apply()
    saved = Settings.load()
    assert (saved.language, saved.user_name, saved.backups_to_keep) == ("en", "Anna de Vries", 4)


def test_preferences_from_the_edit_menu(qtbot, window, monkeypatch):
    w = window()
    assert w.act_preferences in w.menu_edit.actions()
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: (
        self.language.setCurrentIndex(self.language.findData("nl")),
        self.backups.setValue(3), QDialog.DialogCode.Accepted)[-1])
    w.act_preferences.trigger()
    saved = Settings.load()
    assert (saved.language, saved.backups_to_keep) == ("nl", 3)
    assert w.settings.backups_to_keep == 3          # used when the next workspace opens
    assert "restart" in w.statusBar().currentMessage()


# ----- issue 19.8: no word of the other language, no file of the project -------------
# Tell-tale words (whole words, any case).  Not listed: words the interface explains on
# purpose ("J = ja (yes)", the canonical value beside its translation) and proper nouns
# (de Alliantie, street and neighbourhood names).
DUTCH_WORDS = ("woningen", "woning", "huurders", "huurder", "gepland", "gereed", "akkoord",
               "geannuleerd", "voorbeeld", "bestaat", "niet", "Complexen", "Projecten",
               "draagvlak", "prijsplafond", "schatting", "jaar")
ENGLISH_WORDS = ("the", "homes", "home", "tenants", "tenant", "sample", "price cap",
                 "unverified", "estimate", "planned", "done", "support", "does not", "with",
                 "and", "project leader", "entered")
# a file of the project: a path or a file name with one of its extensions
PROJECT_FILE = re.compile(r"[\w./-]+\.(py|md|toml|json|qm|ts)\b|\b(docs|desktop|resources|"
                          r"tests|scripts)/")


def _widget_texts(root) -> list[tuple[str, str]]:
    """(where, text) of everything a user reads in ``root``: labels, buttons, group
    boxes, tabs, combo box items, tooltips, window titles, table headers (with their
    tooltips) and the tooltips and headers of item views."""
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox,
                                   QLabel, QLineEdit, QListView, QTabWidget, QWidget)
    from PySide6.QtCore import QModelIndex
    from PySide6.QtGui import QTextDocument

    def plain(text: str) -> str:
        if "<" in text:
            doc = QTextDocument()
            doc.setHtml(text)
            return doc.toPlainText()
        return text

    found = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = type(w).__name__
        if w.toolTip():
            found.append((f"{name} tooltip", plain(w.toolTip())))
        if w.isWindow() and w.windowTitle():
            found.append((f"{name} title", w.windowTitle()))
        if isinstance(w, QLabel):
            found.append((name, plain(w.text())))
        elif isinstance(w, QAbstractButton):
            found.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            found.append((name, w.title()))
        elif isinstance(w, QLineEdit):
            found.append((f"{name} placeholder", w.placeholderText()))
        elif isinstance(w, QTabWidget):
            found += [(f"{name} tab", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            found += [(f"{name} item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            if isinstance(w.parent() and w.parent().parent(), QComboBox):
                continue                        # a combo box's popup: its items are read above
            if isinstance(w, QListView):        # navigation, measures: the rows are texts
                for row in range(model.rowCount(QModelIndex())):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(model.index(row, 0), role)
                        if isinstance(value, str):
                            found.append((f"{name} item", value))
                continue
            for row in range(min(model.rowCount(QModelIndex()), 40)):   # the cells' tooltips
                for column in range(model.columnCount(QModelIndex())):
                    value = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                    # a listed value's tooltip is its other-language form on purpose
                    if isinstance(value, str) and not _is_listed(value):
                        found.append((f"{name} cell tooltip", plain(value)))
            for section in range(model.columnCount(QModelIndex())):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(section, Qt.Orientation.Horizontal, role)
                    if isinstance(value, str):
                        found.append((f"{name} header", value))
    return list(dict.fromkeys((where, text) for where, text in found if text))


def _is_listed(text: str) -> bool:
    from desktop.models.enums import Heating, Status, Vote
    return any(text in (m.value, m.english) for enum in (Status, Vote, Heating) for m in enum)


def _offending(texts, words) -> list[tuple[str, str, str]]:
    bad = []
    for where, text in texts:
        for word in words:
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE):
                bad.append((word, where, text))
        if PROJECT_FILE.search(text):
            bad.append(("<file>", where, text))
    return bad


def _every_text(w: MainWindow, qtbot, monkeypatch) -> list[tuple[str, str]]:
    """Walk every page of ``w`` (1280×800) and the dialogs that can be opened from them."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.views import refresh
    from desktop.views.controller import ReasonDialog
    from desktop.views.pages import PAGES

    w.resize(1280, 800)
    w.show()
    texts = [("window", w.windowTitle())]
    texts += [("menu", a.text()) for a in w.menuBar().actions()]
    for menu in (w.menu_file, w.menu_edit):
        texts += [("menu", a.text()) for a in menu.actions()]
        texts += [("menu tooltip", a.toolTip()) for a in menu.actions()
                  if a.toolTip() != a.text().replace("&", "")]
    for key, _m, _c in PAGES:
        w.show_page(key)
        refresh.settle(30)
        texts += _widget_texts(w)
    support = w.page("support")
    for i in range(support.tabs.count()):           # the tabs fill when shown
        support.tabs.setCurrentIndex(i)
        refresh.settle(30)
        texts += _widget_texts(support)

    prog = w.page("programme")
    dialogs = [prog.project_dialog(None), prog.project_dialog("A-25-001"), prog.capacity_dialog(),
               PreferencesDialog(Settings())]
    tariffs = w.page("settings")
    dialogs += [tariffs.tariffs.make_dialog(), tariffs.limits.make_dialog(),
                tariffs.catalogue.make_dialog()]
    picker_dialog, _picker = dialogs[1].measures_picker_dialog()
    dialogs.append(picker_dialog)
    dialogs.append(w.report.make_dialog())          # File → Yearly report…
    from desktop.views import fmt
    from desktop.views.letters import LetterActions, TemplateEditor

    dialogs.append(LetterActions(support).make_dialog(support.project))     # Support → Letters…
    dialogs.append(TemplateEditor(w.controller, fmt.language()))            # … Edit texts…
    from desktop.views.route import RouteDialog     # CO2 → Propose route…
    dialogs.append(RouteDialog(w.controller, w))
    for d in dialogs:
        qtbot.addWidget(d)
        texts += _widget_texts(d)

    # the gate's reason dialog, asked by the project form (A-25-001: 20 of 30 say yes)
    asked: list[str] = []
    edit = prog.project_dialog("A-25-001")
    qtbot.addWidget(edit)
    edit.status_edit.setCurrentIndex(edit.status_edit.findData("akkoord"))
    monkeypatch.setattr(type(edit), "ask_reason", lambda self, message: asked.append(message))
    edit.accept()
    assert asked, "the project form did not ask for a reason"
    reason = ReasonDialog(asked[0])
    qtbot.addWidget(reason)
    texts += _widget_texts(reason)
    texts += [("banner", edit.banner.text())]

    # a message box the pages open (the delete question)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.No)
    w.show_page("programme")
    refresh.settle(30)
    prog.select_projects(["P-28-001"])
    prog._delete_clicked()
    texts += [("message box", t) for t in shown]
    return list(dict.fromkeys(texts))


def test_the_dutch_interface_shows_no_english(language, window, qtbot, monkeypatch):
    language("nl")
    bad = _offending(_every_text(window(), qtbot, monkeypatch), ENGLISH_WORDS)
    assert not bad, "\n".join(f"{w!r} in {where}: {text!r}" for w, where, text in bad)


def test_the_english_interface_shows_no_dutch(language, window, qtbot, monkeypatch):
    language("en")
    bad = _offending(_every_text(window(), qtbot, monkeypatch), DUTCH_WORDS)
    assert not bad, "\n".join(f"{w!r} in {where}: {text!r}" for w, where, text in bad)
