"""A proxy in front of act's artifact server that lets upload-artifact v7 and download-artifact v8 through.

act 0.2.89's artifact server (the v4 "results" API) rejects the current
artifact actions twice (nektos/act issues #6022 and #6114; the fix, PR #6115,
is not released):

1. ``CreateArtifact`` bodies carry a ``mime_type`` field that act's strict
   protobuf decoding refuses (``unknown field "mime_type"``).
2. The blob client strips the ``=`` padding of the signed URL's ``sig``
   parameter, and act's padded base64 decoding then fails the signature.

The bridge forwards every request to act's server unchanged except for those
two repairs: it drops ``mime_type`` (act never used it) and pads ``sig`` again.
``nox -s actions`` announces the bridge to the actions as ``ACTIONS_RUNTIME_URL``,
which act takes from its own environment.  Once act ships the fix, delete this
module and that variable.
"""

from __future__ import annotations

import http.client
import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

if TYPE_CHECKING:
    from collections.abc import Iterator

#: The v4 artifact API's Twirp service, whose JSON requests may carry ``mime_type``.
TWIRP_PREFIX = "/twirp/github.actions.results.api.v1.ArtifactService/"
#: Request headers that describe one hop, not the request.
_HOP_HEADERS = frozenset({"connection", "keep-alive", "transfer-encoding", "content-length"})


def repaired_body(path: str, body: bytes) -> bytes:
    """A Twirp JSON request body without the ``mime_type`` field act 0.2.89 refuses."""
    if not path.startswith(TWIRP_PREFIX) or not body:
        return body
    try:
        message = json.loads(body)
    except ValueError:
        return body  # not JSON: act will say what is wrong with it
    if not isinstance(message, dict) or "mime_type" not in message:
        return body
    del message["mime_type"]
    return json.dumps(message).encode()


def repaired_target(target: str) -> str:
    """A request target whose ``sig`` query parameter has its base64 padding back."""
    parts = urlsplit(target)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if not any(name == "sig" for name, _ in query):
        return target
    padded = [(name, value + "=" * (-len(value) % 4) if name == "sig" else value) for name, value in query]
    return urlunsplit(parts._replace(query=urlencode(padded)))


class _Handler(BaseHTTPRequestHandler):
    """Forwards one request to act's artifact server, repaired, and relays the answer."""

    server: _BridgeServer
    protocol_version = "HTTP/1.1"

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = repaired_body(self.path, self.rfile.read(length))
        headers = {name: value for name, value in self.headers.items() if name.lower() not in _HOP_HEADERS}
        # The Host header is kept: act signs URLs for the host it was asked on,
        # so the signed upload and download URLs lead back through the bridge.
        upstream = http.client.HTTPConnection(*self.server.upstream, timeout=300)
        try:
            upstream.request(self.command, repaired_target(self.path), body=body, headers=headers)
            answer = upstream.getresponse()
            payload = answer.read()
        finally:
            upstream.close()
        self.send_response(answer.status, answer.reason)
        for name, value in answer.getheaders():
            if name.lower() not in _HOP_HEADERS:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    # The methods the artifact actions use.
    do_GET = do_POST = do_PUT = _forward  # noqa: N815 (http.server's names)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: act's own log says what the actions did."""


class _BridgeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: tuple[str, int]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream = upstream


@contextmanager
def artifact_bridge(upstream_port: int) -> Iterator[str]:
    """Serve the bridge on 127.0.0.1 in front of act's server on ``upstream_port``; yield its URL."""
    server = _BridgeServer(("127.0.0.1", upstream_port))
    # Checking for shutdown() every 20 ms, not socketserver's 0.5 s: stopping waits for the check.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="artifact-bridge", daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
