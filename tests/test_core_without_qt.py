"""The core (domain, store, workbook) imports and works with Qt blocked."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_imports_with_pyside6_blocked(tmp_path):
    code = textwrap.dedent("""
        import importlib, pkgutil, sys

        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"):
                    raise ImportError("Qt is blocked in the core: " + name)
                return None

        sys.meta_path.insert(0, Block())
        import desktop.models, desktop.store, desktop.exchange
        names = []
        for pkg in (desktop.models, desktop.store, desktop.exchange):
            for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
                if ".migrations" in info.name:
                    continue
                importlib.import_module(info.name)
                names.append(info.name)
        import desktop.sample, desktop.settings, desktop.paths
        import desktop.edits                # the edits layer: store + models, no Qt
        names.append("desktop.edits")
        # and the core really works: build the sample and evaluate it
        from desktop.sample import build_sample
        ds, meta = build_sample()
        assert len(ds.complexes) > 0
        pid = str(ds.projects["project"].iloc[0])
        assert desktop.edits.set_status(pid, "agreed", reason="test").status == "akkoord"
        assert not any(m.split(".")[0] in ("PySide6", "pyqtgraph") for m in sys.modules)
        print(len(names))
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 8   # enums, dataset, defaults, rules, store modules...
