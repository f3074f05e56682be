"""The administrator keeps each court's filing rules on a page: every rule with its
source, every mistake shown at once, the change audited; nobody else may change them."""

import re

from sqlalchemy import select

from filing_service.db import unit_of_work
from filing_service.filings import courts
from filing_service.models import AuditEvent, Court, Directorate


def court_of(app, name="Tribunalul Cluj", code="CJ") -> Court:
    with app.app_context(), unit_of_work() as uow:
        directorate = uow.session.scalar(select(Directorate).where(Directorate.code == code))
        courts.ensure_directory(uow.session, directorate.id)  # as the first listing does
        uow.commit()
        court = uow.session.scalar(
            select(Court).where(Court.directorate_id == directorate.id, Court.name == name)
        )
        uow.session.expunge(court)
        return court


def form_of(page: str) -> dict:
    """The values the edit page shows, as a browser would post them back untouched."""
    data: dict = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or name.group(1) == "csrf_token":
            continue
        value = re.search(r'value="([^"]*)"', tag)
        if 'type="checkbox"' in tag:
            if " checked" in tag:
                data.setdefault(name.group(1), []).append(value.group(1))
            continue
        data[name.group(1)] = value.group(1) if value else ""
    selects = re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S)
    for name, options in selects:
        chosen = re.search(r'<option value="([^"]+)" selected', options)
        data[name] = chosen.group(1) if chosen else ""
    return {
        k: (v if isinstance(v, list) else v.replace("&#34;", '"')) for k, v in data.items()
    }


def test_the_administrator_sets_a_courts_rules_with_their_source(app, web):
    admin = web("administrator")
    listing = admin.get("/admin/instante")
    assert listing.status_code == 200
    text = listing.get_data(as_text=True)
    assert "Tribunalul Cluj" in text and "Neconfirmată" in text
    court = court_of(app)

    page = admin.get(f"/admin/instante/{court.id}").get_data(as_text=True)
    assert "Rezoluția maximă a scanărilor (dpi)" in page
    assert "cea mai strictă dintre regulile comune" in page  # the defaults' source
    data = form_of(page)
    assert data["max_message_bytes"] == "10" and data["max_scan_dpi"] == "200"
    data.update(
        max_scan_dpi="300",
        max_message_bytes="7,5",
        one_message_per_case=[],  # unticked
        **{"source-max_scan_dpi": "Anunț Tribunalul Cluj, 3 iulie 2023"},
    )
    response = admin.post(f"/admin/instante/{court.id}", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)

    saved = court_of(app)
    assert saved.max_scan_dpi == 300
    assert saved.max_message_bytes == 7_500_000
    assert saved.one_message_per_case is False
    assert saved.scans_monochrome is True  # left as it was
    assert saved.rule_sources["max_scan_dpi"] == "Anunț Tribunalul Cluj, 3 iulie 2023"
    assert saved.rule_sources["max_message_bytes"].startswith(
        "Stabilită de administratorul direcției la "
    )
    assert "one_message_per_case" in saved.rule_sources
    assert "scans_monochrome" not in (saved.rule_sources or {})
    with app.app_context(), unit_of_work() as uow:
        entry = uow.session.scalar(
            select(AuditEvent)
            .where(AuditEvent.entity == "court", AuditEvent.entity_id == court.id)
            .order_by(AuditEvent.id.desc())
        )
        assert entry.changes["max_scan_dpi"] == [200, 300]
        assert "administrator" in entry.actor
    again = admin.get(f"/admin/instante/{court.id}").get_data(as_text=True)
    assert "Regulile pentru Tribunalul Cluj au fost salvate." in again
    assert 'value="Anunț Tribunalul Cluj, 3 iulie 2023"' in again


def test_every_mistake_is_shown_at_once_and_nothing_is_saved(app, web):
    admin = web("administrator")
    court = court_of(app)
    data = form_of(admin.get(f"/admin/instante/{court.id}").get_data(as_text=True))
    data.update(
        max_scan_dpi="9000",
        max_message_bytes="zece",
        file_name_pattern="{tip}",
        accepted_types=["docx"],
        min_hours_before_hearing="o zi",
    )
    response = admin.post(f"/admin/instante/{court.id}", data=data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Datele nu au fost salvate" in page
    for message in (
        "între 72 și 1200 dpi",
        "Scrieți limita în MB",
        "numărul de ordine {nr}",
        "Lista trebuie să conțină pdf",
        "Scrieți un număr întreg",
    ):
        assert message in page, message
    assert 'value="zece"' in page  # what was typed stays in the form
    saved = court_of(app)
    assert (saved.max_scan_dpi, saved.max_message_bytes) == (200, 10_000_000)
    assert saved.file_name_pattern == "{nr}. {tip}"


def test_only_the_administrator_opens_or_changes_the_rules(app, web):
    court = court_of(app)
    counsel = web("consilier_juridic")
    assert counsel.get("/admin/instante").status_code == 403
    assert counsel.get(f"/admin/instante/{court.id}").status_code == 403
    response = counsel.post(f"/admin/instante/{court.id}", data={"max_scan_dpi": "600"})
    assert response.status_code == 403
    assert court_of(app).max_scan_dpi == 200


def test_another_directorates_court_is_not_found(app, web):
    theirs = court_of(app, "Tribunalul București", "B3")
    admin = web("administrator")
    assert admin.get(f"/admin/instante/{theirs.id}").status_code == 404
    response = admin.post(f"/admin/instante/{theirs.id}", data={"max_scan_dpi": "600"})
    assert response.status_code == 404
    assert court_of(app, "Tribunalul București", "B3").max_scan_dpi == 200
