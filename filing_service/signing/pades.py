"""Signing a PDF with pyhanko at a PAdES baseline level, with a visible signature.

Each call appends one incremental update: the bytes of the file it is given are kept as
they are, so earlier signatures stay valid. The visible signature goes on the last page
in a font (DejaVu Sans) that carries ș and ț and is embedded, so a PDF/A stays PDF/A.
"""

import functools
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from pyhanko.pdf_utils import generic
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
from pyhanko_certvalidator.fetchers import OwnedFetcherBackend
from pyhanko_certvalidator.registry import SimpleTrustManager

from ..errorcodes import Code
from .eventloop import outside_event_loop
from .profiles import Level
from .revocation import CachingFetcherBackend, RevocationCache, SharedTlsSession, process_cache

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
    shared: bool = True,
    moment: datetime | None = None,
    revocation_cache: RevocationCache | None = None,
) -> bytes:
    """Return ``data`` with one more signature at ``level``.

    ``trust_roots`` (asn1crypto certificates) anchor the chain whose revocation data a
    B-LT or B-LTA signature embeds; fetching OCSP/CRL is allowed here, at signing time.

    With ``shared`` (the default) what does not change between signatures is reused:
    the trust manager and the time-stamp client of the (TSA, trust roots) pair, the
    TLS context, and the OCSP responses and CRLs of ``revocation_cache`` (the process
    cache by default) while they are valid at ``moment`` (default: now). Without it
    every signature builds all of it anew and fetches everything (the benchmark's
    "before"). Either way the file's XMP metadata and PDF version are kept as they were
    (``preserving_pdfa``).
    """
    return outside_event_loop(
        _sign_pdf,
        data,
        signer,
        level=level,
        tsa_url=tsa_url,
        trust_roots=trust_roots,
        appearance=appearance,
        shared=shared,
        moment=moment,
        revocation_cache=revocation_cache,
    )


def _sign_pdf(data: bytes, signer: signers.Signer, **options) -> bytes:
    """:func:`_sign_preserving` (whose signature is ``sign_pdf``'s) with the file's XMP
    and version kept from the first writer on: that writer may raise the version."""
    with preserving_pdfa():
        return _sign_preserving(data, signer, **options)


def _sign_preserving(
    data: bytes,
    signer: signers.Signer,
    *,
    level: Level,
    tsa_url: str | None,
    trust_roots: list,
    appearance: Appearance,
    shared: bool,
    moment: datetime | None,
    revocation_cache: RevocationCache | None,
) -> bytes:
    first_writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    reader = first_writer.prev  # the file is parsed once, for the stamp and the writer
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
    profile = _profile_context(tsa_url, trust_roots) if shared else None
    if level in (Level.B_LT, Level.B_LTA):
        cache = process_cache() if revocation_cache is None else revocation_cache
        context = _validation_context(trust_roots, profile, moment, cache)
        meta = replace(
            meta,
            embed_validation_info=True,
            validation_context=context,
            use_pades_lta=level is Level.B_LTA,
        )
    if not level.needs_tsa:
        timestamper = None
    elif profile is not None:
        timestamper = profile.timestamper
    else:
        timestamper = HTTPTimeStamper(tsa_url, timeout=10)
    pdf_signer = signers.PdfSigner(
        meta,
        signer,
        timestamper=timestamper,
        stamp_style=_stamp_style(shared),
        new_field_spec=fields.SigFieldSpec(field_name, on_page=page, box=box),
    )
    text = {
        "nume": appearance.signer_name,
        "rol": appearance.role_label,
        "data": appearance.signed_at.strftime("%d.%m.%Y %H:%M:%S"),
    }

    def attempt(writer: IncrementalPdfFileWriter, reserved: int | None) -> bytes:
        out = BytesIO()
        pdf_signer.sign_pdf(
            writer, output=out, bytes_reserved=reserved, appearance_text_params=text
        )
        return out.getvalue()

    try:
        try:
            return attempt(first_writer, RESERVED_HEX)
        except SigningError as exc:
            if "larger than expected" not in str(exc):
                raise
            # an unusually long chain: let pyhanko measure it
            return attempt(IncrementalPdfFileWriter(BytesIO(data), strict=False), None)
    except Exception as exc:
        raise _explain(exc, level) from None


