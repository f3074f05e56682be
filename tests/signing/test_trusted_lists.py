"""Trust from the EU trusted lists and the ETSI validation report.

The lists are the test PKI's (``tests/signing/trusted_lists.py``): a Romanian list whose
scheme operator lists the test intermediate CA as a CA/QC service, a Bulgarian one, and
the LOTL that points to both, each signed (XAdES) and, for the refresh, served over real
HTTP on loopback. The signers' certificates say qualified, for e-signatures, QSCD.
"""

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from filing_service.auth.tokens import issue_token
from filing_service.db import unit_of_work
from filing_service.models import Directorate
from filing_service.signing import trusted_lists as tl
from filing_service.signing.profiles import Level
from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import (
    ADES,
    FROM_LIST,
    NOT_FROM_LIST,
    QES,
    QUALIFICATIONS,
    validate,
)
from tests.conftest import make_app

from . import trusted_lists as lists
from .conftest import P12_PASSPHRASE
from .helpers import key_spec, sign
from .pki import TRUST_DIR

XSD = Path(__file__).parent / "xsd" / "ts_11910202.xsd"
VR = {"vr": "http://uri.etsi.org/19102/v1.2.1#"}
NOW = datetime(2026, 11, 18, 8, 0, tzinfo=UTC)  # the refresh's date (tests.clock.FIXED_NOW)


@pytest.fixture(scope="module")
def signed(pdfa, pki, p12_files) -> bytes:
    """A B-T signature of the legal counsel (qualified certificate, key on a QSCD)."""
    return sign(
        pdfa,
        key_spec("pkcs12", "consilier", p12_files=p12_files),
        Level.B_T,
        pki.tsa_url,
        secret=P12_PASSPHRASE,
    )


def snapshot(pki, folder: Path, kind: str = "granted", **ro) -> tl.TrustedLists:
    """The test lists installed from files (``--from``) and loaded as validation does."""
    source = lists.write_lists(pki.arch, folder / "source", kind, **ro)
    signers = tl.lotl_signers(str(lists.lotl_signer_pem(pki.arch, folder)))
    tl.refresh(
        folder / "tl",
        lotl_url="http://127.0.0.1:9/eu-lotl.xml",
        signers=signers,
        now=NOW,
        source=source,
    )
    return tl.SnapshotCache(folder / "tl", str(folder / "lotl-signers.pem")).get()


def test_a_signature_from_the_lists_granted_service_is_qualified(pki, signed, tmp_path):
    trusted = snapshot(pki, tmp_path, "granted")
    [report] = validate(signed, [], trusted_lists=trusted).signatures  # no folder of roots
    assert report.trusted and report.valid and not report.revoked
    assert report.qualification == QES
    assert report.qualification_label == "Semnătură electronică calificată"
    assert report.trust_source == FROM_LIST
    assert report.provider == lists.PROVIDER
    assert report.provider_status == "granted"
    assert report.trusted_list == "RO, nr. 63"
    assert report.qscd is True


def test_a_status_history_read_at_signing_time(pki, signed, tmp_path):
    # Accredited in 2021, granted since 2024: at signing time the service is granted.
    [report] = validate(
        signed, [], trusted_lists=snapshot(pki, tmp_path, "changed")
    ).signatures
    assert (report.qualification, report.provider_status) == (QES, "granted")


def test_a_signature_made_after_the_service_was_withdrawn_is_not_qualified(
    pki, signed, tmp_path
):
    trusted = snapshot(pki, tmp_path, "withdrawn")
    [report] = validate(signed, [], trusted_lists=trusted).signatures
    assert report.trusted  # still a listed CA: an advanced signature, not a qualified one
    assert report.qualification == ADES
    assert report.qualification_label == "Semnătură electronică avansată"
    assert report.provider_status == "withdrawn"
    assert report.qscd is False


def test_a_certificate_absent_from_every_list_is_not_from_a_trusted_list(
    pki, signed, tmp_path
):
    trusted = snapshot(pki, tmp_path, "granted", ca="tsa")  # the intermediate CA not listed
    [report] = validate(
        signed, load_trust_roots([TRUST_DIR]), trusted_lists=trusted
    ).signatures
    assert report.trusted  # by the folder of roots
    assert report.trust_source == NOT_FROM_LIST
    assert report.trust_source_label == "nu provine dintr-o listă de încredere"
    assert report.qualification == ADES
    assert (report.provider, report.trusted_list, report.qscd) == (None, None, None)
    # Without any list, the same chain is not even trusted.
    [alone] = validate(signed, [], trusted_lists=trusted).signatures
    assert not alone.trusted and alone.qualification == "nevalida"


def test_the_etsi_report_validates_against_its_xsd_and_agrees_with_the_json(
    pki, signed, tmp_path
):
    validation = validate(signed, [], trusted_lists=snapshot(pki, tmp_path, "granted"))
    xml = validation.etsi_report()
    schema = etree.XMLSchema(etree.parse(str(XSD), etree.XMLParser(no_network=True)))
    document = etree.fromstring(xml, etree.XMLParser(no_network=True))
    schema.assertValid(document)
    [report] = validation.signatures
    [single] = document.findall("vr:SignatureValidationReport", VR)
    assert single.findtext(
        "vr:SignatureValidationStatus/vr:MainIndication", namespaces=VR
    ) == ("urn:etsi:019102:mainindication:total-passed")
    assert (
        single.findtext("vr:SignatureQuality/vr:SignatureQualityInformation", namespaces=VR)
        == QUALIFICATIONS[report.qualification][1]
    )
    assert document.findall("vr:SignatureValidationObjects/vr:ValidationObject", VR)


