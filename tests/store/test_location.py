"""A workspace on a network share or in a synced folder is recognised; a local copy is whole."""
from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from desktop.sample import create_sample_workspace
from desktop.store.commands import Upsert
from desktop.store.location import SharedFolder, copy_to_local, local_copies_dir, shared_folder

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/plans nfs4 rw,relatime 0 0
/dev/sdb1 /mnt/plans/local ext4 rw 0 0
//nas/team /mnt/team\\040share cifs rw 0 0
anna@host:/srv /home/anna/remote fuse.sshfs rw 0 0
C:\\134 /mnt/c 9p rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize("path, found", [
    ("/mnt/plans/soest.rpw", SharedFolder("network", "nfs4")),
    ("/mnt/plans/2025/soest.rpw", SharedFolder("network", "nfs4")),
    ("/mnt/plans/local/soest.rpw", None),                 # a local disk mounted inside
    ("/mnt/team share/soest.rpw", SharedFolder("network", "cifs")),
    ("/home/anna/remote/soest.rpw", SharedFolder("network", "fuse.sshfs")),
    ("/mnt/c/Users/anna/soest.rpw", SharedFolder("network", "9p")),   # WSL: a Windows drive
    ("/home/anna/soest.rpw", None),
    ("/tmp/soest.rpw", None),
])
def test_network_mounts_on_linux(path, found):
    assert shared_folder(path, platform="linux", mounts=MOUNTS) == found


@pytest.mark.parametrize("path, name", [
    ("/home/anna/OneDrive - Portaal/plannen/soest.rpw", "OneDrive"),
    ("/home/anna/Dropbox (Team)/soest.rpw", "Dropbox"),
    ("/Users/anna/Library/CloudStorage/GoogleDrive-anna@portaal.nl/My Drive/soest.rpw",
     "Google Drive"),
    ("/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/soest.rpw", "iCloud Drive"),
    ("/home/anna/Nextcloud/soest.rpw", "Nextcloud"),
])
def test_synced_folders_by_name(path, name):
    assert shared_folder(path, platform="linux", mounts=MOUNTS) == SharedFolder("synced", name)
    assert shared_folder(path, platform="darwin") == SharedFolder("synced", name)


def test_a_file_named_like_a_sync_program_is_not_a_synced_folder():
    assert shared_folder("/home/anna/onedrive-export.rpw", platform="linux", mounts=MOUNTS) is None


@pytest.mark.parametrize("path, remote, found", [
    (r"\\server\plannen\soest.rpw", set(), SharedFolder("network", "UNC")),
    (r"Z:\plannen\soest.rpw", {"Z:\\"}, SharedFolder("network", "Z:")),
    (r"C:\Users\anna\soest.rpw", {"Z:\\"}, None),
    (r"C:\Users\anna\OneDrive - Portaal\soest.rpw", set(), SharedFolder("synced", "OneDrive")),
])
def test_windows_paths(path, remote, found):
    assert shared_folder(path, platform="win32", drive_is_remote=remote.__contains__) == found


def test_a_synced_folder_on_this_system(tmp_path):
    assert shared_folder(tmp_path / "OneDrive" / "x.rpw") == SharedFolder("synced", "OneDrive")


def test_a_local_copy_holds_every_edit_and_is_private(tmp_path):
    shared = tmp_path / "OneDrive - Portaal" / "soest.rpw"
    ws = create_sample_workspace(shared)
    project = str(ws.load().projects["project"].iloc[0])
    ws.apply(Upsert("projects", {"project": project}, {"year": 2031}))   # still in the log
    first = copy_to_local(shared)
    second = copy_to_local(shared)
    ws.close()
    folder = local_copies_dir()
    assert (first, second) == (folder / "soest.rpw", folder / "soest (2).rpw")
    assert str(folder).startswith(os.environ["RETROFIT_PLANNER_HOME"])   # the app's data folder
    for copy in (first, second):
        con = sqlite3.connect(copy)
        assert con.execute("select year from projects where project = ?", (project,)).fetchone() == (2031,)
        con.close()
        if os.name != "nt":
            assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    if os.name != "nt":
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert not [p for p in folder.iterdir() if p.name.endswith(("-wal", "-shm", "-journal"))]
