"""The hostile faults, as a plain HTTP client sees them, and the RecordingServer at another origin."""

from __future__ import annotations

import gzip
import json
import math
import socket
import threading
import time
from urllib.parse import urlsplit

import pytest
import requests

from pyjiit import endpoints
from pyjiit.encryption import generate_local_name
from pyjiit.testing import FakePortal, Fault, RecordingServer
from tests.testing.portal_client import PortalClient, envelope_ok

CAPTCHA = endpoints.CAPTCHA.path
#: An answer that is the same every time (the captcha's is not).
CONFIG = endpoints.PORTAL_CONFIG.path


def test_trickle_sends_the_normal_answer_a_byte_at_a_time(client: PortalClient) -> None:
    normal = client.get(CONFIG).content
    client.portal.inject(CONFIG, Fault.trickle(0.002))
    started = time.monotonic()
    with client.session.get(
        client.url(CONFIG), headers=client.headers(), stream=True, timeout=10, verify=client.verify
    ) as response:
        headers_after = time.monotonic() - started
        body = response.raw.read()
    assert headers_after < 0.5  # the headers leave at once
    assert time.monotonic() - started >= len(normal) * 0.002
    assert body == normal


def test_trickle_can_slow_the_headers_too(client: PortalClient) -> None:
    client.portal.inject(CONFIG, Fault.trickle(0.005, slow_headers=True))
    started = time.monotonic()
    with client.session.get(
        client.url(CONFIG), headers=client.headers(), stream=True, timeout=10, verify=client.verify
    ) as response:
        # "HTTP/1.1 200 OK", Date, Server, Content-Type, Content-Length: well over 100 bytes.
        assert time.monotonic() - started > 0.5
        assert response.status_code == 200


@pytest.mark.parametrize("interval", [0.0, -1.0, math.inf, math.nan])
def test_trickle_needs_a_positive_interval(interval: float) -> None:
    with pytest.raises(
        ValueError, match=r"^interval must be a number of seconds, above 0 and at most 86,400, got "
    ):
        Fault.trickle(interval)


def test_overlong_sends_the_normal_answer_then_bytes_past_its_length(client: PortalClient) -> None:
    normal = client.get(CONFIG).content
    client.portal.inject(CONFIG, Fault.overlong(300))
    url = urlsplit(client.url(CONFIG))
    assert url.hostname is not None
    assert url.port is not None
    lines = [f"GET {url.path} HTTP/1.1", f"Host: {url.netloc}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in client.headers().items()]
    with socket.create_connection((url.hostname, url.port), timeout=10) as raw:
        raw.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        answer = b"".join(iter(lambda: raw.recv(65536), b""))  # until the server closes
    head, _, sent = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 ")
    assert f"Content-Length: {len(normal)}".encode() in head.split(b"\r\n")
    assert sent == normal + b"-" * 300


@pytest.mark.parametrize("extra", [0, -1, 1.5, True])
def test_overlong_needs_a_whole_number_of_bytes(extra: int) -> None:
    with pytest.raises(ValueError, match=r"^extra must be a whole number, 1 or more, got "):
        Fault.overlong(extra)


def test_endless_never_ends(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.endless())
    with client.session.get(
        client.url(CAPTCHA), headers=client.headers(), stream=True, timeout=10, verify=client.verify
    ) as response:
        assert "Content-Length" not in response.headers
        assert response.headers["Connection"] == "close"
        received = 0
        for chunk in response.iter_content(65536):
            assert not chunk.strip()  # JSON whitespace
            received += len(chunk)
            if received > 8 << 20:
                break
    assert received > 8 << 20
    assert envelope_ok(client.get(CAPTCHA))  # the next connection answers normally


def test_gzip_bomb_is_small_on_the_wire_and_huge_inflated(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.gzip_bomb(10 << 20))
    with client.session.get(
        client.url(CAPTCHA), headers=client.headers(), stream=True, timeout=10, verify=client.verify
    ) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        wire = response.raw.read(decode_content=False)
    assert len(wire) < 20_000
    assert gzip.decompress(wire) == bytes(10 << 20)  # a valid member: CRC and size check


def test_gzip_bomb_needs_a_size() -> None:
    with pytest.raises(ValueError, match="at least 1 byte"):
        Fault.gzip_bomb(0)


def test_deep_nesting(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.deep_nesting(3))
    body = client.get(CAPTCHA).content
    assert body.endswith(b'"response":[[[]]]}')
    with pytest.raises(ValueError, match="at least 1"):
        Fault.deep_nesting(0)


def test_invalid_utf8(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.invalid_utf8())
    body = client.get(CAPTCHA).content
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert json.loads(body.decode("latin-1"))["status"]["responseStatus"] == "Success"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite(client: PortalClient, constant: str) -> None:
    client.portal.inject(CAPTCHA, Fault.non_finite(constant))  # type: ignore[arg-type]
    assert not math.isfinite(envelope_ok(client.get(CAPTCHA))["cgpa"])


def test_non_finite_knows_its_constants() -> None:
    with pytest.raises(ValueError, match="NaN, Infinity or -Infinity"):
        Fault.non_finite("nan")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [["Success"], "text", 7, None])
