"""How an accepted request reaches the code that answers its endpoint.

A handler receives a :class:`Call` (the decoded payload and the portal's
state) and returns the ``response`` part of a Success envelope, or a whole
:class:`~pyjiit.testing._replies.Reply` (the marks PDF).  It refuses with
:class:`~pyjiit.testing._replies.Abort`.  Before a handler runs, :func:`answer`
checks what the real portal checks first: that the keys the endpoint reads
are there (a missing one crashes the portal's handler with a
``NullPointerException``), and that identity keys (``instituteid``,
``studentid``...) name the logged-in student.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pyjiit.testing._replies import Abort, Reply, failure, java_exception, success
from pyjiit.utils import IST

if TYPE_CHECKING:
    from pyjiit.endpoints import Endpoint
    from pyjiit.testing._state import PortalState
    from pyjiit.testing.data import DemoStudent, Semester

__all__ = ["Call", "Handler", "Route", "RouteTable", "answer", "epoch_ms", "no_data"]


def no_data(errors: str = "NO DATA FOUND") -> Abort:
    """Return the refusal for a lookup that finds nothing (raise it)."""
    return Abort(failure([errors]))


def epoch_ms(day: dt.date) -> int:
    """Return IST midnight of ``day`` in epoch milliseconds, as the portal sends dates."""
    return int(dt.datetime.combine(day, dt.time(), IST).timestamp() * 1000)


@dataclass(frozen=True)
class Call:
    """One accepted request, as a handler sees it.

    Attributes:
        state: The portal's state.
        payload: The decoded request body (empty for GET requests).
        path: The API-relative path (the marks PDF reads its parameters from it).
    """

    state: PortalState
    payload: Mapping[str, Any]
    path: str

    @property
    def student(self) -> DemoStudent:
        """The demo student."""
        return self.state.student

    def semester(self, key: str = "registrationid", errors: str = "NO DATA FOUND") -> Semester:
        """Return the registered semester the payload's ``key`` names.

        Raises:
            Abort: No such semester (a Failure envelope with ``errors``).
        """
        semester = self.student.semester(str(self.payload.get(key)))
        if semester is None:
            raise no_data(errors)
        return semester


#: A function that answers one endpoint: it takes the decoded call and returns the ``response``.
Handler = Callable[[Call], Any]


@dataclass(frozen=True)
class Route:
    """An endpoint, the payload keys it needs, and its handler."""

    endpoint: Endpoint
    required: tuple[str, ...]
    handler: Handler


class RouteTable:
    """A set of routes, one per endpoint."""

    def __init__(self) -> None:
        self._routes: dict[Endpoint, Route] = {}

    def add(self, endpoint: Endpoint, *required: str) -> Callable[[Handler], Handler]:
        """Register the decorated function as the handler of ``endpoint``.

        Args:
            endpoint: The endpoint it answers.
            *required: Payload keys every client sends; without one of them
                the portal crashes (HTTP 500).

        Raises:
            ValueError: ``endpoint`` already has a handler.
        """

        def register(handler: Handler) -> Handler:
            if endpoint in self._routes:
                raise ValueError(f"{endpoint.path} has two handlers")
            self._routes[endpoint] = Route(endpoint, required, handler)
            return handler

        return register

    @classmethod
    def merge(cls, *tables: RouteTable) -> RouteTable:
        """Return one table holding the routes of all ``tables``.

        Raises:
            ValueError: Two tables route the same endpoint.
        """
        merged = cls()
        for table in tables:
            for route in table:
                merged.add(route.endpoint, *route.required)(route.handler)
        return merged

    def get(self, endpoint: Endpoint) -> Route | None:
        """Return the route of ``endpoint``, if it has one."""
        return self._routes.get(endpoint)

    def __iter__(self) -> Iterator[Route]:
        """Iterate over the routes."""
        return iter(self._routes.values())


def _identity(student: DemoStudent) -> dict[str, str]:
    """Payload keys that name the student, and the value each must have."""
    return {
        "instituteid": student.institute_id,
        "studentid": student.memberid,
        "memberid": student.memberid,
        "clientid": student.clientid,
        "enrollmentno": student.username,
        "enrollmentNo": student.username,
        "branchid": student.branchid,
        "programid": student.programid,
    }


def answer(route: Route, call: Call) -> Reply:
    """Run ``route``'s handler on ``call`` after the portal's common checks."""
    if any(key not in call.payload or call.payload[key] is None for key in route.required):
        return java_exception("java.lang.NullPointerException")
    for key, expected in _identity(call.student).items():
        if key in call.payload and call.payload[key] != expected:
            return failure(["NO DATA FOUND"])
    try:
        result = route.handler(call)
    except Abort as refusal:
        return refusal.reply
    return result if isinstance(result, Reply) else success(result)
