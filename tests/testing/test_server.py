"""The server itself: lifecycle, clean shutdown, HTTP/1.1 details, TLS."""

from __future__ import annotations

import gc
import http.client
import logging
import socket
import ssl
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
import requests

from pyjiit import endpoints
from pyjiit.encryption import generate_local_name
from pyjiit.testing import FakePortal, Fault
from pyjiit.testing._protocol import API_BASE, Exchange
from pyjiit.testing._routing import Call, RouteTable
from pyjiit.testing._server import PortalServer, _Handler
from pyjiit.testing._state import PortalState
from tests.testing.portal_client import PortalClient, envelope_ok

if TYPE_CHECKING:
    from collections.abc import Iterator


CAPTCHA = endpoints.CAPTCHA.path


def port_of(portal: FakePortal) -> int:
    port = urlsplit(portal.url).port
    assert port is not None
    return port


def refused(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def test_urls(portal: FakePortal) -> None:
    port = port_of(portal)
    assert portal.url == f"http://127.0.0.1:{port}/StudentPortalAPI"
    assert portal.sso_url == f"http://127.0.0.1:{port}/CLXSSOAPI"
    assert portal.ca_file is None
    assert repr(portal) == f"<FakePortal {portal.url}>"


def test_urls_need_a_running_portal() -> None:
    portal = FakePortal()
    assert repr(portal) == "<FakePortal stopped>"
    with pytest.raises(RuntimeError, match="not running"):
        _ = portal.url


def test_stop_leaks_nothing() -> None:
    threads_before = set(threading.enumerate())
    portal = FakePortal().start()
    port = port_of(portal)
    # Keep-alive connections still open at stop(), one of them idle mid-session.
    sessions = [requests.Session() for _ in range(3)]
    for session in sessions:
        response = session.get(portal.url + CAPTCHA, headers={"LocalName": generate_local_name()}, timeout=10)
        assert response.headers.get("Connection", "keep-alive").lower() == "keep-alive"
    portal.stop()
    portal.stop()  # idempotent
    for session in sessions:
        session.close()
    gc.collect()  # a leaked socket would warn now, failing the test (warnings are errors)
    assert set(threading.enumerate()) <= threads_before
    assert refused(port)


def test_restart_keeps_the_port_and_state() -> None:
    portal = FakePortal().start()
    url = portal.url
    portal.start()  # already running: nothing happens
    portal.stop()
    with portal:
        assert portal.url == url
        with requests.Session() as session:
            client = PortalClient(portal, session)
            assert envelope_ok(client.get(CAPTCHA))
    assert len(portal.requests) == 1


def test_connections_are_counted_over_restarts() -> None:
    portal = FakePortal()
    assert portal.connections == 0
    for started in (1, 2):
        with portal, requests.Session() as session:
            client = PortalClient(portal, session)
            assert envelope_ok(client.get(CAPTCHA))
            assert envelope_ok(client.get(CAPTCHA))  # kept alive: the same connection
            assert portal.connections == started
        assert portal.connections == started


def test_keep_alive_and_content_length(portal: FakePortal) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port_of(portal), timeout=10)
    try:
        for _ in range(2):  # two requests, one connection
            connection.request(
                "GET", "/StudentPortalAPI" + CAPTCHA, headers={"LocalName": generate_local_name()}
            )
            response = connection.getresponse()
            body = response.read()
            assert response.version == 11
            assert int(response.headers["Content-Length"]) == len(body) > 0
            assert response.headers["Server"] == "pyjiit-fakeportal"
        connection.request("GET", "/StudentPortalAPI" + CAPTCHA)  # refused: still a length
        response = connection.getresponse()
        assert response.read() == b""
        assert response.headers["Content-Length"] == "0"
    finally:
        connection.close()


@pytest.mark.parametrize("level", [logging.DEBUG, logging.INFO])
def test_requests_are_logged_at_debug(
    portal: FakePortal, caplog: pytest.LogCaptureFixture, level: int
) -> None:
    caplog.set_level(level, logger="pyjiit.testing")
    url = portal.url + CAPTCHA
    assert requests.get(url, headers={"LocalName": generate_local_name()}, timeout=10).ok
    lines = [record.getMessage() for record in caplog.records if record.name == "pyjiit.testing"]
    line = f'127.0.0.1 "GET /StudentPortalAPI{CAPTCHA} HTTP/1.1" 200 -'
    assert lines == ([line] if level == logging.DEBUG else [])


