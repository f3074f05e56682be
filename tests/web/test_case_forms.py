"""Creating and editing cases through the forms: the domain's errors appear next to the
field they concern, and what was typed is kept."""

from datetime import timedelta

from filing_service.law.cnp import build_cnp
from tests import builders
from tests.clock import TODAY
from tests.web.conftest import count_cases


def new_case_form(**overrides) -> dict:
    """The new-case form as a legal counsel fills it for an emergency placement today."""
    born = builders.years_ago(9, days=40)
    today = TODAY.isoformat()
    form = {
        "child.last_name": "Popescu",
        "child.first_name": "Andrei-Ștefan",
        "child.cnp": build_cnp(born, sex="M", county_code="12", serial=11),
        "child.domicile_area": "CJ",
        "child.domicile_address": "Str. Fictivă nr. 7",
        "situation": "c",
        "court": "Tribunalul Cluj",
        "opened_on": today,
        "facts_summary": "Copilul a fost găsit singur în locuință.",
        "event.kind": "dispozitie_plasament_urgenta",
        "event.occurred_on": today,
        "measure.kind": "plasament_regim_urgenta",
        "measure.authority": "director",
        "measure.status": "in_vigoare",
        "measure.decided_on": today,
        "measure.starts_on": today,
        "measure.act_number": "1045",
        "placement_target.kind": "asistent_maternal",
        "placement_target.name": "Elena Vlad",
        "parent.role": "mama",
        "parent.last_name": "Popescu",
        "parent.first_name": "Maria",
    }
    form.update(overrides)
    return form


def test_a_counsel_records_an_emergency_placement_in_one_form(counsel):
    response = counsel.post("/cases/new", new_case_form())
    assert response.status_code == 302
    page = counsel.get(response.headers["Location"]).get_data(as_text=True)
    assert "Popescu Andrei-Ștefan" in page
    assert "Plasament în regim de urgență" in page
    assert "Dispoziție de plasament în regim de urgență" in page  # the timeline
    assert "Elena Vlad" in page and "Maria" in page


def test_an_invalid_cnp_is_shown_next_to_the_cnp_and_nothing_typed_is_lost(app, counsel):
    response = counsel.post("/cases/new", new_case_form(**{"child.cnp": "5150312120019"}))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    field = page.split('id="f-child-cnp"', 1)[1].split("</div>\n</div>", 1)[0]
    assert "cifra de control" in field or "CNP" in field
    assert 'value="5150312120019"' in page
    assert 'value="Andrei-Ștefan"' in page and "Copilul a fost găsit singur" in page
    assert count_cases(app) == 0


def test_a_measure_ending_before_it_starts_is_refused_at_its_end_date(app, counsel):
    start = TODAY
    response = counsel.post(
        "/cases/new",
        new_case_form(**{"measure.ends_on": (start - timedelta(days=3)).isoformat()}),
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    field = page.split('id="f-measure-ends_on"', 1)[1].split("</div>\n</div>", 1)[0]
    assert "error-text" in field
    assert count_cases(app) == 0


def test_residential_care_for_a_child_under_seven_is_refused_citing_article_64(app, counsel):
    born = builders.years_ago(4, days=10)
    response = counsel.post(
        "/cases/new",
        new_case_form(
            **{
                "child.cnp": build_cnp(born, sex="M", county_code="12", serial=11),
                "placement_target.kind": "serviciu_rezidential",
                "placement_target.name": "Casa „Speranța”",
                "placement_target.residential_kind": "casa_tip_familial",
            }
        ),
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    field = page.split('id="f-placement_target-kind"', 1)[1].split("</div>\n</div>", 1)[0]
    assert "art. 64 alin. (1)" in field and "7 ani" in field
    assert count_cases(app) == 0


def test_a_form_without_the_csrf_token_is_refused(app, counsel):
    response = counsel.post("/cases/new", new_case_form(), csrf=False)
    assert response.status_code == 400
    assert "Formularul a expirat" in response.get_data(as_text=True)
    assert count_cases(app) == 0


def test_a_form_with_another_sessions_csrf_token_is_refused(app, counsel, web):
    other = web("consilier_juridic")
    response = counsel.post("/cases/new", {**new_case_form(), "csrf_token": other.csrf})
    assert response.status_code == 400
    assert count_cases(app) == 0


def test_editing_a_parent_with_a_birth_after_the_child_names_the_birth_date(
    counsel, make_case
):
    case = make_case()
    parent = case["parents"][0]
    url = f"/cases/{case['id']}/parents/{parent['id']}"
    form = {
        "role": "mama",
        "last_name": "Popescu",
        "first_name": "Maria",
        "birth_date": TODAY.isoformat(),
        "parental_rights": "exercitate",
    }
    response = counsel.post(url, form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    field = page.split('id="f-birth_date"', 1)[1].split("</div>\n</div>", 1)[0]
    assert "error-text" in field
    assert f'value="{TODAY.isoformat()}"' in page


def test_a_hearing_added_on_the_form_appears_on_the_case_page(counsel, make_case):
    case = make_case()
    response = counsel.post(
        f"/cases/{case['id']}/hearings/new",
        {"scheduled_at": "2026-12-03T09:30", "court": "Tribunalul Cluj", "panel": "C3"},
    )
    assert response.status_code == 302
    page = counsel.get(f"/cases/{case['id']}").get_data(as_text=True)
    assert "3 decembrie 2026, ora 09:30" in page


def test_the_case_list_finds_a_case_by_name_cnp_and_court_number(counsel, make_case):
    case = make_case(court_case_number="1234/117/2026")
    make_case(child=builders.child(first_name="Ioana", last_name="Vasile", serial=12))
    for query in ("andrei popescu", case["child"]["cnp"], "1234/117/2026"):
        page = counsel.get("/cases", query_string={"q": query}).get_data(as_text=True)
        assert case["reference"] in page, query
        assert "Vasile" not in page, query


def test_residential_care_chosen_on_the_measure_form_is_refused_at_the_placement(
    app, counsel, make_case, client, make_token
):
    """Art. 64 alin. 1 on the measure form: the error sits at "where the child is placed"."""
    case = make_case(
        child=builders.child(age=4, serial=12), measure=None, events=[], placement_target=None
    )
    headers = make_token("CJ", "sistem x")
    home = client.post(
        f"/api/v1/cases/{case['id']}/placement-targets",
        headers=headers,
        json=builders.residential(),
    ).get_json()
    response = counsel.post(
        f"/cases/{case['id']}/measures/new",
        {
            "kind": "plasament",
            "authority": "instanta",
            "status": "propusa",
            "placement_target_id": str(home["id"]),
            "legal_basis": "art. 65 alin. (2)",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    field = page.split('id="f-placement_target_id"', 1)[1].split("</div>\n</div>", 1)[0]
    assert "art. 64 alin. (1)" in field
    assert 'value="art. 65 alin. (2)"' in page


def test_a_head_request_to_a_form_writes_nothing_and_answers_as_get(app, counsel):
    """Flask answers HEAD on every GET route, and the CSRF check lets HEAD through as a
    safe method: a view must then treat it as GET, never as the form's POST."""
    before = count_cases(app)
    response = counsel.client.open("/cases/new", method="HEAD", data=new_case_form())
    assert response.status_code == 200
    assert count_cases(app) == before
    assert counsel.client.open("/login", method="HEAD").status_code in (200, 302)
