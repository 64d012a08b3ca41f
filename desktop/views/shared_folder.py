"""The warning before opening a workspace on a network share or in a synced folder, with
the offer to work on a local copy instead (the detection: ``store.location``)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from . import fmt
from ..store.location import copy_to_local, shared_folder
from ..store.workspace import is_url

translate = QCoreApplication.translate   # lupdate reads translate("Context", "text")


def warning_text(name: str, kind: str, where: str) -> str:
    if kind == "synced":
        text = translate(
            "SharedFolder",
            "%1 lies in a folder that %2 keeps in sync. A sync program can upload or replace "
            "the workspace while it is being written, and edits made on two computers are not "
            "merged: one of them is lost.")
    else:
        text = translate(
            "SharedFolder",
            "%1 lies on a network share (%2). The workspace keeps its latest edits in a log "
            "beside the file, which does not work across computers on a network share: edits "
            "can be lost or the file damaged.")
    return fmt.tr_fmt(text, name, where) + "\n\n" + translate(
        "SharedFolder",
        "Work on a local copy in this computer's app folder instead? The original is not "
        "changed; copy the local file back when you are done.")


def offer_local_copy(parent: QWidget | None, location: str) -> str:
    """``location``, or the path of a local copy of it when it lies on a network share or
    in a synced folder and the user chooses to work on a copy.  Asks nothing otherwise."""
    if is_url(location) or not Path(location).is_file():
        return location
    found = shared_folder(location)
    if found is None:
        return location
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("SharedFolder", "Workspace in a shared folder"))
    box.setText(warning_text(Path(location).name, found.kind, found.name))
    local = box.addButton(translate("SharedFolder", "Work on a &local copy"),
                          QMessageBox.ButtonRole.AcceptRole)
    here = box.addButton(translate("SharedFolder", "Open it &here"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(local)
    box.setEscapeButton(here)
    box.exec()
    if box.clickedButton() is not local:
        return location
    try:
        copy = copy_to_local(location)
    except (OSError, sqlite3.Error) as exc:
        QMessageBox.critical(parent, translate("SharedFolder", "Workspace in a shared folder"),
                             fmt.tr_fmt(translate("SharedFolder", "Cannot make a local copy: %1"),
                                        getattr(exc, "strerror", None) or str(exc)))
        return location
    QMessageBox.information(parent, translate("SharedFolder", "Workspace in a shared folder"),
                            fmt.tr_fmt(translate("SharedFolder", "You are working on a local copy:\n%1"),
                                       str(copy)))
    return str(copy)