def test_chunked_bodies_are_refused(portal: FakePortal) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"instituteid":'
        yield b'"X"}'

    response = requests.post(
        portal.url + endpoints.ATTENDANCE_META.path,
        data=chunks(),
        headers={"LocalName": generate_local_name()},
        timeout=10,
    )
    assert response.status_code == 411
    assert response.headers["Connection"] == "close"


@pytest.mark.parametrize("length", [b"-5", b"five"])
def test_bad_content_length_is_400(portal: FakePortal, length: bytes) -> None:
    with socket.create_connection(("127.0.0.1", port_of(portal)), timeout=10) as raw:
        raw.sendall(
            b"POST /StudentPortalAPI/token/pretoken-check HTTP/1.1\r\nContent-Length: %s\r\n\r\n" % length
        )
        assert raw.recv(100).startswith(b"HTTP/1.1 400")


def test_client_hanging_up_mid_request_is_harmless(portal: FakePortal) -> None:
    port = port_of(portal)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        raw.sendall(b"POST /StudentPortalAPI/token/pretoken-check HTTP/1.1\r\nContent-Length: 100\r\n\r\nabc")
    with requests.Session() as session:
        assert envelope_ok(PortalClient(portal, session).get(CAPTCHA))


@pytest.mark.parametrize(
    ("request_line", "body", "fault", "status_line"),
    [
        pytest.param(b"GET /StudentPortalAPI" + CAPTCHA.encode(), b"", None, b"HTTP/1.1 200 ", id="answered"),
        # A body the portal cannot read: its refusal once held the connection in a cycle.
        pytest.param(
            b"POST /StudentPortalAPI/token/pretoken-check", b"abc", None, b"HTTP/1.1 500 ", id="refused"
        ),
        pytest.param(b"GET /StudentPortalAPI/nowhere", b"", None, b"HTTP/1.1 404 ", id="unknown-path"),
        pytest.param(b"GET /StudentPortalAPI" + CAPTCHA.encode(), b"", Fault.drop(), None, id="dropped"),
    ],
)
@pytest.mark.usefixtures("collector_off")
def test_a_request_leaves_nothing_for_the_garbage_collector(
    portal: FakePortal, request_line: bytes, body: bytes, fault: Fault | None, status_line: bytes | None
) -> None:
    # A reference cycle holding the connection's frames keeps its socket open until the collector
    # runs: where the client had hung up mid-answer, the socket then warns that it was unclosed,
    # failing whichever later test the collector runs in (a refused body once did this).
    server = portal._server
    assert server is not None
    if fault is not None:
        portal.inject(CAPTCHA, fault)
    with socket.create_connection(("127.0.0.1", port_of(portal)), timeout=10) as raw:
        head = b"%s HTTP/1.1\r\nLocalName: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
        raw.sendall(head % (request_line, generate_local_name().encode(), len(body)) + body)
        answer = b"".join(iter(lambda: raw.recv(65536), b""))  # until the server closes
    if status_line is None:  # dropped: closed without a word
        assert answer == b""
    else:
        assert answer.startswith(status_line)
    portal.stop()  # joins the connection's thread
    handlers = [held for held in gc.get_objects() if isinstance(held, _Handler)]
    assert [handler for handler in handlers if handler.server is server] == []


# -- TLS ---------------------------------------------------------------------------------------


def test_tls_login_with_the_ca_file(tls_portal: FakePortal) -> None:
    assert tls_portal.url.startswith("https://127.0.0.1:")
    assert tls_portal.ca_file is not None
    assert Path(tls_portal.ca_file).read_text().startswith("-----BEGIN CERTIFICATE-----")
    with requests.Session() as session:
        client = PortalClient(tls_portal, session)
        regdata = client.login()
        response = client.post(
            endpoints.REGISTERED_SEMESTERS.path, {"instituteid": regdata["institutelist"][0]["value"]}, "json"
        )
        assert envelope_ok(response)["registrations"]


