"""``nox -s actions`` plans its act run as documented, and its artifact bridge repairs what act refuses.

Running the workflows themselves is what ``nox -s actions`` does (in
``.ci/run``); these tests cover the harness's own decisions, fast.
"""

from __future__ import annotations

import http.client
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.pipeline.actions import (
    XDIST_WORKERS,
    HarnessError,
    event_payload,
    github_only,
    job_environment,
    load_workflows,
    matrix_plan,
    offline_actions,
)
from tests.pipeline.artifact_bridge import TWIRP_PREFIX, artifact_bridge

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


class _Recorder(BaseHTTPRequestHandler):
    """act's artifact server, played: records each request and answers 200 with a JSON body."""

    server: _RecordingServer

    def _record(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append((self.command, self.path, self.headers.get("Host", ""), body))
        answer = json.dumps({"ok": True}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_GET = do_POST = do_PUT = _record  # noqa: N815 (http.server's names)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


class _RecordingServer(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Recorder)
        self.seen: list[tuple[str, str, str, bytes]] = []


@pytest.fixture
def upstream() -> Iterator[_RecordingServer]:
    server = _RecordingServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def send(url: str, method: str, target: str, body: bytes = b"") -> tuple[int, bytes]:
    parts = urlsplit(url)
    assert parts.hostname is not None
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request(method, target, body=body, headers={"Content-Type": "application/json"})
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def test_the_bridge_drops_mime_type_and_keeps_everything_else(upstream: _RecordingServer) -> None:
    request = {"workflow_run_backend_id": "1", "name": "dist", "version": 7, "mime_type": "application/zip"}
    with artifact_bridge(upstream.server_address[1]) as url:
        status, answer = send(url, "POST", f"{TWIRP_PREFIX}CreateArtifact", json.dumps(request).encode())
    assert (status, json.loads(answer)) == (200, {"ok": True})
    ((method, path, host, body),) = upstream.seen
    assert (method, path) == ("POST", f"{TWIRP_PREFIX}CreateArtifact")
    assert json.loads(body) == {"workflow_run_backend_id": "1", "name": "dist", "version": 7}
    # act signs URLs for the host it is asked on: that must stay the bridge's.
    assert host == urlsplit(url).netloc


def test_the_bridge_pads_the_signature_again(upstream: _RecordingServer) -> None:
    target = (
        f"{TWIRP_PREFIX}UploadArtifact?sig=q83v&expires=2026-11-29+19%3A00%3A00&artifactName=dist&comp=block"
    )
    with artifact_bridge(upstream.server_address[1]) as url:
        send(url, "PUT", target.replace("q83v", "q8"), b"zip bytes")
        send(url, "PUT", target, b"more bytes")
        send(url, "GET", "/health")
    (_, first, _, first_body), (_, second, _, _), (_, third, _, _) = upstream.seen
    query = parse_qs(urlsplit(first).query)
    assert query["sig"] == ["q8=="]
    assert query["expires"] == ["2026-11-29 19:00:00"]
    assert query["comp"] == ["block"]
    assert first_body == b"zip bytes"
    assert parse_qs(urlsplit(second).query)["sig"] == ["q83v"]  # already padded: unchanged
    assert third == "/health"


def test_only_what_needs_github_itself_is_skipped_under_act() -> None:
    assert github_only(load_workflows("push")) == ["CI / deploy docs"]
    assert github_only(load_workflows("release")) == [
        "Release / build / Take the release notes from CHANGELOG.md",
        "Release / build / Keep the release notes",
        "Release / publish to PyPI / Sign them with this workflow's identity",
        "Release / attach to the GitHub release / Fetch the release notes",
        "Release / attach to the GitHub release / Upload them as release assets and set the notes",
    ]


def test_matrix_entries_that_cannot_run_here_are_named_with_why() -> None:
    options, skipped = matrix_plan(load_workflows("pull_request"), installed={"3.11", "3.12"})
    assert options == ["--matrix", "os:ubuntu-latest", "--matrix", "python:3.11", "--matrix", "python:3.12"]
    assert "CI / tests (ubuntu-latest, 3.14): Python 3.14 is not installed here" in skipped
    assert "CI / tests (windows-latest, 3.10): host mode runs ubuntu-latest only" in skipped
    assert not [line for line in skipped if "3.11" in line and "ubuntu" in line]


def test_a_pinned_action_without_an_offline_copy_is_named(tmp_path: Path) -> None:
    with pytest.raises(HarnessError, match=r"actions/checkout@[0-9a-f]{40} has no offline copy"):
        offline_actions(load_workflows("pull_request"), tmp_path)


def test_offline_copies_cover_composite_actions_own_pins(tmp_path: Path) -> None:
    workflows = load_workflows("push")
    # Lay out a copy of every action the run asks for, as the error names them, one at a time.
    asked: list[str] = []
    while True:
        try:
            options = offline_actions(workflows, tmp_path)
        except HarnessError as error:
            action = str(error).split(" ", 1)[0]
            asked.append(action)
            repo, sha = action.split("@")
            (tmp_path / repo / sha).mkdir(parents=True)
            nested = "actions/upload-artifact@" + "b" * 40 if "upload-pages-artifact" in repo else None
            steps: list[dict[str, Any]] = [{"uses": nested}] if nested else []
            (tmp_path / repo / sha / "action.yml").write_text(
                json.dumps({"runs": {"using": "composite", "steps": steps}}), encoding="utf-8"
            )
            continue
        break
    assert "actions/upload-artifact@" + "b" * 40 in asked  # found inside upload-pages-artifact
    assert not any("deploy-pages" in action for action in asked)  # its job is skipped under act
    assert options.count("--local-repository") == len(asked)


@pytest.mark.parametrize("event", ["pull_request", "push", "release", "workflow_dispatch"])
def test_every_payload_is_marked_as_acts(event: str) -> None:
    payload = event_payload(event, "1.2.3")
    assert payload["act"] is True
    if event == "release":
        assert payload["release"]["tag_name"] == "v1.2.3"


def test_each_test_job_gets_one_xdist_worker_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(XDIST_WORKERS, raising=False)
    assert job_environment()[XDIST_WORKERS] == "1"
    monkeypatch.setenv(XDIST_WORKERS, "3")
    assert job_environment()[XDIST_WORKERS] == "3"
