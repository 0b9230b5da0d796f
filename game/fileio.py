"""Reading and writing user files safely: regular files only, bounded size, atomic writes.

A FIFO, a device or a symlink to one (`/dev/zero` named `x.json`) is refused before a
byte is read, so a Load screen or a validator never hangs or fills memory; names from
data (scenario ids) become file names only through `safe_stem`.
"""
from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,63}")
STALE_TEMP_SECONDS = 120  # a temp file this old belongs to a save that was killed


class NotRegular(OSError):
    """The path is not a regular file (a folder, FIFO, device or socket)."""


class TooLarge(OSError):
    """The file is larger than the caller allows."""

    def __init__(self, size: int):
        super().__init__(f"{size:,} bytes")
        self.size = size


def is_plain_id(text: object) -> bool:
    """Whether `text` is a plain identifier: letters, digits, _ and -, at most 64, no leading - or _."""
    return isinstance(text, str) and PLAIN_ID.fullmatch(text) is not None


def safe_stem(text: object, fallback: str = "game") -> str:
    """A file-name stem made from any text: only letters, digits, _ and -, at most 64 characters."""
    stem = re.sub(r"[^A-Za-z0-9_\-]+", "_", str(text or ""))[:64].strip("_-")
    return stem or fallback


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (IsADirectoryError, NotRegular, TooLarge or OSError otherwise)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(os.fspath(path), flags)  # non-blocking: opening a FIFO never waits for a writer
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", os.fspath(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(f"{path} is not a regular file")
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        chunks, total = [], 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLarge(total)
        return b"".join(chunks)
    finally:
        os.close(fd)


def kind_of(path: str | os.PathLike) -> str:
    """What a path is, in words: 'missing', 'file', 'folder' or 'special' (FIFO, device, socket)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return "missing"
    return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "special"


def write_atomic(path: str | os.PathLike, text: str, encoding: str = "ascii", newline: str | None = None) -> None:
    """Write a file so that a crash leaves either the old file or the new one, never a mix.

    A path that is a device, FIFO or folder is never replaced (NotRegular)."""
    path = Path(path)
    if kind_of(path) not in ("file", "missing"):
        raise NotRegular(f"{path} is not a regular file")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)


def clean_stale_temps(folder: str | os.PathLike, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Delete temp files left by killed atomic writes (`.NAME.*.tmp` older than `older_than` s); how many."""
    now, removed = time.time(), 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > older_than:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def _umask() -> int:
    """The process's umask (read without changing it for long)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
