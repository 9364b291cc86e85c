"""pyjiit 0.1.0a9's ``pyjiit.tokens``: its class, now in :mod:`pyjiit.models.account`."""

from pyjiit.models.account import Captcha

__all__ = ["Captcha"]
