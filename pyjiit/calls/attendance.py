"""``portal.attendance``: the semesters, each subject's attendance and its classes (#10-#12)."""

from __future__ import annotations

import collections
import dataclasses
import functools
from typing import TYPE_CHECKING

from pyjiit import endpoints
from pyjiit._checks import member
from pyjiit._fanout import DEFAULT_IN_FLIGHT, check_in_flight, fan_out
from pyjiit.calls._base import SEMESTER, Calls, Request, check_model
from pyjiit.models.attendance import AttendanceDetail, AttendanceMeta, DailyAttendance
from pyjiit.models.registration import Component

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from pyjiit.models.attendance import AttendanceHeader, ComponentAttendance, Semester, SubjectAttendance
    from pyjiit.models.semesters import SemesterRecord

__all__ = ["AttendanceCalls"]

#: What a subject argument must be, as a wrong one's error says.
_SUBJECT = "a pyjiit SubjectAttendance (from portal.attendance.detail())"
#: What a header argument (of pyjiit 0.1.0a9's get_attendance) must be.
_HEADER = "a pyjiit AttendanceHeader (from portal.attendance.meta())"
#: The fields of a semester an attendance request reads.
_SEMESTER_FIELDS = ("registration_code", "registration_id")
#: The fields of a subject a daily attendance request reads.
_SUBJECT_FIELDS = ("subject_id", "code", "components")


