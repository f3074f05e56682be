"""Case-changed hooks belong to the app that registered them: two apps in one process
(tests, a worker beside the web) do not run each other's."""

from filing_service.cases.hooks import register_case_changed_hook
from filing_service.deadlines.service import on_case_changed
from tests import builders
from tests.conftest import make_app


def test_a_hook_registered_on_one_app_is_not_run_by_another_app_of_the_process(
    app, client, auth, database_url, tmp_path
):
    seen = []
    register_case_changed_hook(app, lambda session, case: seen.append(case.reference))
    other = next(make_app(database_url, tmp_path / "other"))
    try:
        answer = other.test_client().post("/api/v1/cases", json=builders.case(), headers=auth)
        assert answer.status_code == 201, answer.get_json()
        assert seen == []

        answer = client.post("/api/v1/cases", json=builders.case(), headers=auth)
        assert answer.status_code == 201, answer.get_json()
        assert seen == [answer.get_json()["reference"]]
    finally:
        other.extensions["db_engine"].dispose()


def test_every_app_follows_case_changes_with_its_deadlines(app, database_url, tmp_path):
    other = next(make_app(database_url, tmp_path / "other"))
    try:
        for each in (app, other):
            assert each.extensions["case_changed_hooks"] == [on_case_changed]
    finally:
        other.extensions["db_engine"].dispose()
