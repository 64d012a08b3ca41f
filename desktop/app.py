"""Starting the window: QApplication, translations, the workspace, the main window."""
from __future__ import annotations

import gc
import importlib
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from . import __version__
from .paths import RESOURCES, default_workspace
from .settings import Settings
from .views.pages import PAGES

TRANSLATIONS = RESOURCES / "translations"
ICON = RESOURCES / "icons" / "retrofit-planner.svg"


def choose_locale(settings: Settings) -> QLocale:
    if settings.language in ("nl", "en"):
        return QLocale(QLocale.Language.Dutch if settings.language == "nl" else QLocale.Language.English,
                       QLocale.Country.Netherlands if settings.language == "nl"
                       else QLocale.Country.UnitedKingdom)
    system = QLocale.system()
    if system.language() == QLocale.Language.C:   # no locale set (containers): English
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return system


def install_translators(app: QApplication, settings: Settings) -> QLocale:
    """Install the app's and Qt's own translations for the chosen language; returns it.

    Dutch: retrofit_planner_nl.qm and Qt's qtbase_nl.qm.  Any other language: the English
    retrofit_planner_en.qm, which only holds the plural forms ("%n home(s)" → "1 home",
    "2 homes"); the source strings are English.  Translators installed by an earlier call
    are removed first (see :func:`remove_translators`)."""
    remove_translators(app)
    loc = choose_locale(settings)
    QLocale.setDefault(loc)
    if loc.language() == QLocale.Language.Dutch:
        wanted = (("retrofit_planner_nl", str(TRANSLATIONS)),
                  ("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    else:
        wanted = (("retrofit_planner_en", str(TRANSLATIONS)),)
    for name, folder in wanted:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            app._translators.append(translator)
    return loc


def remove_translators(app: QApplication) -> None:
    """Undo :func:`install_translators` (tests switch language within one process)."""
    for translator in getattr(app, "_translators", []):
        app.removeTranslator(translator)
    app._translators = []  # keep references alive while installed


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Retrofit Planner")
    app.setOrganizationName("RetrofitPlanner")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(ICON)))
    app.setDesktopFileName("retrofit-planner")    # the menu entry's icon on Wayland (packaging/linux)
    return app


def open_initial_workspace(location: str | None, settings: Settings):
    """The workspace given, else the last one used, else (first start) the Soest sample."""
    from .sample import create_sample_workspace
    from .store.workspace import Workspace

    if location:
        return Workspace.open(location, backups_to_keep=settings.backups_to_keep)
    last = settings.last_workspace
    if last and (("://" in last) or Path(last).exists()):
        return Workspace.open(last, backups_to_keep=settings.backups_to_keep)
    return create_sample_workspace(default_workspace())


def build_window(workspace, settings: Settings):
    from .views.controller import Controller
    from .views.main_window import MainWindow

    controller = Controller(workspace, settings)
    return MainWindow(controller)


# Imported once the window is up, so the first click on a page does not wait for them
# (pyqtgraph alone takes 0.2-0.3 s, most of it creating PySide6's enums; a page module
# not yet compiled to bytecode takes 5-20 ms more).
WARM_UP_MODULES = ("pyqtgraph", "desktop.views.charts",
                   *(f"desktop.views.{module}" for _key, module, _cls in PAGES))
WARM_UP_DELAY_MS = 300      # after show(): the window paints first


def settle_heap() -> None:
    """Keep every object alive now out of future collections (``gc.freeze``), after
    collecting the young generations (what the last steps left behind, ~1 ms).

    A full collection over the ~150,000 objects of a running window (modules, Qt
    wrappers, frames) takes 70-100 ms and stops every thread, also the GUI thread;
    frozen objects are not scanned again.  No full collection runs first: at start-up
    one freed 41 objects.  Frozen objects are still freed by reference counting (frames,
    datasets)."""
    gc.collect(1)
    gc.freeze()


