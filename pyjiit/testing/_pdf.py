"""A minimal PDF writer: lines of monospaced text on A4 pages, standard library only.

Enough for the marks report (#22): a valid PDF 1.4 file with a correct
cross-reference table, which PDF readers and text extractors open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["text_pdf"]

_PAGE_WIDTH, _PAGE_HEIGHT = 595, 842  # A4 in points
_MARGIN = 40
_FONT_SIZE = 9
_LEADING = 12
_LINES_PER_PAGE = (_PAGE_HEIGHT - 2 * _MARGIN) // _LEADING


def _escape(text: str) -> bytes:
    """Return ``text`` as the inside of a PDF literal string (Latin-1, ``?`` for the rest)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("latin-1", errors="replace")


def _page_content(lines: Sequence[str]) -> bytes:
    top = _PAGE_HEIGHT - _MARGIN
    parts = [f"BT /F1 {_FONT_SIZE} Tf {_LEADING} TL {_MARGIN} {top} Td".encode()]
    parts += [b"(" + _escape(line) + b") Tj T*" for line in lines]
    parts.append(b"ET")
    return b"\n".join(parts)


def text_pdf(lines: Sequence[str], title: str = "") -> bytes:
    """Return a PDF showing ``lines`` in Courier, as many A4 pages as they need.

    Args:
        lines: The text, one string per line (tabs and control characters
            should be removed by the caller).
        title: The document's ``/Title``.
    """
    pages = [lines[i : i + _LINES_PER_PAGE] for i in range(0, len(lines), _LINES_PER_PAGE)] or [[]]
    # Objects: 1 catalog, 2 page tree, 3 font, 4 info, then a page and its content per page.
    first_page = 5
    kids = " ".join(f"{first_page + 2 * n} 0 R" for n in range(len(pages)))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + _escape(title) + b") /Producer (pyjiit.testing) >>",
    ]
    for n, page_lines in enumerate(pages):
        content = _page_content(page_lines)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_PAGE_WIDTH} {_PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {first_page + 2 * n + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")  # the binary comment marks the file as binary
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
