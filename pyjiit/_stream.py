"""Reading an answer's body as it arrives: within a size limit and the request's deadline.

The body is read in small pieces after urllib3 has decompressed them, so the
limit counts the bytes pyjiit would keep, not those on the wire: a small gzip
answer that inflates to gigabytes stops at the limit like an endless one, and
memory never holds much more than the limit.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from pyjiit.exceptions import AnswerTooLarge, ProtocolError

if TYPE_CHECKING:
    import requests

    from pyjiit._deadline import Deadline

__all__ = ["ACCEPT_ENCODING", "CHUNK_BYTES", "read_body"]

#: The encodings asked for; an answer in any other is refused unread.  gzip and deflate
#: inflate in bounded steps on every urllib3 version; other decoders do not on old ones.
ACCEPT_ENCODING = "gzip, deflate"
_ACCEPTED = frozenset({"gzip", "x-gzip", "deflate", "identity", ""})

#: Bytes asked for per read.  Small, so that one read of compressed data cannot inflate
#: to much more than the limit (deflate inflates at most ~1000:1) and reads stay short.
CHUNK_BYTES = 8192


def read_body(response: requests.Response, *, limit: int, deadline: Deadline, what: str) -> bytes:
    """Return the decompressed body of ``response``, read by ``deadline`` and no larger than ``limit``.

    ``what`` (the endpoint's path) starts every error message.  requests'
    exceptions (a dropped connection, a corrupt gzip stream, a read that timed
    out) pass through for the caller to map.

    Raises:
        AnswerTooLarge: The body grew past ``limit`` bytes.
        PortalUnavailable: The deadline passed before the body ended.
        ProtocolError: The body is in a content encoding pyjiit did not ask for.
    """
    encodings = [part.strip().lower() for part in response.headers.get("Content-Encoding", "").split(",")]
    refused = [encoding for encoding in encodings if encoding not in _ACCEPTED]
    if refused:
        raise ProtocolError(
            f"{what}: the answer is in a content encoding pyjiit did not ask for: {refused[0]!r}"
        )
    body = io.BytesIO()  # getvalue() hands over its buffer without a copy
    size = 0
    for chunk in response.iter_content(CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            raise AnswerTooLarge(
                f"{what}: the answer is larger than the limit of {limit:,} bytes (counted after "
                "decompression).",
                limit=limit,
                advice=(
                    "Raise Webportal's max_answer_bytes or max_document_bytes if the portal's answers "
                    "really are this large."
                ),
            )
        if deadline.passed:
            raise deadline.exceeded(what)
        body.write(chunk)
    return body.getvalue()
