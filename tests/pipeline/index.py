"""A real package index for the pipeline to publish to: pypiserver on 127.0.0.1.

Uploads need a user and password (htpasswd, written readable by its owner
only); the pipeline tests and ``nox -s actions -- release`` both publish here.
"""

from __future__ import annotations

import secrets
import socket
import subprocess
import sys
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.request import urlopen

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@dataclass(frozen=True)
class PackageIndex:
    """A pypiserver on 127.0.0.1 that takes uploads from one user."""

    url: str
    simple_url: str
    directory: Path
    username: str
    password: str

    def files(self) -> list[str]:
        """The names of the files the index holds."""
        return sorted(path.name for path in self.directory.iterdir())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        with urlopen(url, timeout=1):  # noqa: S310 (our own server's http URL)
            return True
    except OSError:  # URLError included: not listening yet
        return False


def _serving(process: subprocess.Popen[bytes], url: str) -> bool:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        if _answers(url):
            return True
        time.sleep(0.05)
    return False


def _write_htpasswd(path: Path, username: str, password: str) -> None:
    path.touch(mode=0o600)  # a hash, but a secret's hash: private from the start
    with warnings.catch_warnings():
        # passlib 1.7.4 imports the standard library's crypt, deprecated in 3.11 and 3.12.
        warnings.simplefilter("ignore", DeprecationWarning)
        from passlib.apache import HtpasswdFile  # noqa: PLC0415
    entries = HtpasswdFile(str(path), new=True)
    entries.set_password(username, password)
    entries.save()


@contextmanager
def serve_index(root: Path) -> Iterator[PackageIndex]:
    """Run a real package index (pypiserver) in ``root``, with one upload user, for the ``with`` block.

    Raises:
        RuntimeError: pypiserver did not start (its log is in the message).
    """
    directory = root / "packages"
    directory.mkdir()
    username, password = "maintainer", secrets.token_urlsafe(24)
    _write_htpasswd(root / "htpasswd", username, password)
    log = root / "server.log"
    # pypiserver cannot report a port the system picked, so take a free one, and
    # another if something grabbed it before the server bound it.
    for _ in range(3):
        port = _free_port()
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [
                    sys.executable, "-m", "pypiserver", "run",
                    "--host", "127.0.0.1", "--port", str(port), "--server", "wsgiref",
                    "--passwords", str(root / "htpasswd"), "--authenticate", "update",
                    "--disable-fallback",  # never redirect to another index
                    str(directory),
                ],
                stdout=sink,
                stderr=subprocess.STDOUT,
            )  # fmt: skip
        url = f"http://127.0.0.1:{port}/"
        if _serving(process, f"{url}health"):
            break
        process.kill()
        process.wait()
    else:
        raise RuntimeError(f"pypiserver did not start:\n{log.read_text()}")
    try:
        yield PackageIndex(url, f"{url}simple/", directory, username, password)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
