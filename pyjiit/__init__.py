"""pyjiit: a Python client for the JIIT student webportal.

>>> from pyjiit import Webportal
>>> with Webportal() as portal:  # doctest: +SKIP
...     portal.account.login("99103999", "password")
...     attendance = portal.attendance.detail()

Everything an app needs is here: the client (:class:`Webportal`), its
session (:class:`WebportalSession`), the models its calls return (from
:mod:`pyjiit.models`) and the exceptions (from :mod:`pyjiit.exceptions`).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pyjiit")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"

# Imported after __version__, which the client's User-Agent uses.
from pyjiit.exceptions import *  # noqa: F403 (every exception, as listed in its __all__)
from pyjiit.models import *  # noqa: F403 (every model, as listed in its __all__)
from pyjiit.session import WebportalSession
from pyjiit.wrapper import Webportal

# pyjiit 0.1.0a9's modules: code of that era finds them as attributes of the
# package after a plain `import pyjiit` (`pyjiit.registration.Registrations`).
from pyjiit import attendance, exam, registration, tokens  # noqa: F401  # isort: skip

# One literal list, which type checkers read (they cannot add up other modules' lists):
# the client's names, exceptions.__all__ and models.__all__ (tests/test_package.py checks).
__all__ = [
    "APIError",
    "AccessDenied",
    "AccountAPIError",
    "Address",
    "AdvanceAmount",
    "AnswerTooLarge",
    "AttendanceDetail",
    "AttendanceHeader",
    "AttendanceMeta",
    "AttendanceNotLoaded",
    "BankInfo",
    "Captcha",
    "ChoiceSemesters",
    "ClassEntry",
    "CompatModel",
    "Component",
    "ComponentAttendance",
    "Credits",
    "CurrentSemester",
    "DailyAttendance",
    "EmptyResponse",
    "ExamEvent",
    "ExamEvents",
    "ExamMarks",
    "ExamSchedule",
    "ExamScheduleEntry",
    "ExamSemesters",
    "FeeHead",
    "FeeSummary",
    "FeedbackEvent",
    "FeedbackEvents",
    "FeedbackGrid",
    "FeedbackQuestion",
    "FeedbackQuestions",
    "FeedbackSubject",
    "FileNotSaved",
    "GradeCard",
    "GradeCardEntry",
    "GradeCardSemesters",
    "HostelAllocation",
    "LoginError",
    "MarksSemesters",
    "Model",
    "MoocRequest",
    "MoocSemesters",
    "MoocStage",
    "MoocStatus",
    "NoDataFound",
    "NoEntriesFound",
    "NotLoggedIn",
    "NotThePortal",
    "PayloadError",
    "PendingCharge",
    "PendingCharges",
    "PersonalInfo",
    "PortalConfig",
    "PortalError",
    "PortalUnavailable",
    "ProtocolError",
    "PyjiitError",
    "Qualification",
    "Rating",
    "RegisteredComponent",
    "RegisteredSubject",
    "Registrations",
    "ResponseFormatError",
    "Semester",
    "SemesterList",
    "SemesterRecord",
    "SemesterResult",
    "SemesterResults",
    "SessionError",
    "SessionExpired",
    "SessionNotSaved",
    "StudentProgram",
    "SubjectAttendance",
    "SubjectChoice",
    "SubjectChoices",
    "SubjectRegistrations",
    "SubjectSemesters",
    "TokenRefresh",
    "UntrustedCertificate",
    "Webportal",
    "WebportalSession",
    "__version__",
    "to_data",
]