def test_refresh_over_http_romania_first_and_a_broken_list_keeps_the_old_snapshot(
    pki, tmp_path, sqlite_template
):
    server = lists.ListServer().serve(pki.arch).start()
    folder = tmp_path / "tl"
    database = tmp_path / "db.sqlite3"
    shutil.copy(sqlite_template, database)
    app_iter = make_app(
        f"sqlite:///{database}",
        tmp_path,
        TRUSTED_LISTS_DIR=str(folder),
        TRUSTED_LISTS_LOTL_SIGNERS=str(lists.lotl_signer_pem(pki.arch, tmp_path)),
    )
    app = next(app_iter)
    try:
        runner = app.test_cli_runner()
        done = runner.invoke(
            args=["signatures", "refresh-trusted-lists", "--lotl-url", server.lotl_url]
        )
        assert done.exit_code == 0, done.output
        assert "Listele de încredere au fost actualizate" in done.output
        assert done.output.index("RO, nr. 63") < done.output.index("BG, nr. 12")
        assert server.requests == ["eu-lotl.xml", "RO.xml", "BG.xml"]  # Romania's first
        first = tl.current_folder(folder)
        index = json.loads((first / "index.json").read_text())
        assert [e["territory"] for e in index["lists"]] == ["RO", "BG"]
        assert index["lists"][0]["sequence_number"] == 63
        assert index["lists"][0]["url"] == f"{server.base_url}/RO.xml"

        # The Romanian list changed after it was signed: refused, the old one stays.
        server.files["RO.xml"] = server.files["RO.xml"].replace(
            lists.PROVIDER.encode(), b"Furnizor schimbat SRL"
        )
        done = runner.invoke(
            args=["signatures", "refresh-trusted-lists", "--lotl-url", server.lotl_url]
        )
        assert done.exit_code != 0
        assert "[trusted_list_refused]" in done.output
        assert "lista de încredere RO nu este validă" in done.output
        assert "Instantaneul în uz nu s-a schimbat." in done.output
        assert tl.current_folder(folder) == first
        assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
    finally:
        server.stop()
        next(app_iter, None)


def test_the_api_answers_json_and_the_etsi_report_from_one_validation(
    pki, signed, tmp_path, database_url
):
    source = lists.write_lists(pki.arch, tmp_path / "source", "granted")
    app_iter = make_app(
        database_url,
        tmp_path,
        SIGNATURE_TRUST_DIRS=[str(tmp_path / "no-roots")],
        TRUSTED_LISTS_DIR=str(tmp_path / "tl"),
        TRUSTED_LISTS_LOTL_SIGNERS=str(lists.lotl_signer_pem(pki.arch, tmp_path)),
    )
    app = next(app_iter)
    try:
        done = app.test_cli_runner().invoke(
            args=["signatures", "refresh-trusted-lists", "--from", str(source)]
        )
        assert done.exit_code == 0, done.output
        with app.app_context(), unit_of_work() as uow:
            cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
            token = issue_token(uow.session, cluj.id, "sistem de test").token
            uow.commit()
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}"}
        url = "/api/v1/signatures/validate"
        as_json = client.post(
            url, data=signed, headers=headers, content_type="application/pdf"
        )
        assert as_json.status_code == 200, as_json.get_data(as_text=True)
        [report] = as_json.get_json()["signatures"]
        assert report["qualification"] == QES
        assert report["trusted_list"] == "RO, nr. 63"
        as_xml = client.post(
            url,
            data=signed,
            headers={**headers, "Accept": "application/xml"},
            content_type="application/pdf",
        )
        assert as_xml.status_code == 200 and as_xml.mimetype == "application/xml"
        document = etree.fromstring(as_xml.data)
        assert (
            document.findtext(
                "vr:SignatureValidationReport/vr:SignatureQuality/vr:SignatureQualityInformation",
                namespaces=VR,
            )
            == QUALIFICATIONS[QES][1]
        )
        same = client.post(
            f"{url}?format=etsi", data=signed, headers=headers, content_type="application/pdf"
        )
        assert same.mimetype == "application/xml"
        wrong = client.post(
            f"{url}?format=pdf", data=signed, headers=headers, content_type="application/pdf"
        )
        assert wrong.status_code in (400, 422)
        assert wrong.get_json()["errors"][0]["field"].endswith("format")
    finally:
        next(app_iter, None)


def test_the_filings_check_and_the_validation_sheet_take_their_trust_from_the_lists(
    pki, signed, tmp_path
):
    """With the lists and no folder of roots, the pre-submission check finds the
    signature trusted and the printed sheet calls it qualified."""
    from zoneinfo import ZoneInfo

    from filing_service.filings import pdfcheck, sheet

    trusted = snapshot(pki, tmp_path, "granted")
    report = pdfcheck.inspect(signed, None, trusted_lists=trusted)
    assert report.signatures == 1 and report.intact and report.trusted is True
    assert pdfcheck.inspect(signed, [], trusted_lists=None).trusted is False

    reports = validate(signed, [], trusted_lists=trusted).signatures
    [line] = sheet.signature_lines(reports, [], ZoneInfo("Europe/Bucharest"))
    assert line.qualification == "semnătură electronică calificată"
    withdrawn = validate(signed, [], trusted_lists=snapshot(pki, tmp_path / "w", "withdrawn"))
    [line] = sheet.signature_lines(withdrawn.signatures, [], ZoneInfo("Europe/Bucharest"))
    assert line.qualification != "semnătură electronică calificată"
