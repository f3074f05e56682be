"""The web pages in Debian's Chromium: a legal counsel records an emergency placement
ordered today, generates the art. 70 petition and the art. 139 report, signs them with
the token's PIN and sees the 5-day term on the dashboard; an auditor reads but cannot
edit; a user of another directorate cannot open the case. Screenshots of the main pages
are saved as artefacts under test-artifacts/screenshots/."""

import re

import pytest
from playwright.sync_api import expect

from filing_service.law.cnp import build_cnp
from tests import builders
from tests.clock import TODAY
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


@pytest.fixture(scope="module")
def people(live_server):
    """The staff of DGASPC Cluj the tests act as, and a counsel of Sector 3."""
    return {
        "counsel": live_server.add_user(
            "ana.popescu", "consilier_juridic", full_name="Ana Popescu"
        ),
        "auditor": live_server.add_user("dan.stoica", "auditor", full_name="Dan Stoica"),
        "stranger": live_server.add_user(
            "elena.dumitrescu", "consilier_juridic", "B3", full_name="Elena Dumitrescu"
        ),
    }


@pytest.fixture(scope="module")
def case_url(live_server, people, chromium):
    """The emergency placement case the counsel records in the browser, today."""
    context = chromium.new_context(locale="ro-RO", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        log_in(page, live_server, people["counsel"])
        url = record_emergency_placement(page, live_server)
    finally:
        context.close()
    return url


def record_emergency_placement(page, server) -> str:
    """Fill the new-case form for a child of 9 placed today with a maternal assistant."""
    today = TODAY.isoformat()
    born = builders.years_ago(9, days=40)
    page.goto(server.url + "/cases/new")
    page.locator("#f-child-last_name").fill("Popescu")
    page.locator("#f-child-first_name").fill("Andrei-Ștefan")
    page.locator("#f-child-cnp").fill(build_cnp(born, sex="M", county_code="12", serial=11))
    page.locator("#f-child-domicile_address").fill("Str. Fictivă nr. 7, Cluj-Napoca")
    page.locator("#f-child-domicile_area").select_option("CJ")
    page.locator("#f-situation").select_option("c")
    page.locator("#f-court").select_option("Tribunalul Cluj")
    page.locator("#f-facts_summary").fill(
        "Copilul a fost găsit singur în locuință, fără hrană, timp de trei zile."
    )
    page.locator("#f-event-kind").select_option("dispozitie_plasament_urgenta")
    page.locator("#f-event-occurred_on").fill(today)
    page.locator("#f-measure-kind").select_option("plasament_regim_urgenta")
    page.locator("#f-measure-authority").select_option("director")
    page.locator("#f-measure-status").select_option("in_vigoare")
    page.locator("#f-measure-act_number").fill("1045")
    page.locator("#f-measure-decided_on").fill(today)
    page.locator("#f-measure-starts_on").fill(today)
    page.locator("#f-placement_target-kind").select_option("asistent_maternal")
    page.locator("#f-placement_target-name").fill("Elena Vlad")
    page.locator("#f-placement_target-attestation").fill("Atestat AMP nr. 77/2025")
    page.locator("#f-parent-last_name").fill("Popescu")
    page.locator("#f-parent-first_name").fill("Maria")
    page.locator("#f-parent-agrees_to_measure").select_option("nu")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "04-cauza-noua", full_page=False)
    page.get_by_role("button", name="Salvează cauza").click()
    page.wait_for_url(re.compile(r"/cases/\d+\?created=1$"))
    expect(page.get_by_text("Cauza a fost înregistrată.")).to_be_visible()
    return page.url.split("?")[0]


def test_a_counsel_records_an_emergency_placement_and_sees_it_on_the_case_page(
    page, live_server, people, case_url
):
    log_in(page, live_server, people["counsel"])
    page.goto(case_url)
    expect(page.get_by_role("heading", name="Popescu Andrei-Ștefan")).to_be_visible()
    expect(page.locator("#measures")).to_contain_text("Plasament în regim de urgență")
    expect(page.locator("#cronologie")).to_contain_text(
        "Dispoziție de plasament în regim de urgență"
    )
    expect(page.locator("#termene")).to_contain_text("art. 70 alin. 1")
    page.goto(live_server.url + "/cases")
    expect(page.get_by_role("link", name=re.compile(r"^CJ-\d{4}-"))).to_be_visible()
    screenshot(page, "03-lista-cauze")


