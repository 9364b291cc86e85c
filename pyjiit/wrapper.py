"""``Webportal``: the client, one method per portal endpoint.

Each method builds its payload from the session, lets the transport send it,
and returns the ``response`` part of the answer, as pyjiit 0.1.0a9 did (raw
dictionaries, or 0.1.0a9's objects where it returned those).  Every raw answer
also has a typed model, built with the model's ``from_response``; each
method's docstring names it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar, cast

from pyjiit import __version__, endpoints
from pyjiit._parse import get_list, get_object, get_str, require_object, require_objects
from pyjiit.attendance import AttendanceDetail, AttendanceHeader, AttendanceMeta, DailyAttendance, Semester
from pyjiit.default import CAPTCHA
from pyjiit.exam import ExamEvent
from pyjiit.exceptions import (
    AccountAPIError,
    LoginError,
    NoDataFound,
    NotLoggedIn,
    ProtocolError,
    SessionError,
    SessionExpired,
)
from pyjiit.feedback import (
    FeedbackEvent,
    FeedbackEvents,
    FeedbackGrid,
    FeedbackQuestion,
    FeedbackQuestions,
    FeedbackSubject,
    Rating,
)
from pyjiit.registration import Registrations
from pyjiit.session import WebportalSession
from pyjiit.tokens import Captcha
from pyjiit.transport import DEFAULT_MAX_ANSWER_BYTES, DEFAULT_MAX_DOCUMENT_BYTES, Timeout, Transport
from pyjiit.utils import IST

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    import requests

    from pyjiit.endpoints import Endpoint

__all__ = ["API", "DEFAULT_TIMEOUT", "SSO_API", "Webportal", "WebportalSession", "authenticated"]

#: The real portal's API base.
API = "https://webportal.jiit.ac.in:6011/StudentPortalAPI"
#: The real portal's Google sign-in exchange base.
SSO_API = "https://webportal.jiit.ac.in:6013/CLXSSOAPI"
#: ``(connect, read)`` seconds: the portal is slow (attendance can take over 10 s).
DEFAULT_TIMEOUT: tuple[float, float] = (10.0, 60.0)

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
    thread is using it (one instance per account).  Log in with :meth:`student_login` or
    :meth:`google_login` (or restore a session with :meth:`load_session`), then
    call the other methods.

    Args:
        base_url: The portal's API base (default: :data:`API`, the real portal);
            point it at a :class:`pyjiit.testing.FakePortal`'s ``url`` to test
            without the real portal.
        sso_url: The base of the Google sign-in exchange (default: :data:`SSO_API`).
        timeout: Seconds to wait for a connection and for an answer, as
            ``(connect, read)`` or one number for both.  Their sum is the
            deadline of each request to the portal, retries included: 70 s by
            default (see :func:`pyjiit.transport.deadline_seconds`).
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
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        sso_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        verify: bool | str = True,
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
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
        if not sso_url.startswith(("http://", "https://")):
            raise ValueError(f"sso_url must be an http(s) URL, got {sso_url!r}")
        if retries < 0 or backoff < 0:
            raise ValueError("retries and backoff must not be negative")
        seconds = timeout if isinstance(timeout, tuple) else (timeout,)
        if not all(value > 0 for value in seconds):
            raise ValueError(f"timeout must be positive seconds, got {timeout!r}")
        for name, limit in (
            ("max_answer_bytes", max_answer_bytes),
            ("max_document_bytes", max_document_bytes),
        ):
            if type(limit) is not int or limit < 1:  # bool is an int, and is not a size
                raise ValueError(f"{name} must be a positive number of bytes, got {limit!r}")
        if isinstance(verify, str) and not Path(verify).exists():
            raise ValueError(f"verify names no CA bundle: {verify!r} does not exist")
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
        # The program and branch ids of the grade card, with the session they belong to:
        # code of 0.1.0a9's era may replace self.session directly.
        self._grade_card_ids: tuple[WebportalSession, dict[str, str]] | None = None

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
            raise NotLoggedIn("not logged in: call student_login(), google_login() or load_session() first")
        if self.session.is_expired(self._transport.clock.now()):
            raise SessionExpired("the session has expired: log in again")
        return self.session

    def _call(self, endpoint: Endpoint, payload: Mapping[str, Any] | None = None, **kwargs: Any) -> Any:  # noqa: ANN401
        token = self.session.token if endpoint.authenticated and self.session else None
        return self._transport.call(endpoint, payload, token=token, **kwargs)

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

    # -- logging in -------------------------------------------------------------------------

    def student_login(self, username: str, password: str, captcha: Captcha = CAPTCHA) -> WebportalSession:
        """Log in with an enrollment number and password.

        The portal does not check the captcha, so the default one works; pass
        one from :meth:`get_captcha` if that ever changes.  Since September
        2026 students sign in with Google (:meth:`google_login`); this still
        works for other accounts.

        Returns:
            The new session (also kept in ``self.session``).

        Raises:
            LoginError: the portal refused the login (wrong password, unknown user...).
        """
        pretoken = _answer(
            self._call(
                endpoints.PRETOKEN_CHECK,
                {"username": username, "usertype": "S", "captcha": captcha.payload()},
                error=LoginError,
            ),
            "pretoken-check answer",
        )
        pretoken.pop("rejectedData", None)
        answer = self._call(
            endpoints.GENERATE_TOKEN,
            {**pretoken, "Modulename": "STUDENTMODULE", "passwordotpvalue": password},
            error=LoginError,
        )
        session = WebportalSession(_answer(answer, "login answer"))
        session.enrollmentno = session.enrollmentno or username
        self.session = session
        return session

    def google_login(self, credential: str) -> WebportalSession:
        """Log in with a Google sign-in credential (the ID token Google's button gives).

        Returns:
            The new session (also kept in ``self.session``).

        Raises:
            LoginError: the exchange refused the credential.
        """
        answer = self._call(
            endpoints.GOOGLE_SIGN_IN,
            {"googleToken": credential, "modulename": "studentportal"},
            error=LoginError,
        )
        session = WebportalSession.from_google_response(_answer(answer, "Google sign-in answer"))
        self.session = session
        return session

    def logout(self) -> None:
        """Forget the session.  The portal has no logout endpoint; the token lapses on its own."""
        self.session = None

    def get_captcha(self) -> Captcha:
        """Fetch a captcha (with an empty answer) for :meth:`student_login`."""
        return Captcha.from_json(_answer(self._call(endpoints.CAPTCHA), "captcha answer"))

    def get_portal_config(self) -> dict[str, Any]:
        """The portal's public configuration: Google client id, sign-in exchange URL, logo (#5).

        Typed: :meth:`pyjiit.portal.PortalConfig.from_response`.
        """
        return _answer(self._call(endpoints.PORTAL_CONFIG), "portal config")

    @authenticated
    def refresh_token(self) -> dict[str, Any]:
        """Ask the portal to extend the session (#4).

        Unreliable: the portal answers Success but issues no new token, and
        other clients found it extends nothing.  Log in again instead when a
        session expires.
        """
        session = self._require_session()
        username = session.raw_response.get("Username") or session.enrollmentno
        tokendate = dt.datetime.now(IST).strftime("%d/%m/%Y")
        return _answer(
            self._call(endpoints.REFRESH_TOKEN, {"username": username, "tokendate": tokendate}),
            "refresh answer",
        )

    # -- saving sessions ----------------------------------------------------------------------

    def save_session(self, path: str | os.PathLike[str]) -> None:
        """Write the session to ``path`` as JSON readable by its owner only (mode 0600).

        The file holds the bearer token, which is as good as the password
        until it expires.

        Raises:
            NotLoggedIn: there is no session to save.
            SessionError: the file cannot be written.
        """
        if self.session is None:
            raise NotLoggedIn("not logged in: there is no session to save")
        target = Path(path)
        data = json.dumps(self.session.to_dict()).encode("utf-8")
        try:
            # mkstemp creates the file 0600 before a byte is written; the rename
            # then replaces any older file whatever its mode was.
            handle, temporary = tempfile.mkstemp(prefix=".pyjiit-session-", dir=target.parent)
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(data)
                Path(temporary).replace(target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            raise SessionError(f"cannot save the session to {target}: {error.strerror or error}") from error

    def load_session(self, path: str | os.PathLike[str]) -> WebportalSession:
        """Read a session written by :meth:`save_session` and use it.

        An expired session loads; the next authenticated call raises
        :class:`~pyjiit.exceptions.SessionExpired`.

        Raises:
            SessionError: the file is missing, unreadable, or not a saved session.
        """
        source = Path(path)
        try:
            data = json.loads(source.read_bytes())
        except OSError as error:
            raise SessionError(f"cannot read the session file {source}: {error.strerror or error}") from error
        except ValueError:
            raise SessionError(f"{source} is not a saved pyjiit session (not JSON)") from None
        session = WebportalSession.from_dict(data)
        self.session = session
        return session

    # -- the student ----------------------------------------------------------------------------

    @authenticated
    def get_student_personal_information(self) -> dict[str, Any]:
        """Personal information: general details, qualifications, photo and signature (#7).

        Typed: :meth:`pyjiit.student.PersonalInfo.from_response`.
        """
        return _answer(self._call(endpoints.PERSONAL_INFO, self._ids("instituteid")), "personal information")

    @authenticated
    def get_student_bank_info(self) -> dict[str, Any]:
        """Bank, address and contact details (#8).

        Sent encrypted: the portal answers a plain body (as 0.1.0a9 sent it) with HTTP 500.
        Typed: :meth:`pyjiit.student.BankInfo.from_response`.
        """
        return _answer(self._call(endpoints.BANK_INFO, self._ids("instituteid")), "bank information")

    @authenticated
    def set_password(self, old_pswd: str, new_pswd: str) -> None:
        """Change the password.

        Raises:
            AccountAPIError: the portal refused (wrong old password, weak new one...).
        """
        payload = {
            **self._ids("membertype"),
            "oldpassword": old_pswd,
            "newpassword": new_pswd,
            "confirmpassword": new_pswd,
        }
        self._call(endpoints.CHANGE_PASSWORD, payload, error=AccountAPIError)

    @authenticated
    def get_credits(self) -> dict[str, Any]:
        """Registered, earned and required credits (#17).

        Typed: :meth:`pyjiit.student.Credits.from_response`.
        """
        enrollmentno = self._require_session().enrollmentno
        return _answer(self._call(endpoints.CREDITS, {"enrollmentNo": enrollmentno}), "credits")

    @authenticated
    def get_hostel_details(self) -> dict[str, Any]:
        """The current hostel allocation: hostel, room, bed, dates (#31).

        Typed: :meth:`pyjiit.student.HostelAllocation.from_response`.
        """
        return _answer(self._call(endpoints.HOSTEL, self._ids("instituteid")), "hostel details")

    # -- attendance -------------------------------------------------------------------------------

    @authenticated
    def get_attendance_meta(self) -> AttendanceMeta:
        """The semesters and headers attendance can be asked for, newest first (#10)."""
        answer = self._call(endpoints.ATTENDANCE_META, self._ids("clientid", "instituteid", "membertype"))
        return AttendanceMeta(_answer(answer, "attendance meta"))

    @authenticated
    def get_attendance(self, header: AttendanceHeader, semester: Semester) -> dict[str, Any]:
        """Attendance per subject of a semester (#11).  Can take over 10 s.

        Raises:
            NoDataFound: the portal has no attendance for the semester.

        Typed: :meth:`pyjiit.attendance.AttendanceDetail.from_response`.
        """
        payload = {
            **self._ids("instituteid"),
            "registrationcode": semester.registration_code,
            "registrationid": semester.registration_id,
            "stynumber": header.stynumber,
        }
        return _answer(self._call(endpoints.ATTENDANCE_DETAIL, payload), "attendance")

    @authenticated
    def get_subject_daily_attendance(
        self,
        semester: Semester,
        subjectid: str,
        individualsubjectcode: str,
        subjectcomponentids: Iterable[str],
    ) -> dict[str, Any]:
        """Class-by-class attendance of one subject (#12).

        Args:
            semester: The semester.
            subjectid: The subject's ``subjectid`` from :meth:`get_attendance`.
            individualsubjectcode: Its ``individualsubjectcode``.
            subjectcomponentids: Its ``Lsubjectcomponentid``/``Tsubjectcomponentid``/``Psubjectcomponentid``.

        Returns:
            The portal's answer; an empty ``studentAttdsummarylist`` when no
            class was held yet (the portal answers "NO ... FOUND" then).

        Typed: :meth:`pyjiit.attendance.DailyAttendance.from_response`.
        """
        payload = {
            "cmpidkey": [{"subjectcomponentid": component} for component in subjectcomponentids],
            **self._ids("instituteid"),
            "registrationcode": semester.registration_code,
            "registrationid": semester.registration_id,
            "subjectcode": individualsubjectcode.strip(),
            "subjectid": subjectid,
        }
        try:
            return _answer(self._call(endpoints.SUBJECT_DAILY_ATTENDANCE, payload), "daily attendance")
        except NoDataFound:
            # Before a subject's first class the portal says "NO ... FOUND": that is an empty list.
            return {"studentAttdsummarylist": []}

    @authenticated
    def get_attendance_detail(
        self, header: AttendanceHeader, semester: Semester, *, daily: bool = True
    ) -> AttendanceDetail:
        """Typed attendance of a semester, each component with its class-by-class list (#11, #12).

        The portal stopped sending class counts in January 2026, so attended
        and total classes come from the daily lists: one request per subject
        component.  With ``daily=False`` only the portal's percentages are read.
        """
        detail = AttendanceDetail.from_response(self.get_attendance(header, semester))
        if not daily:
            return detail
        subjects = []
        for subject in detail.subjects:
            for component in subject.components:
                answer = self.get_subject_daily_attendance(
                    semester, subject.subject_id, subject.code, [component.component_id]
                )
                subject = subject.with_daily(component.component, DailyAttendance.from_response(answer))  # noqa: PLW2901
            subjects.append(subject)
        return dataclasses.replace(detail, subjects=tuple(subjects))

    # -- registrations and choices ---------------------------------------------------------------

    @authenticated
    def get_registered_semesters(self) -> list[Semester]:
        """Semesters with subject registrations, newest first (#13)."""
        answer = self._call(endpoints.REGISTERED_SEMESTERS, self._ids("instituteid", "studentid"))
        return [Semester.from_json(row) for row in get_list(answer, "registrations", "registered semesters")]

    @authenticated
    def get_registered_subjects_and_faculties(self, semester: Semester) -> Registrations:
        """Registered subjects of a semester, one row per component, with their teachers (#14)."""
        payload = {**self._ids("instituteid", "studentid"), "registrationid": semester.registration_id}
        return Registrations(_answer(self._call(endpoints.REGISTERED_SUBJECTS, payload), "registrations"))

    @authenticated
    def get_subject_choices(self, semester: Semester) -> dict[str, Any]:
        """Elective preferences and allotments of a semester (#15).

        Typed: :meth:`pyjiit.choices.SubjectChoices.from_response`.
        """
        payload = {**self._ids("instituteid", "clientid"), "registrationid": semester.registration_id}
        return _answer(self._call(endpoints.SUBJECT_CHOICES, payload), "subject choices")

    @authenticated
    def get_choice_semesters(self) -> dict[str, Any]:
        """Semesters with subject choices, including ones without a grade card yet (#16).

        Typed: :meth:`pyjiit.semesters.ChoiceSemesters.from_response`.
        """
        return _answer(
            self._call(endpoints.CHOICE_SEMESTERS, self._ids("instituteid", "clientid")), "choices"
        )

    # -- exams and marks --------------------------------------------------------------------------

    @authenticated
    def get_semesters_for_exam_events(self) -> list[Semester]:
        """Semesters with exam events, newest first (#18)."""
        answer = self._call(endpoints.EXAM_EVENT_SEMESTERS, self._ids("clientid", "instituteid", "memberid"))
        rows = get_list(
            get_object(answer, "semesterCodeinfo", "exam semesters"), "semestercode", "exam semesters"
        )
        return [Semester.from_json(row) for row in rows]

    @authenticated
    def get_exam_events(self, semester: Semester) -> list[ExamEvent]:
        """The exam events (T1, T2, end term...) of a semester (#19)."""
        # "registationid" is the portal's spelling; the right one gets an empty answer.
        payload = {**self._ids("instituteid"), "registationid": semester.registration_id}
        events = get_object(self._call(endpoints.EXAM_EVENTS, payload), "eventcode", "exam events")
        rows = get_list(events, "examevent", "exam events")
        return [ExamEvent.from_json(row) for row in rows]

    @authenticated
    def get_exam_schedule(self, exam_event: ExamEvent) -> dict[str, Any]:
        """The timetable of an exam event (#20); rooms and seats appear a day before.

        Typed: :meth:`pyjiit.exam.ExamSchedule.from_response`.
        """
        payload = {
            **self._ids("instituteid"),
            "registrationid": exam_event.registration_id,
            "exameventid": exam_event.exam_event_id,
        }
        return _answer(self._call(endpoints.EXAM_SCHEDULE, payload), "exam schedule")

    @authenticated
    def get_semesters_for_marks(self) -> list[Semester]:
        """Semesters with marks (#21)."""
        answer = self._call(endpoints.MARKS_SEMESTERS, self._ids("instituteid", "studentid"))
        return [Semester.from_json(row) for row in get_list(answer, "semestercode", "marks semesters")]

    @authenticated
    def download_marks(self, semester: Semester) -> bytes:
        """The marks of a semester as a PDF document (#22).

        Raises:
            APIError: the portal answered an error instead of a PDF (e.g. no marks yet).
        """
        session = self._require_session()
        suffix = f"/{session.instituteid}/{semester.registration_id}/{semester.registration_code}"
        document = self._transport.download(endpoints.MARKS_PDF, suffix, token=session.token)
        if not document.startswith(b"%PDF-"):
            raise ProtocolError(f"{endpoints.MARKS_PDF.path}: the answer is not a PDF document")
        return document

    def save_marks(self, semester: Semester, path: str | os.PathLike[str]) -> Path:
        """Download the marks PDF of a semester (:meth:`download_marks`) into ``path``; return the path."""
        target = Path(path)
        target.write_bytes(self.download_marks(semester))
        return target

    @authenticated
    def get_marks(self, semester: Semester) -> Any:  # noqa: ANN401 (the portal's JSON)
        """Marks of a semester as JSON (#23): one record per subject; the PDF has every exam.

        Typed: :meth:`pyjiit.exam.ExamMarks.from_response`.
        """
        payload = {**self._ids("instituteid"), "registrationid": semester.registration_id}
        return self._call(endpoints.MARKS, payload)

    # -- grades -------------------------------------------------------------------------------------

    @authenticated
    def get_semesters_for_grade_card(self) -> list[Semester]:
        """Semesters with a grade card (#24)."""
        answer = self._call(endpoints.GRADE_CARD_SEMESTERS, self._ids("instituteid"))
        return [Semester.from_json(row) for row in get_list(answer, "registrations", "grade card semesters")]

    @authenticated
    def get_grade_card(self, semester: Semester) -> dict[str, Any]:
        """The grade card of a semester (#26).

        The program and branch ids it needs (#25) are asked once per session,
        not on every call as in 0.1.0a9.
        Typed: :meth:`pyjiit.grades.GradeCard.from_response`.
        """
        session = self._require_session()
        # Read the cache once: another thread may log in or out meanwhile.
        cached = self._grade_card_ids
        if cached is not None and cached[0] is session:
            ids = cached[1]
        else:
            what = "grade card student info"
            answer = self._call(endpoints.GRADE_CARD_STUDENT_INFO, self._ids("instituteid"))
            info = get_object(answer, "studentinfo", what)
            ids = {"programid": get_str(info, "programid", what), "branchid": get_str(info, "branchid", what)}
            self._grade_card_ids = (session, ids)
        payload = {
            "branchid": ids["branchid"],
            **self._ids("instituteid"),
            "programid": ids["programid"],
            "registrationid": semester.registration_id,
        }
        return _answer(self._call(endpoints.GRADE_CARD, payload), "grade card")

    @authenticated
    def get_current_semester(self) -> dict[str, Any]:
        """The student's master record, with the current semester number (#27).

        Typed: :meth:`pyjiit.grades.CurrentSemester.from_response`.
        """
        session = self._require_session()
        payload = {
            **self._ids("instituteid", "studentid"),
            "name": session.name,
            "enrollmentno": session.enrollmentno,
        }
        return _answer(self._call(endpoints.CURRENT_SEMESTER, payload), "current semester")

    @authenticated
    def get_sgpa_cgpa(self, stynumber: int = 0) -> dict[str, Any]:
        """SGPA and CGPA of every semester so far (#28).

        Typed: :meth:`pyjiit.grades.SemesterResults.from_response`.
        """
        payload = {**self._ids("instituteid", "studentid"), "stynumber": stynumber}
        return _answer(self._call(endpoints.SGPA_CGPA, payload), "SGPA/CGPA")

    # -- money ----------------------------------------------------------------------------------------

    @authenticated
    def get_fines_msc_charges(self) -> Any:  # noqa: ANN401 (the portal's JSON)
        """Pending fines and miscellaneous charges: a list of charges (#29).

        Raises:
            NoDataFound: nothing is due (the portal's ``NO APPROVED REQUEST
                FOUND``); it is an :class:`~pyjiit.exceptions.APIError`, as in 0.1.0a9.

        Typed: :meth:`pyjiit.fees.PendingCharges.from_response`.
        """
        return self._call(endpoints.PENDING_PAYMENTS, self._ids("instituteid", "studentid"))

    @authenticated
    def get_fee_summary(self) -> dict[str, Any]:
        """Fees per semester: amounts due, paid, refunded, waived (#30).

        Typed: :meth:`pyjiit.fees.FeeSummary.from_response`.
        """
        return _answer(self._call(endpoints.FEE_SUMMARY, self._ids("instituteid")), "fee summary")

    # -- MOOC -------------------------------------------------------------------------------------------

    @authenticated
    def get_mooc_semesters(self) -> list[dict[str, Any]]:
        """Semesters with MOOC subjects (#36).

        Typed: :meth:`pyjiit.semesters.MoocSemesters.from_response`.
        """
        answer = require_objects(
            self._call(endpoints.MOOC_SEMESTERS, self._ids("instituteid")), "MOOC semesters"
        )
        return cast("list[dict[str, Any]]", answer)

    @authenticated
    def get_mooc_status(self, semester: Semester) -> dict[str, Any]:
        """Approval status of MOOC subjects in a semester (#37).

        Typed: :meth:`pyjiit.mooc.MoocStatus.from_response`.
        """
        payload = {**self._ids("instituteid"), "registrationid": semester.registration_id}
        return _answer(self._call(endpoints.MOOC_STATUS, payload), "MOOC status")

    # -- feedback -----------------------------------------------------------------------------------------

    @authenticated
    def get_feedback_events(self) -> dict[str, Any]:
        """Feedback events: the periods in which teachers are rated, oldest first (#32).

        Typed: :meth:`pyjiit.feedback.FeedbackEvents.from_response`.
        """
        return _answer(
            self._call(endpoints.FEEDBACK_EVENTS, self._ids("instituteid", "studentid")), "feedback events"
        )

    @authenticated
    def get_feedback_grid(self, event: FeedbackEvent) -> dict[str, Any]:
        """The subject components and teachers to rate in a feedback event (#33).

        Typed: :meth:`pyjiit.feedback.FeedbackGrid.from_response`.
        """
        payload = {**self._ids("instituteid", "studentid"), "eventid": event.event_id}
        return _answer(self._call(endpoints.FEEDBACK_GRID, payload), "feedback grid")

    @authenticated
    def get_feedback_questions(self, event: FeedbackEvent, subject: FeedbackSubject) -> dict[str, Any]:
        """The questions about one teacher of one subject component (#34).

        Typed: :meth:`pyjiit.feedback.FeedbackQuestions.from_response`.
        """
        row = subject.raw
        payload = {
            **self._ids("instituteid", "studentid"),
            "eventid": event.event_id,
            "eventdescription": event.description,
            "facultyid": row.get("employeeid"),
            "facultyname": row.get("employeename"),
            **{
                key: row.get(key)
                for key in (
                    "registrationid",
                    "subjectcode",
                    "subjectcomponentcode",
                    "subjectcomponentid",
                    "subjectdescription",
                    "subjectid",
                )
            },
        }
        return _answer(self._call(endpoints.FEEDBACK_QUESTIONS, payload), "feedback questions")

    @authenticated
    def submit_feedback(
        self,
        event: FeedbackEvent,
        subject: FeedbackSubject,
        questions: Iterable[FeedbackQuestion],
        rating: Rating,
        *,
        faculty_comments: str | None = None,
        course_comments: str | None = None,
    ) -> Any:  # noqa: ANN401 (the portal's JSON)
        """Rate every question about one teacher with ``rating`` and save it (#35).  Never retried."""
        row = subject.raw
        payload = {
            **self._ids("instituteid", "studentid"),
            "eventid": event.event_id,
            "subjectid": row.get("subjectid"),
            "facultyid": row.get("employeeid"),
            "registrationid": row.get("registrationid"),
            "questionid": [{**question.raw, "rating": Rating(rating).value} for question in questions],
            "facultycomments": faculty_comments,
            "coursecomments": course_comments,
        }
        return self._call(endpoints.FEEDBACK_SUBMIT, payload)

    @authenticated
    def fill_feedback_form(self, rating: Rating, event: FeedbackEvent | None = None) -> list[FeedbackSubject]:
        """Give every question of every teacher in a feedback event the same ``rating``.

        Args:
            rating: The rating for every question.
            event: The event; by default the latest (the portal lists them oldest first).

        Returns:
            The subject components whose feedback was saved.

        Raises:
            NoDataFound: there is no feedback event.
        """
        if event is None:
            events = FeedbackEvents.from_response(self.get_feedback_events()).events
            if not events:
                raise NoDataFound("no feedback event to fill", endpoint=endpoints.FEEDBACK_EVENTS.path)
            event = events[-1]
        grid = FeedbackGrid.from_response(self.get_feedback_grid(event))
        for subject in grid.subjects:
            questions = FeedbackQuestions.from_response(self.get_feedback_questions(event, subject))
            self.submit_feedback(event, subject, questions.questions, rating)
        return list(grid.subjects)
