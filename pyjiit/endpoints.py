"""The portal's endpoints: path, HTTP method, body mode, answer kind, and whether a retry is safe.

This table is the one place those facts live; the client and
:mod:`pyjiit.testing`'s fake portal both read it.  Paths keep the portal's own
misspellings (``persentage``, ``sontroller``, ``Creadits``...): they are part of
the protocol.  The numbers in the comments are those of docs/protocol.md section 1.1.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["ALL", "Answer", "Body", "Endpoint", "by_path"]


class Body(enum.Enum):
    """How a request's body is sent."""

    #: No body (GET requests).
    NONE = "none"
    #: A JSON object.
    PLAIN = "plain"
    #: The encrypted payload as bare base64 text, as the portal's own front end sends it.
    ENCRYPTED = "encrypted"


class Answer(enum.Enum):
    """What a Success answer of an endpoint carries in its ``response`` part.

    The transport checks it, so an answer of the wrong type fails at the call,
    naming the endpoint, rather than somewhere in the code that reads it.
    """

    #: A JSON object.
    OBJECT = "object"
    #: A JSON list.
    LIST = "list"
    #: An object or a list of objects (the JSON marks, #23, come in both forms).
    RECORDS = "records"
    #: Anything: a confirmation pyjiit does not read (a password change, saved feedback).
    ANY = "any"
    #: Not JSON but a document, read with the larger size limit (the marks PDF, #22).
    DOCUMENT = "document"


@dataclass(frozen=True)
class Endpoint:
    """One portal endpoint.

    Attributes:
        path: The path below the API base (``/token/pretoken-check``), or below
            the sign-in base for ``sso`` endpoints.
        body: How the request body is sent.
        method: ``"GET"`` or ``"POST"``.
        authenticated: Whether the request carries the session's bearer token.
        retry_safe: Whether repeating the request after a failure is harmless:
            true for reads, false for logins and for anything that changes state.
        sso: Whether the path lives on the Google sign-in exchange server.
        secret_fields: The payload's fields that hold a secret (a password, a
            credential): never repeated in a message, even if an answer echoes them.
    """

    path: str
    body: Body
    method: str = "POST"
    authenticated: bool = True
    retry_safe: bool = True
    sso: bool = False
    #: What the ``response`` part of a Success answer is.
    answer: Answer = Answer.OBJECT
    secret_fields: tuple[str, ...] = ()


PLAIN, ENCRYPTED, NONE = Body.PLAIN, Body.ENCRYPTED, Body.NONE
LIST, RECORDS, ANY, DOCUMENT = Answer.LIST, Answer.RECORDS, Answer.ANY, Answer.DOCUMENT

# Logging in (#1-#6).  Logins are never retried: pretoken's "random" is single-use.
CAPTCHA = Endpoint("/token/getcaptcha", NONE, method="GET", authenticated=False)  # 1
PRETOKEN_CHECK = Endpoint("/token/pretoken-check", ENCRYPTED, authenticated=False, retry_safe=False)  # 2
GENERATE_TOKEN = Endpoint(  # 3
    "/token/generatewebtoken",
    ENCRYPTED,
    authenticated=False,
    retry_safe=False,
    secret_fields=("passwordotpvalue",),
)
REFRESH_TOKEN = Endpoint("/token/refreshTokenRequest", PLAIN, retry_safe=False)  # 4
PORTAL_CONFIG = Endpoint("/token/getlogoClientWise", NONE, method="GET", authenticated=False)  # 5
GOOGLE_SIGN_IN = Endpoint(  # 6
    "/token/generate-token-google-signin",
    PLAIN,
    authenticated=False,
    retry_safe=False,
    sso=True,
    secret_fields=("googleToken",),
)

# The student and the account (#7-#9).
PERSONAL_INFO = Endpoint("/studentpersinfo/getstudent-personalinformation", PLAIN)  # 7
BANK_INFO = Endpoint("/studentbankdetails/getstudentbankinfo", ENCRYPTED)  # 8
CHANGE_PASSWORD = Endpoint(  # 9
    "/clxuser/changepassword",
    PLAIN,
    retry_safe=False,
    answer=ANY,
    secret_fields=("oldpassword", "newpassword", "confirmpassword"),
)

# Attendance (#10-#12).
ATTENDANCE_META = Endpoint("/StudentClassAttendance/getstudentInforegistrationforattendence", PLAIN)  # 10
ATTENDANCE_DETAIL = Endpoint("/StudentClassAttendance/getstudentattendancedetail", ENCRYPTED)  # 11
SUBJECT_DAILY_ATTENDANCE = Endpoint(  # 12
    "/StudentClassAttendance/getstudentsubjectpersentage", ENCRYPTED
)

