"""The window in Dutch and in English: labels, plurals, amounts, dates, listed values,
messages from the models, and the Preferences dialog that chooses the language."""
from __future__ import annotations

import datetime as dt

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
