"""A pooled connection carries no new request while bytes of an earlier answer wait on it.

urllib3 reuses a pooled connection unless its socket is readable, which it takes
to mean that the server hung up.  That check also catches a server that sent
more than its ``Content-Length`` declared, as long as the extra bytes are still
in the kernel's buffer.  Over TLS, though, what the last read decrypted past
the answer sits inside the TLS layer, where ``select`` on the socket cannot see
it, and the next request on that connection would read it as its answer.
"""

from __future__ import annotations

from urllib3.connection import HTTPConnection

__all__ = ["RefusesLeftovers"]


class RefusesLeftovers(HTTPConnection):
    """Mixed into a urllib3 connection class, before it: connections with leftover bytes are not reused."""

    @property
    def is_connected(self) -> bool:
        """urllib3's answer (see ``HTTPConnection.is_connected``), and false while TLS holds unread bytes.

        urllib3 asks this before it reuses a pooled connection (from 2.0; 1.26
        looks at the socket itself, so there this does nothing).
        """
        pending = getattr(self.sock, "pending", None)  # TLS sockets have it, plain ones do not
        if pending is not None and pending():
            return False
        return super().is_connected
