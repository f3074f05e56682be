"""The validation sheet a registry prints: made by LibreOffice as PDF/A-2b from the frozen
package, read back with poppler (``pdftotext``, ``pdftoppm``) and its QR codes decoded
with zbar (``zbarimg``), the verification page each QR code leads to, and the sheet as
the last attachment of the first message for a court that takes it."""

import io
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from filing_service.filings import sheet
from filing_service.signing import validation
from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import SignatureReport, validate_pdf
from filing_service.storage import store

from .conftest import fictional_case, generated_and_signed
from .pdfs import TRUSTED, signed_pdf
from .test_delivery import send, set_court

BASE = "https://dgaspc-cluj.example/verificare"
# The child, the mother and the maternal assistant of ``fictional_case``, and their
# addresses.
PEOPLE = ("Andrei", "Ștefan", "Popescu", "Maria", "Ioana", "Mureșan", "Fictivă", "Florești")
ZONE = ZoneInfo("Europe/Bucharest")


def tool(name: str) -> str:
    """A command-line tool the tests need: missing, the test fails (never skips)."""
    path = shutil.which(name)
    assert path, f"{name} is required (scripts/install-system.sh test)"
    return path


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "fisa.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        [tool("pdftotext"), "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def flat(text: str) -> str:
    """The text with its line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())


def qr_codes(data: bytes, tmp_path: Path) -> list[str]:
    """Every QR code of every page of the PDF, rendered at 200 dpi and decoded."""
    path = tmp_path / "fisa-qr.pdf"
    path.write_bytes(data)
    subprocess.run(
        [tool("pdftoppm"), "-r", "200", "-png", str(path), str(tmp_path / "pagina")],
        check=True,
    )
    found = []
    for page in sorted(tmp_path.glob("pagina*.png")):
        out = subprocess.run(
            [tool("zbarimg"), "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(page)],
            capture_output=True,
            check=False,
        )
        assert out.returncode in (0, 4), out.stderr  # 4: no code on this page
        found += out.stdout.decode("utf-8").split()
    return found


@pytest.fixture
def frozen(app, client, auth, case_id, new_filing, upload):
    """A frozen package: a petition the service signed (two signatures, with their
    roles) and an art. 139 report signed elsewhere (no role)."""
    app.config["VERIFICATION_BASE_URL"] = BASE
    document_id, _ = generated_and_signed(app, case_id, pades=True)

    def make() -> dict:
        filing = new_filing()
        added = client.post(
            f"/api/v1/filings/{filing['id']}/case-documents",
            headers=auth,
            json={"role": "cerere", "document_id": document_id},
        )
        assert added.status_code == 201, added.get_json()
        response = upload(filing["id"], "raport_art139", signed_pdf("Raport"), "Raport")
        assert response.status_code == 201, response.get_json()
        report = client.post(f"/api/v1/filings/{filing['id']}/check", headers=auth).get_json()
        assert report["status"] == "semnat", report["problems"]
        return report["filing"]

    return make


def reports_of(app, sha256: str) -> list[SignatureReport]:
    with app.app_context():
        roots = load_trust_roots(app.config["SIGNATURE_TRUST_DIRS"])
        return validate_pdf(store().get(sha256), roots)


def test_the_sheet_lists_every_file_and_signature_and_its_qr_codes_lead_to_their_hash(
    app, client, auth, case_id, frozen, tmp_path
):
    filing = frozen()
    response = client.get(f"/api/v1/filings/{filing['id']}/validation-sheet", headers=auth)
    assert response.status_code == 200, response.get_json()
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    data = response.data

    # PDF/A-2b, one A4 page.
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [595, 842]
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")2", xmp) and re.search(
        r"pdfaid:conformance(>|=\")B", xmp
    )

    text = flat(pdf_text(data, tmp_path))
    assert "FIȘĂ DE VALIDARE A SEMNĂTURILOR ELECTRONICE" in text
    case = client.get(f"/api/v1/cases/{case_id}", headers=auth).get_json()
    assert "Referința direcției: " + case["reference"] in text
    assert filing["manifest_sha256"] in text
    petition, report = filing["documents"]
    for doc in (petition, report):
        assert doc["file_name"] in text and doc["sha256"] in text, text
    # The petition: two signatures the service made, with their roles, in order.
    petition_part = text[text.index(petition["sha256"]) : text.index(report["sha256"])]
    reports = reports_of(app, petition["sha256"])
    assert len(reports) == 2
    for index, (role, found) in enumerate(
        zip(("Consilier juridic", "Director executiv"), reports, strict=True), 1
    ):
        time = sheet.moment_ro(found.signing_time, ZONE)
        assert re.fullmatch(r"\d{1,2} [a-z]+ \d{4}, ora \d\d:\d\d", time)
        assert (
            f"Semnătura {index}: {TRUSTED}; calitatea: {role}; data și ora: {time}; "
            "nivel: PAdES B-B; calificare: semnătură electronică avansată (rădăcină a "
            "direcției, nu dintr-o listă de încredere); "
            "rezultat: validă." in petition_part
        ), petition_part
    # The report was signed elsewhere: no role, and pyhanko's default subfilter.
    report_part = text[text.index(report["sha256"]) :]
    assert f"Semnătura 1: {TRUSTED}; calitatea: —;" in report_part
    assert "nivel: semnătură PDF (nu PAdES)" in report_part
    assert "rezultat: validă." in report_part
    for word in PEOPLE:
        assert word not in text
    cnp = fictional_case()["child"]["cnp"]
    assert cnp not in text and cnp not in re.sub(r"\s", "", text)

    # One QR code per file, each the verification address of that file's hash ...
    codes = qr_codes(data, tmp_path)
    assert sorted(codes) == sorted(
        [f"{BASE}/{petition['sha256']}", f"{BASE}/{report['sha256']}"]
    )
    # ... and that address answers with the file's signatures, to anybody.
    page = client.get(urlsplit(f"{BASE}/{petition['sha256']}").path)
    assert page.status_code == 200
    html = flat(page.get_data(as_text=True))
    assert petition["sha256"] in html
    assert "Cerere de chemare în judecată" in html
    assert "Direcția Generală de Asistență Socială și Protecția Copilului Cluj" in html
    assert html.count(TRUSTED) == 2
    assert "Consilier juridic" in html and "Director executiv" in html
    assert "PAdES B-B" in html and "validă" in html
    assert petition["file_name"] not in html, html
    for word in PEOPLE:
        assert word not in html


def test_a_court_that_takes_the_sheet_gets_it_as_the_last_attachment_and_others_do_not(
    app, client, auth, smtp, frozen, tmp_path
):
    plain = frozen()
    assert send(client, auth, plain["id"]).status_code == 200
    assert [name for name, _ in smtp.attachments()] == [
        d["file_name"] for d in plain["documents"]
    ]

    set_court(app, attach_validation_sheet=True, attach_manifest=True)
    filing = frozen()
    before = len(smtp.messages)
    response = send(client, auth, filing["id"])
    assert response.status_code == 200, response.get_json()
    [message] = smtp.messages[before:]
    parts = [
        (part.get_filename(), part.get_content_type(), part.get_content())
        for part in message.iter_attachments()
    ]
    names = [name for name, _, _ in parts]
    assert names == [d["file_name"] for d in filing["documents"]] + [
        "manifest.xml",
        "3. Fișă de validare.pdf",
    ]
    name, media_type, data = parts[-1]
    assert media_type == "application/pdf" and data.startswith(b"%PDF-")
    assert f"Fișa de validare a semnăturilor (PDF separat, nesemnat): {name}" in (
        message.get_body().get_content()
    )
    text = flat(pdf_text(data, tmp_path))
    assert all(d["sha256"] in text for d in filing["documents"])
    assert len(data) < sheet.SHEET_RESERVE_BYTES


def test_the_check_counts_the_sheet_against_the_courts_limit_for_a_message(
    app, client, auth, new_filing, upload
):
    """A court taking one message per case, whose limit the files alone fit in but not
    with the sheet's reserve: the package is refused, naming the sheet."""
    set_court(app, max_message_bytes=256 * 1024)
    filing = new_filing()
    for role in ("cerere", "raport_art139", "dispozitie_director"):
        assert upload(filing["id"], role, signed_pdf(role)).status_code == 201
    report = client.post(f"/api/v1/filings/{filing['id']}/check", headers=auth).get_json()
    assert "total_too_large" not in [p["code"] for p in report["problems"]]

    set_court(app, attach_validation_sheet=True)
    report = client.post(f"/api/v1/filings/{filing['id']}/check", headers=auth).get_json()
    [problem] = [p for p in report["problems"] if p["code"] == "total_too_large"]
    assert "(cu fișa de validare a semnăturilor)" in problem["message"]