# --- PDF/A survives signing --------------------------------------------------------
#
# At every incremental update pyhanko's writer re-serialises the document's XMP packet
# through its own data model (``_update_meta``: pdf:Producer becomes "pyHanko ...",
# xmp:ModifyDate is added, the layout changes and, per pyHanko issue 755, PDF/A
# extension schemas are mangled) and a PAdES signature raises the catalog's /Version
# to 1.7 (``_ensure_esic_ext``). On a LibreOffice PDF/A-2b that leaves the XMP's
# pdf:Producer at odds with /Info's /Producer (a PDF/A violation) and the version
# changed. The writers that add the DSS and the document time-stamp are pyhanko's own,
# made inside it, so the two methods are wrapped, once, to do nothing while one of our
# signatures is being written (a context variable: other threads and other uses of
# pyhanko are untouched): the XMP and /Info stay byte for byte, and the declared
# version stays unless a feature needs PDF 2.0 (none of ours: SHA-256, RSA/ECDSA).
# The signature's time is in the signature dictionary (/M) and in its CMS.

_PRESERVE_PDFA: ContextVar[bool] = ContextVar("preserve_pdfa", default=False)


class preserving_pdfa:
    """While active (in this context and the tasks it starts), pyhanko's incremental
    writers keep the document's metadata and declared PDF version."""

    def __enter__(self):
        _install_pdfa_guard()
        self._token = _PRESERVE_PDFA.set(True)
        return self

    def __exit__(self, *exc):
        _PRESERVE_PDFA.reset(self._token)
        return False


@functools.cache
def _install_pdfa_guard() -> None:
    original_meta = IncrementalPdfFileWriter._update_meta
    original_version = IncrementalPdfFileWriter.ensure_output_version

    def _update_meta(self):
        if not _PRESERVE_PDFA.get():
            original_meta(self)

    def ensure_output_version(self, version):
        if _PRESERVE_PDFA.get() and tuple(version) <= (1, 7):
            return  # ISO 32000-1 features: the document keeps the version it declares
        original_version(self, version)

    IncrementalPdfFileWriter._update_meta = _update_meta  # type: ignore[method-assign]
    IncrementalPdfFileWriter.ensure_output_version = ensure_output_version  # type: ignore[method-assign]


# --- What signatures share ---------------------------------------------------------
#
# A ValidationContext is not shared between signatures: it fixes its moment when it is
# made, remembers every path it validated (``record_validation``: a CRL issuer found
# valid once is not checked again) and keeps every OCSP response and CRL it fetched,
# with no expiry. Reused, it would judge revocation data at a stale moment. What is
# shared is what does not depend on time: the trust roots as a trust manager, and the
# time-stamp client (which keeps the TSA's certificates from its first answer, saving a
# second TSA request per B-LT signature); the OCSP responses and CRLs come from the
# revocation cache, which checks their validity at each signature's own moment.

PROFILE_CONTEXT_SECONDS = 15 * 60  # a TSA that changes its certificate is seen within
PROFILE_CONTEXTS = 32  # (TSA, trust roots) pairs kept per process


@dataclass(frozen=True)
class ProfileContext:
    """What every signature of one signature profile (TSA, trust roots) shares."""

    trust_manager: SimpleTrustManager
    timestamper: HTTPTimeStamper | None
    made: float  # time.monotonic()


_contexts: OrderedDict[tuple, ProfileContext] = OrderedDict()
_contexts_lock = threading.Lock()


def _profile_context(tsa_url: str | None, trust_roots: list) -> ProfileContext:
    key = (tsa_url, tuple(sorted(root.sha256 for root in trust_roots)))
    now = time.monotonic()
    with _contexts_lock:
        found = _contexts.get(key)
        if found is not None and now - found.made < PROFILE_CONTEXT_SECONDS:
            _contexts.move_to_end(key)
            return found
        made = ProfileContext(
            trust_manager=SimpleTrustManager.build(trust_roots=trust_roots),
            timestamper=_SharedTlsTimeStamper(tsa_url, timeout=10) if tsa_url else None,
            made=now,
        )
        _contexts[key] = made
        while len(_contexts) > PROFILE_CONTEXTS:
            _contexts.popitem(last=False)
        return made