def test_not_an_object(client: PortalClient, value: object) -> None:
    client.portal.inject(CAPTCHA, Fault.not_an_object(value))
    assert client.get(CAPTCHA).json() == value


def test_not_an_object_refuses_an_object() -> None:
    with pytest.raises(TypeError, match="must not be an object"):
        Fault.not_an_object({"status": 1})


def test_wrong_status_and_wrong_response(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.wrong_status([1]))
    client.portal.inject(CAPTCHA, Fault.wrong_response(["x"]))
    assert client.get(CAPTCHA).json() == {"status": [1], "response": {}}
    assert envelope_ok(client.get(CAPTCHA)) == ["x"]


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirect(client: PortalClient, status: int) -> None:
    client.portal.inject(CAPTCHA, Fault.redirect("http://127.0.0.1:9/elsewhere", status))
    response = client.get(CAPTCHA, allow_redirects=False)
    assert (response.status_code, response.headers["Location"]) == (status, "http://127.0.0.1:9/elsewhere")


@pytest.mark.parametrize("status", [200, 300, 304])
def test_redirect_needs_a_redirect_status(status: int) -> None:
    with pytest.raises(ValueError, match="must be one of"):
        Fault.redirect("http://127.0.0.1:9/", status)


def test_captive_portal(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.captive_portal())
    response = client.get(CAPTCHA)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert "<form" in response.text
    assert "Sign in" in response.text


def test_status_with_bytes_and_headers(client: PortalClient) -> None:
    client.portal.inject(CAPTCHA, Fault.status(200, b"\xff\x00", "application/octet-stream", {"X-Test": "1"}))
    response = client.get(CAPTCHA)
    assert (response.content, response.headers["X-Test"]) == (b"\xff\x00", "1")


@pytest.mark.parametrize("fault", [Fault.trickle(0.5), Fault.endless()], ids=["trickle", "endless"])
def test_stop_cuts_a_slow_or_endless_answer_short(fault: Fault) -> None:
    threads_before = set(threading.enumerate())
    portal = FakePortal().start()
    portal.inject(CAPTCHA, fault)
    url, headers = portal.url + CAPTCHA, {"LocalName": generate_local_name()}
    finished = threading.Event()

    def call() -> None:
        try:
            with requests.get(url, headers=headers, timeout=30, stream=True) as response:
                for _ in response.iter_content(1 << 20):
                    time.sleep(0.05)  # a slow reader keeps the endless writer waiting
        except requests.exceptions.RequestException:
            pass
        finished.set()

    caller = threading.Thread(target=call)
    caller.start()
    time.sleep(0.3)  # the answer has started
    started = time.monotonic()
    portal.stop()
    assert time.monotonic() - started < 5
    # stop() has joined the thread that was writing the answer: only the caller's remains.
    assert set(threading.enumerate()) - threads_before <= {caller}
    caller.join(10)
    assert finished.is_set()


def test_recording_server_records_and_answers_success() -> None:
    with RecordingServer() as elsewhere:
        assert repr(elsewhere) == f"<RecordingServer {elsewhere.origin}>"
        response = requests.post(
            elsewhere.origin + "/StudentPortalAPI/x?y=1",
            data=b"body",
            headers={"Authorization": "Bearer t", "Cookie": "c=1"},
            timeout=10,
        )
        assert envelope_ok(response) == {}
        [request] = elsewhere.requests
        assert (request.method, request.path, request.body, request.status) == (
            "POST",
            "/StudentPortalAPI/x?y=1",
            b"body",
            200,
        )
        assert (request.header("authorization"), request.header("cookie")) == ("Bearer t", "c=1")
        assert elsewhere.connections == 1
    assert repr(elsewhere) == "<RecordingServer stopped>"
    assert elsewhere.connections == 1
    with pytest.raises(RuntimeError, match="not running"):
        _ = elsewhere.origin


def test_recording_server_over_tls_for_other_names() -> None:
    with RecordingServer(tls=True, certificate_hosts=["portal.invalid"]) as impostor:
        assert impostor.origin.startswith("https://127.0.0.1:")
        assert impostor.ca_file is not None
        # OpenSSL's words, or urllib3 1.26's, which matches an IP address's name itself.
        with pytest.raises(requests.exceptions.SSLError, match=r"not valid for '127\.0\.0\.1'|doesn't match"):
            requests.get(impostor.origin, verify=impostor.ca_file, timeout=10)
        assert (impostor.connections, impostor.requests) == (1, [])
    assert impostor.ca_file is None
