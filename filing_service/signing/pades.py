"""Signing a PDF with pyhanko at a PAdES baseline level, with a visible signature.

Each call appends one incremental update: the bytes of the file it is given are kept as
they are, so earlier signatures stay valid. The visible signature goes on the last page
in a font (DejaVu Sans) that carries ș and ț and is embedded, so a PDF/A stays PDF/A.
"""

import functools
from dataclasses import dataclass, replace
from datetime import datetime
from io import BytesIO
from pathlib import Path

from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from ..errorcodes import Code
from .eventloop import outside_event_loop
from .profiles import Level

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
STAMP_SIZE = (230, 62)  # points: wide enough for a long Romanian name and role
MARGIN = 36
# Room for the CMS signature, in hex digits. Without it pyhanko signs twice to measure
# (a second key operation and a second TSA request); ~9 KB of DER (3 certificates and a
# time-stamp token) fits comfortably, and a longer chain falls back to measuring.
RESERVED_HEX = 24 * 1024


@dataclass(frozen=True)
class Appearance:
    """What the visible signature says."""

    signer_name: str
    role_label: str  # "Director executiv", "Consilier juridic"
    signed_at: datetime  # shown in the service's time zone
    location: str  # the directorate's seat


class SigningFailed(Exception):
    """pyhanko or a service it needed (TSA, OCSP, CRL) refused; the message is Romanian."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


def sign_pdf(
    data: bytes,
    signer: signers.Signer,
    *,
    level: Level,
    tsa_url: str | None,
    trust_roots: list,
    appearance: Appearance,
) -> bytes:
    """Return ``data`` with one more signature at ``level``.

    ``trust_roots`` (asn1crypto certificates) anchor the chain whose revocation data a
    B-LT or B-LTA signature embeds; fetching OCSP/CRL is allowed here, at signing time.
    """
    return outside_event_loop(
        _sign_pdf,
        data,
        signer,
        level=level,
        tsa_url=tsa_url,
        trust_roots=trust_roots,
        appearance=appearance,
    )


def _sign_pdf(
    data: bytes,
    signer: signers.Signer,
    *,
    level: Level,
    tsa_url: str | None,
    trust_roots: list,
    appearance: Appearance,
) -> bytes:
    reader = PdfFileReader(BytesIO(data), strict=False)
    existing = len(reader.embedded_signatures)
    field_name = f"Semnatura{existing + 1}"
    page, box = _stamp_position(reader, existing)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=f"Semnătură electronică calificată – {appearance.role_label}",
        location=appearance.location,
        name=appearance.signer_name,
    )
    if level in (Level.B_LT, Level.B_LTA):
        meta = _with_validation_info(meta, trust_roots, lta=level is Level.B_LTA)
    timestamper = HTTPTimeStamper(tsa_url, timeout=10) if level.needs_tsa else None
    pdf_signer = signers.PdfSigner(
        meta,
        signer,
        timestamper=timestamper,
        stamp_style=_stamp_style(),
        new_field_spec=fields.SigFieldSpec(field_name, on_page=page, box=box),
    )
    text = {
        "nume": appearance.signer_name,
        "rol": appearance.role_label,
        "data": appearance.signed_at.strftime("%d.%m.%Y %H:%M:%S"),
    }

    def attempt(reserved: int | None) -> bytes:
        out = BytesIO()
        pdf_signer.sign_pdf(
            IncrementalPdfFileWriter(BytesIO(data), strict=False),
            output=out,
            bytes_reserved=reserved,
            appearance_text_params=text,
        )
        return out.getvalue()

    try:
        try:
            return attempt(RESERVED_HEX)
        except SigningError as exc:
            if "larger than expected" not in str(exc):
                raise
            return attempt(None)  # an unusually long chain: let pyhanko measure it
    except Exception as exc:
        raise _explain(exc, level) from None


def _with_validation_info(meta, trust_roots, *, lta: bool):
    context = ValidationContext(
        trust_roots=trust_roots, allow_fetching=True, revocation_mode="hard-fail"
    )
    return replace(
        meta, embed_validation_info=True, validation_context=context, use_pades_lta=lta
    )


class _FontFromBytes(GlyphAccumulatorFactory):
    """pyhanko's factory opens the font file and never closes it; this one hands the
    glyph accumulator the font's bytes instead (same embedding, no leaked handle)."""

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=BytesIO(_font_bytes()),
            font_size=self.font_size,
            obj_stream=obj_stream,
        )


# What a Romanian stamp can show: Basic Latin, Latin-1, Latin Extended-A, ș ț Ș Ț with
# comma below (and the cedilla forms, in case a name was typed with them), dashes, quotes.
STAMP_UNICODES = [
    *range(0x20, 0x7F),
    *range(0xA0, 0x180),
    *range(0x218, 0x21C),
    *range(0x2010, 0x2027),
]


@functools.cache
def _font_bytes() -> bytes:
    """DejaVu Sans cut down, once per process, to the characters a stamp may show.

    Parsing the whole 700 KB font (its kerning tables above all) on every signature
    cost more than the signature itself.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []  # no kerning tables: a stamp does not need them
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    font = TTFont(str(FONT))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=STAMP_UNICODES)
    subsetter.subset(font)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


def _stamp_style() -> TextStampStyle:
    return TextStampStyle(
        stamp_text="Semnat electronic de %(nume)s\nFuncția: %(rol)s\nData și ora: %(data)s",
        text_box_style=TextBoxStyle(font=_FontFromBytes(str(FONT)), font_size=8),
        background=None,
        border_width=1,
    )


def _stamp_position(reader: PdfFileReader, existing: int) -> tuple[int, tuple]:
    """Last page, bottom; the first signer on the left, the next ones to the right."""
    pages = int(reader.root["/Pages"]["/Count"])
    page = reader.find_page_for_modification(pages - 1)[0].get_object()
    x0, y0, x1, _ = [float(v) for v in _inherited(page, "/MediaBox")]
    width, height = STAMP_SIZE
    slots = max(1, int((x1 - x0 - 2 * MARGIN) // (width + 8)))
    column = existing % slots
    row = existing // slots
    left = x0 + MARGIN + column * (width + 8)
    bottom = y0 + MARGIN + row * (height + 8)
    return pages - 1, (int(left), int(bottom), int(left + width), int(bottom + height))


def _inherited(node, key: str):
    """A page attribute, looked up the page tree as PDF inheritance says."""
    while node is not None:
        if key in node:
            return node[key]
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    raise SigningFailed(
        "Documentul nu are dimensiunea paginii (/MediaBox).", code=Code.INVALID_PDF
    )


def _explain(exc: Exception, level: Level) -> SigningFailed:
    """Turn what pyhanko raises into a Romanian message naming the failing service."""
    text = f"{type(exc).__name__}: {exc}".lower()
    if "timestamp" in text or "tsa" in text or "time stamp" in text:
        return SigningFailed(
            "Autoritatea de marcare temporală (TSA) nu a răspuns sau a refuzat cererea.",
            code=Code.TSA_UNAVAILABLE,
        )
    if level in (Level.B_LT, Level.B_LTA) and (
        "revocation" in text
        or "ocsp" in text
        or "crl" in text
        or "path" in text
        or "validat" in text
        or "trust" in text
    ):
        return SigningFailed(
            "Datele de validare (OCSP/CRL) ale certificatului nu au putut "
            "fi obținute sau certificatul nu este de încredere.",
            code=Code.CERTIFICATE_VALIDATION_FAILED,
        )
    return SigningFailed(f"Semnarea a eșuat ({type(exc).__name__}).", code=Code.SIGNING_FAILED)
