"""The answers the fake portal sends: an HTTP reply, and the portal's JSON shapes.

Three JSON shapes come back from the real server (docs/protocol.md 2.9): the
``status``/``response`` envelope of the application, Spring Boot's error object
(``{"status": 401, "error": "Unauthorized", ...}``) for errors its framework
catches first, and ``{"exception": "java.lang...."}`` for crashes in a handler.

The public clients named by tag (KT, UNK, JSc...) are those of docs/protocol.md section 0.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

__all__ = [
    "EMPTY",
    "OWN_FAILURE",
    "Abort",
    "Reply",
    "echo",
    "failure",
    "java_exception",
    "json_reply",
    "spring_error",
    "success",
]

JSON_TYPE = "application/json"


@dataclass(frozen=True)
class Reply:
    """One HTTP answer, and how it leaves the server.

    Attributes:
        status: The HTTP status code.
        body: The body's bytes (its length becomes ``Content-Length``).
        content_type: The ``Content-Type`` header, or ``None`` to send none.
        headers: More headers, e.g. ``Location`` or ``Content-Encoding``.
        trickle: Seconds between bytes: the answer leaves one byte at a time
            (0, the default: all at once).
        trickle_headers: Whether the status line and headers trickle too, not only the body.
        endless: Send :attr:`body` again and again, with no ``Content-Length``,
            until the client hangs up.
        overflow: Bytes sent after the body, past its ``Content-Length``, as
            by a server that miscounted the body.
    """

    status: int = 200
    body: bytes = b""
    content_type: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    trickle: float = 0.0
    trickle_headers: bool = False
    endless: bool = False
    overflow: bytes = b""


#: HTTP 200 with no body: the portal's answer to a missing or wrong ``LocalName``.
EMPTY = Reply()


class Abort(Exception):
    """Raised by an endpoint to answer with ``reply`` instead of a Success envelope."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(f"HTTP {reply.status}")
        self.reply = reply


def json_reply(value: Any, status: int = 200) -> Reply:  # noqa: ANN401 (any JSON value)
    """Return ``value`` as a compact JSON reply."""
    body = json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return Reply(status, body, JSON_TYPE)


def _envelope(
    outcome: str,
    errors: Sequence[str] | None,
    identifier: str | None,
    response: Any,  # noqa: ANN401
) -> dict[str, Any]:
    errors = None if errors is None else list(errors)
    return {
        "status": {"responseStatus": outcome, "errors": errors, "identifier": identifier},
        "response": response,
    }


def success(response: Any) -> Reply:  # noqa: ANN401 (any JSON value)
    """Return the Success envelope around ``response``."""
    return json_reply(_envelope("Success", None, None, response))


def failure(
    errors: Sequence[str],
    identifier: str | None = None,
    response: Any = None,  # noqa: ANN401 (any JSON value)
    status: int = 200,
) -> Reply:
    """Return the Failure envelope.

    The fake answers Failure envelopes with HTTP 200: KT's tests use 417, but
    nothing confirms that the real server does, and every client reads the
    envelope whatever the status.
    """
    return json_reply(_envelope("Failure", errors, identifier, response), status)


def echo(
    template: Reply, request_line: str, headers: Mapping[str, str], body: bytes, payload: object
) -> Reply:
    """What an echo fault answers: the request, as text at ``template``'s status, or as a Failure's error.

    ``payload`` is the decrypted body, or ``None``.  What was sent comes first,
    headers last (the token's first among them), as an error page's quote may be cut short.
    """
    lines = [request_line, body.decode("utf-8", "replace")]
    if payload is not None:
        lines.append(json.dumps(payload, ensure_ascii=False))
    authorization = {name: value for name, value in headers.items() if name.lower() == "authorization"}
    lines += (f"{name}: {value}" for name, value in {**authorization, **headers}.items())
    text = "\n".join(lines)
    if template.content_type == JSON_TYPE:
        return failure([text])
    return dataclasses.replace(template, body=text.encode("utf-8", "replace"))


def java_exception(name: str = "java.lang.NullPointerException") -> Reply:
    """Return HTTP 500 with ``{"exception": name}``, as the portal reports a crashed handler."""
    return json_reply({"exception": name}, 500)


#: What the fake answers when its own code fails (a bug in pyjiit.testing), as a crashed portal would.
OWN_FAILURE = java_exception("java.lang.IllegalStateException")


_REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    411: "Length Required",
}


def spring_error(status: int, path: str, now: dt.datetime, message: str = "") -> Reply:
    """Return Spring Boot's default error object for ``status``.

    Args:
        status: The HTTP status (400, 401, 404, 405 or 411).
        path: The full request path, as Spring reports it.
        now: The server clock's time, for the ``timestamp`` field.
        message: Spring's ``message`` field.
    """
    return json_reply(
        {
            "timestamp": now.isoformat(timespec="milliseconds"),
            "status": status,
            "error": _REASONS[status],
            "message": message,
            "path": path,
        },
        status,
    )
