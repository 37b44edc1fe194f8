#!/usr/bin/env python3
"""Writes the hostile tar archives next to this script (run it after changing it; commit the output).

Each archive is named after the restore bug it pins down. A test extracts it into DIR inside a
work folder that also holds "victim" (a file) and "outdir" (a folder), so "../victim" from a member
at the top of DIR reaches outside. Python's tarfile writes the members exactly as listed (GNU tar
strips '../' and would not write them), with fixed times and owners so the bytes never change.
"""
import io
import os
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
MTIME = 1767225600  # 2026-01-01 00:00 UTC


def member(name, kind, mode=0o644, link="", data=None, uid=0):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.mode = mode
    info.linkname = link
    info.mtime = MTIME
    info.uid = info.gid = uid
    info.uname = info.gname = "root" if uid == 0 else ""
    info.size = len(data) if data is not None else 0
    return info, io.BytesIO(data) if data is not None else None


ARCHIVES = {
    # A folder whose mode, owner and mtime are set at the end of extraction, replaced meanwhile by
    # a link to a file outside: the deferred attributes must not reach the file (GNU tar 1.34
    # leaves it alone; rmt-client used to chmod it to 0777).
    "restore-deferred-chmod-through-symlink.tar": [
        member("d/", tarfile.DIRTYPE, mode=0o777, uid=4321),
        member("d", tarfile.SYMTYPE, mode=0o777, link="../victim"),
    ],
    # A link to outside, then a file member of the same name (must replace the link), then a file
    # beneath a link to the parent folder (must not be written through it).
    "restore-file-through-symlink.tar": [
        member("l", tarfile.SYMTYPE, mode=0o777, link="../victim"),
        member("l", tarfile.REGTYPE, data=b"owned\n"),
        member("esc", tarfile.SYMTYPE, mode=0o777, link=".."),
        member("esc/victim", tarfile.REGTYPE, data=b"owned\n"),
    ],
    # Hard links whose targets are outside, absolute, or reached through a link to the parent.
    "restore-hardlink-to-outside.tar": [
        member("h1", tarfile.LNKTYPE, link="../victim"),
        member("h2", tarfile.LNKTYPE, link="/etc/passwd"),
        member("sl", tarfile.SYMTYPE, mode=0o777, link=".."),
        member("h3", tarfile.LNKTYPE, link="sl/victim"),
    ],
    # Names that climb out or start at the root.
    "restore-dotdot-and-absolute-names.tar": [
        member("../victim", tarfile.REGTYPE, data=b"owned\n"),
        member("a/../../victim", tarfile.REGTYPE, data=b"owned\n"),
        member("/abs/file", tarfile.REGTYPE, data=b"inside\n"),
    ],
    # A folder with content, replaced mid-archive by a link to a folder outside, then written into.
    "restore-link-replaces-folder.tar": [
        member("d/", tarfile.DIRTYPE, mode=0o755),
        member("d/f", tarfile.REGTYPE, data=b"first\n"),
        member("d", tarfile.SYMTYPE, mode=0o777, link="../outdir"),
        member("d/g", tarfile.REGTYPE, data=b"owned\n"),
    ],
}

for archive, members in ARCHIVES.items():
    with tarfile.open(os.path.join(HERE, archive), "w", format=tarfile.GNU_FORMAT) as tar:
        for info, data in members:
            tar.addfile(info, data)