@pytest.mark.parametrize(
    "title, parents_variant",
    [
        (
            "Cerere de înlocuire a plasamentului în regim de urgență cu măsura plasamentului",
            True,
        ),
        ("Raport referitor la copil (art. 139 din Legea nr. 272/2004)", True),
    ],
)
def test_a_counsel_generates_a_court_document_and_signs_it_with_the_token_pin(
    page, live_server, people, case_url, token, title, parents_variant
):
    log_in(page, live_server, people["counsel"])
    page.goto(case_url)
    page.get_by_role("link", name="Documente", exact=True).first.click()
    expect(page.get_by_role("heading", name="Ce document întocmiți?")).to_be_visible()
    if "Raport" in title:
        screenshot(page, "06-asistent-documente")
    page.locator("a.doc-type", has_text=title).click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    page.get_by_role("button", name="Generează documentul").click()
    expect(page.get_by_role("status").first).to_contain_text("a fost generat")
    expect(page.locator("iframe.preview").first).to_be_visible()
    if parents_variant:
        expect(page.get_by_role("heading", name="Pentru părinți (art. 67^1)")).to_be_visible()
    pdf = page.request.get(
        live_server.url + page.locator("iframe.preview").first.get_attribute("src")
    )
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    page.get_by_label("Cheia de semnare").select_option("token-consilier")
    page.get_by_label("PIN-ul tokenului sau parola cheii").fill(token.pin)
    if "Cerere" in title:
        screenshot(page, "07-document-semnare")
    page.get_by_role("button", name="Semnează documentul").click()
    expect(page.get_by_role("status").first).to_contain_text("Documentul a fost semnat.")
    expect(page.locator("body")).to_contain_text("Semnat de")
    expect(page.locator("body")).not_to_contain_text(token.pin)
    with page.expect_download() as download:
        page.get_by_role("link", name="Descarcă PDF semnat").click()
    assert download.value.suggested_filename.endswith("semnat.pdf")


def test_the_counsel_sees_the_five_day_term_on_the_dashboard(
    page, live_server, people, case_url
):
    log_in(page, live_server, people["counsel"])
    term = page.locator(".deadline", has_text="Sesizarea instanței după plasamentul")
    expect(term).to_be_visible()
    expect(term).to_contain_text("art. 70 alin. 1")
    expect(term).to_contain_text("Andrei-Ștefan Popescu")
    screenshot(page, "02-panou")
    page.goto(live_server.url + "/calendar")
    screenshot(page, "08-calendar")
    page.goto(case_url)
    screenshot(page, "05-cauza")


def test_a_wrong_cnp_is_shown_next_to_the_field_with_the_form_kept(page, live_server, people):
    log_in(page, live_server, people["counsel"])
    page.goto(live_server.url + "/cases/new")
    page.locator("#f-child-last_name").fill("Ionescu")
    page.locator("#f-child-first_name").fill("Maria")
    page.locator("#f-child-cnp").fill("5150312120019")
    page.get_by_role("button", name="Salvează cauza").click()
    expect(page.get_by_role("alert")).to_contain_text("Datele nu au fost salvate")
    expect(page.locator("#f-child-cnp")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-child-first_name")).to_have_value("Maria")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "04b-eroare-cnp", full_page=False)


def test_an_auditor_reads_the_case_but_cannot_edit_it(page, live_server, people, case_url):
    log_in(page, live_server, people["auditor"])
    page.goto(case_url)
    expect(page.get_by_role("heading", name="Popescu Andrei-Ștefan")).to_be_visible()
    expect(page.get_by_role("link", name="Modifică cauza")).to_have_count(0)
    expect(page.get_by_role("link", name="Cauză nouă")).to_have_count(0)
    response = page.goto(case_url + "/edit")
    assert response.status == 403
    expect(page.get_by_role("heading", name="Acțiune nepermisă")).to_be_visible()


def test_a_user_of_another_directorate_cannot_open_the_case(
    page, live_server, people, case_url
):
    log_in(page, live_server, people["stranger"])
    response = page.goto(case_url)
    assert response.status == 404
    expect(page.get_by_role("heading", name="Pagina nu a fost găsită")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Popescu")


def test_the_login_page(page, live_server):
    page.goto(live_server.url + "/login")
    expect(page.get_by_role("heading", name="Autentificare")).to_be_visible()
    screenshot(page, "01-autentificare")


def test_the_pages_break_no_rule_of_their_content_security_policy(
    page, live_server, people, case_url
):
    """Every page works under its strict policy: nothing it holds is refused (the
    browser's ``securitypolicyviolation`` events), and the one behaviour, selecting a
    secret shown once with a click, comes from app.js."""
    refused = []
    page.expose_function("reportRefused", lambda text: refused.append(text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => window.reportRefused(e.violatedDirective + ' ' + e.blockedURI))"
    )
    log_in(page, live_server, people["counsel"])
    for path in ("/", "/cases?q=Popescu", "/cases/new", "/calendar"):
        page.goto(live_server.url + path)
    page.goto(case_url)
    documents = page.locator("a[href*='/documents/']").filter(has_not_text="Document")
    if documents.count():  # the signing tests of this module made some
        documents.first.click()
        expect(page.locator("iframe.preview").first).to_be_visible()
    page.goto(live_server.url + "/")
    page.get_by_role("button", name=re.compile("Abonează-te|Generează o adresă")).click()
    feed = page.locator("#feed")
    feed.click(position={"x": 4, "y": 4})  # at the start: without app.js, only a caret
    assert feed.evaluate("f => f.selectionStart === 0 && f.selectionEnd === f.value.length")
    assert refused == []
