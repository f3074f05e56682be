"""The first read of a PDF someone sent us, bounded so that junk costs next to nothing.

Shared by the filings (an upload to a package, the pre-submission check) and by signing
(a PDF uploaded to have its signatures validated). Two defences, in order:

1. ``sniff`` looks at the first and the last KiB only: the ``%PDF-`` header, the
   ``%%EOF`` marker a reader looks for in the last 1024 bytes (ISO 32000-1, 7.5.5, and
   pyhanko's own reader), the ``startxref`` before it and what its offset points at (a
   cross-reference table or stream). 50 MiB of junk behind a ``%PDF-`` fails here,
   before any parser sees a byte; handed to pyhanko, a file without line breaks near
   its end made it read backwards one byte at a time (7.7 s for 50 MiB).
2. ``read_pdf`` then lets pyhanko parse the trailer, every cross-reference section, the
   catalogue and the signature fields through a stream with a budget: a deadline and a
   number of bytes read (a few times the file: more means the parser is going round in
   circles; the deadline is of the thread's CPU time). A parse that runs over is refused
   like a damaged file. The budget ends when the parse does: validation then digests the
   signed ranges, which reads the whole file once by design.
"""

import re
import time
from collections.abc import Callable
from io import BytesIO

from pyhanko.pdf_utils.reader import PdfFileReader

from .errorcodes import Code

HEAD = 1024  # where the header may be (after leading white space)
TAIL = 1024  # where %%EOF must be: the last 1024 bytes, as readers look
DEFAULT_SECONDS = 1.0  # the parse budget when the caller has no setting of its own
READS_PER_BYTE = 4  # bytes a parse may read per byte of the file, re-reads included

_STARTXREF = re.compile(rb"startxref\s+(\d{1,12})\s*$")
_XREF_AT = re.compile(rb"\s*(?:xref|\d{1,10}\s+\d{1,5}\s+obj)")


class PdfRefused(Exception):
    """The bytes are not a PDF we will read; ``code`` says why (a ``Code``)."""

    def __init__(self, message: str, *, code: Code):
        super().__init__(message)
        self.message, self.code = message, code


def sniff(data: bytes) -> None:
    """Refuse, from its first and last KiB alone, what cannot be a readable PDF."""
    if not data[:HEAD].lstrip().startswith(b"%PDF-"):
        raise PdfRefused("Fișierul trimis nu este un document PDF.", code=Code.NOT_A_PDF)
    tail_start = max(0, len(data) - TAIL)
    tail = data[tail_start:]
    eof = tail.rfind(b"%%EOF")
    if eof < 0:
        raise PdfRefused(
            "Fișierul PDF este deteriorat sau incomplet: nu se încheie cu marcajul %%EOF.",
            code=Code.DAMAGED_PDF,
        )
    pointer = tail.rfind(b"startxref", 0, eof)
    found = _STARTXREF.match(tail, pointer, eof) if pointer >= 0 else None
    offset = int(found.group(1)) if found else len(data)
    if offset >= len(data) or not _XREF_AT.match(data, offset, offset + 64):
        raise PdfRefused(
            "Fișierul PDF este deteriorat sau incomplet: tabela de referințe lipsește.",
            code=Code.DAMAGED_PDF,
        )


class _OverBudget(BaseException):
    """Raised from inside pyhanko's parse. A ``BaseException``, like ``KeyboardInterrupt``,
    so that the parser's own ``except Exception`` recoveries cannot swallow it."""


class _BudgetedStream(BytesIO):
    """The file as pyhanko reads it, counting bytes read against a deadline."""

    def __init__(self, data: bytes, *, seconds: float, clock: Callable[[], float]):
        super().__init__(data)
        self._clock = clock
        self._deadline: float | None = clock() + seconds
        self._left = READS_PER_BYTE * len(data) + TAIL

    def _spend(self, count: int) -> None:
        if self._deadline is None:
            return
        self._left -= count
        if self._left < 0 or self._clock() > self._deadline:
            raise _OverBudget

    def read(self, size: int | None = -1, /) -> bytes:
        chunk = super().read(size)
        self._spend(len(chunk))
        return chunk

    def readline(self, size: int | None = -1, /) -> bytes:
        line = super().readline(size)
        self._spend(len(line))
        return line

    def readinto(self, buffer, /) -> int:
        count = super().readinto(buffer)
        self._spend(count)
        return count

    def end_budget(self) -> None:
        self._deadline = None


def read_pdf(
    data: bytes,
    *,
    seconds: float = DEFAULT_SECONDS,
    clock: Callable[[], float] = time.thread_time,
) -> PdfFileReader:
    """Sniff ``data``, then parse it (trailer, cross-references, catalogue, signatures)
    within ``seconds`` and a bounded number of bytes read; raise ``PdfRefused``.

    The deadline is of CPU time of this thread (``clock``): what a parse costs the worker,
    which a loaded machine does not stretch, so a good file is not refused for waiting."""
    sniff(data)
    stream = _BudgetedStream(data, seconds=seconds, clock=clock)
    try:
        reader = PdfFileReader(stream, strict=False)
        encrypted = reader.encrypted
        if not encrypted:
            reader.root  # noqa: B018  (forces the catalogue to be read)
            reader.embedded_signatures  # noqa: B018  (read now, within the budget; cached)
    except _OverBudget:
        raise PdfRefused(
            "Fișierul PDF nu poate fi citit în limitele admise (prea mare sau prea "
            "complex); verificați că este un document PDF valid.",
            code=Code.DAMAGED_PDF,
        ) from None
    except Exception as exc:  # whatever the parser trips over, the file is damaged
        raise PdfRefused(
            f"Fișierul PDF este deteriorat sau incomplet ({type(exc).__name__}).",
            code=Code.DAMAGED_PDF,
        ) from None
    stream.end_budget()
    if encrypted:
        raise PdfRefused(
            "Documentul PDF este criptat; trimiteți versiunea necriptată.",
            code=Code.ENCRYPTED_PDF,
        )
    return reader
