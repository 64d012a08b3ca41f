"""Render the app icon (resources/icons/retrofit-planner.svg) into the files each system's
build wants: PNG (Linux .desktop entry), ICO (Windows .exe), ICNS (macOS .app).

Qt does it (its svg, ico and icns image plugins ship with PySide6-Essentials), so no
other image library is needed.   Usage: python packaging/make_icons.py OUT_DIR
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "retrofit-planner.svg"


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main(out: str) -> int:
    _app = QGuiApplication(sys.argv[:1])
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for name, size, fmt in (("retrofit-planner.png", 256, "PNG"), ("retrofit-planner.ico", 256, "ICO"),
                            ("retrofit-planner.icns", 512, "ICNS")):
        path = folder / name
        if not render(size).save(str(path), fmt):
            print(f"make_icons: Qt could not write {path}", file=sys.stderr)
            return 1
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
