"""A case resent under the same external identifier (cases.service.replace_case): the
case now as the case system sees it, its history kept. Runs on both databases."""

from tests import builders

from .conftest import case_xml


def resend(post_xml, client, auth, **overrides) -> dict:
    response = post_xml("/api/v1/submissions", case_xml(external_id="SIS-R", **overrides))
    assert response.status_code in (200, 201), response.get_json()
    return client.get(
        f"/api/v1/cases/{response.get_json()['case_id']}", headers=auth
    ).get_json()


def test_a_measure_of_another_kind_replaces_the_one_in_force(post_xml, client, auth):
    resend(post_xml, client, auth)
    case = resend(
        post_xml,
        client,
        auth,
        measure=builders.emergency_measure(
            kind="plasament", authority="instanta", status="propusa", act_number=None
        ),
    )
    assert [(m["kind"], m["status"]) for m in case["measures"]] == [
        ("plasament_regim_urgenta", "inlocuita"),
        ("plasament", "propusa"),
    ]
    assert len(case["placement_targets"]) == 1  # the same maternal assistant


def test_a_parent_no_longer_sent_is_removed(post_xml, client, auth):
    resend(
        post_xml,
        client,
        auth,
        parents=[builders.parent(), builders.parent("tata", cnp=None, first_name="Ion")],
    )
    case = resend(post_xml, client, auth, parents=[builders.parent()])
    assert [p["role"] for p in case["parents"]] == ["mama"]


def test_events_recorded_by_others_stay_and_resent_ones_are_not_doubled(
    post_xml, client, auth
):
    first = resend(post_xml, client, auth)
    client.post(
        f"/api/v1/cases/{first['id']}/events",
        headers=auth,
        json={"kind": "cerere_depusa", "occurred_on": "2026-11-21"},
    )
    case = resend(post_xml, client, auth)
    assert sorted(e["kind"] for e in case["events"]) == [
        "cerere_depusa",
        "dispozitie_plasament_urgenta",
    ]


def test_a_resend_that_breaks_the_law_changes_nothing(post_xml, client, auth):
    """Moving the child from a maternal assistant to a residential service without a
    motivated danger (art. 73 alin. 3^1) is refused; the stored case stays as it was."""
    before = resend(post_xml, client, auth)
    response = post_xml(
        "/api/v1/submissions",
        case_xml(
            external_id="SIS-R",
            placement_target=builders.residential(),
            measure=builders.emergency_measure(
                kind="plasament",
                authority="instanta",
                status="propusa",
                residential_justification="Fără alternative.",
            ),
        ),
    )
    assert response.status_code == 422
    assert "art73_family_residential" in [e["code"] for e in response.get_json()["errors"]]
    after = client.get(f"/api/v1/cases/{before['id']}", headers=auth).get_json()
    assert after["measures"] == before["measures"]
    assert after["placement_targets"] == before["placement_targets"]
