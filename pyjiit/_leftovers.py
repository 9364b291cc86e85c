"""A pooled connection carries no new request while bytes of an earlier answer wait on it.

urllib3 reuses a pooled connection unless its socket is readable, which it takes
to mean that the server hung up.  That check also catches a server that sent
more than its ``Content-Length`` declared, as long as the extra bytes are still
in the kernel's buffer.  Over TLS, though, what the last read decrypted past
the answer sits inside the TLS layer, where ``select`` on the socket cannot see
it, and the next request on that connection would read it as its answer.

So once an answer has been read, a TLS socket still holding decrypted bytes is
shut down.  urllib3 (1.26 and 2 alike) then finds the connection dropped when
it next takes it from the pool, and opens a new one.  This happens in the
thread that read the answer, before the connection goes back to the pool, so
no other thread can have taken it meanwhile.
"""

from __future__ import annotations

import contextlib
import socket

__all__ = ["drop_if_leftovers"]


def drop_if_leftovers(sock: socket.socket) -> None:
    """Shut ``sock`` down if its TLS layer holds bytes nobody has read (a plain socket has no such layer)."""
    pending = getattr(sock, "pending", None)
    if pending is not None and pending():
        with contextlib.suppress(OSError):  # already closed by the other side: dropped all the same
            sock.shutdown(socket.SHUT_RDWR)
