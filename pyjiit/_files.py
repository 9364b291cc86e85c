"""The small files pyjiit keeps for the user: read whole but bounded, written whole and owner-only.

Both refuse a path that names something other than a regular file.  Reading a
FIFO blocks until something writes to it, and reading ``/dev/zero`` never
ends; writing by renaming over a device (``/dev/full``, run as root) would
replace the device itself.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["read_small", "write_private"]


def _refuse_special(path: Path) -> None:
    """Raise ``OSError`` if ``path`` exists (through any links) and is not a regular file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))


def read_small(path: Path, limit: int) -> bytes:
    """Return the bytes of the regular file at ``path``, which must hold at most ``limit`` of them.

    Raises:
        OSError: It cannot be read, is not a regular file, or holds more than
            ``limit`` bytes; ``strerror`` says which.
    """
    _refuse_special(path)
    with path.open("rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
    return data


def write_private(path: Path, data: bytes) -> None:
    """Replace the file at ``path`` with ``data``, readable by its owner only (mode 0600).

    The bytes go to a new file beside it first, created 0600 before a byte is
    written, which is then renamed over ``path``: a reader never sees half a
    file, and an older file's mode does not carry over.

    Raises:
        OSError: The directory is missing or not writable, or ``path`` names
            something other than a regular file (a directory, a device).
    """
    _refuse_special(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
