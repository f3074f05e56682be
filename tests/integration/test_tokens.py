"""API tokens: stored as a digest only, refused once revoked."""

from sqlalchemy import select

from filing_service.db import unit_of_work
from filing_service.models import ApiToken
from tests.clock import FIXED_NOW


def test_only_the_digest_of_a_token_is_stored(app, auth):
    token = auth["Authorization"].split()[1]
    with app.app_context(), unit_of_work() as uow:
        record = uow.session.scalar(select(ApiToken))
    assert record.token_hash != token and token not in record.token_hash
    assert len(record.token_hash) == 64


def test_a_revoked_token_is_refused(app, client, auth):
    assert client.get("/api/v1/cases", headers=auth).status_code == 200
    with app.app_context(), unit_of_work() as uow:
        uow.session.scalar(select(ApiToken)).revoked_at = FIXED_NOW
        uow.commit()
    response = client.get("/api/v1/cases", headers=auth)
    assert response.status_code == 401
    assert "revocat" in response.get_json()["detail"]