class AttendanceCalls(Calls):
    """Attendance: ``portal.attendance``."""

    def meta(self) -> AttendanceMeta:
        """The semesters attendance can be asked for and the student's header, newest first (#10)."""
        return AttendanceMeta(self._send(self._meta()))

    def detail(
        self,
        semester: Semester | SemesterRecord | None = None,
        *,
        daily: bool = True,
        by_component: bool = False,
        max_in_flight: int = DEFAULT_IN_FLIGHT,
        progress: Callable[[SubjectAttendance], object] | None = None,
    ) -> AttendanceDetail:
        """A semester's attendance, each subject counted class by class (#10, #11, #12).

        Args:
            semester: The semester; by default the current one: the newest, or
                when nothing is recorded in it yet (a semester that just
                began), the one before.
            daily: Attach each subject's classes, which the counts
                (:attr:`~pyjiit.models.SubjectAttendance.attended`, ``total``,
                ``percentage``, ``classes_needed()``...) come from: the portal
                stopped sending counts in January 2026.  ``False`` keeps only
                the portal's percentages, in two requests (the student's
                header, then the attendance).
            by_component: Ask for each component's classes on its own, so that
                components have counts too and each class says its component,
                instead of one list per subject (see :meth:`with_daily_all`).
            max_in_flight: How many of those requests are sent at once (see
                :meth:`with_daily_all`).
            progress: Called with each subject as its classes arrive.

        Returns:
            The attendance, with :attr:`~pyjiit.models.AttendanceDetail.semester`
            set; no subjects when the portal has none recorded.  Attendance can
            take the portal more than ten seconds.

        Raises:
            TypeError: ``semester`` is not a semester.
            ValueError: ``max_in_flight`` is not a whole number of at least 1.
        """
        if semester is not None:
            check_model("semester", semester, SEMESTER, *_SEMESTER_FIELDS)
        check_in_flight(max_in_flight)
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
        subjects = self.with_daily_all(
            chosen.semester,
            chosen.subjects,
            by_component=by_component,
            max_in_flight=max_in_flight,
            progress=progress,
        )
        return dataclasses.replace(chosen, subjects=subjects)

    def daily(
        self,
        semester: Semester | SemesterRecord,
        subject: SubjectAttendance,
        component: Component | str | None = None,
    ) -> DailyAttendance:
        """The classes of one component of ``subject`` (by default of all its components, in one list) (#12).

        Before a subject's first class this is an empty list.

        Raises:
            TypeError: ``semester`` or ``subject`` is not one; nothing is sent.
            ValueError: ``component`` is not one of the subject's components
                (or not ``"L"``, ``"T"`` or ``"P"``); nothing is sent.
        """
        check_model("semester", semester, SEMESTER, *_SEMESTER_FIELDS)
        check_model("subject", subject, _SUBJECT, *_SUBJECT_FIELDS)
        if component is None:
            parts = subject.components
        else:
            wanted = member("component", component, Component)
            part = subject.component(wanted)
            if part is None:  # the portal would answer an empty list, as if no class were held
                raise ValueError(f"subject {subject.code} has no {wanted.name.lower()} component")
            parts = (part,)
        ids = [part.component_id for part in parts]
        return self._read(DailyAttendance, self._daily(semester, subject.subject_id, subject.code, ids))

    def with_daily(
        self, semester: Semester | SemesterRecord, subject: SubjectAttendance, *, by_component: bool = False
    ) -> SubjectAttendance:
        """``subject`` with its classes attached (#12): see :meth:`with_daily_all`."""
        check_model("subject", subject, _SUBJECT, *_SUBJECT_FIELDS)
        return self.with_daily_all(semester, [subject], by_component=by_component)[0]

    def with_daily_all(
        self,
        semester: Semester | SemesterRecord,
        subjects: Sequence[SubjectAttendance],
        *,
        by_component: bool = False,
        max_in_flight: int = DEFAULT_IN_FLIGHT,
        progress: Callable[[SubjectAttendance], object] | None = None,
    ) -> tuple[SubjectAttendance, ...]:
        """Each of ``subjects`` with its classes attached, asked for side by side (#12).

        Args:
            semester: The semester the subjects are of.
            subjects: The subjects, e.g. those of a ``daily=False`` :meth:`detail`.
            by_component: ``False`` sends one request per subject, for all its
                components at once, and attaches the list as
                :attr:`~pyjiit.models.SubjectAttendance.daily`.  ``True`` sends
                one per component and attaches each component's own list, so
                that components have counts and each class says its component.
            max_in_flight: At most this many requests are in flight at once;
                1 sends them one after another.  The portal answers each in
                hundreds of milliseconds to seconds, so the default of 4 turns
                ten answers' wait into about three.
            progress: Called with each subject as its classes arrive, in the
                order they do, in the calling thread.

        Returns:
            The subjects in the order given, the same whatever ``max_in_flight``.

        Raises:
            TypeError: ``semester`` or one of ``subjects`` is not one; nothing is sent.
            ValueError: ``max_in_flight`` is not a whole number of at least 1.
            PyjiitError: A request failed; the first failure is raised once
                the requests in flight have ended, and no other is sent.
        """
        check_model("semester", semester, SEMESTER, *_SEMESTER_FIELDS)
        for index, subject in enumerate(subjects):
            check_model(f"subjects[{index}]", subject, _SUBJECT, *_SUBJECT_FIELDS)
        jobs = [
            (index, part)
            for index, subject in enumerate(subjects)
            for part in ((*subject.components,) if by_component else (None,) if subject.components else ())
        ]
        waiting = collections.Counter(index for index, _ in jobs)  # requests left, per subject
        loaded = list(subjects)

        def fetch(part: ComponentAttendance | None, subject: SubjectAttendance) -> DailyAttendance:
            return self.daily(semester, subject, None if part is None else part.component)

        def attach(job: int, classes: DailyAttendance) -> None:
            index, part = jobs[job]
            subject = loaded[index]
            loaded[index] = (
                subject.with_classes(classes) if part is None else subject.with_daily(part.component, classes)
            )
            waiting[index] -= 1
            if progress is not None and not waiting[index]:
                progress(loaded[index])

        fan_out(
            [functools.partial(fetch, part, subjects[index]) for index, part in jobs],
            max_in_flight=max_in_flight,
            done=attach,
        )
        if progress is not None:  # subjects without components need no request, and are done at once
            for subject in loaded:
                if not subject.components:
                    progress(subject)
        return tuple(loaded)

    def _meta(self) -> Request:
        return Request(endpoints.ATTENDANCE_META, self._ids("clientid", "instituteid", "membertype"))

    def _detail(self, header: AttendanceHeader, semester: Semester | SemesterRecord) -> Request:
        check_model("header", header, _HEADER, "stynumber")
        check_model("semester", semester, SEMESTER, *_SEMESTER_FIELDS)
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
