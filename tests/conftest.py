"""Test isolation: every test gets its own data folder, settings and workspace."""
from __future__ import annotations

import os
from pathlib import Path

# Offscreen Qt with a 1920x1200 screen (the plugin's default screen is 800x600, smaller
# than the window's minimum size, which would clamp restored geometry).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('offscreen-screen.json')}")

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Point the app's data/config folders at tmp_path so no test touches the user's."""
    monkeypatch.setenv("RETROFIT_PLANNER_HOME", str(tmp_path / "app-home"))
    monkeypatch.setenv("LANGUAGE", "en")
    yield
