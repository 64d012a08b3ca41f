"""All user settings in one typed registry with defaults, stored as JSON — Qt-free.

Each setting is a field of :class:`Settings`; unknown keys in the file are kept out,
a damaged file falls back to the defaults (and is left in place, renamed, for support).
"""
from __future__ import annotations

import getpass
import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from .paths import config_dir

MAX_RECENT = 8


def _default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers)
        return ""


@dataclass
class Settings:
    last_workspace: str | None = None
    recent_workspaces: list[str] = field(default_factory=list)
    user_name: str = field(default_factory=_default_user)   # "recorded by" for votes
    language: str = "system"          # "system" | "nl" | "en"
    window_geometry: str | None = None  # base64 of QWidget.saveGeometry()
    window_state: str | None = None
    backups_to_keep: int = 10

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> "Settings":
        p = cls.path()
        if not p.exists():
            return cls()
        try:
            raw = json.loads(p.read_text(encoding="utf-8"))
            known = {f.name for f in fields(cls)}
            return cls(**{k: v for k, v in raw.items() if k in known})
        except (ValueError, TypeError):
            p.replace(p.with_suffix(".damaged.json"))
            return cls()

    def save(self) -> None:
        p = self.path()
        tmp = p.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        tmp.replace(p)

    def remember_workspace(self, location: str) -> None:
        self.last_workspace = location
        recent = [location] + [r for r in self.recent_workspaces if r != location]
        self.recent_workspaces = recent[:MAX_RECENT]