# Registrations and subject choices (#13-#17).
REGISTERED_SEMESTERS = Endpoint("/reqsubfaculty/getregistrationList", ENCRYPTED)  # 13
REGISTERED_SUBJECTS = Endpoint("/reqsubfaculty/getfaculties", ENCRYPTED)  # 14
SUBJECT_CHOICES = Endpoint("/studentchoiceprint/getsubjectpreference", ENCRYPTED)  # 15
CHOICE_SEMESTERS = Endpoint("/studentchoiceprint/getsemestercodelist", ENCRYPTED)  # 16
CREDITS = Endpoint("/feedbackformcontroller/getCreadits", PLAIN)  # 17

# Exams and marks (#18-#23).
EXAM_EVENT_SEMESTERS = Endpoint(  # 18
    "/studentcommonsontroller/getsemestercode-withstudentexamevents", ENCRYPTED
)
EXAM_EVENTS = Endpoint("/studentcommonsontroller/getstudentexamevents", ENCRYPTED)  # 19
EXAM_SCHEDULE = Endpoint("/studentsttattview/getstudent-examschedule", ENCRYPTED)  # 20
MARKS_SEMESTERS = Endpoint("/studentcommonsontroller/getsemestercode-exammarks", ENCRYPTED)  # 21
#: #22: the full path adds ``/{instituteid}/{registrationid}/{registrationcode}``.
MARKS_PDF = Endpoint("/studentsexamview/printstudent-exammarks", NONE, method="GET", answer=DOCUMENT)  # 22
MARKS = Endpoint("/studentsexamview/getstudent-exammarks", ENCRYPTED, answer=RECORDS)  # 23

# Grades (#24-#28).
GRADE_CARD_SEMESTERS = Endpoint("/studentgradecard/getregistrationList", ENCRYPTED)  # 24
GRADE_CARD_STUDENT_INFO = Endpoint("/studentgradecard/getstudentinfo", ENCRYPTED)  # 25
GRADE_CARD = Endpoint("/studentgradecard/showstudentgradecard", ENCRYPTED)  # 26
CURRENT_SEMESTER = Endpoint("/studentsgpacgpa/checkIfstudentmasterexist", ENCRYPTED)  # 27
SGPA_CGPA = Endpoint("/studentsgpacgpa/getallsemesterdata", ENCRYPTED)  # 28

# Money and rooms (#29-#31).
PENDING_PAYMENTS = Endpoint(  # 29
    "/collectionpendingpayments/getpendingpaymentsdata", ENCRYPTED, answer=LIST
)
FEE_SUMMARY = Endpoint("/studentfeeledger/loadfeesummary", PLAIN)  # 30
HOSTEL = Endpoint("/myhostelallocationdetail/gethostelallocationdetail", PLAIN)  # 31

# Feedback (#32-#35).
FEEDBACK_EVENTS = Endpoint("/feedbackformcontroller/getFeedbackEvent", PLAIN)  # 32
FEEDBACK_GRID = Endpoint("/feedbackformcontroller/getGriddataForFeedback", ENCRYPTED)  # 33
FEEDBACK_QUESTIONS = Endpoint("/feedbackformcontroller/getIemQuestion", PLAIN)  # 34
FEEDBACK_SUBMIT = Endpoint(  # 35
    "/feedbackformcontroller/savedatalist", ENCRYPTED, retry_safe=False, answer=ANY
)

# MOOC subjects (#36-#37).
MOOC_SEMESTERS = Endpoint("/moocsubjectstatus/getsemestercodelist", PLAIN, answer=LIST)  # 36
MOOC_STATUS = Endpoint("/moocsubjectstatus/getsubjectstatus", PLAIN)  # 37

#: Every endpoint, in the order of docs/protocol.md.
ALL: tuple[Endpoint, ...] = tuple(value for value in list(globals().values()) if isinstance(value, Endpoint))


#: Every endpoint by where it is: ``(sso, path)``.  The fake portal looks up each request here.
_BY_PLACE = {(endpoint.sso, endpoint.path): endpoint for endpoint in ALL}


def by_path(path: str, *, sso: bool = False) -> Endpoint | None:
    """Return the endpoint serving ``path`` (the marks PDF by its prefix), or ``None``."""
    if not sso and path.startswith(MARKS_PDF.path + "/"):
        return MARKS_PDF
    return _BY_PLACE.get((sso, path))
