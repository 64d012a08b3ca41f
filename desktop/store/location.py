"""Is a workspace file on a network share or in a synced folder?  And a local copy — Qt-free.

SQLite's write-ahead log works through shared memory beside the file (``-shm``), which
does not work across machines on a network share, and a sync program (OneDrive, Dropbox,
…) may upload or replace the file while it is half-written or while its latest edits are
still in the log.  The window warns when a workspace lies there and offers to work on a
local copy in the app's data folder instead.

Detection: a path under a folder a sync program makes (by its name); on Linux a mount
whose file system type is a network one (``/proc/mounts``: nfs, cifs, smb3, sshfs, 9p …);
on Windows a UNC path (``\\\\server\\share``) or a drive Windows reports as remote.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath
from typing import Callable

from ..paths import data_dir
from .workspace import copy_sqlite_file

# Linux file system types of network shares (as /proc/mounts names them)
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p", "afs", "ncpfs",
    "ceph", "glusterfs", "fuse.glusterfs", "lustre", "davfs", "fuse.davfs2", "fuse.rclone",
    "fuse.s3fs", "fuse.gvfsd-fuse",
})

# Folder names sync programs create (compared case-insensitively, as a name's start):
# "OneDrive - Corporation", "Dropbox (Team)", macOS "CloudStorage/GoogleDrive-anna@…"
SYNC_FOLDERS = (
    ("onedrive", "OneDrive"), ("dropbox", "Dropbox"), ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"), ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"), ("iclouddrive", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"), ("mobile documents", "iCloud Drive"),
    ("nextcloud", "Nextcloud"), ("owncloud", "ownCloud"), ("box sync", "Box"),
)

DRIVE_REMOTE = 4        # GetDriveTypeW


@dataclass(frozen=True)
class SharedFolder:
    kind: str           # "network" (a share on another machine) or "synced" (a sync program)
    name: str           # the file system type (nfs, cifs…) or the sync program (OneDrive…)


def shared_folder(path: str | os.PathLike, *, platform: str = sys.platform,
                  mounts: str | None = None,
                  drive_is_remote: Callable[[str], bool] | None = None) -> SharedFolder | None:
    """Where ``path`` lies, when that is a network share or a synced folder; else None.
    ``mounts`` (the text of /proc/mounts) and ``drive_is_remote`` stand in for the
    system's answers in tests."""
    windows = platform.startswith("win")
    pure: PurePath = PureWindowsPath(path) if windows else Path(os.path.abspath(path))
    synced = _synced(pure)
    if synced is not None:
        return synced
    if windows:
        return _windows_network(PureWindowsPath(path), drive_is_remote)
    if platform.startswith("linux"):
        if mounts is None:
            try:
                mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
            except OSError:
                return None
        try:
            real = Path(os.path.realpath(pure))
        except OSError:
            real = Path(pure)
        return _linux_network(real, mounts)
    return None


def _synced(path: PurePath) -> SharedFolder | None:
    for part in path.parts[:-1]:
        folded = part.casefold()
        for prefix, name in SYNC_FOLDERS:
            if folded.startswith(prefix):
                return SharedFolder("synced", name)
    return None


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes a space in a mount point as \\040 (octal escapes)."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def _linux_network(path: Path, mounts: str) -> SharedFolder | None:
    best, best_type = None, None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fstype = Path(_unescape_mount(fields[1])), fields[2]
        if (point == path or point in path.parents) and (
                best is None or len(point.parts) >= len(best.parts)):
            best, best_type = point, fstype
    if best_type is not None and (best_type in NETWORK_FILESYSTEMS or best_type.startswith("nfs")):
        return SharedFolder("network", best_type)
    return None


def _windows_network(path: PureWindowsPath,
                     drive_is_remote: Callable[[str], bool] | None) -> SharedFolder | None:
    if path.drive.startswith("\\\\"):                  # \\server\share\…
        return SharedFolder("network", "UNC")
    if not path.drive:
        return None
    if drive_is_remote is None:
        drive_is_remote = _windows_drive_is_remote
    return SharedFolder("network", path.drive) if drive_is_remote(path.drive + "\\") else None


def _windows_drive_is_remote(root: str) -> bool:       # pragma: no cover - Windows only
    try:
        import ctypes

        return ctypes.windll.kernel32.GetDriveTypeW(root) == DRIVE_REMOTE
    except Exception:
        return False


def local_copies_dir() -> Path:
    """Where local copies of shared workspaces go (the app's data folder), owner only."""
    folder = data_dir() / "local copies"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def copy_to_local(path: str | os.PathLike, folder: Path | None = None) -> Path:
    """Copy the workspace at ``path`` (consistently, also what sits in its log) to a new
    file in ``folder`` (default :func:`local_copies_dir`), never over an earlier copy:
    ``NAME.rpw``, else ``NAME (2).rpw`` …  Returns the copy's path (0600)."""
    source = Path(path)
    folder = folder or local_copies_dir()
    target, n = folder / source.name, 1
    while target.exists():
        n += 1
        target = folder / f"{source.stem} ({n}){source.suffix}"
    copy_sqlite_file(source, target)
    return target
