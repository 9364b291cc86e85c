"""pyjiit: a Python client for the JIIT student webportal.

>>> from pyjiit import Webportal
>>> with Webportal() as portal:  # doctest: +SKIP
...     portal.account.login("99103999", "password")
...     attendance = portal.attendance.detail()

Everything an app needs is here: the client (:class:`Webportal`), its
session (:class:`WebportalSession`), the models its calls return (from
:mod:`pyjiit.models`) and the exceptions (from :mod:`pyjiit.exceptions`).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pyjiit")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"

# Imported after __version__, which the client's User-Agent uses.
from pyjiit import exceptions, models
from pyjiit.exceptions import *  # noqa: F403 (every exception, as listed in its __all__)
from pyjiit.models import *  # noqa: F403 (every model, as listed in its __all__)
from pyjiit.session import WebportalSession
from pyjiit.wrapper import Webportal

# pyjiit 0.1.0a9's modules: code of that era finds them as attributes of the
# package after a plain `import pyjiit` (`pyjiit.registration.Registrations`).
from pyjiit import attendance, exam, registration, tokens  # noqa: F401  # isort: skip

__all__ = ["Webportal", "WebportalSession", "__version__"]
__all__ += exceptions.__all__
__all__ += models.__all__
