"""The endpoint groups: a :class:`~pyjiit.wrapper.Webportal`'s typed calls, a group per part of the portal.

Each group is an attribute of the client (``portal.attendance``,
``portal.grades``...), and each of its methods makes one call (sometimes
several requests) and returns a typed model from :mod:`pyjiit.models`.  An
answer that lists things (semesters, classes, charges) and that the portal
answers with "NO ... FOUND" comes back empty rather than as an error.
"""

from pyjiit.calls.account import AccountCalls
from pyjiit.calls.attendance import AttendanceCalls
from pyjiit.calls.exams import ExamCalls
from pyjiit.calls.feedback import FeedbackCalls
from pyjiit.calls.fees import FeeCalls
from pyjiit.calls.grades import GradeCalls
from pyjiit.calls.mooc import MoocCalls
from pyjiit.calls.registration import RegistrationCalls
from pyjiit.calls.student import StudentCalls

__all__ = [
    "AccountCalls",
    "AttendanceCalls",
    "ExamCalls",
    "FeeCalls",
    "FeedbackCalls",
    "GradeCalls",
    "MoocCalls",
    "RegistrationCalls",
    "StudentCalls",
]
