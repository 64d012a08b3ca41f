"""What the document commands (``report``, ``letters``) check before they open anything:
the output file's suffix and folder, and that a workspace file exists."""
from __future__ import annotations

from pathlib import Path


def problem(out: Path, suffixes: tuple[str, ...], workspace: str) -> str | None:
    """The message for exit 2, or None when ``out`` and ``workspace`` can be used."""
    if out.suffix.lower() not in suffixes:
        return f"{out.name}: the file name must end in {' or '.join(suffixes)}"
    if not out.parent.resolve().is_dir():
        return f"no folder {out.parent}"
    if "://" not in workspace and not Path(workspace).exists():
        return f"workspace not found: {workspace}"
    return None
