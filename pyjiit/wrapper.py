"""``Webportal``: the client, with an endpoint group per part of the portal.

The typed calls live in the groups (``portal.attendance.detail()``,
``portal.grades.card(semester)``: see :mod:`pyjiit.calls`), each returning a
model of :mod:`pyjiit.models`.  The client keeps the connection and the
session, and keeps pyjiit 0.1.0a9's methods (``get_attendance``...), each a
line over the same requests, returning what 0.1.0a9 returned: the
``response`` part of the answer, or 0.1.0a9's objects.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar, cast

import requests

from pyjiit import __version__, _json
from pyjiit._checks import Refused, check_ca_bundle, count, http_url, instance, seconds, sendable_text
from pyjiit._files import read_small, write_whole
from pyjiit._parse import get_object, require_object
from pyjiit._transport import DEFAULT_MAX_ANSWER_BYTES, DEFAULT_MAX_DOCUMENT_BYTES, Timeout, Transport
from pyjiit.calls import (
    AccountCalls,
    AttendanceCalls,
    ExamCalls,
    FeeCalls,
    FeedbackCalls,
    GradeCalls,
    MoocCalls,
    RegistrationCalls,
    StudentCalls,
)
from pyjiit.default import CAPTCHA
from pyjiit.exceptions import NotLoggedIn, SessionError, SessionExpired, SessionNotSaved
from pyjiit.models._table import rows
from pyjiit.models.attendance import Semester
from pyjiit.models.exams import ExamEvents
from pyjiit.models.registration import Registrations
from pyjiit.session import WebportalSession

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Mapping

    from pyjiit.calls._base import Request
    from pyjiit.endpoints import Endpoint
    from pyjiit.exceptions import PortalError
    from pyjiit.models.account import Captcha
    from pyjiit.models.attendance import AttendanceHeader, AttendanceMeta
    from pyjiit.models.exams import ExamEvent

__all__ = [
    "API",
    "DEFAULT_TIMEOUT",
    "MAX_SESSION_FILE_BYTES",
    "SSO_API",
    "Webportal",
    "WebportalSession",
    "authenticated",
]

#: The real portal's API base.
API = "https://webportal.jiit.ac.in:6011/StudentPortalAPI"
#: The real portal's Google sign-in exchange base.
SSO_API = "https://webportal.jiit.ac.in:6013/CLXSSOAPI"
#: ``(connect, read)`` seconds: the portal is slow (attendance can take over 10 s).
DEFAULT_TIMEOUT: tuple[float, float] = (10.0, 60.0)
#: The largest file :meth:`Webportal.load_session` reads: a saved session is a few KiB.
MAX_SESSION_FILE_BYTES = 1 << 20

P = ParamSpec("P")
R = TypeVar("R")


def authenticated(method: Callable[Concatenate[Webportal, P], R]) -> Callable[Concatenate[Webportal, P], R]:
    """Make ``method`` require a live session.

    Raises ``NotLoggedIn`` without a session and ``SessionExpired`` when the
    token is past its expiry by the portal's clock, before any request is sent.
    """

    @functools.wraps(method)
    def wrapper(self: Webportal, /, *args: P.args, **kwargs: P.kwargs) -> R:
        self._require_session()
        return method(self, *args, **kwargs)

    return wrapper


def _answer(value: object, what: str) -> dict[str, Any]:
    """The answer as the plain dict 0.1.0a9 returned, once checked to be a JSON object."""
    return cast("dict[str, Any]", require_object(value, what))


class Webportal:
    """A client of the JIIT webportal.

    One instance keeps one pooled HTTP connection; use it as a context manager
    or call :meth:`close` when done.  A logged-in instance may be used by many
    threads at once; log in, log out or load a session only while no other
    thread is using it (one instance per account).  Log in with
    ``portal.account.login()`` or ``portal.account.google_login()`` (or restore
    a session with :meth:`load_session`), then make typed calls through the
    endpoint groups: :attr:`account`, :attr:`student`, :attr:`attendance`,
    :attr:`registration`, :attr:`exams`, :attr:`grades`, :attr:`fees`,
    :attr:`mooc` and :attr:`feedback` (see :mod:`pyjiit.calls`).  pyjiit
    0.1.0a9's methods (:meth:`student_login`, :meth:`get_attendance`...) work
    as they did, returning what they returned.

    Args:
        base_url: The portal's API base (default: :data:`API`, the real portal);
            point it at a :class:`pyjiit.testing.FakePortal`'s ``url`` to test
            without the real portal.
        sso_url: The base of the Google sign-in exchange (default: :data:`SSO_API`).
        timeout: Seconds to wait for a connection and for an answer, as
            ``(connect, read)`` or one number for both.  Their sum is the
            deadline of each request to the portal, retries included: 70 s by
            default (see the errors guide, "How long a request may take").
        verify: TLS verification: ``True``, ``False``, or the path of a CA bundle.
        retries: How often a read is repeated after a connection failure or a
            502/503/504/513 answer.  Logins, password changes and feedback are never repeated.
        backoff: Seconds before the first retry; each next wait doubles.
        session: A session to start with (e.g. from :meth:`WebportalSession.from_dict`).
        http: A ``requests.Session`` to send with (for proxies or custom adapters).
        max_answer_bytes: The largest JSON answer read, counted after
            decompression (4 MiB by default); a larger one raises
            :class:`~pyjiit.exceptions.AnswerTooLarge`.
        max_document_bytes: The largest document read: the marks PDF (16 MiB by default).

    Raises:
        ValueError: A setting cannot work, and the message names it: a URL
            that is not http(s) with a host (or carries a password), a timeout
            that is not a number of seconds above 0 (or a pair of them), one
            over a day, negative retries or backoff, a size below 1 byte, a CA
            bundle that does not exist or holds no certificate, a ``verify``
            that is neither a bool nor a path.
        TypeError: ``session`` is not a :class:`WebportalSession`, or
            ``http`` not a ``requests.Session``.
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        sso_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        verify: bool | str | os.PathLike[str] = True,
        retries: int = 2,
        backoff: float = 0.5,
        session: WebportalSession | None = None,
        http: requests.Session | None = None,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
        max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
    ) -> None:
        # Read at construction, not definition, so that code written for 0.1.0a9
        # can be pointed elsewhere by setting pyjiit.wrapper.API.
        base_url = API if base_url is None else base_url
        sso_url = SSO_API if sso_url is None else sso_url
        http_url("base_url", base_url)
        http_url("sso_url", sso_url)
        count("retries", retries)
        seconds("backoff", backoff, zero=True)
        if isinstance(timeout, tuple) and len(timeout) != 2:  # noqa: PLR2004 (connect, read)
            raise Refused("timeout", "must be seconds, or a (connect, read) pair of seconds", timeout)
        for value in timeout if isinstance(timeout, tuple) else (timeout,):
            seconds("timeout", value)
        count("max_answer_bytes", max_answer_bytes, minimum=1)
        count("max_document_bytes", max_document_bytes, minimum=1)
        if isinstance(verify, os.PathLike):
            verify = os.fspath(verify)
        if not isinstance(verify, (bool, str)):
            # requests reads any false value (0, None) as "do not verify": only a bool may say so.
            raise Refused("verify", "must be True, False or the path of a CA bundle", verify)
        if isinstance(verify, str):
            check_ca_bundle("verify", verify)
        instance("session", session, WebportalSession, "a WebportalSession (from a login or load_session)")
        instance("http", http, requests.Session, "a requests.Session")
        self.session: WebportalSession | None = session
        self._transport = Transport(
            base_url,
            sso_url,
            timeout=timeout,
            verify=verify,
            retries=retries,
            backoff=backoff,
            user_agent=f"pyjiit/{__version__} (+https://github.com/codelif/pyjiit)",
            http=http,
            max_answer_bytes=max_answer_bytes,
            max_document_bytes=max_document_bytes,
        )
        #: Logging in and out, the captcha, the portal's configuration, the password.
        self.account = AccountCalls(self)
        #: The student's records: personal information, bank details, hostel, current semester.
        self.student = StudentCalls(self)
        #: Attendance, counted class by class.
        self.attendance = AttendanceCalls(self)
        #: Registered subjects, elective choices and credits.
        self.registration = RegistrationCalls(self)
        #: Exam events, schedules and marks.
        self.exams = ExamCalls(self)
        #: Grade cards, SGPA and CGPA.
        self.grades = GradeCalls(self)
        #: The fee summary and pending fines.
        self.fees = FeeCalls(self)
        #: MOOC subjects and their approval.
        self.mooc = MoocCalls(self)
        #: Rating teachers in feedback events.
        self.feedback = FeedbackCalls(self)

    def __str__(self) -> str:
        return "Driver Class for JIIT Webportal"

    def __repr__(self) -> str:
        who = self.session.enrollmentno or self.session.name if self.session else None
        return f"Webportal(base_url={self._transport.base_url!r}, logged_in_as={who!r})"

    def __enter__(self) -> Webportal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the pooled connections (the session stays usable by a new client)."""
        self._transport.close()

    @property
    def base_url(self) -> str:
        """The portal's API base this client talks to."""
        return self._transport.base_url

    @property
    def server_time(self) -> dt.datetime:
        """The portal's current time, as learnt from its ``Date`` headers (aware, UTC)."""
        return self._transport.clock.now()

    # -- plumbing -------------------------------------------------------------------------

    def _require_session(self) -> WebportalSession:
        if self.session is None:
            raise NotLoggedIn("not logged in: log in with portal.account.login() or load_session() first")
        if self.session.is_expired(self._transport.clock.now()):
            raise SessionExpired("the session has expired: log in again")
        return self.session

    def _call(
        self,
        endpoint: Endpoint,
        payload: Mapping[str, Any] | None = None,
        *,
        error: type[PortalError] | None = None,
    ) -> Any:  # noqa: ANN401 (the portal's JSON)
        if endpoint.authenticated:
            self._require_session()
        token = self.session.token if endpoint.authenticated and self.session else None
        if error is None:
            return self._transport.call(endpoint, payload, token=token)
        return self._transport.call(endpoint, payload, token=token, error=error)

    def _ids(self, *keys: str) -> dict[str, str]:
        """The session values named by ``keys`` (``studentid`` is the member id)."""
        session = self._require_session()
        values = {
            "instituteid": session.instituteid,
            "studentid": session.memberid,
            "memberid": session.memberid,
            "clientid": session.clientid,
            "membertype": session.membertype,
        }
        return {key: values[key] for key in keys}

    # -- saving sessions ----------------------------------------------------------------------

    def save_session(self, path: str | os.PathLike[str]) -> None:
        """Write the session to ``path`` as JSON readable by its owner only (mode 0600).

        The file holds the bearer token, which is as good as the password
        until it expires.

        Raises:
            NotLoggedIn: there is no session to save.
            SessionNotSaved: the file cannot be written, or ``path`` names
                something other than a file (a directory, a device).  It is
                both a ``SessionError`` and a ``FileNotSaved``.
        """
        if self.session is None:
            raise NotLoggedIn("not logged in: there is no session to save")
        target = Path(path)
        try:
            write_whole(target, json.dumps(self.session.to_dict()).encode("utf-8"), private=True)
        except OSError as error:
            raise SessionNotSaved(
                f"cannot save the session to {target}: {error.strerror or error}", path=str(target)
            ) from error

    def load_session(self, path: str | os.PathLike[str]) -> WebportalSession:
        """Read a session written by :meth:`save_session` and use it.

        An expired session loads; the next authenticated call raises
        :class:`~pyjiit.exceptions.SessionExpired`.

        Raises:
            SessionError: the file is missing, unreadable, not a regular file,
                larger than :data:`MAX_SESSION_FILE_BYTES`, or not a saved session.
        """
        source = Path(path)
        try:
            data = _json.decode(read_small(source, MAX_SESSION_FILE_BYTES))
        except OSError as error:
            raise SessionError(f"cannot read the session file {source}: {error.strerror or error}") from error
        except ValueError as error:
            raise SessionError(
                f"{source} is not a saved pyjiit session (not JSON pyjiit reads: {error})"
            ) from None
        session = WebportalSession.from_dict(data)
        self.session = session
        return session

    # -- pyjiit 0.1.0a9's methods ------------------------------------------------------------------
    #
    # Each sends the request its endpoint group sends and returns what 0.1.0a9
    # returned: the answer's ``response`` as it came, or 0.1.0a9's objects.

    def _raw(self, request: Request, what: str) -> dict[str, Any]:
        """The answer to ``request`` as the plain dict 0.1.0a9 returned, once checked to be a JSON object."""
        return cast("dict[str, Any]", require_object(self._call(request.endpoint, request.payload), what))

    def _semesters(self, request: Request, *path: str) -> list[Semester]:
        """The semesters of a list answer, at ``path``, as 0.1.0a9's :class:`Semester` objects."""
        node: object = self._call(request.endpoint, request.payload)
        *parents, key = path
        for parent in parents:
            node = get_object(node, parent, "semesters")
        return list(rows(Semester)(require_object(node, "semesters"), key, "semesters"))

    def student_login(self, username: str, password: str, captcha: Captcha = CAPTCHA) -> WebportalSession:
        """Log in with an enrollment number and password (#2, #3): ``account.login()``.

        Raises:
            LoginError: the portal refused the login (wrong password, unknown user...).
            TypeError: ``username`` is not a ``str`` or an ``int``, or ``password``
                not a ``str``; nothing is sent.
            ValueError: ``username`` or ``password`` is empty; nothing is sent.
        """
        return self.account.login(username, password, captcha)

    def get_captcha(self) -> Captcha:
        """A captcha (with an empty answer) for :meth:`student_login` (#1)."""
        return self.account.captcha()

    @authenticated
    def set_password(self, old_pswd: str, new_pswd: str) -> None:
        """Change the password (#9).

        Raises:
            AccountAPIError: the portal refused (wrong old password, weak new one...).
            TypeError: a password is not a ``str``; nothing is sent.
            ValueError: a password is empty; nothing is sent.
        """
        sendable_text("old_pswd", old_pswd)  # by the names of this method's arguments
        sendable_text("new_pswd", new_pswd)
        self.account.change_password(old_pswd, new_pswd)

    @authenticated
    def get_student_personal_information(self) -> dict[str, Any]:
        """Personal information, as the portal sent it (#7); typed: ``student.personal_info()``."""
        return self._raw(self.student._personal_info(), "personal information")

    @authenticated
    def get_student_bank_info(self) -> dict[str, Any]:
        """Bank details, as the portal sent them (#8); typed: ``student.bank_info()``."""
        return self._raw(self.student._bank_info(), "bank information")

    @authenticated
    def get_attendance_meta(self) -> AttendanceMeta:
        """The semesters and headers attendance can be asked for, newest first (#10)."""
        return self.attendance.meta()

    @authenticated
    def get_attendance(self, header: AttendanceHeader, semester: Semester) -> dict[str, Any]:
        """Attendance per subject of a semester, as the portal sent it (#11); typed: ``attendance.detail()``.

        Raises:
            NoDataFound: the portal has no attendance for the semester.
        """
        return self._raw(self.attendance._detail(header, semester), "attendance")

    @authenticated
    def get_registered_semesters(self) -> list[Semester]:
        """Semesters with subject registrations, newest first (#13); typed: ``registration.semesters()``."""
        return self._semesters(self.registration._semesters(), "registrations")

    @authenticated
    def get_registered_subjects_and_faculties(self, semester: Semester) -> Registrations:
        """Registered subjects of a semester with their teachers (#14); typed: ``registration.subjects()``."""
        return Registrations(self._raw(self.registration._subjects(semester), "registrations"))

    @authenticated
    def get_subject_choices(self, semester: Semester) -> dict[str, Any]:
        """Elective choices of a semester, as sent (#15); typed: ``registration.choices()``."""
        return self._raw(self.registration._choices(semester), "subject choices")

    @authenticated
    def get_semesters_for_exam_events(self) -> list[Semester]:
        """Semesters with exam events, newest first (#18); typed: ``exams.semesters()``."""
        return self._semesters(self.exams._semesters(), "semesterCodeinfo", "semestercode")

    @authenticated
    def get_exam_events(self, semester: Semester) -> list[ExamEvent]:
        """The exam events of a semester (#19); typed: ``exams.events()``."""
        request = self.exams._events(semester)
        return list(ExamEvents.from_response(self._call(request.endpoint, request.payload)).events)

    @authenticated
    def get_exam_schedule(self, exam_event: ExamEvent) -> dict[str, Any]:
        """The timetable of an exam event, as the portal sent it (#20); typed: ``exams.schedule()``."""
        return self._raw(self.exams._schedule(exam_event), "exam schedule")

    @authenticated
    def get_semesters_for_marks(self) -> list[Semester]:
        """Semesters with marks (#21); typed: ``exams.marks_semesters()``."""
        return self._semesters(self.exams._marks_semesters(), "semestercode")

    @authenticated
    def download_marks(self, semester: Semester) -> bytes:
        """The marks of a semester as a PDF document (#22): ``exams.marks_pdf()``.

        Raises:
            APIError: the portal answered an error instead of a PDF (e.g. no marks yet).
        """
        return self.exams.marks_pdf(semester)

    @authenticated
    def get_semesters_for_grade_card(self) -> list[Semester]:
        """Semesters with a grade card (#24); typed: ``grades.semesters()``."""
        return self._semesters(self.grades._semesters(), "registrations")

    @authenticated
    def get_grade_card(self, semester: Semester) -> dict[str, Any]:
        """The grade card of a semester, as the portal sent it (#26); typed: ``grades.card()``.

        The program and branch ids it needs (#25) are asked once per session,
        not on every call as in 0.1.0a9.
        """
        return self._raw(self.grades._card(semester), "grade card")

    @authenticated
    def get_sgpa_cgpa(self, stynumber: int = 0) -> dict[str, Any]:
        """SGPA and CGPA of every semester so far, as sent (#28); typed: ``grades.results()``.

        Raises:
            ValueError: ``stynumber`` is not a whole number, 0 or more, or its
                digits; nothing is sent.
        """
        return self._raw(self.grades._results(stynumber), "SGPA/CGPA")

    @authenticated
    def get_fines_msc_charges(self) -> Any:  # noqa: ANN401 (the portal's JSON)
        """Pending fines and charges, as the portal sent them (#29); typed: ``fees.charges()``.

        Raises:
            NoDataFound: nothing is due (the portal's ``NO APPROVED REQUEST
                FOUND``); it is an :class:`~pyjiit.exceptions.APIError`, as in 0.1.0a9.
        """
        request = self.fees._charges()
        return self._call(request.endpoint, request.payload)

    @authenticated
    def get_fee_summary(self) -> dict[str, Any]:
        """Fees per semester, as the portal sent them (#30); typed: ``fees.summary()``."""
        return self._raw(self.fees._summary(), "fee summary")
