"""Log in to a local fake portal and print the demo student's attendance as a table."""

from pyjiit import Webportal
from pyjiit.testing import FakePortal

with FakePortal() as fake, Webportal(fake.url, sso_url=fake.sso_url) as portal:
    portal.account.login(fake.username, fake.password)
    attendance = portal.attendance.detail()  # the current semester, counted class by class

    # Need: classes to attend in a row to reach 75 %.
    # Can miss: classes that can be missed while staying at 75 % or more.
    print(f"{'Code':<10} {'Subject':<36} {'Classes':>7} {'%':>6} {'Need':>5} {'Can miss':>8}")
    for subject in attendance.subjects:
        percent = "-" if subject.percentage is None else f"{subject.percentage:.1f}"
        classes = f"{subject.attended}/{subject.total}"
        needed, can_miss = subject.classes_needed(), subject.classes_can_miss()
        print(
            f"{subject.code:<10} {subject.name[:36]:<36} {classes:>7} {percent:>6} {needed:>5} {can_miss:>8}"
        )
