"""Answers are read within a size limit (after decompression), in the encodings asked for, and no further."""

from __future__ import annotations

import gzip
import json

import pytest

from pyjiit import Webportal
from pyjiit._transport import DEFAULT_MAX_ANSWER_BYTES, DEFAULT_MAX_DOCUMENT_BYTES
from pyjiit.endpoints import BANK_INFO, GENERATE_TOKEN, MARKS_PDF
from pyjiit.exceptions import AnswerTooLarge, ProtocolError
from pyjiit.testing import FakePortal, Fault
from tests.portal_clients import TIMEOUT, make_client

PATH = BANK_INFO.path
SUCCESS = {"status": {"responseStatus": "Success", "errors": None, "identifier": None}, "response": {"a": 1}}
BODY = json.dumps(SUCCESS).encode()


def client_of(portal: FakePortal, **limits: int) -> Webportal:
    """A client with these limits, on a session of a client without (the login answers are larger)."""
    settings = {"sso_url": portal.sso_url, "verify": portal.verify, "timeout": TIMEOUT}
    with Webportal(portal.url, **settings) as login:  # type: ignore[arg-type]
        session = login.student_login(portal.username, portal.password)
    return Webportal(portal.url, session=session, **settings, **limits)  # type: ignore[arg-type]


def test_the_defaults() -> None:
    assert (DEFAULT_MAX_ANSWER_BYTES, DEFAULT_MAX_DOCUMENT_BYTES) == (4 << 20, 16 << 20)
    with Webportal() as client:
        transport = client._transport
        assert (transport.max_answer_bytes, transport.max_document_bytes) == (4 << 20, 16 << 20)


@pytest.mark.parametrize(("limit", "fits"), [(len(BODY), True), (len(BODY) - 1, False)])
def test_the_limit_is_inclusive(portal: FakePortal, limit: int, fits: bool) -> None:
    with client_of(portal, max_answer_bytes=limit) as client:
        portal.inject(PATH, Fault.status(200, BODY, "application/json"))
        if fits:
            assert client.get_student_bank_info() == {"a": 1}
        else:
            with pytest.raises(AnswerTooLarge, match=f"limit of {limit:,} bytes") as caught:
                client.get_student_bank_info()
            assert caught.value.limit == limit
            # What Python code can do, apart from what went wrong, for a program to say its own instead.
            assert caught.value.advice is not None
            assert "Webportal's max_answer_bytes" in caught.value.advice
            assert str(caught.value).endswith(f"bytes (counted after decompression).  {caught.value.advice}")


def test_decompressed_bytes_are_counted(portal: FakePortal) -> None:
    """A gzip answer of a few hundred bytes that inflates past the limit is too large."""
    fault = Fault.gzip_bomb(100_000)
    assert fault.reply is not None
    assert len(fault.reply.body) < 1000
    with client_of(portal, max_answer_bytes=50_000) as client:
        portal.inject(PATH, fault)
        with pytest.raises(AnswerTooLarge, match="after decompression"):
            client.get_student_bank_info()


def test_a_gzip_answer_within_the_limit_is_read(portal: FakePortal) -> None:
    compressed = gzip.compress(BODY)
    with client_of(portal, max_answer_bytes=len(BODY)) as client:
        portal.inject(PATH, Fault.status(200, compressed, "application/json", {"Content-Encoding": "gzip"}))
        assert client.get_student_bank_info() == {"a": 1}


def test_the_marks_pdf_is_read_with_the_document_limit(portal: FakePortal) -> None:
    with client_of(portal) as client:
        semester = client.get_semesters_for_marks()[0]
        document = client.download_marks(semester)
    assert document.startswith(b"%PDF-")
    assert len(document) > 1000
    # JSON answers are limited to 1000 bytes here; the document is not one of them.
    with client_of(portal, max_answer_bytes=1000, max_document_bytes=len(document)) as client:
        assert client.download_marks(semester) == document
    with (
        client_of(portal, max_document_bytes=len(document) - 1) as client,
        pytest.raises(AnswerTooLarge, match=MARKS_PDF.path),
    ):
        client.download_marks(semester)


