"""Logging to a rotating file in the app's data folder — Qt-free.

Nothing personal goes to the log: records carry what happened (the kind of action, an
exception's type and traceback), never addresses, names or votes.  Messages from the
app's own code are written with ids at most (project or complex codes).
"""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from .paths import log_dir

LOG_NAME = "retrofit-planner.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach one rotating file handler to the root logger (idempotent); returns the file."""
    path = log_dir() / LOG_NAME
    root = logging.getLogger()
    for h in root.handlers:
        if isinstance(h, logging.handlers.RotatingFileHandler) and Path(h.baseFilename) == path:
            return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                   backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return path
