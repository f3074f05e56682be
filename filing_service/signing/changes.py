"""What changed in a signed PDF after a signature, beyond pyhanko's modification level.

pyhanko's difference analysis (``pyhanko.sign.diff_analysis``) grades each incremental
update after the signed revision; its default policy clears at ``LTA_UPDATES`` ("only
validation data and time-stamps") every update of the document information dictionary
(``/Info``) and every well-formed XMP metadata stream, whatever they say: a new
``/Title`` reads as harmless as a DSS. It also never looks at bytes that belong to no
revision: data appended after the last ``%%EOF`` leaves the last signature's revision
"entirely covered" and the analysis at ``NONE``.

``metadata_changed`` runs the same analysis with the two metadata rules narrowed to the
book-keeping a signing tool does on every update (the modification date, the producer,
the XMP packet's own ids and padding); ``unsigned_tail`` counts the bytes after the end
of the last revision.
"""

import re
from collections.abc import Iterable

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.decode_limits import DecodePurpose
from pyhanko.pdf_utils.reader import HistoricalResolver, PdfFileReader
from pyhanko.sign.diff_analysis import (
    CatalogModificationRule,
    DocInfoRule,
    DSSCompareRule,
    FormUpdatingRule,
    GenericFieldModificationRule,
    MetadataUpdateRule,
    ModificationLevel,
    ObjectStreamRule,
    ReferenceUpdate,
    SigFieldCreationRule,
    SigFieldModificationRule,
    StandardDiffPolicy,
    SuspiciousModification,
    XrefStreamRule,
)

# What a signing tool rewrites on every incremental update, and nothing else may change.
BOOKKEEPING_INFO = frozenset({"/ModDate", "/Producer"})
_BOOKKEEPING_XMP = (
    "xmp:ModifyDate",
    "xmp:MetadataDate",
    "pdf:Producer",
    "xmpMM:InstanceID",
    "x:xmptk",
)
_XMP_NOISE = re.compile(
    rb"|".join(
        [rb'\b%s\s*=\s*"[^"]*"' % re.escape(n.encode()) for n in _BOOKKEEPING_XMP]
        + [rb"<%s>[^<]*</%s>" % ((re.escape(n.encode()),) * 2) for n in _BOOKKEEPING_XMP]
        + [rb'<\?xpacket end="[rw]"\?>', rb"\s+"]
    )
)
_EOL = (b"\r\n", b"\n", b"\r")


def _info(resolver: HistoricalResolver) -> dict:
    ref = resolver.trailer_view.get_value_as_reference("/Info", optional=True)
    # resolved in that revision: the reference alone would resolve in the latest one
    info = resolver.get_object(ref) if ref is not None else None
    if not isinstance(info, generic.DictionaryObject):
        return {}
    return {k: v for k, v in info.items() if k not in BOOKKEEPING_INFO}


def _xmp(resolver: HistoricalResolver) -> bytes | None:
    try:
        stream = resolver.get_object(resolver.root.get_value_as_reference("/Metadata"))
    except (KeyError, generic.IndirectObjectExpected):
        return None
    if not isinstance(stream, generic.StreamObject):
        return None
    return _XMP_NOISE.sub(b"", stream.read_data(DecodePurpose.XMP_METADATA))


class _BookkeepingInfoRule(DocInfoRule):
    """Clears an update of ``/Info`` only if it touches book-keeping keys alone."""

    def apply(self, old: HistoricalResolver, new: HistoricalResolver) -> Iterable:
        if _info(old) != _info(new):
            return  # left unapproved: the analysis reports the update
        yield from super().apply(old, new)


class _BookkeepingXmpRule(MetadataUpdateRule):
    """Clears an XMP update only if it differs in book-keeping properties alone."""

    def apply(
        self, old: HistoricalResolver, new: HistoricalResolver
    ) -> Iterable[ReferenceUpdate]:
        if _xmp(old) != _xmp(new):
            return
        yield from super().apply(old, new)


# pyhanko's DEFAULT_DIFF_POLICY with its two metadata rules narrowed, nothing else.
_BOOKKEEPING_POLICY = StandardDiffPolicy(
    global_rules=[
        CatalogModificationRule(),
        _BookkeepingInfoRule().as_qualified(ModificationLevel.LTA_UPDATES),
        XrefStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
        ObjectStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
        DSSCompareRule().as_qualified(ModificationLevel.LTA_UPDATES),
        _BookkeepingXmpRule().as_qualified(ModificationLevel.LTA_UPDATES),
    ],
    form_rule=FormUpdatingRule(
        field_rules=[
            SigFieldCreationRule(),
            SigFieldModificationRule(),
            GenericFieldModificationRule(),
        ],
    ),
)


def metadata_changed(sig, reader: PdfFileReader) -> bool:
    """Whether an update after ``sig`` changed the document's metadata (``/Info``, XMP)
    beyond book-keeping. Asked only where pyhanko's default policy cleared every update
    (the two policies differ in the metadata rules alone)."""
    result = _BOOKKEEPING_POLICY.review_file(
        reader, sig.signed_revision, field_mdp_spec=sig.fieldmdp, doc_mdp=sig.docmdp_level
    )
    return isinstance(result, SuspiciousModification)


def unsigned_tail(data: bytes, reader: PdfFileReader) -> int:
    """The number of bytes after the end of the last revision (its ``%%EOF`` and line
    end), which no signature and no incremental update accounts for."""
    xrefs = reader.xrefs
    last = xrefs.get_xref_container_info(xrefs.total_revisions - 1)
    eof = data.find(b"%%EOF", last.end_location)
    if eof < 0:
        return 0  # the parser found a %%EOF, so this does not happen
    end = eof + len(b"%%EOF")
    for eol in _EOL:
        if data.startswith(eol, end):
            end += len(eol)
            break
    return len(data) - end