def test_no_sheet_before_the_package_is_signed(client, auth, new_filing):
    filing = new_filing()
    response = client.get(f"/api/v1/filings/{filing['id']}/validation-sheet", headers=auth)
    assert response.status_code == 422
    [error] = response.get_json()["errors"]
    assert (error["field"], error["code"]) == ("status", "validation_sheet_not_frozen")


def test_another_directorates_filing_has_no_sheet_for_it(client, auth, other_auth, new_filing):
    filing = new_filing()
    response = client.get(
        f"/api/v1/filings/{filing['id']}/validation-sheet", headers=other_auth
    )
    assert response.status_code == 404


def test_the_verification_page_knows_only_signed_files_by_their_whole_hash(
    app, client, auth, new_filing, upload
):
    filing = new_filing()
    assert upload(filing["id"], "cerere", signed_pdf("Cerere")).status_code == 201
    draft = client.get(f"/api/v1/filings/{filing['id']}", headers=auth).get_json()
    sha = draft["documents"][0]["sha256"]
    for path in (
        f"/verificare/{sha}",  # held, but in a draft: not a filed, signed file
        f"/verificare/{sha[:20]}",
        f"/verificare/{'0' * 64}",
        "/verificare/<script>",
    ):
        page = client.get(path)
        assert page.status_code == 404, path
        assert "Fișier necunoscut" in page.get_data(as_text=True)
        assert "<script>" not in page.get_data(as_text=True)


