"""The floors hold: the import-linter contracts in pyproject.toml, checked on the real source.

Entry (desktop.__main__, desktop.app) -> views -> edits -> exchange -> store -> models; nothing
imports a floor above its own, and the Qt-free core never imports Qt or pyqtgraph. import-linter
reads every import statement, also those inside functions, so a lazy import cannot slip past.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def lint_imports(root: Path, *contracts: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("lint-imports")
    if not exe.exists():
        pytest.fail("lint-imports is missing: install the test extra (pip install -e .[test])")
    only = [arg for c in contracts for arg in ("--contract", c)]
    return subprocess.run([str(exe), "--no-cache", *only, str(root / "pyproject.toml")],
                          cwd=root, env={"PYTHONPATH": str(root), "PATH": ""},
                          capture_output=True, text=True, timeout=120)


def test_contracts_are_kept():
    out = lint_imports(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout and "2 kept" in out.stdout


def copy_source(tmp_path: Path) -> Path:
    dst = tmp_path / "src"
    shutil.copytree(ROOT / "desktop", dst / "desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", dst / "pyproject.toml")
    return dst


@pytest.mark.parametrize("module, line, contract, chain", [
    # a lazy import back up, inside a function, from the domain to the store
    ("models/enums.py", "def _sneak():\n    from ..store import workspace\n", "floors",
     "desktop.models.enums -> desktop.store.workspace"),
    # the core reaching for Qt inside a function
    ("store/copy.py", "def _sneak():\n    from PySide6.QtCore import QTimer\n", "core-without-qt",
     "desktop.store.copy -> PySide6"),
    # a view imported by the workbook code, at module level
    ("exchange/cli.py", "from ..views import fmt\n", "floors",
     "desktop.exchange.cli -> desktop.views.fmt"),
])
def test_a_wrong_import_breaks_a_contract(tmp_path, module, line, contract, chain):
    src = copy_source(tmp_path)
    assert lint_imports(src, contract).returncode == 0      # the copy itself is clean
    path = src / "desktop" / module
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + line, encoding="utf-8")
    out = lint_imports(src, contract)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "1 broken" in out.stdout and chain in out.stdout