@pytest.mark.parametrize(("values", "fits"), [(8000, True), (8300, False)])
def test_a_json_answer_holds_one_value_per_32_bytes_of_the_limit(
    portal: FakePortal, values: int, fits: bool
) -> None:
    """256 KiB allow 8192 values (commas and opening brackets), however short the text."""
    response: dict[str, list[int]] = {"a": [0] * values}
    body = json.dumps({**SUCCESS, "response": response}, separators=(",", ":")).encode()
    assert len(body) < 20_000
    with client_of(portal, max_answer_bytes=256 * 1024) as client:
        portal.inject(PATH, Fault.status(200, body, "application/json"))
        if fits:
            assert client.get_student_bank_info() == response
        else:
            with pytest.raises(AnswerTooLarge, match="holds more than 8,192 values") as caught:
                client.get_student_bank_info()
            assert caught.value.limit == 256 * 1024
            assert caught.value.advice is not None
            assert "max_answer_bytes (which allows one value per 32 bytes)" in caught.value.advice
            assert str(caught.value).endswith(f"values.  {caught.value.advice}")


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, br"])
def test_encodings_not_asked_for_are_refused(portal: FakePortal, encoding: str) -> None:
    with client_of(portal) as client:
        portal.inject(PATH, Fault.status(200, BODY, "application/json", {"Content-Encoding": encoding}))
        with pytest.raises(ProtocolError, match="content encoding pyjiit did not ask for"):
            client.get_student_bank_info()
    assert portal.requests[-1].header("Accept-Encoding") == "gzip, deflate"


def test_a_corrupt_gzip_body_is_a_protocol_error(portal: FakePortal) -> None:
    with client_of(portal) as client:
        portal.inject(
            PATH, Fault.status(200, b"not gzip at all", "application/json", {"Content-Encoding": "gzip"})
        )
        with pytest.raises(ProtocolError, match="compressed body is corrupt"):
            client.get_student_bank_info()


@pytest.mark.parametrize("size", [10_000, 200_000])
@pytest.mark.parametrize("status", [204, 102])
def test_a_body_sent_with_an_answer_that_has_none_is_not_read_as_the_next_answer(
    portal: FakePortal, status: int, size: int
) -> None:
    # HTTP gives a 204 (or a 1xx) no body, so none is read.  A body sent anyway stayed on the
    # pooled TLS connection, and the next call read it as its answer: the next login failed
    # at its first request ("could not reach the portal"), which is never retried.  10 KB is
    # what did it every time (what the 8 KB read of the headers leaves, inside TLS).
    with make_client(portal, retries=0) as client:
        portal.inject(GENERATE_TOKEN.path, Fault.status(status, b"9" * size, "text/plain"))
        with pytest.raises(ProtocolError, match=GENERATE_TOKEN.path):
            client.student_login(portal.username, portal.password)
        assert client.student_login(portal.username, portal.password).token


def test_calls_share_one_connection(portal: FakePortal) -> None:
    before = portal.connections
    with make_client(portal, retries=0) as client:
        client.student_login(portal.username, portal.password)
        client.student_login(portal.username, portal.password)
    assert portal.connections - before == 1


@pytest.mark.parametrize(
    ("extra", "connections"),
    [
        (1, 1),  # read along with the answer, and dropped with it: the connection is clean
        (10_000, 2),  # inside TLS: this one broke the next call
        (200_000, 2),  # still arriving: the socket is readable, and urllib3 sees that itself
    ],
)
def test_bytes_past_the_content_length_are_not_read_as_the_next_answer(
    portal: FakePortal, extra: int, connections: int
) -> None:
    # The call reads the body its Content-Length declares; the rest waits on the pooled
    # connection.  Over TLS, what the last read decrypted sits inside the TLS layer, where
    # urllib3's check for a dropped connection (select on the socket) cannot see it, and the
    # next request on that connection read it as its answer.  A login is never retried.
    before = portal.connections
    with make_client(portal, retries=0) as client:
        portal.inject(GENERATE_TOKEN.path, Fault.overlong(extra))
        assert client.student_login(portal.username, portal.password).token
        assert client.student_login(portal.username, portal.password).token
    assert portal.connections - before == connections


@pytest.mark.parametrize("limit", [0, -1, 1.5, True, "4MB"])
@pytest.mark.parametrize("name", ["max_answer_bytes", "max_document_bytes"])
def test_limits_must_be_positive_integers(name: str, limit: object) -> None:
    with pytest.raises(ValueError, match=f"{name} must be a whole number, 1 or more, got "):
        Webportal(**{name: limit})  # type: ignore[arg-type]
