"""On the web dashboard of the competent directorate, urgent and 112-alerted reports come
first, above the deadlines; another directorate's dashboard does not show them."""

import pytest

from tests import builders
from tests.web.conftest import WebClient


@pytest.fixture
def browser_of(app, make_user):
    """A logged-in legal counsel of a directorate, as a browser."""

    def login(code: str) -> WebClient:
        name, password = make_user(f"consilier.{code.lower()}", "consilier_juridic", code)
        browser = WebClient(app.test_client())
        assert browser.login(name, password).status_code == 302
        return browser

    return login


def test_an_urgent_report_is_first_on_the_directorates_dashboard(
    send, client, auth, browser_of
):
    send(builders.report_119(children=[builders.reported_child(serial=71)]))
    urgent = send(
        builders.report_119(
            urgent=True, forms=["abuz_sexual"], children=[builders.reported_child(serial=72)]
        )
    )

    page = browser_of("CJ").get("/").get_data(as_text=True)

    assert 'id="urgente"' in page
    assert page.index('id="urgente"') < page.index('id="termene"')
    panel = page[page.index('id="urgente"') : page.index('id="termene"')]
    assert "Abuz sexual" in panel and "Neglijare" not in panel
    assert f"/cases/{urgent.get_json()['case_ids'][0]}" in panel


def test_another_directorates_dashboard_does_not_show_the_report(send, browser_of):
    send(builders.report_119(urgent=True, forms=["abuz_sexual"]))

    page = browser_of("B3").get("/").get_data(as_text=True)

    assert 'id="urgente"' not in page and "Abuz sexual" not in page
