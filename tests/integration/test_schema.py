"""The migrations build the same schema on SQLite and PostgreSQL, seeded with the 47
directorates; the OpenAPI document describes what the API validates."""

from sqlalchemy import inspect, select

from filing_service.db import engine, unit_of_work
from filing_service.models import Base, Directorate


def test_migrations_create_every_table_of_the_model(app):
    with app.app_context():
        tables = set(inspect(engine()).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_the_47_directorates_are_seeded_with_their_tribunals(app):
    with app.app_context(), unit_of_work() as uow:
        rows = {d.code: d.tribunal for d in uow.session.scalars(select(Directorate))}
    assert len(rows) == 47
    assert rows["B6"] == "Tribunalul București"
    assert rows["BV"] == "Tribunalul pentru Minori și Familie Brașov"


def test_the_openapi_document_comes_from_the_validating_models(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    create = document["paths"]["/api/v1/cases"]["post"]
    schema_ref = create["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    case_in = document["components"]["schemas"][schema_ref.rsplit("/", 1)[1]]
    assert case_in["additionalProperties"] is False  # unknown fields are refused
    assert "child" in case_in["required"]
    area = document["components"]["schemas"]["ChildIn"]["properties"]["domicile_area"]
    assert "CJ" in str(area) and "B6" in str(area)


def test_health_answers(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_the_migrations_match_the_models(app):
    """Every model change comes with its migration (autogenerate finds nothing to add)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with app.app_context(), engine().connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
