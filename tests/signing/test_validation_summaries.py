"""A signature report never reassures about a file changed after signing: bytes appended
after the last revision, metadata changed in an incremental update and page content
replaced are each named in the summary, whether the signer is trusted or not; the
service's own B-LTA files and a second signature still read as valid and trusted."""

from io import BytesIO

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from filing_service.signing.profiles import Level
from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import validate_pdf

from .conftest import P12_PASSPHRASE
from .helpers import key_spec, sign
from .pki import TRUST_DIR

REASSURING = (
    "Semnătură validă și de încredere.",
    "Documentul nu a fost modificat după semnare.",
)
ONLY_VALIDATION_DATA = "doar date de validare și mărci temporale (permis)"


@pytest.fixture(scope="module")
def signed(pdfa, pki, p12_files) -> bytes:
    """The PDF/A signed by the counsel at B-B (no TSA: the file ends with the signature)."""
    spec = key_spec("pkcs12", "consilier", p12_files=p12_files)
    return sign(pdfa, spec, Level.B_B, pki.tsa_url, secret=P12_PASSPHRASE)


def trusted(data: bytes):
    [report] = validate_pdf(data, load_trust_roots([TRUST_DIR]))
    return report


def untrusted(data: bytes):
    [report] = validate_pdf(data, [])  # the test root is not among the trust anchors
    return report


def updated(data: bytes, change) -> bytes:
    """``data`` with one incremental update, made by ``change(writer)``."""
    writer = IncrementalPdfFileWriter(BytesIO(data))
    change(writer)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def retitled(writer) -> None:
    info = writer.trailer["/Info"]
    info["/Title"] = generic.TextStringObject("Sentință civilă (alt titlu)")
    writer.update_container(info)


def page_replaced(writer) -> None:
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    text = b"BT /F1 24 Tf 72 720 Td (Alt continut) Tj ET"
    page["/Contents"] = writer.add_object(generic.StreamObject(stream_data=text))
    writer.update_container(page)


def assert_not_reassuring(report) -> None:
    assert report.summary not in REASSURING
    assert report.modification not in REASSURING
    assert report.modified_after_signing is True


def test_the_unchanged_file_is_valid_and_trusted(signed):
    report = trusted(signed)
    assert (report.summary, report.modification) == REASSURING


@pytest.mark.parametrize("check", [trusted, untrusted], ids=["trusted", "untrusted"])
def test_bytes_appended_after_the_last_eof_are_named(signed, check):
    appended = b"\n% date adaugate dupa semnare\n"
    report = check(signed + appended)
    assert_not_reassuring(report)
    assert f"{len(appended)} de octeți nesemnați" in report.summary
    assert "nesemnați" in report.modification


def test_an_update_that_changes_only_the_title_is_not_called_validation_data(signed):
    report = trusted(updated(signed, retitled))
    assert report.modification_level == "LTA_UPDATES"  # pyhanko's default policy clears it
    assert_not_reassuring(report)
    assert ONLY_VALIDATION_DATA not in report.modification
    assert "metadatele documentului" in report.summary


def test_an_untrusted_signers_file_with_its_page_replaced_says_the_content_changed(signed):
    report = untrusted(updated(signed, page_replaced))
    assert report.trusted is False
    assert report.modification_level == "OTHER"
    assert "nu provine de la o autoritate de încredere" in report.summary
    assert "Conținutul a fost modificat după semnare" in report.summary


def test_a_trusted_signers_file_with_its_page_replaced_says_the_content_changed(signed):
    report = trusted(updated(signed, page_replaced))
    assert_not_reassuring(report)
    assert "Conținutul a fost modificat după semnare" in report.summary


def test_the_services_own_b_lta_file_is_valid_and_trusted(pdfa, pki, p12_files):
    """DSS, a document time-stamp and the producer's book-keeping in /Info and XMP are
    what every later update of our own files holds: no false alarm."""
    spec = key_spec("pkcs12", "consilier", p12_files=p12_files)
    data = sign(pdfa, spec, Level.B_LTA, pki.tsa_url, secret=P12_PASSPHRASE)
    report = trusted(data)
    assert report.modification_level == "LTA_UPDATES"
    assert report.summary == "Semnătură validă și de încredere."
    assert report.modification.endswith(ONLY_VALIDATION_DATA + ".")


def test_a_second_signature_leaves_the_first_valid_and_trusted(signed, p12_files, pki):
    spec = key_spec("pkcs12", "director", p12_files=p12_files)
    both = sign(signed, spec, Level.B_B, pki.tsa_url, secret=P12_PASSPHRASE, signer="director")
    first, second = validate_pdf(both, load_trust_roots([TRUST_DIR]))
    assert first.summary == second.summary == "Semnătură validă și de încredere."
    assert first.modification_level == "FORM_FILLING"


def test_a_title_set_or_overwritten_as_an_indirect_string_is_never_reassuring(signed):
    def indirect_title(writer) -> None:
        info = writer.trailer["/Info"]
        info["/Title"] = writer.add_object(generic.TextStringObject("Titlul întâi"))
        writer.update_container(info)

    def retitle_through_the_reference(writer) -> None:
        ref = writer.trailer["/Info"].raw_get("/Title").reference
        writer.mark_update(ref)
        writer.objects[(ref.generation, ref.idnum)] = generic.TextStringObject("Alt titlu")

    # A new object under /Info, or one overwritten, is past what pyhanko clears for it.
    first = updated(signed, indirect_title)
    assert_not_reassuring(trusted(first))
    assert_not_reassuring(trusted(updated(first, retitle_through_the_reference)))
