"""The OpenAPI document describes what the API really answers: every schema it refers
to exists, and every success a view can answer is documented."""

from tests import builders


def refs(node):
    """Every ``$ref`` inside ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def test_every_schema_the_document_refers_to_exists(client):
    document = client.get("/api/v1/openapi.json").get_json()
    schemas = document["components"]["schemas"]
    missing = {
        ref
        for ref in refs(document)
        if ref.removeprefix("#/components/schemas/") not in schemas
    }
    assert not missing
    status = document["paths"]["/api/v1/filings"]["get"]["parameters"]
    (param,) = [p for p in status if p["name"] == "status"]
    assert "#/components/schemas/Status" in list(refs(param))  # the filings' own enum


def test_a_report_already_received_answers_a_documented_200(client, auth):
    operation = client.get("/api/v1/openapi.json").get_json()["paths"][
        "/api/v1/intake/reports"
    ]["post"]
    report = builders.report_119()
    assert client.post("/api/v1/intake/reports", json=report, headers=auth).status_code == 201
    again = client.post("/api/v1/intake/reports", json=report, headers=auth)
    assert again.status_code == 200
    assert "200" in operation["responses"]
    assert operation["responses"]["200"]["content"] == operation["responses"]["201"]["content"]


def test_a_path_id_is_documented_with_the_bound_the_router_applies(client):
    document = client.get("/api/v1/openapi.json").get_json()
    (param,) = document["paths"]["/api/v1/cases/{case_id}"]["get"]["parameters"]
    assert param["schema"] == {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}
