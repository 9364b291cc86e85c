"""The session the command keeps between runs, in the user's cache directory.

Two files live there: ``session.json``, written by
:meth:`pyjiit.Webportal.save_session` (readable by its owner only, since it
holds the bearer token), and ``portal.json``, which says which portal the
session belongs to (its URLs and CA file; nothing secret).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pyjiit.exceptions import NotLoggedIn, SessionError
from pyjiit.wrapper import Webportal

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["CACHE_DIR_VARIABLE", "PortalAddress", "SessionStore", "default_cache_dir"]

#: The environment variable that overrides the cache directory.
CACHE_DIR_VARIABLE = "PYJIIT_CACHE_DIR"

_LOGIN_HINT = "run `pyjiit login`"


def default_cache_dir(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    r"""Return the directory the session is cached in.

    ``PYJIIT_CACHE_DIR`` when set; otherwise the platform's cache directory:
    ``%LOCALAPPDATA%\\pyjiit\\Cache`` on Windows, ``~/Library/Caches/pyjiit``
    on macOS, ``$XDG_CACHE_HOME/pyjiit`` (default ``~/.cache/pyjiit``) elsewhere.

    Args:
        environ: The environment to read (default: this process's).
        platform: A ``sys.platform`` value (default: this machine's).
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if environ.get(CACHE_DIR_VARIABLE):
        return Path(environ[CACHE_DIR_VARIABLE])
    if platform == "win32":
        local = environ.get("LOCALAPPDATA")
        return (Path(local) if local else Path.home() / "AppData" / "Local") / "pyjiit" / "Cache"
    if platform == "darwin":
        return Path.home() / "Library" / "Caches" / "pyjiit"
    # The XDG spec says to ignore a relative XDG_CACHE_HOME.
    xdg = environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if Path(xdg).is_absolute() else Path.home() / ".cache") / "pyjiit"


@dataclass(frozen=True)
class PortalAddress:
    """Where a portal is and how to trust it.

    Attributes:
        url: The portal's API base.
        sso_url: The Google sign-in exchange base, or ``None`` for the library's default.
        ca_file: A CA bundle to verify the portal's certificate with, or ``None`` for the system's.
    """

    url: str
    sso_url: str | None = None
    ca_file: str | None = None

    def connect(self) -> Webportal:
        """Return a client of this portal (not logged in)."""
        return Webportal(self.url, sso_url=self.sso_url, verify=self.ca_file or True)


class SessionStore:
    """The saved session and the address of its portal, in one directory.

    Args:
        directory: Where the files live; created (mode 0700) when a session is saved.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.session_file = directory / "session.json"
        self.portal_file = directory / "portal.json"

    def save(self, portal: Webportal, address: PortalAddress) -> None:
        """Save ``portal``'s session and the address it belongs to, replacing any saved before.

        Raises:
            SessionError: The files cannot be written.
        """
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:
            raise SessionError(f"cannot create {self.directory}: {error.strerror or error}") from error
        portal.save_session(self.session_file)
        try:
            self.portal_file.write_text(json.dumps(asdict(address)) + "\n", encoding="utf-8")
        except OSError as error:
            raise SessionError(f"cannot save {self.portal_file}: {error.strerror or error}") from error

    def address(self) -> PortalAddress:
        """Return the address of the saved session's portal.

        Raises:
            NotLoggedIn: No session is saved, or the files are unreadable.
        """
        if not self.session_file.exists() or not self.portal_file.exists():
            raise NotLoggedIn(f"not logged in: {_LOGIN_HINT}")
        try:
            data = json.loads(self.portal_file.read_text(encoding="utf-8"))
            return PortalAddress(
                url=_text(data["url"]),
                sso_url=_optional_text(data, "sso_url"),
                ca_file=_optional_text(data, "ca_file"),
            )
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise NotLoggedIn(
                f"the saved session in {self.directory} is unreadable ({error}): {_LOGIN_HINT}"
            ) from None

    def open(
        self, url: str | None = None, *, sso_url: str | None = None, ca_file: str | None = None
    ) -> Webportal:
        """Return a client logged in with the saved session.

        Args:
            url: The portal the caller wants, or ``None`` for the session's own.
            sso_url: Overrides the saved Google sign-in exchange base.
            ca_file: Overrides the saved CA bundle.

        Raises:
            NotLoggedIn: No session is saved, it is unreadable, or it belongs to another portal than ``url``.
        """
        saved = self.address()
        if url is not None and url.rstrip("/") != saved.url.rstrip("/"):
            raise NotLoggedIn(f"not logged in to {url} (the saved session is for {saved.url}): {_LOGIN_HINT}")
        address = PortalAddress(saved.url, sso_url or saved.sso_url, ca_file or saved.ca_file)
        portal = address.connect()
        try:
            portal.load_session(self.session_file)
        except SessionError as error:
            portal.close()
            raise NotLoggedIn(f"{error}: {_LOGIN_HINT}") from None
        return portal

    def clear(self) -> bool:
        """Delete the saved session; return whether there was one."""
        existed = self.session_file.exists()
        for path in (self.session_file, self.portal_file):
            path.unlink(missing_ok=True)
        return existed


def _text(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError(f"expected a non-empty string, got {value!r}")
    return value


def _optional_text(data: Mapping[str, object], key: str) -> str | None:
    value = data.get(key)
    return None if value is None else _text(value)
