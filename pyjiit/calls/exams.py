"""``portal.exams``: exam events, their schedules, and marks (#18-#23)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from pyjiit import endpoints
from pyjiit._files import write_whole
from pyjiit.calls._base import SEMESTER, Calls, Request, check_model
from pyjiit.exceptions import FileNotSaved, ProtocolError
from pyjiit.models.exams import ExamEvents, ExamMarks, ExamSchedule
from pyjiit.models.semesters import ExamSemesters, MarksSemesters

if TYPE_CHECKING:
    import os

    from pyjiit.models.attendance import Semester
    from pyjiit.models.exams import ExamEvent
    from pyjiit.models.semesters import SemesterRecord

__all__ = ["ExamCalls"]

#: What an exam event argument must be, as a wrong one's error says.
_EVENT = "a pyjiit ExamEvent (from portal.exams.events())"


def _segment(value: object) -> str:
    """``value`` as one segment of a URL's path, whatever characters it holds.

    The token goes with the request, so a ``/``, ``?``, ``#`` or a segment
    of dots (``..``, which would be resolved away) must not take it elsewhere.
    """
    segment = quote(str(value), safe="")
    return segment.replace(".", "%2E") if segment in {".", ".."} else segment


class ExamCalls(Calls):
    """Exams and marks: ``portal.exams``."""

    def semesters(self) -> ExamSemesters:
        """The semesters with exam events, newest first (#18)."""
        return self._read(ExamSemesters, self._semesters())

    def events(self, semester: Semester | SemesterRecord) -> ExamEvents:
        """A semester's exam events: T1, T2, end term... (#19)."""
        return self._read(ExamEvents, self._events(semester))

    def schedule(self, event: ExamEvent) -> ExamSchedule:
        """The timetable of an exam event (#20); rooms and seats appear about a day before."""
        return self._read(ExamSchedule, self._schedule(event))

    def marks_semesters(self) -> MarksSemesters:
        """The semesters with marks (#21)."""
        return self._read(MarksSemesters, self._marks_semesters())

    def marks(self, semester: Semester | SemesterRecord) -> ExamMarks:
        """A semester's marks as JSON, one record per subject (#23); :meth:`marks_pdf` has every exam."""
        check_model("semester", semester, SEMESTER, "registration_id")
        payload = {**self._ids("instituteid"), "registrationid": semester.registration_id}
        return self._read(ExamMarks, Request(endpoints.MARKS, payload))

    def marks_pdf(self, semester: Semester | SemesterRecord) -> bytes:
        """A semester's marks statement, with every exam, as a PDF document (#22).

        Raises:
            APIError: The portal answered an error instead of a PDF (e.g. no marks yet).
            ProtocolError: The answer is not a PDF document.
            TypeError: ``semester`` is not a semester; nothing is sent.
        """
        check_model("semester", semester, SEMESTER, "registration_id", "registration_code")
        session = self._client._require_session()
        parts = (session.instituteid, semester.registration_id, semester.registration_code)
        suffix = "".join(f"/{_segment(part)}" for part in parts)
        document = self._client._transport.download(endpoints.MARKS_PDF, suffix, token=session.token)
        if not document.startswith(b"%PDF-"):
            raise ProtocolError(f"{endpoints.MARKS_PDF.path}: the answer is not a PDF document")
        return document

    def save_marks_pdf(self, semester: Semester | SemesterRecord, path: str | os.PathLike[str]) -> Path:
        """Write a semester's marks PDF (:meth:`marks_pdf`) to ``path``; return the path.

        The file is written whole or not at all: a failure midway (a full
        disk) leaves no part of it, and keeps a file that was there.

        Raises:
            APIError: The portal answered an error instead of a PDF (e.g. no marks yet).
            ProtocolError: The answer is not a PDF document.
            TypeError: ``semester`` is not a semester; nothing is sent.
            FileNotSaved: The file cannot be written: its folder is missing or
                not writable, or ``path`` is a folder.  The message names the
                path and the reason; the ``OSError`` is its ``__cause__``.
        """
        target = Path(path)
        document = self.marks_pdf(semester)
        try:
            write_whole(target, document)
        except OSError as error:
            message = f"cannot save the marks PDF to {target}: {error.strerror or error}"
            raise FileNotSaved(message, path=str(target)) from error
        return target

    def _semesters(self) -> Request:
        return Request(endpoints.EXAM_EVENT_SEMESTERS, self._ids("clientid", "instituteid", "memberid"))

    def _events(self, semester: Semester | SemesterRecord) -> Request:
        check_model("semester", semester, SEMESTER, "registration_id")
        # "registationid" is the portal's spelling; the right one gets an empty answer.
        return Request(
            endpoints.EXAM_EVENTS, {**self._ids("instituteid"), "registationid": semester.registration_id}
        )

    def _schedule(self, event: ExamEvent) -> Request:
        check_model("event", event, _EVENT, "registration_id", "exam_event_id")
        payload = {
            **self._ids("instituteid"),
            "registrationid": event.registration_id,
            "exameventid": event.exam_event_id,
        }
        return Request(endpoints.EXAM_SCHEDULE, payload)

    def _marks_semesters(self) -> Request:
        return Request(endpoints.MARKS_SEMESTERS, self._ids("instituteid", "studentid"))
