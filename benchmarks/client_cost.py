"""What a call costs the client itself, with the network taken out.

The workload's answers are first recorded from a real :class:`FakePortal`
exchange, then replayed from memory, so the loops below measure work on this
machine's CPU and no sockets, TLS or server:

- pyjiit's own work per call (building the payload, encrypting it, the
  ``LocalName`` header, the server clock, reading the envelope, building the
  0.1.0a9 objects), with a ``requests.Session`` whose ``request`` hands back
  the recorded answer at once;
- the same plus requests' Session machinery (preparing the request, merging
  the environment's proxy, CA and netrc settings, hooks, cookies), with the
  answer replayed by a transport adapter, requests' own extension point below
  all of it; once as requests is by default (``trust_env=True``) and once
  with ``trust_env=False``.
"""

from __future__ import annotations

import io
import statistics
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter, HTTPAdapter
from requests.structures import CaseInsensitiveDict
from requests.utils import get_encoding_from_headers

from benchmarks.workload import CALLS_PER_ROUND, mix
from pyjiit import Webportal
from pyjiit.encryption import generate_local_name, serialize_payload
from pyjiit.utils import ist_date

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from pyjiit.testing import FakePortal

__all__ = ["measure"]


@dataclass(frozen=True)
class Recorded:
    """One answer as it came off the wire."""

    status: int
    headers: dict[str, str]
    body: bytes

    def response(self, request: requests.PreparedRequest | None, url: str) -> requests.Response:
        """A fresh ``Response`` holding this answer, as requests' HTTPAdapter builds one."""
        response = requests.Response()
        response.status_code = self.status
        response.reason = "OK"
        response.headers = CaseInsensitiveDict(self.headers)
        response.encoding = get_encoding_from_headers(response.headers)
        response.raw = io.BytesIO(self.body)
        response.url = url
        if request is not None:
            response.request = request
        return response


def _url(url: str | bytes | None) -> str:
    return url.decode() if isinstance(url, bytes) else url or ""


def _path(url: str) -> str:
    return urlsplit(url).path


class RecordingAdapter(HTTPAdapter):
    """The normal adapter, keeping the last answer of every path."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: dict[str, Recorded] = {}

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:  # noqa: ANN401
        """Send as usual and record the answer."""
        response = super().send(request, *args, **kwargs)
        self.answers[_path(_url(request.url))] = Recorded(
            response.status_code, dict(response.headers), response.content
        )
        return response


class ReplayAdapter(BaseAdapter):
    """Answers every request with the recorded answer of its path, without a socket."""

    def __init__(self, answers: Mapping[str, Recorded]) -> None:
        super().__init__()
        self.answers = dict(answers)

    def send(self, request: requests.PreparedRequest, *_args: Any, **_kwargs: Any) -> requests.Response:  # noqa: ANN401
        """Return the recorded answer."""
        url = _url(request.url)
        return self.answers[_path(url)].response(request, url)

    def close(self) -> None:
        """Nothing to close."""


class ReplaySession(requests.Session):
    """A session whose ``request`` returns the recorded answer without any of requests' work."""

    def __init__(self, answers: Mapping[str, Recorded]) -> None:
        super().__init__()
        self.answers = dict(answers)

    def request(
        self,
        method: str | bytes,  # noqa: ARG002 (requests' signature)
        url: str | bytes,
        *args: Any,  # noqa: ANN401, ARG002
        **kwargs: Any,  # noqa: ANN401, ARG002
    ) -> requests.Response:
        """Return the recorded answer of ``url``'s path."""
        return self.answers[_path(_url(url))].response(None, _url(url))


def _adapted(adapter: BaseAdapter, *, trust_env: bool = True) -> requests.Session:
    http = requests.Session()
    http.trust_env = trust_env
    http.mount("https://", adapter)
    http.mount("http://", adapter)
    return http


def _per_call(work: Callable[[], None], calls: int, repeats: int) -> float:
    """The median over ``repeats`` runs of ``work`` (after one unmeasured run) of its microseconds per call.

    Time is this thread's CPU time: on a shared machine, other processes
    taking the CPU away must not count as pyjiit's cost.
    """
    work()
    timings = []
    for _ in range(repeats):
        started = time.thread_time()
        work()
        timings.append((time.thread_time() - started) / calls)
    return statistics.median(timings) * 1e6


def _record(portal: FakePortal) -> dict[str, Recorded]:
    """The answers of a login and one round of the workload, by path."""
    recorder = RecordingAdapter()
    http = _adapted(recorder)
    with Webportal(portal.url, sso_url=portal.sso_url, verify=portal.verify, http=http) as client:
        client.student_login(portal.username, portal.password)
        mix(client)
    return recorder.answers


def _workload_cost(portal: FakePortal, http: requests.Session, rounds: int, repeats: int) -> float:
    """Microseconds per call of the workload with ``http`` answering."""
    with Webportal(portal.url, sso_url=portal.sso_url, http=http) as client:
        client.student_login(portal.username, portal.password)

        def workload() -> None:
            for _ in range(rounds):
                mix(client)

        return _per_call(workload, rounds * CALLS_PER_ROUND, repeats)


def measure(portal: FakePortal, *, rounds: int = 300, repeats: int = 7) -> dict[str, float]:
    """Measure the client's cost per call of the workload, in microseconds.

    Args:
        portal: A running portal to record the answers from.
        rounds: Workload rounds per timed run.
        repeats: Timed runs; the median is kept.

    Returns:
        ``pyjiit_us`` (pyjiit's own work), ``with_requests_us`` (plus requests'
        Session machinery, as configured by default),
        ``with_requests_no_env_us`` (the same with ``trust_env=False``), and two
        parts of pyjiit's own work, ``local_name_us`` and ``encrypt_payload_us``.
    """
    answers = _record(portal)
    calls = rounds * CALLS_PER_ROUND
    day = ist_date()
    payload = {"instituteid": "11764", "studentid": "JIIT2300123", "registrationid": "JIRUM25100000001"}

    def local_names() -> None:
        for _ in range(calls):
            generate_local_name(day)

    def payloads() -> None:
        for _ in range(calls):
            serialize_payload(payload, day)

    replay = ReplayAdapter(answers)
    return {
        "pyjiit_us": _workload_cost(portal, ReplaySession(answers), rounds, repeats),
        "with_requests_us": _workload_cost(portal, _adapted(replay), rounds, repeats),
        "with_requests_no_env_us": _workload_cost(portal, _adapted(replay, trust_env=False), rounds, repeats),
        "local_name_us": _per_call(local_names, calls, repeats),
        "encrypt_payload_us": _per_call(payloads, calls, repeats),
    }
