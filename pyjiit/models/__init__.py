"""The typed models of the portal's answers, all in one place.

Every call of :class:`~pyjiit.wrapper.Webportal`'s endpoint groups returns
one of these (``portal.grades.card(semester)`` is a :class:`GradeCard`).  A
model is a frozen dataclass whose fields are read from the portal's JSON by
a table (see :class:`Model`); a field of the wrong shape raises
:class:`~pyjiit.exceptions.ResponseFormatError` naming the object and the
field, and the JSON stays available as ``raw``.
"""

from pyjiit.models._plain import to_data
from pyjiit.models._table import CompatModel, Model
from pyjiit.models.account import Captcha, PortalConfig, TokenRefresh
from pyjiit.models.attendance import (
    AttendanceDetail,
    AttendanceHeader,
    AttendanceMeta,
    AttendanceNotLoaded,
    ClassEntry,
    ComponentAttendance,
    DailyAttendance,
    NoEntriesFound,
    Semester,
    SubjectAttendance,
)
from pyjiit.models.choices import SubjectChoice, SubjectChoices
from pyjiit.models.exams import ExamEvent, ExamEvents, ExamMarks, ExamSchedule, ExamScheduleEntry
from pyjiit.models.feedback import (
    FeedbackEvent,
    FeedbackEvents,
    FeedbackGrid,
    FeedbackQuestion,
    FeedbackQuestions,
    FeedbackSubject,
    Rating,
)
from pyjiit.models.fees import AdvanceAmount, FeeHead, FeeSummary, PendingCharge, PendingCharges
from pyjiit.models.grades import (
    CurrentSemester,
    GradeCard,
    GradeCardEntry,
    SemesterResult,
    SemesterResults,
    StudentProgram,
)
from pyjiit.models.mooc import MoocRequest, MoocStage, MoocStatus
from pyjiit.models.registration import (
    Component,
    RegisteredComponent,
    RegisteredSubject,
    Registrations,
    SubjectRegistrations,
)
from pyjiit.models.semesters import (
    ChoiceSemesters,
    ExamSemesters,
    GradeCardSemesters,
    MarksSemesters,
    MoocSemesters,
    SemesterList,
    SemesterRecord,
    SubjectSemesters,
)
from pyjiit.models.student import Address, BankInfo, Credits, HostelAllocation, PersonalInfo, Qualification

__all__ = [
    "Address",
    "AdvanceAmount",
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
    "GradeCard",
    "GradeCardEntry",
    "GradeCardSemesters",
    "HostelAllocation",
    "MarksSemesters",
    "Model",
    "MoocRequest",
    "MoocSemesters",
    "MoocStage",
    "MoocStatus",
    "NoEntriesFound",
    "PendingCharge",
    "PendingCharges",
    "PersonalInfo",
    "PortalConfig",
    "Qualification",
    "Rating",
    "RegisteredComponent",
    "RegisteredSubject",
    "Registrations",
    "Semester",
    "SemesterList",
    "SemesterRecord",
    "SemesterResult",
    "SemesterResults",
    "StudentProgram",
    "SubjectAttendance",
    "SubjectChoice",
    "SubjectChoices",
    "SubjectRegistrations",
    "SubjectSemesters",
    "TokenRefresh",
    "to_data",
]
