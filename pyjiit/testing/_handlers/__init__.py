"""The fake portal's answer to each endpoint, one module per group of docs/protocol.md section 1."""

from __future__ import annotations

from pyjiit.testing._handlers import (
    attendance,
    exams,
    feedback,
    grades,
    login,
    money,
    mooc,
    registration,
    student,
)
from pyjiit.testing._routing import RouteTable

__all__ = ["ROUTES"]

#: Every endpoint's route.
ROUTES = RouteTable.merge(
    login.routes,
    student.routes,
    attendance.routes,
    registration.routes,
    exams.routes,
    grades.routes,
    money.routes,
    feedback.routes,
    mooc.routes,
)
