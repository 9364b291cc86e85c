"""A throwaway certificate authority and server certificate for ``FakePortal(tls=True)``.

Made with ``trustme``, the optional ``pyjiit[testing]`` extra, imported only
when TLS is asked for: plain HTTP needs nothing beyond the standard library.
"""

from __future__ import annotations

import shutil
import ssl
import tempfile
from pathlib import Path

__all__ = ["ServerCertificate"]


class ServerCertificate:
    """A server TLS context signed by a fresh CA, and that CA's PEM file for clients.

    The CA's private key never leaves memory; the PEM file holds only its
    certificate, in a private temporary directory removed by :meth:`remove`.

    Args:
        hosts: The names and addresses the certificate is valid for.

    Raises:
        ImportError: ``trustme`` is not installed.
    """

    def __init__(self, hosts: list[str]) -> None:
        try:
            import trustme  # noqa: PLC0415 (an optional extra, needed only for TLS)
        except ImportError:
            raise ImportError(
                "FakePortal(tls=True) needs the 'trustme' package: install pyjiit[testing]"
            ) from None
        authority = trustme.CA()
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        authority.issue_cert(*hosts).configure_cert(self.context)
        self._directory = Path(tempfile.mkdtemp(prefix="pyjiit-fakeportal-"))
        #: The CA certificate clients should trust (``requests``' ``verify=``).
        self.ca_file = self._directory / "ca.pem"
        authority.cert_pem.write_to_path(str(self.ca_file))

    def remove(self) -> None:
        """Delete the CA file and its directory."""
        shutil.rmtree(self._directory, ignore_errors=True)