def test_the_verification_page_is_limited_per_address(app, client):
    app.config["VERIFICATION_PER_MINUTE"] = 3
    answers = [client.get(f"/verificare/{'1' * 64}").status_code for _ in range(4)]
    assert answers == [404, 404, 404, 429]
    page = client.get(f"/verificare/{'1' * 64}")
    assert page.status_code == 429 and page.headers["Retry-After"] == "60"
    assert "Prea multe verificări" in page.get_data(as_text=True)


# ---- the words of the sheet, without LibreOffice ------------------------------------


def _report(**changes) -> SignatureReport:
    values = dict(
        field="S1",
        signer="Semnatar",
        signing_time=datetime(2027, 3, 12, 7, 0, tzinfo=UTC),
        timestamp=None,
        intact=True,
        valid=True,
        trusted=True,
        revoked=False,
        pades=True,
        level="B-LT",
        covers_whole_file=True,
        modified_after_signing=False,
        modification_level="NONE",
        modification="",
        summary=sheet.VALID_SUMMARY,
    )
    values.update(changes)
    return SignatureReport(**values)


def test_the_time_is_written_the_romanian_way_in_the_services_zone():
    assert sheet.moment_ro(datetime(2027, 3, 12, 7, 0, tzinfo=UTC), ZONE) == (
        "12 martie 2027, ora 09:00"
    )


@pytest.mark.parametrize(
    ("changes", "result"),
    [
        ({}, "validă"),
        ({"intact": False}, "invalidă: documentul a fost modificat"),
        ({"revoked": True}, "certificatul semnatarului este revocat"),
        ({"trusted": False}, "corectă, dar certificatul nu provine de la o autoritate"),
        ({"summary": "Semnătură validă pentru versiunea semnată, dar ..."}, "validă pentru"),
    ],
)
def test_each_result_reads_as_what_happened(changes, result):
    assert sheet.result_label(_report(**changes)).startswith(result)


def test_the_qualification_is_the_trusted_lists_and_a_folder_root_says_so():
    qualified = _report()
    qualified.qualification = validation.QES
    qualified.qualification_label = validation.QUALIFICATIONS[validation.QES][0]
    qualified.trust_source = validation.FROM_LIST
    assert sheet._qualification(qualified) == "semnătură electronică calificată"
    by_folder = _report()
    by_folder.qualification_label = validation.QUALIFICATIONS[validation.ADES][0]
    assert sheet._qualification(by_folder) == (
        "semnătură electronică avansată (rădăcină a direcției, nu dintr-o listă de încredere)"
    )
    refused = _report(trusted=False)
    assert sheet._qualification(refused) == "semnătură nevalidă"


def test_a_signature_the_service_did_not_make_has_no_role():
    reports = [_report(signer="Ana"), _report(signer="Altcineva")]
    lines = sheet.signature_lines(reports, [("Ana", "Consilier juridic")], ZONE)
    assert [line.role for line in lines] == ["—", "—"]
    lines = sheet.signature_lines(
        reports, [("Ana", "Consilier juridic"), ("Altcineva", "Director executiv")], ZONE
    )
    assert [line.role for line in lines] == ["Consilier juridic", "Director executiv"]


def test_the_largest_package_gives_a_readable_sheet_within_its_reserve(app, tmp_path):
    """``FILING_MAX_FILES`` files of two signatures each: smaller type, continued on a
    numbered second page if need be, every QR code still decoded, under the reserve
    the check and the split count for it."""
    count = app.config["FILING_MAX_FILES"]
    line = sheet.SignatureLine(
        signer="Ana Popescu-Ionescu",
        role="Consilier juridic",
        time="12 martie 2027, ora 09:00",
        level="PAdES B-LTA",
        qualification="semnătură avansată cu certificat calificat",
        result="validă",
    )
    files = [
        sheet.FileEntry(
            number=n,
            file_name=f"{n}. Înscrisuri - Înscris depus în dosar nr. {n}.pdf",
            kind="Înscris",
            sha256=f"{n:064x}",
            url=f"{BASE}/{n:064x}",
            signatures=[line, line],
        )
        for n in range(1, count + 1)
    ]
    made = sheet.Sheet(
        directorate="Direcția Generală de Asistență Socială și Protecția Copilului Cluj",
        court="Tribunalul Cluj",
        reference="CJ-2026-00001",
        court_case_number="2345/117/2026",
        manifest_sha256="f" * 64,
        verified_at="12 martie 2027, ora 09:00",
        files=files,
    )
    with app.app_context():
        from filing_service import adapters

        data = sheet.sheet_pdf(made, adapters.current().converter)
    assert len(data) < sheet.SHEET_RESERVE_BYTES
    pages = len(PdfReader(io.BytesIO(data)).pages)
    text = flat(pdf_text(data, tmp_path))
    assert all(f.sha256 in text and f.file_name in text for f in files)
    assert f"Pagina {pages} din {pages}" in text
    assert sorted(qr_codes(data, tmp_path)) == sorted(f.url for f in files)
