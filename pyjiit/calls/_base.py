"""What every endpoint group shares: its client, the request it builds, and reading the answer.

A group builds a :class:`Request` for each endpoint (the endpoint and its
payload, from the session), sends it through its client, and builds the
endpoint's model from the answer.  ``Webportal``'s 0.1.0a9 methods send the
same requests and return the answer as it came.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pyjiit._checks import wrong_type
from pyjiit._transport import about
from pyjiit.exceptions import NoDataFound

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pyjiit.endpoints import Endpoint
    from pyjiit.exceptions import PortalError
    from pyjiit.models import Model
    from pyjiit.wrapper import Webportal

__all__ = ["SEMESTER", "Calls", "Request", "check_model"]

_M = TypeVar("_M", bound="Model")

#: What a semester argument must be, as a wrong one's error says.
SEMESTER = "a pyjiit Semester or SemesterRecord (from portal.attendance.meta() or a semesters() list)"


def check_model(name: str, value: object, expected: str, *fields: str) -> None:
    """Refuse ``value`` unless it has ``fields``, those a call reads of the pyjiit model it takes.

    Any object with them passes (the models, pyjiit 0.1.0a9's classes, an
    app's own), as it did when the call read them unchecked; anything else,
    such as a semester's code as text or ``None``, is refused before a
    request is sent, instead of failing as an ``AttributeError`` within.

    Args:
        name: The parameter, as the caller knows it (``"semester"``).
        value: What was given.
        expected: What it must be, and where one comes from (``"a pyjiit ExamEvent (from ...)"``).
        fields: The attributes the call reads of it.

    Raises:
        TypeError: It lacks one; the message names ``name``, says ``expected``
            and the type given (never the value).
    """
    if not all(hasattr(value, field) for field in fields):
        raise wrong_type(name, expected, value)


@dataclass(frozen=True)
class Request:
    """One request to the portal: the endpoint, and the payload built from the session."""

    endpoint: Endpoint
    payload: Mapping[str, Any] | None = None


class Calls:
    """An endpoint group: the typed calls of one part of the portal, made through ``client``."""

    def __init__(self, client: Webportal) -> None:
        self._client = client

    def _ids(self, *keys: str) -> dict[str, str]:
        """The session values named by ``keys``, for a payload (see :meth:`Webportal._ids`)."""
        return self._client._ids(*keys)

    def _send(self, request: Request, *, error: type[PortalError] | None = None) -> Any:  # noqa: ANN401 (JSON)
        """Send ``request`` and return the ``response`` part of the answer, as the portal sent it."""
        return self._client._call(request.endpoint, request.payload, error=error)

    def _read(self, model: type[_M], request: Request) -> _M:
        """Send ``request`` and build ``model`` from the answer.

        This is the one place that decides what "NO ... FOUND" means: for an
        answer that is a list (of semesters, charges, classes...) it is the
        empty list, and the model is built from that.  For anything else it
        stays the :class:`~pyjiit.exceptions.NoDataFound` error.
        """
        try:
            answer = self._send(request)
        except NoDataFound:
            empty = model._empty()
            if empty is None:
                raise
            return empty
        with about(request.endpoint):
            return model.from_response(answer)