def warm_up(modules=WARM_UP_MODULES, delay_ms: int = WARM_UP_DELAY_MS, done=None) -> None:
    """Start-up work that would otherwise fall on the user's first clicks: import
    ``modules`` on a worker thread (importing creates no Qt objects, and the GUI
    thread goes on; on the GUI thread pyqtgraph alone blocked the window for about
    0.25 s), with :func:`settle_heap` on the GUI thread before (so their objects do
    not set off a full collection) and after (which freezes what they created).
    ``done()`` is called after the last step."""
    import threading

    imported = threading.Event()

    def import_all() -> None:
        try:
            for name in modules:
                importlib.import_module(name)
        finally:
            imported.set()

    def wait_for_imports() -> None:
        if not imported.is_set():
            QTimer.singleShot(20, wait_for_imports)
            return
        settle_heap()
        if done is not None:
            done()

    def start() -> None:
        # frozen first: the imports create ~35,000 objects, enough to start a full
        # collection of every object of the window on the worker thread, which holds
        # the GIL, and so the GUI thread, for 60-80 ms
        settle_heap()
        threading.Thread(target=import_all, name="warm-up", daemon=True).start()
        QTimer.singleShot(20, wait_for_imports)
    QTimer.singleShot(delay_ms, start)


def started(window, done=None) -> None:
    """What the application does once its window is shown (``run_window``; the
    benchmarks call it too): warm up, and settle the heap again after each reload of
    the whole workspace (an import creates new frames and findings)."""
    window.controller.settle_after_reload = settle_heap
    warm_up(done=done)


def offer_restore(location: str, error: Exception, settings: Settings):
    """A workspace that cannot be opened: say why and offer its newest backup copy.
    Returns the reopened workspace, or None."""
    from .store.workspace import DamagedWorkspaceError, Workspace
    from .views.backups import describe
    from .views import fmt

    path = Path(location)
    backups = sorted((path.parent / "backups").glob(f"{path.stem}.*.backup")) \
        if "://" not in location else []
    if not isinstance(error, DamagedWorkspaceError) or not backups:
        QMessageBox.critical(None, "Retrofit Planner", str(error))
        return None
    newest = backups[-1]
    answer = QMessageBox.question(
        None, "Retrofit Planner",
        fmt.tr_fmt(QApplication.translate("app", "%1\n\nRestore the newest backup copy (%2)? The damaged "
                                          "file is kept beside it."), str(error), describe(newest)))
    if answer != QMessageBox.StandardButton.Yes:
        return None
    Workspace.restore(newest, path)
    return Workspace.open(path, backups_to_keep=settings.backups_to_keep)


def run_window(location: str | None) -> int:
    import logging

    from .logs import setup_logging
    from .store.workspace import WorkspaceError
    from .views.error_dialog import ExceptionHandler

    setup_logging()
    app = make_application()
    handler = ExceptionHandler().install()
    settings = Settings.load()
    install_translators(app, settings)
    asked = location or settings.last_workspace
    if asked:                   # on a network share or in a synced folder: offer a local copy
        from .views.shared_folder import offer_local_copy

        chosen = offer_local_copy(None, asked)
        location = chosen if chosen != asked else location
    try:
        workspace = open_initial_workspace(location, settings)
    except WorkspaceError as exc:
        logging.getLogger("desktop").warning("workspace not opened: %s", type(exc).__name__)
        workspace = offer_restore(location or settings.last_workspace or "", exc, settings)
        if workspace is None:
            return 2
    window = build_window(workspace, settings)
    window.show()
    started(window)
    try:
        return app.exec()
    finally:
        from .views.refresh import wait_for_all

        wait_for_all()          # a page still computing on a worker thread
        window.controller.workspace.close()     # no -wal left beside the file
        handler.uninstall()


def screenshot(directory: str, location: str | None, size=(1280, 800),
               lang: str | None = None) -> list[Path]:
    """Render each main view to DIR/<view>.png offscreen; ``lang`` ("nl" or "en") overrides
    the language setting for this run (the settings file is not changed)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .views.pages import PAGES

    app = make_application()
    settings = Settings.load()
    if lang:
        settings.language = lang
    install_translators(app, settings)
    workspace = open_initial_workspace(location, settings)
    window = build_window(workspace, settings)
    window.resize(*size)
    window.show()
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    from .views.refresh import settle

    for key, _m, _c in PAGES:
        window.show_page(key)
        settle()                # a large workspace computes its pages on a worker thread
        for _ in range(5):
            app.processEvents()
        path = out / f"{key}.png"
        window.grab().save(str(path))
        written.append(path)
    window.close()
    workspace.close()
    return written
