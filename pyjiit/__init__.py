"""pyjiit: a Python client for the JIIT student webportal."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pyjiit")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
