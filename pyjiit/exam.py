"""pyjiit 0.1.0a9's ``pyjiit.exam``: its class, now in :mod:`pyjiit.models.exams`."""

from pyjiit.models.exams import ExamEvent

__all__ = ["ExamEvent"]
