"""The session the command keeps between runs, in the user's cache directory.

Two files live there: ``session.json``, written by
:meth:`pyjiit.Webportal.save_session` (readable by its owner only, since it
holds the bearer token), and ``portal.json``, which says which portal the
session belongs to (its URLs and CA file; nothing secret).
"""

from __future__ import annotations

import errno
import json
import os
import stat
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from pyjiit import _json
from pyjiit._checks import check_ca_bundle, http_url
from pyjiit._files import read_small, write_whole
from pyjiit.exceptions import NotLoggedIn, SessionError
from pyjiit.wrapper import DEFAULT_TIMEOUT, Webportal

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["CACHE_DIR_VARIABLE", "PortalAddress", "SessionStore", "default_cache_dir"]

#: The environment variable that overrides the cache directory.
CACHE_DIR_VARIABLE = "PYJIIT_CACHE_DIR"

_LOGIN_HINT = "run `pyjiit login`"
#: ``portal.json`` holds two URLs and a path.
_MAX_PORTAL_FILE_BYTES = 64 * 1024


def default_cache_dir() -> Path:
    r"""Return the directory the session is cached in.

    ``PYJIIT_CACHE_DIR`` when set; otherwise the user's cache directory as
    platformdirs names it: ``$XDG_CACHE_HOME/pyjiit`` (default
    ``~/.cache/pyjiit``) on Linux, ``~/Library/Caches/pyjiit`` on macOS
    (``$XDG_CACHE_HOME/pyjiit`` when that is set), ``%LOCALAPPDATA%\pyjiit\Cache``
    on Windows.
    """
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return Path(override)
    # appauthor=False: no publisher folder on Windows (pyjiit\Cache, not pyjiit\pyjiit\Cache).
    return Path(platformdirs.user_cache_dir("pyjiit", appauthor=False))


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

    def connect(self, timeout: float) -> Webportal:
        """Return a client of this portal (not logged in) that waits ``timeout`` seconds for each answer.

        Connecting waits no longer than the library's default connect timeout:
        a portal that cannot be reached is reported as soon as by the library.
        """
        connect = min(DEFAULT_TIMEOUT[0], timeout)
        return Webportal(
            self.url, sso_url=self.sso_url, verify=self.ca_file or True, timeout=(connect, timeout)
        )


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

        The old session goes first, and the new one is written last: a
        failure in between leaves no session, never one beside another
        portal's address, to which its token would then be sent.

        Raises:
            SessionError: The files cannot be written, or the directory is not
                private (see :meth:`check_private`).
        """
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.check_private()
            self.session_file.unlink(missing_ok=True)
            write_whole(self.portal_file, (json.dumps(asdict(address)) + "\n").encode("utf-8"), private=True)
        except OSError as error:
            raise SessionError(
                f"cannot save the session in {self.directory}: {error.strerror or error}"
            ) from error
        portal.save_session(self.session_file)

    def check_private(self) -> None:
        """Refuse a directory that others own or may read or write (POSIX only).

        Whoever can write there can point ``portal.json`` at their own
        server, which the next command would send the token to.  An existing
        directory is left as it is, not tightened: it may be one the user
        shares on purpose (``PYJIIT_CACHE_DIR=/tmp``).

        Raises:
            PermissionError: It is not private; the message says how to make it so.
        """
        if os.name != "posix":  # Windows keeps a user's cache private by its ACLs
            return
        status = self.directory.stat()
        mode = stat.S_IMODE(status.st_mode)
        if status.st_uid != os.getuid():
            problem = "it belongs to another user"
        elif mode & 0o077:
            problem = f"others may read or write it (mode {mode:o}): run `chmod 700 {self.directory}`"
        else:
            return
        raise PermissionError(errno.EPERM, f"{problem}, or set {CACHE_DIR_VARIABLE} to another directory")

    def address(
        self, url: str | None = None, *, sso_url: str | None = None, ca_file: str | None = None
    ) -> PortalAddress:
        """Return the address of the saved session's portal.

        Args:
            url: The portal the caller wants, or ``None`` for the session's own.
            sso_url: Overrides the saved Google sign-in exchange base.
            ca_file: Overrides the saved CA bundle.

        Raises:
            NotLoggedIn: No session is saved, the files are unreadable, the
                directory is not private, the saved CA file is gone, or the
                session belongs to another portal than ``url``.
        """
        if not self.session_file.exists() or not self.portal_file.exists():
            raise NotLoggedIn(f"not logged in: {_LOGIN_HINT}")
        try:
            self.check_private()
        except OSError as error:
            raise NotLoggedIn(
                f"the saved session in {self.directory} is not safe to use: {error.strerror}"
            ) from None
        try:
            data = _json.decode(read_small(self.portal_file, _MAX_PORTAL_FILE_BYTES))
            saved = PortalAddress(
                url=http_url("url", _text(data["url"])),
                sso_url=_optional_url(data, "sso_url"),
                ca_file=_optional_text(data, "ca_file"),
            )
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise NotLoggedIn(
                f"the saved session in {self.directory} is unreadable ({error}): {_LOGIN_HINT}"
            ) from None
        if ca_file is None and saved.ca_file is not None:
            try:
                check_ca_bundle("ca_file", saved.ca_file)
            except ValueError:
                raise NotLoggedIn(
                    f"the CA file saved with the session, {saved.ca_file}, is gone or holds no "
                    f"certificate: pass --ca-file, or {_LOGIN_HINT} again"
                ) from None
        if url is not None and url.rstrip("/") != saved.url.rstrip("/"):
            raise NotLoggedIn(f"not logged in to {url} (the saved session is for {saved.url}): {_LOGIN_HINT}")
        return PortalAddress(saved.url, sso_url or saved.sso_url, ca_file or saved.ca_file)

    def load(self, portal: Webportal) -> Webportal:
        """Log ``portal`` (a client of :meth:`address`) in with the saved session, and return it.

        Raises:
            NotLoggedIn: The saved session cannot be loaded (``portal`` is closed then).
        """
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


def _optional_url(data: Mapping[str, object], key: str) -> str | None:
    value = _optional_text(data, key)
    return None if value is None else http_url(key, value)
