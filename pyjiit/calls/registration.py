"""``portal.registration``: registered subjects, elective choices and credits (#13-#17)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyjiit import endpoints
from pyjiit.calls._base import SEMESTER, Calls, Request, check_model
from pyjiit.models.choices import SubjectChoices
from pyjiit.models.registration import SubjectRegistrations
from pyjiit.models.semesters import ChoiceSemesters, SubjectSemesters
from pyjiit.models.student import Credits

if TYPE_CHECKING:
    from pyjiit.models.attendance import Semester
    from pyjiit.models.semesters import SemesterRecord

__all__ = ["RegistrationCalls"]


class RegistrationCalls(Calls):
    """Registrations, subject choices and credits: ``portal.registration``."""

    def semesters(self) -> SubjectSemesters:
        """The semesters with registered subjects, newest first (#13)."""
        return self._read(SubjectSemesters, self._semesters())

    def subjects(self, semester: Semester | SemesterRecord) -> SubjectRegistrations:
        """A semester's registered subjects, one entry per component, with their teachers (#14)."""
        return self._read(SubjectRegistrations, self._subjects(semester))

    def choices(self, semester: Semester | SemesterRecord) -> SubjectChoices:
        """A semester's elective preferences and what was allotted (#15)."""
        return self._read(SubjectChoices, self._choices(semester))

    def choice_semesters(self) -> ChoiceSemesters:
        """The semesters with subject choices, including ones without a grade card yet (#16)."""
        return self._read(
            ChoiceSemesters, Request(endpoints.CHOICE_SEMESTERS, self._ids("instituteid", "clientid"))
        )

    def credits(self) -> Credits:
        """The credits registered this semester, earned so far and required by the programme (#17)."""
        enrollmentno = self._client._require_session().enrollmentno
        return self._read(Credits, Request(endpoints.CREDITS, {"enrollmentNo": enrollmentno}))

    def _semesters(self) -> Request:
        return Request(endpoints.REGISTERED_SEMESTERS, self._ids("instituteid", "studentid"))

    def _subjects(self, semester: Semester | SemesterRecord) -> Request:
        check_model("semester", semester, SEMESTER, "registration_id")
        payload = {**self._ids("instituteid", "studentid"), "registrationid": semester.registration_id}
        return Request(endpoints.REGISTERED_SUBJECTS, payload)

    def _choices(self, semester: Semester | SemesterRecord) -> Request:
        check_model("semester", semester, SEMESTER, "registration_id")
        payload = {**self._ids("instituteid", "clientid"), "registrationid": semester.registration_id}
        return Request(endpoints.SUBJECT_CHOICES, payload)
