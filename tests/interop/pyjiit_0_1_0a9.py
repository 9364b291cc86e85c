"""pyjiit 0.1.0a9 from PyPI, unchanged, against a running FakePortal.

:mod:`tests.interop.run` starts this with the Python of an environment that
holds pyjiit 0.1.0a9, as ``python -I``, so that ``import pyjiit`` is that
release and never this checkout (which is why it imports nothing from it).
It reads the portal's address, the demo student and the number of logins as
JSON on stdin.  The environment carries what 0.1.0a9 takes from its users'
machines: the portal's CA in ``REQUESTS_CA_BUNDLE`` (0.1.0a9 has no CA
option, and requests reads that variable), and ``TZ`` set to India's zone,
since 0.1.0a9 builds its date key from the local day.

It logs in the given number of times in a row, each time with a new
``Webportal``, and after each login makes the calls 0.1.0a9 documents (its
usage guide and its API reference), checking each answer; then it changes
the password and back once, and checks the documented ``NotLoggedIn``.  It
prints one summary line (and the first failures) and exits 1 on any failure.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any, TypeVar

import pyjiit.wrapper
from pyjiit.default import CAPTCHA
from pyjiit.exceptions import NotLoggedIn
from pyjiit.wrapper import Webportal

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")

CLIENT = "pyjiit 0.1.0a9"
#: The failures shown in full; the rest are only counted.
SHOWN_FAILURES = 5


class CallFailed(Exception):
    """A call raised or answered something unexpected (already counted)."""


class Tally:
    """Counts logins and other calls, and keeps the failures to show."""

    def __init__(self) -> None:
        self.logins = collections.Counter[bool]()
        self.calls = collections.Counter[bool]()
        self.known = collections.Counter[str]()
        self.failures: list[str] = []

    def login(self, action: Callable[[], T]) -> T:
        """Run a login; count it; raise :class:`CallFailed` if it fails."""
        return self._count(self.logins, "student_login", action, lambda _: True)

    def call(self, name: str, action: Callable[[], T], check: Callable[[T], object]) -> T:
        """Run a call; count it as passed if ``check`` accepts its result, else raise :class:`CallFailed`."""
        return self._count(self.calls, name, action, check)

    def known_bug(self, name: str, action: Callable[[], object], error: str, why: str) -> None:
        """Run a call this client gets wrong (``why``); count it if it fails with ``error`` as expected."""
        try:
            result = action()
        except Exception as raised:  # noqa: BLE001 (compared with the expected error below)
            if f"{type(raised).__name__}: {raised}".startswith(error):
                self.known[f"{name} ({why})"] += 1
                return
            result = raised
        self.calls[False] += 1
        self.failures.append(f"{name}: expected {error!r} ({why}), got {str(result)[:200]!r}")

    def _count(
        self,
        counter: collections.Counter[bool],
        name: str,
        action: Callable[[], T],
        check: Callable[[T], object],
    ) -> T:
        try:
            result = action()
            accepted = bool(check(result))
        except Exception as error:  # noqa: BLE001 (any error of the client is a failed call)
            reason = f"{type(error).__name__}: {error}"
        else:
            if accepted:
                counter[True] += 1
                return result
            reason = f"unexpected answer {str(result)[:200]!r}"
        counter[False] += 1
        self.failures.append(f"{name}: {' '.join(reason.split())}")  # 0.1.0a9 pformats onto many lines
        raise CallFailed(name)

    def summary(self) -> str:
        """The summary line, and then a line for each known bug and for each failure shown."""
        lines = [
            (
                f"{CLIENT}: {self.logins[True]} passed, {self.logins[False]} failed logins; "
                f"calls: {self.calls[True]} passed, {self.calls[False]} failed"
            )
        ]
        lines += [
            f"  known client bug, failed as expected {count} times: {bug}"
            for bug, count in self.known.items()
        ]
        lines += [f"  failed: {failure}" for failure in self.failures[:SHOWN_FAILURES]]
        if len(self.failures) > SHOWN_FAILURES:
            lines.append(f"  ... and {len(self.failures) - SHOWN_FAILURES} more failures")
        return "\n".join(lines)


def log_in(config: dict[str, Any]) -> Webportal:
    """Log in as docs/usage.rst does (the prefilled captcha), and check the session."""
    webportal = Webportal()
    session = webportal.student_login(config["username"], config["password"], CAPTCHA)
    # The claims segment decoded: 0.1.0a9 turns exp into a naive local time.
    if session.expiry is None:  # never from 0.1.0a9 (this checkout's types allow it)
        raise ValueError("the session has no expiry")
    lifetime = session.expiry - dt.datetime.now()  # noqa: DTZ005 (0.1.0a9's expiry is naive local)
    if not dt.timedelta(hours=1, minutes=55) < lifetime <= dt.timedelta(hours=2, seconds=5):
        raise ValueError(f"the session expires in {lifetime}, not in about 2 hours")
    if (session.name, session.clientid) != (config["name"], config["clientid"]):
        raise ValueError(f"the session is {session.name!r} of {session.clientid!r}")
    return webportal


def documented_calls(w: Webportal, tally: Tally) -> None:
    """Every read 0.1.0a9 documents, in the order of its usage guide and API reference."""
    call = tally.call
    call("get_captcha", w.get_captcha, lambda captcha: captcha.hidden and captcha.image)
    # Usage: "Getting the attendance".
    meta = call("get_attendance_meta", w.get_attendance_meta, lambda meta: meta.headers and meta.semesters)
    header, semester = meta.latest_header(), meta.latest_semester()
    call("get_attendance", lambda: w.get_attendance(header, semester), lambda a: a["studentattendancelist"])
    # Usage: "Getting subject detail", with the guide's choice of semester, semesters[-1].
    registered = call("get_registered_semesters", w.get_registered_semesters, bool)
    call(
        "get_registered_subjects_and_faculties",
        lambda: w.get_registered_subjects_and_faculties(registered[-1]),
        lambda registrations: registrations.subjects and registrations.total_credits,
    )
    call(
        "get_subject_choices",
        lambda: w.get_subject_choices(registered[0]),
        lambda c: c["subjectpreferencegrid"],
    )
    # The API reference's other reads.
    tally.known_bug(
        "get_student_bank_info",
        w.get_student_bank_info,
        "TypeError: 'int' object is not subscriptable",  # its reading of the portal's HTTP 400
        "sends plain JSON where the portal takes an encrypted body, docs/protocol.md #8",
    )
    call(
        "get_student_personal_information",
        w.get_student_personal_information,
        lambda i: i["generalinformation"],
    )
    exam_semesters = call("get_semesters_for_exam_events", w.get_semesters_for_exam_events, bool)
    events = call("get_exam_events", lambda: w.get_exam_events(exam_semesters[0]), bool)
    call("get_exam_schedule", lambda: w.get_exam_schedule(events[0]), lambda s: s["subjectinfo"])
    marks_semesters = call("get_semesters_for_marks", w.get_semesters_for_marks, bool)
    call("download_marks", lambda: w.download_marks(marks_semesters[0]), lambda pdf: pdf.startswith(b"%PDF-"))
    grade_semesters = call("get_semesters_for_grade_card", w.get_semesters_for_grade_card, bool)
    call("get_grade_card", lambda: w.get_grade_card(grade_semesters[0]), lambda card: card["gradecard"])
    call("get_sgpa_cgpa", w.get_sgpa_cgpa, lambda sgpa: sgpa["semesterList"])
    call("get_fines_msc_charges", w.get_fines_msc_charges, bool)  # the runner adds a charge
    call("get_fee_summary", w.get_fee_summary, lambda fees: fees["feeHeads"])


def once(w: Webportal, config: dict[str, Any], tally: Tally) -> None:
    """The documented calls that change things or need no login: run once, not per login."""
    password, changed = config["password"], config["password"] + "-changed"
    # Usage: "Changing the password" (and back, so the portal is as it was).
    tally.call("set_password", lambda: w.set_password(password, changed), lambda _: True)
    tally.call("set_password (back)", lambda: w.set_password(changed, password), lambda _: True)

    # Usage: "Exception handling": a call before logging in raises NotLoggedIn.
    def not_logged_in() -> str:
        try:
            Webportal().get_student_bank_info()
        except NotLoggedIn:
            return "NotLoggedIn"
        return "no exception"

    tally.call("NotLoggedIn before login", not_logged_in, lambda raised: raised == "NotLoggedIn")


def main() -> int:
    """Run the logins and calls; print the summary; return the exit status."""
    config = json.load(sys.stdin)
    # How 0.1.0a9's users pointed it at another portal: its base URL is this module global.
    pyjiit.wrapper.API = config["url"]
    tally = Tally()
    webportal = None
    for _ in range(config["logins"]):
        try:
            webportal = tally.login(lambda: log_in(config))
            documented_calls(webportal, tally)
        except CallFailed:
            pass  # counted; the calls after it in this round depend on it
    try:
        if webportal is not None:
            once(webportal, config, tally)
    except CallFailed:
        pass
    print(tally.summary())
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
