"""Where the app keeps its data (workspaces, backups, logs) and settings — Qt-free.

``RETROFIT_PLANNER_HOME`` overrides both folders (tests point it at a temporary folder).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "RetrofitPlanner"

# The app's read-only files (translations, the sample, the icon): beside the package in a
# checkout; in a frozen build (PyInstaller) inside the bundle's folder, sys._MEIPASS.
RESOURCES = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent)) / "resources"


def data_dir() -> Path:
    home = os.environ.get("RETROFIT_PLANNER_HOME")
    path = Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    home = os.environ.get("RETROFIT_PLANNER_HOME")
    path = Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_workspace() -> Path:
    """The workspace the window opens the very first time (holding the Soest sample)."""
    return data_dir() / "soest-sample.rpw"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
