"""``portal.grades``: grade cards, SGPA and CGPA, and the programme (#24-#26, #28)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyjiit import endpoints
from pyjiit._checks import count
from pyjiit.calls._base import SEMESTER, Calls, Request, check_model
from pyjiit.models.grades import GradeCard, SemesterResults, StudentProgram
from pyjiit.models.semesters import GradeCardSemesters

if TYPE_CHECKING:
    from pyjiit.models.attendance import Semester
    from pyjiit.models.semesters import SemesterRecord
    from pyjiit.session import WebportalSession
    from pyjiit.wrapper import Webportal

__all__ = ["GradeCalls"]


def _stynumber(value: object) -> int | str:
    """Return ``value`` if it is a semester number to send: a whole number, 0 or more, or its digits.

    The portal answers every semester whatever the number (0 is 0.1.0a9's
    default); the attendance header gives it as digits (``"5"``), which other
    clients send as they are.

    Raises:
        Refused: It is neither (``None``, ``True``, ``-1``, ``"abc"``, ``5.0``); nothing is sent.
    """
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return value
    return count("stynumber", value)


class GradeCalls(Calls):
    """Grades: ``portal.grades``."""

    def __init__(self, client: Webportal) -> None:
        super().__init__(client)
        # The programme, with the session it was asked with: code of 0.1.0a9's era
        # may replace the client's session directly, and other threads may log in.
        self._program: tuple[WebportalSession, StudentProgram] | None = None

    def semesters(self) -> GradeCardSemesters:
        """The semesters with a grade card (#24)."""
        return self._read(GradeCardSemesters, self._semesters())

    def program(self) -> StudentProgram:
        """The student's programme and branch (#25), asked once per session: the grade card needs its ids."""
        session = self._client._require_session()
        cached = self._program  # read once: another thread may replace it meanwhile
        if cached is not None and cached[0] is session:
            return cached[1]
        program = self._read(
            StudentProgram, Request(endpoints.GRADE_CARD_STUDENT_INFO, self._ids("instituteid"))
        )
        self._program = (session, program)
        return program

    def card(self, semester: Semester | SemesterRecord) -> GradeCard:
        """A semester's grades, subject by subject (#26; with #25 once per session)."""
        return self._read(GradeCard, self._card(semester))

    def results(self, stynumber: int = 0) -> SemesterResults:
        """SGPA, CGPA and credits of every semester so far, oldest first (#28).

        Args:
            stynumber: A semester number, 0 or more (the digits of
                :attr:`~pyjiit.models.AttendanceHeader.stynumber` pass too); the
                portal answers every semester whatever it is.

        Raises:
            ValueError: ``stynumber`` is not one (``None``, ``True``, ``-1``,
                ``"abc"``); nothing is sent.
        """
        return self._read(SemesterResults, self._results(stynumber))

    def _semesters(self) -> Request:
        return Request(endpoints.GRADE_CARD_SEMESTERS, self._ids("instituteid"))

    def _card(self, semester: Semester | SemesterRecord) -> Request:
        check_model("semester", semester, SEMESTER, "registration_id")  # before the programme is asked for
        program = self.program()
        payload = {
            "branchid": program.branch_id,
            **self._ids("instituteid"),
            "programid": program.program_id,
            "registrationid": semester.registration_id,
        }
        return Request(endpoints.GRADE_CARD, payload)

    def _results(self, stynumber: int) -> Request:
        number = _stynumber(stynumber)
        return Request(endpoints.SGPA_CGPA, {**self._ids("instituteid", "studentid"), "stynumber": number})
