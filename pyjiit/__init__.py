"""pyjiit: a Python client for the JIIT student webportal.

>>> from pyjiit import Webportal
>>> with Webportal() as portal:  # doctest: +SKIP
...     portal.student_login("99103999", "password")
...     meta = portal.get_attendance_meta()
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pyjiit")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"

# Imported after __version__, which the client's User-Agent uses.
from pyjiit.session import WebportalSession
from pyjiit.wrapper import Webportal

__all__ = ["Webportal", "WebportalSession", "__version__"]
