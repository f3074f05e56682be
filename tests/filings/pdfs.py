"""Test input: small PDFs that declare PDF/A-2b, signed with a throwaway self-signed key
through pyhanko (only to make input; the service never signs with it)."""

import asyncio
import datetime
import functools
import io
import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from filing_service.signing.eventloop import outside_event_loop

_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


def make_pdf(title: str = "Cerere", *, pdfa: bool = True, padding: int = 0) -> bytes:
    """A one-page PDF; ``padding`` random bytes in an embedded stream make it larger."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    if pdfa:
        _declare_pdfa(writer)
    if padding:
        filler = DecodedStreamObject()
        filler.set_data(os.urandom(padding))
        writer._root_object[NameObject("/FsPadding")] = writer._add_object(filler)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _declare_pdfa(writer: PdfWriter) -> None:
    stream = DecodedStreamObject()
    stream.set_data(_XMP.encode("utf-8"))
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)


def scan_pdf(dpi: int, *, colour: bool = False, inches: tuple[int, int] = (5, 4)) -> bytes:
    """A one-page scan as a scanner's software saves it: one image drawn at ``dpi``
    (black and white, or in colour), declaring PDF/A-2b. Pillow draws it; pypdf adds
    the metadata."""
    from PIL import Image  # the tests' own dependency: a missing Pillow fails them

    size = (inches[0] * dpi, inches[1] * dpi)
    image = Image.new("RGB", size, (180, 40, 40)) if colour else Image.new("1", size, 1)
    raw = io.BytesIO()
    image.save(raw, format="PDF", resolution=dpi)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw.getvalue())))
    _declare_pdfa(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


TRUSTED = "Semnatar de test"  # the tests' trust folder holds this one's certificate


@functools.cache
def _key_and_cert(who: str = TRUSTED) -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, who)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return (
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        cert.public_bytes(serialization.Encoding.PEM),
    )


def certificate_pem(who: str = TRUSTED) -> bytes:
    """The throwaway signer's certificate, for a trust folder."""
    return _key_and_cert(who)[1]


def sign(
    data: bytes, field: str = "Semnatura1", who: str = TRUSTED, *, pades: bool = False
) -> bytes:
    """Sign ``data`` with a throwaway key (an incremental update); with ``pades``, under
    the PAdES subfilter (B-B), as the service signs."""
    key_pem, cert_pem = _key_and_cert(who)
    cert = load_cert_from_pemder(_tmp(cert_pem))
    signer = signers.SimpleSigner(
        signing_cert=cert,
        signing_key=load_private_key_from_pemder_data(key_pem, None),
        cert_registry=SimpleCertificateStore.from_certs([cert]),
    )
    out = io.BytesIO()
    outside_event_loop(
        asyncio.run,
        signers.async_sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(data), strict=False),
            signers.PdfSignatureMetadata(
                field_name=field, subfilter=SigSeedSubFilter.PADES if pades else None
            ),
            signer=signer,
            output=out,
        ),
    )
    return out.getvalue()


def _tmp(data: bytes) -> str:
    import tempfile

    handle = tempfile.NamedTemporaryFile(suffix=".pem", delete=False)
    handle.write(data)
    handle.close()
    return handle.name


def signed_pdf(title: str = "Cerere", **kwargs) -> bytes:
    return sign(make_pdf(title, **kwargs))


def tamper(data: bytes) -> bytes:
    """Change one byte inside the signed range (the page size), keeping the length."""
    at = data.index(b"/MediaBox")
    return data[:at] + data[at : at + 40].replace(b"595", b"596", 1) + data[at + 40 :]
