"""pyjiit 0.1.0a9's ``pyjiit.registration``: its classes, now in :mod:`pyjiit.models.registration`."""

from pyjiit.models.registration import RegisteredSubject, Registrations

__all__ = ["RegisteredSubject", "Registrations"]
