"""A real package index for the pipeline to publish to: pypiserver on 127.0.0.1.

Uploads need a user and password (htpasswd, written readable by its owner
only); the pipeline tests and ``nox -s actions -- release`` both publish here.
Beside it: a recorder of what reaches it (pypiserver keeps only the files),
and fixed pages for what pypiserver does not serve (PEP 691 JSON, PEP 740
provenance).
"""

from __future__ import annotations

import secrets
import socket
import subprocess
import sys
import threading
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.error import HTTPError
from urllib.request import Request, urlopen

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping
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


@contextmanager
def _serve(handle: Callable[[BaseHTTPRequestHandler], tuple[int, str, bytes]]) -> Iterator[str]:
    """Serve every request with ``handle`` (-> status, content type, body) on 127.0.0.1; yield the URL."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            status, kind, body = handle(self)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            self._answer()

        def do_POST(self) -> None:
            self._answer()

        def log_message(self, format: str, *args: object) -> None:
            """Keep the tests' output for the pipeline's."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class Recorder:
    """What reached an index through :func:`record_uploads`."""

    url: str = ""
    #: Each POST: its Content-Type header and body, in order.
    posts: list[tuple[str, bytes]] = field(default_factory=list)


@contextmanager
def record_uploads(index: PackageIndex) -> Iterator[Recorder]:
    """A pass-through to ``index`` that keeps a copy of every upload (POST) it forwards."""
    recorder = Recorder()

    def forward(request: BaseHTTPRequestHandler) -> tuple[int, str, bytes]:
        body = request.rfile.read(int(request.headers.get("Content-Length") or 0))
        headers = {
            name: value
            for name, value in request.headers.items()
            if name.lower() in {"authorization", "content-type", "accept"}
        }
        if request.command == "POST":
            recorder.posts.append((request.headers.get("Content-Type", ""), body))
        upstream = Request(  # noqa: S310 (our own index's http URL)
            index.url + request.path.lstrip("/"), data=body or None, headers=headers, method=request.command
        )
        try:
            with urlopen(upstream, timeout=60) as answer:  # noqa: S310
                return answer.status, answer.headers.get("Content-Type", "text/plain"), answer.read()
        except HTTPError as error:
            return error.code, error.headers.get("Content-Type", "text/plain"), error.read()

    with _serve(forward) as url:
        recorder.url = url
        yield recorder


@contextmanager
def serve_pages(pages: Mapping[str, tuple[str, bytes]]) -> Iterator[str]:
    """Serve fixed pages, ``{path: (content type, body)}``, on 127.0.0.1; yield the base URL."""

    def answer(request: BaseHTTPRequestHandler) -> tuple[int, str, bytes]:
        if request.path not in pages:
            return 404, "text/plain", b"not found\n"
        return (200, *pages[request.path])

    with _serve(answer) as url:
        yield url