def test_tls_is_not_trusted_without_the_ca(tls_portal: FakePortal) -> None:
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(tls_portal.url + CAPTCHA, headers={"LocalName": generate_local_name()}, timeout=10)
    # The failed handshake does not hurt the next client.
    with requests.Session() as session:
        assert envelope_ok(PortalClient(tls_portal, session).get(CAPTCHA))


def test_plain_http_to_the_tls_port_fails_quietly(tls_portal: FakePortal) -> None:
    http_url = tls_portal.url.replace("https://", "http://")
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(http_url + CAPTCHA, headers={"LocalName": generate_local_name()}, timeout=10)
    with requests.Session() as session:
        assert envelope_ok(PortalClient(tls_portal, session).get(CAPTCHA))


def test_tls_by_host_name_and_ca_file_removed_on_stop() -> None:
    portal = FakePortal(tls=True).start()
    try:
        assert portal.ca_file is not None
        ca_file = Path(portal.ca_file)
        port = port_of(portal)
        context = ssl.create_default_context(cafile=str(ca_file))
        with (
            socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
            context.wrap_socket(raw, server_hostname="localhost") as tls,
        ):
            assert tls.version() in {"TLSv1.2", "TLSv1.3"}
    finally:
        portal.stop()
    assert not ca_file.exists()
    assert portal.ca_file is None


def test_tls_without_trustme_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trustme", None)  # as if it were not installed
    portal = FakePortal(tls=True)
    with pytest.raises(ImportError, match=r"pyjiit\[testing\]"):
        portal.start()
    assert repr(portal) == "<FakePortal stopped>"


def test_ipv6_loopback() -> None:
    if not socket.has_ipv6:
        pytest.fail("this test needs IPv6")
    try:
        portal = FakePortal(host="::1").start()
    except OSError as error:  # pragma: no cover - a host without an IPv6 loopback
        pytest.fail(f"cannot bind ::1: {error}")
    try:
        assert portal.url.startswith("http://[::1]:")
        with requests.Session() as session:
            assert envelope_ok(PortalClient(portal, session).get(CAPTCHA))
    finally:
        portal.stop()


def test_wildcard_host_advertises_loopback() -> None:
    with FakePortal(host="0.0.0.0") as portal:  # noqa: S104 (bound for the test only)
        assert portal.url.startswith("http://127.0.0.1:")


def test_a_failure_of_the_fake_itself_is_a_500_an_error_in_the_log_and_in_the_request_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Not a dropped connection, which a client takes for an outage: a test expecting one would pass."""
    routes = RouteTable()

    @routes.add(endpoints.CAPTCHA)
    def broken(call: Call) -> object:
        raise RuntimeError("a bug in a handler")

    state = PortalState()
    exchange = Exchange(state, routes, lambda seconds: False)
    server = PortalServer(("127.0.0.1", 0), exchange)
    server.start()
    try:
        with caplog.at_level(logging.ERROR, logger="pyjiit.testing"), requests.Session() as session:
            url = f"http://127.0.0.1:{server.port}{API_BASE}{CAPTCHA}"
            headers = {"LocalName": generate_local_name(state.today())}
            answer = session.get(url, headers=headers, timeout=5)
            again = session.get(url, headers=headers, timeout=5)
    finally:
        server.stop()
    assert (answer.status_code, answer.json()) == (500, {"exception": "java.lang.IllegalStateException"})
    assert again.status_code == 500  # the connection and the server went on
    record, _ = [record for record in caplog.records if record.name == "pyjiit.testing"]
    assert record.levelno == logging.ERROR
    assert (
        f"GET {API_BASE}{CAPTCHA}: the fake portal failed to answer, a bug in pyjiit.testing"
        in record.getMessage()
    )
    assert "RuntimeError: a bug in a handler" in record.getMessage()
    # The request log says what the client was answered, not that the request was dropped.
    assert [(request.path, request.status, request.in_flight) for request in exchange.requests] == [
        (CAPTCHA, 500, False),
        (CAPTCHA, 500, False),
    ]
