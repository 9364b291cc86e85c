"""Log in to a local fake portal and print the demo student's attendance as a table."""

from pyjiit import Webportal
from pyjiit.testing import FakePortal

with FakePortal() as fake, Webportal(fake.url, sso_url=fake.sso_url) as portal:
    portal.student_login(fake.username, fake.password)
    meta = portal.get_attendance_meta()
    attendance = portal.get_attendance_detail(meta.latest_header(), meta.latest_semester())

    print(f"{'Code':<10} {'Subject':<36} {'Classes':>7} {'%':>6} {'Need':>5}")
    for subject in attendance.subjects:
        percent = "-" if subject.percentage is None else f"{subject.percentage:.1f}"
        classes = f"{subject.attended}/{subject.total}"
        needed = subject.classes_needed()
        print(f"{subject.code:<10} {subject.name[:36]:<36} {classes:>7} {percent:>6} {needed:>5}")
