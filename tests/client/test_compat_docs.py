"""pyjiit 0.1.0a9's documented usage examples run unchanged against FakePortal.

The snippets are those of 0.1.0a9's ``docs/usage.rst``, verbatim.  Code of that
era reached another portal by setting ``pyjiit.wrapper.API``; the tests do the
same, and give the fake portal the credentials the snippets use.
"""

from __future__ import annotations

import contextlib
import io
import textwrap
from collections.abc import Iterator

import pytest

import pyjiit.wrapper
from pyjiit.exceptions import NotLoggedIn
from pyjiit.testing import FakePortal

INSTANTIATION = """
from pyjiit import Webportal

w = Webportal()
print(w)
"""

LOGGING_IN = """
from pyjiit import Webportal
from pyjiit.default import CAPTCHA


w = Webportal()
s = w.student_login("username", "password", CAPTCHA)
print(w.session.clientid)
"""

CHANGING_THE_PASSWORD = """
from pyjiit import Webportal
from pyjiit.default import CAPTCHA


w = Webportal()
w.student_login("username", "password", CAPTCHA)
w.set_password("password", "password_strong")
"""

GETTING_THE_ATTENDANCE = """
# instantiate w = Webportal() and login before this

meta = w.get_attendance_meta()
header = meta.latest_header()
sem = meta.latest_semester()

print(w.get_attendance(header, sem))
"""

GETTING_SUBJECT_DETAIL = """
# instantiate w = Webportal() and login before this

semesters = w.get_registered_semesters()
sem = semesters[-1] # get latest sem

reg = w.get_registered_subjects_and_faculties(sem)
print(*reg.subjects, sep="\\n")

print(reg.total_credits)
"""

EXCEPTION_HANDLING = """
from pyjiit import Webportal

w = Webportal()
w.get_student_bank_info()
"""

LOGIN_PREAMBLE = LOGGING_IN


@pytest.fixture
def old_style_portal(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakePortal]:
    with FakePortal(username="username", password="password") as portal:
        monkeypatch.setattr(pyjiit.wrapper, "API", portal.url)
        yield portal


def run(*snippets: str) -> tuple[dict[str, object], str]:
    """Run snippets in one namespace; return it and what they printed."""
    namespace: dict[str, object] = {}
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        for snippet in snippets:
            exec(compile(textwrap.dedent(snippet), "<0.1.0a9 docs>", "exec"), namespace)  # noqa: S102
    return namespace, output.getvalue()


def test_instantiation(old_style_portal: FakePortal) -> None:
    _, printed = run(INSTANTIATION)
    assert printed == "Driver Class for JIIT Webportal\n"


def test_logging_in(old_style_portal: FakePortal) -> None:
    namespace, printed = run(LOGGING_IN)
    session = namespace["s"]
    assert isinstance(session, pyjiit.wrapper.WebportalSession)
    assert printed == f"{session.clientid}\n"


def test_changing_the_password(old_style_portal: FakePortal) -> None:
    run(CHANGING_THE_PASSWORD)
    assert old_style_portal.password == "password_strong"


def test_getting_the_attendance(old_style_portal: FakePortal) -> None:
    namespace, printed = run(LOGIN_PREAMBLE, GETTING_THE_ATTENDANCE)
    assert "studentattendancelist" in printed
    assert namespace["header"] is not None


def test_getting_subject_detail(old_style_portal: FakePortal) -> None:
    namespace, printed = run(LOGIN_PREAMBLE, GETTING_SUBJECT_DETAIL)
    registrations = namespace["reg"]
    assert isinstance(registrations, pyjiit.registration.Registrations)
    assert "RegisteredSubject(employee_name=" in printed
    assert printed.rstrip().endswith(str(registrations.total_credits))


def test_exception_handling(old_style_portal: FakePortal) -> None:
    with pytest.raises(NotLoggedIn):
        run(EXCEPTION_HANDLING)