def clear_profile_contexts() -> None:
    """Forget what signatures share (a test, or after the trust roots changed)."""
    with _contexts_lock:
        _contexts.clear()


class _SharedTlsTimeStamper(HTTPTimeStamper):
    """pyhanko's time-stamp client, whose per-request HTTP session uses the process's
    TLS context instead of building one (loading the CA bundle) at every request."""

    @asynccontextmanager
    async def _acquire_session(self) -> AsyncIterator:
        session = SharedTlsSession()
        try:
            yield session.get_session()
        finally:
            await session.close()


def _validation_context(
    trust_roots: list,
    profile: ProfileContext | None,
    moment: datetime | None,
    cache: RevocationCache,
) -> ValidationContext:
    """A fresh context for one signature: hard-fail, fetching allowed."""
    if profile is None:  # as before: pyhanko's default fetchers, nothing kept
        return ValidationContext(
            trust_roots=trust_roots,
            allow_fetching=True,
            revocation_mode="hard-fail",
            moment=moment,
        )
    backend = CachingFetcherBackend(cache, moment or datetime.now(UTC))
    return ValidationContext(
        trust_manager=profile.trust_manager,
        allow_fetching=True,
        revocation_mode="hard-fail",
        moment=moment,
        fetcher_backend=OwnedFetcherBackend(backend),
    )


@dataclass(frozen=True)
class _FontFromBytes(GlyphAccumulatorFactory):
    """pyhanko's factory opens the font file and never closes it; this one hands the
    glyph accumulator the font's bytes instead (same embedding, no leaked handle).

    With ``reuse_subsets``, the font program embedded for a set of glyphs is made once
    per process (``_SubsetCachingAccumulator``), and the digits and date separators
    are always part of the set, so that the time shown does not change it.
    """

    reuse_subsets: bool = False

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        kind = _SubsetCachingAccumulator if self.reuse_subsets else GlyphAccumulator
        engine = kind(
            writer=writer,
            font_handle=BytesIO(_font_bytes()),
            font_size=self.font_size,
            obj_stream=obj_stream,
        )
        if self.reuse_subsets:
            engine.shape(ALWAYS_EMBEDDED)
        return engine


ALWAYS_EMBEDDED = "0123456789.: "
_SUBSETS_KEPT = 64
_subsets: OrderedDict[frozenset, bytes] = OrderedDict()
_subsets_lock = threading.Lock()


class _SubsetCachingAccumulator(GlyphAccumulator):
    """Subsetting the font and serialising the subset cost more than a B-B signature's
    CMS; the result depends only on the glyphs used, so it is kept by glyph set (a
    signer's name and role: a few per directorate), bounded."""

    def _extract_subset(self, options=None):
        key = frozenset(self._glyphs)
        with _subsets_lock:
            program = _subsets.get(key)
            if program is not None:
                _subsets.move_to_end(key)
        if program is None:
            super()._extract_subset(options)
            out = BytesIO()
            self.tt.save(out)
            program = out.getvalue()
            with _subsets_lock:
                _subsets[key] = program
                while len(_subsets) > _SUBSETS_KEPT:
                    _subsets.popitem(last=False)
        cidfont = self.cidfont_obj

        def set_font_file(writer, data=program):  # as CIDFontType2.set_font_file
            stream = generic.StreamObject(stream_data=data)
            stream.compress()
            ref = writer.add_object(stream)
            cidfont._font_descriptor[generic.pdf_name("/FontFile2")] = ref
            return ref

        cidfont.set_font_file = set_font_file  # type: ignore[method-assign]


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


def _stamp_style(reuse_subsets: bool = True) -> TextStampStyle:
    font = _FontFromBytes(str(FONT), reuse_subsets=reuse_subsets)
    return TextStampStyle(
        stamp_text="Semnat electronic de %(nume)s\nFuncția: %(rol)s\nData și ora: %(data)s",
        text_box_style=TextBoxStyle(font=font, font_size=8),
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
