"""``portal.attendance``: the semesters, each subject's attendance and its classes (#10-#12)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from pyjiit import endpoints
from pyjiit.calls._base import Calls, Request
from pyjiit.models.attendance import AttendanceDetail, AttendanceMeta, DailyAttendance

if TYPE_CHECKING:
    from pyjiit.models.attendance import AttendanceHeader, Semester, SubjectAttendance
    from pyjiit.models.registration import Component
    from pyjiit.models.semesters import SemesterRecord

__all__ = ["AttendanceCalls"]


class AttendanceCalls(Calls):
    """Attendance: ``portal.attendance``."""

    def meta(self) -> AttendanceMeta:
        """The semesters attendance can be asked for and the student's header, newest first (#10)."""
        return AttendanceMeta(self._send(self._meta()))

    def detail(
        self, semester: Semester | SemesterRecord | None = None, *, daily: bool = True
    ) -> AttendanceDetail:
        """A semester's attendance, each subject counted class by class (#10, #11, #12).

        Args:
            semester: The semester; by default the current one: the newest, or
                when nothing is recorded in it yet (a semester that just
                began), the one before.
            daily: Attach each subject component's classes, one request per
                component, which the counts (:attr:`~pyjiit.models.SubjectAttendance.attended`,
                ``total``, ``percentage``, ``classes_needed()``...) come from:
                the portal stopped sending counts in January 2026.  ``False``
                keeps only the portal's percentages, in one request.

        Returns:
            The attendance, with :attr:`~pyjiit.models.AttendanceDetail.semester`
            set; no subjects when the portal has none recorded.  Attendance can
            take the portal more than ten seconds.
        """
        meta = self.meta()
        candidates = list(meta.semesters[:2]) if semester is None else [semester]
        if not candidates:
            return AttendanceDetail.from_response({"studentattendancelist": []})
        header = meta.latest_header()
        found = (
            dataclasses.replace(
                self._read(AttendanceDetail, self._detail(header, candidate)), semester=candidate
            )
            for candidate in candidates
        )
        first = next(found)
        chosen = first if first.subjects else next((detail for detail in found if detail.subjects), first)
        if not daily or chosen.semester is None:
            return chosen
        subjects = tuple(self.with_daily(chosen.semester, subject) for subject in chosen.subjects)
        return dataclasses.replace(chosen, subjects=subjects)

    def daily(
        self,
        semester: Semester | SemesterRecord,
        subject: SubjectAttendance,
        component: Component | str | None = None,
    ) -> DailyAttendance:
        """The classes of one component of ``subject`` (by default of all its components, in one list) (#12).

        Before a subject's first class this is an empty list.
        """
        parts = subject.components if component is None else [subject.component(component)]
        ids = [part.component_id for part in parts if part is not None]
        return self._read(DailyAttendance, self._daily(semester, subject.subject_id, subject.code, ids))

    def with_daily(
        self, semester: Semester | SemesterRecord, subject: SubjectAttendance
    ) -> SubjectAttendance:
        """``subject`` with each of its components' classes attached, one request per component (#12)."""
        for part in subject.components:
            subject = subject.with_daily(part.component, self.daily(semester, subject, part.component))
        return subject

    def _meta(self) -> Request:
        return Request(endpoints.ATTENDANCE_META, self._ids("clientid", "instituteid", "membertype"))

    def _detail(self, header: AttendanceHeader, semester: Semester | SemesterRecord) -> Request:
        payload = {
            **self._ids("instituteid"),
            "registrationcode": semester.registration_code,
            "registrationid": semester.registration_id,
            "stynumber": header.stynumber,
        }
        return Request(endpoints.ATTENDANCE_DETAIL, payload)

    def _daily(
        self, semester: Semester | SemesterRecord, subject_id: str, code: str, component_ids: list[str]
    ) -> Request:
        payload = {
            "cmpidkey": [{"subjectcomponentid": component} for component in component_ids],
            **self._ids("instituteid"),
            "registrationcode": semester.registration_code,
            "registrationid": semester.registration_id,
            "subjectcode": code.strip(),
            "subjectid": subject_id,
        }
        return Request(endpoints.SUBJECT_DAILY_ATTENDANCE, payload)
