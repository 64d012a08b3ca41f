"""Test isolation: every test gets its own data folder, settings and workspace."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Point the app's data/config folders at tmp_path so no test touches the user's."""
    monkeypatch.setenv("RETROFIT_PLANNER_HOME", str(tmp_path / "app-home"))
    monkeypatch.setenv("LANGUAGE", "en")
    yield
