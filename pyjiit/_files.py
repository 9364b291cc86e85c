"""The files pyjiit writes and reads for the user: written whole or not at all, read whole but bounded.

Reading refuses a path that names something other than a regular file, and
so does writing a private file: reading a FIFO blocks until something writes
to it, reading ``/dev/zero`` never ends, and writing by renaming over a
device (``/dev/full``, run as root) would replace the device itself.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

__all__ = ["read_small", "write_whole"]


def _refuse_folder(path: Path) -> None:
    """Raise ``IsADirectoryError`` if ``path`` is a folder (through any links)."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))


def _refuse_special(path: Path) -> None:
    """Raise ``OSError`` if ``path`` exists (through any links) and is not a regular file."""
    _refuse_folder(path)
    if path.exists() and not path.is_file():
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


def write_whole(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to the file at ``path`` whole or not at all.

    The bytes go to a new file beside it, which is then renamed over it (or
    over the file a link at ``path`` points to): a reader never sees half a
    file, and a failure midway (a full disk) keeps the file that was there.

    Args:
        path: The file.
        data: Its new bytes.
        private: Readable by its owner only (mode 0600, set before a byte is
            written, whatever the older file's mode was), and only ever a
            regular file.  Otherwise the file gets the mode of any new file,
            and a device or pipe (``/dev/stdout``) is written to as it is:
            renaming over it would replace it.

    Raises:
        OSError: The folder is missing or not writable, ``path`` is a folder
            (or, if ``private``, anything but a regular file), or writing
            failed; nothing is left behind.
    """
    if private:
        _refuse_special(path)
    else:
        _refuse_folder(path)
        if path.exists() and not path.is_file():
            with path.open("wb") as device:
                device.write(data)
            return
    final = Path(os.path.realpath(path))
    part = final.with_name(f".{final.name}.{secrets.token_hex(4)}.part")
    # O_EXCL: never through a file or link someone put there first.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.open(part, flags, 0o600 if private else 0o666)  # less the umask, as for any new file
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        part.replace(final)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
