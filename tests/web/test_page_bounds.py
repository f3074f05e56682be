"""A page's id too large for the database answers the web's 404 page, never a 500 (the
app's ``int`` converter, ``api.bounds.IdConverter``): every page route with an id, taken
from the app's URL map so that a page added later is covered too."""

import re

from werkzeug.routing import IntegerConverter

HUGE = 2**63  # one more than SQLite's largest integer


def test_every_page_with_an_id_answers_404_to_an_id_too_large_for_the_database(
    app, web, make_case
):
    make_case("CJ")
    browser = web("consilier_juridic")
    tried = 0
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") or "GET" not in rule.methods:
            continue
        if not rule.arguments or any(
            not isinstance(rule._converters[name], IntegerConverter) for name in rule.arguments
        ):
            continue
        url = re.sub(r"<[^>]+>", str(HUGE), rule.rule)
        response = browser.get(url)
        assert response.status_code == 404, (rule.rule, response.status_code)
        assert "nu a fost găsită" in response.get_data(as_text=True)
        tried += 1
    assert tried >= 5


def test_the_case_page_answers_404_to_an_id_too_large_for_the_database(web, make_case):
    make_case("CJ")
    response = web("consilier_juridic").get(f"/cases/{HUGE}")
    assert response.status_code == 404
    assert "nu a fost găsită" in response.get_data(as_text=True)


def test_the_case_search_with_a_page_too_large_for_the_database_shows_the_list(web, make_case):
    make_case("CJ")
    browser = web("consilier_juridic")
    for query in (f"page={HUGE}", "opened_from=9999-01-01", "q=Popescu&page=-1"):
        response = browser.get(f"/cases?{query}")
        assert response.status_code == 200, query
