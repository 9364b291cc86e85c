"""pyjiit 0.1.0a9's ``pyjiit.attendance``: its classes, now in :mod:`pyjiit.models.attendance`."""

from pyjiit.models.attendance import AttendanceHeader, AttendanceMeta, Semester

__all__ = ["AttendanceHeader", "AttendanceMeta", "Semester"]
